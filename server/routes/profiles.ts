import { Hono } from 'hono';
import { z } from 'zod';
import { CrmIdSchema } from '@/lib/schema';
import type { Database } from '../db/database';
import { findProfileForRecord, getProfile, searchProfiles } from '../db/queries/profiles';
import type { AppEnv } from '../http/env';
import { jsonError } from '../http/errors';
import { validate } from '../http/validate';
import { findProfileThroughSource, getProfileThroughSource, searchProfilesThroughSource } from '../sources/profile-fallthrough';

const LookupQuerySchema = z.object({ crm: CrmIdSchema, recordId: z.string().min(1), email: z.string().optional() });
const SearchQuerySchema = z.object({ q: z.string() });
const IdParamSchema = z.object({ id: z.string().min(1) });

/**
 * Lead profiles: by CRM record (else e-mail), by id, and search. Always within the caller's team. A
 * miss asks the team's HubSpot or Mautic, when it has one (server/sources/profile-fallthrough.ts).
 */
export function profileRoutes(database: Database) {
  return new Hono<AppEnv>()
    .get('/profiles', validate('query', LookupQuerySchema), async (c) => {
      const { teamId } = c.get('caller');
      const query = c.req.valid('query');
      const profile = (await findProfileForRecord(database.db, teamId, query)) ?? (await findProfileThroughSource(database, teamId, query, c.req.raw.signal));
      return profile ? c.json({ profile }) : jsonError(c, 404, 'Marketing does not know this person.');
    })
    .get('/profiles/search', validate('query', SearchQuerySchema), async (c) => {
      const { teamId } = c.get('caller');
      const { q } = c.req.valid('query');
      const results = await searchProfiles(database.db, teamId, q);
      return c.json({ results: results.length > 0 ? results : await searchProfilesThroughSource(database, teamId, q, c.req.raw.signal) });
    })
    .get('/profiles/:id', validate('param', IdParamSchema), async (c) => {
      const { teamId } = c.get('caller');
      const { id } = c.req.valid('param');
      const profile = (await getProfile(database.db, teamId, id)) ?? (await getProfileThroughSource(database, teamId, id, c.req.raw.signal));
      return profile ? c.json({ profile }) : jsonError(c, 404, 'No such profile.');
    });
}
