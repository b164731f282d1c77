import { HTTPException } from 'hono/http-exception';
import type { LookupQuery, ProfileSummary } from '@/lib/connectors/types';
import { ConnectorError } from '@/lib/connectors/types';
import { splitPageViews } from '@/lib/import/validate';
import type { LeadProfile } from '@/lib/schema';
import type { Database } from '../db/database';
import { getProfile } from '../db/queries/profiles';
import { storeRecords } from '../import/store-import';
import { loadTeamConnector, StoredSourceError, type TeamConnector } from './connector';
import { SecretsKeyError } from './secrets-crypto';

/**
 * What the profile routes do when the server has no match: ask the team's own marketing systems
 * (HubSpot, Mautic; all of them at once when the team has several, merged into one profile with
 * each system's score, stage and note in `systems`) through the shared connectors, store what they
 * find with the import's storage functions (so the next lookup is answered from the database,
 * without a vendor call), and answer it. A team without a source gets its miss as before. A vendor
 * failure is a 502 whose message is the vendor's own (connectors cut secrets out of their messages)
 * only when no system answered; when one did, the failure is a note on the profile instead.
 */
export async function findProfileThroughSource(database: Database, teamId: string, query: LookupQuery, signal: AbortSignal): Promise<LeadProfile | null> {
  return askSource(database, teamId, null, async ({ connector }) => {
    const found = await connector.findProfile(query, signal);
    return found ? storeFound(database, teamId, found) : null;
  });
}

export async function getProfileThroughSource(database: Database, teamId: string, id: string, signal: AbortSignal): Promise<LeadProfile | null> {
  return askSource(database, teamId, null, async ({ connector }) => {
    const found = await connector.getProfile(id, signal);
    return found ? storeFound(database, teamId, found) : null;
  });
}

/** Summaries only (nothing to store): the rep's pick is then fetched, and stored, by id. */
export async function searchProfilesThroughSource(database: Database, teamId: string, text: string, signal: AbortSignal): Promise<ProfileSummary[]> {
  return askSource(database, teamId, [], ({ connector }) => connector.searchProfiles(text, signal));
}

async function askSource<T>(database: Database, teamId: string, withoutSource: T, ask: (team: TeamConnector) => Promise<T>): Promise<T> {
  try {
    const team = await loadTeamConnector(database, teamId);
    return team ? await ask(team) : withoutSource;
  } catch (error) {
    if (error instanceof ConnectorError) throw new HTTPException(502, { message: error.message });
    if (error instanceof SecretsKeyError || error instanceof StoredSourceError) {
      // The server's own set-up, not the vendor: the operator must see it in the log too.
      console.error(`Team ${teamId}'s marketing system cannot be asked: ${error.message}`);
      throw new HTTPException(502, { message: `The team's marketing system cannot be asked: ${error.message}` });
    }
    throw error;
  }
}

/**
 * The vendor's profile through the import's storage, answered as any later lookup will read it. A
 * merged profile that misses a system which failed is answered but not stored: stored, it would
 * stand in for the whole answer on every later lookup, and the failed system would never be asked again.
 */
async function storeFound(database: Database, teamId: string, found: LeadProfile): Promise<LeadProfile> {
  if (found.systems?.some((system) => system.error !== undefined)) return found;
  const { profile, pageViews } = splitPageViews(found);
  await storeRecords(database.db, teamId, { profiles: [profile], pageViews, content: [] });
  return (await getProfile(database.db, teamId, profile.id)) ?? found;
}
