import { db as defaultDb, type LeadsideDb } from './db';
import { countImported, type SearchLine } from './import-rows';
import { crmKey, emailKey, pageViewOwnerKeys } from '@/lib/import/keys';
import { unpackProfile } from '@/lib/import/pack';
import { idsOf, readAllEntries, readEntries, type LookupIds } from './import-buckets';
import { ContentItemSchema, LeadProfileSchema, PageViewSchema, summarizeZodError, type ContentItem, type LeadProfile, type PageView } from '@/lib/schema';
import { ConnectorError, type CapabilityCheck, type Connector, type LookupQuery, type ProfileSummary } from '@/lib/connectors/types';
import { connectorText } from '@/lib/connectors/message-codes';

/** At most this many matches for the rep's search, like the other connectors. */
const SEARCH_LIMIT = 20;

/**
 * The File import source: profiles, page views and content that the admin imported from CSV or JSON
 * files (lib/import) into this browser's IndexedDB. Leads are found by CRM record id, then e-mail,
 * like every source. Nothing leaves the browser, so feedback has nowhere to go but Insights.
 */
export function createFileImportConnector(database: LeadsideDb = defaultDb): Connector {
  async function profileById(id: string | undefined, signal: AbortSignal): Promise<LeadProfile | null> {
    if (id === undefined) return null;
    const stored = (await readEntries<unknown>(database, 'profiles', [id])).get(id);
    signal.throwIfAborted();
    if (stored === undefined) return null;
    // What is stored was valid when imported; it is checked again so nothing invalid leaves.
    const parsed = LeadProfileSchema.safeParse(unpackProfile(stored));
    if (!parsed.success) {
      const summary = summarizeZodError(parsed.error);
      throw new ConnectorError('malformed', `The imported profile ${id} did not validate: ${summary}. Import it again.`, undefined, undefined, connectorText('file.storedProfileInvalid', { id }, summary));
    }
    const profile = parsed.data;
    // Page-view files name the lead by profile id or by e-mail: both lists are the lead's, and a
    // view imported both ways is one view.
    const lists = await readEntries<unknown[]>(database, 'pageViews', pageViewOwnerKeys(profile));
    const views = new Map<string, PageView>();
    for (const view of [...profile.pageViews, ...[...lists.values()].flat()]) {
      const checked = PageViewSchema.safeParse(view);
      if (checked.success) views.set(`${checked.data.viewedAt}\n${checked.data.url}`, checked.data);
    }
    profile.pageViews = [...views.values()].sort((a, b) => Date.parse(a.viewedAt) - Date.parse(b.viewedAt));
    return profile;
  }

  /** The first profile with this lookup key, if any. */
  async function idFor(key: string): Promise<string | undefined> {
    return idsOf((await readEntries<LookupIds>(database, 'keys', [key])).get(key))[0];
  }

  return {
    id: 'file',
    label: 'Imported files',

    async findProfile(query: LookupQuery, signal: AbortSignal) {
      const byRecord = await idFor(crmKey(query.crm, query.recordId));
      if (byRecord !== undefined) return profileById(byRecord, signal);
      const email = query.email?.trim();
      if (!email) return null;
      return profileById(await idFor(emailKey(email)), signal);
    },

    getProfile(id: string, signal: AbortSignal) {
      return profileById(id, signal);
    },

    async searchProfiles(text: string, signal: AbortSignal): Promise<ProfileSummary[]> {
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [];
      // A scan of the small search copy (name, e-mail, company), like the demo's; ~100,000 lines take
      // a fraction of a second, and the rep searches only to correct a match.
      const lines = await readAllEntries<SearchLine>(database, 'search');
      signal.throwIfAborted();
      const found: ProfileSummary[] = [];
      for (const [id, entry] of lines) {
        const haystack = `${entry.name ?? ''} ${entry.email ?? ''} ${entry.company ?? ''}`.toLowerCase();
        if (words.every((word) => haystack.includes(word))) found.push({ id, ...entry });
      }
      return found.sort(byName).slice(0, SEARCH_LIMIT);
    },

    async listContent(signal: AbortSignal): Promise<ContentItem[]> {
      const entries = await readAllEntries<unknown>(database, 'content');
      signal.throwIfAborted();
      // Every item was validated on import; one that no longer is (an older schema) is left out
      // rather than costing the rep the whole catalog.
      return entries.flatMap(([, item]) => {
        const parsed = ContentItemSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      });
    },

    // Imported files have no system behind them: feedback stays in this browser (and in Insights).
    async deliver(entries) {
      return entries.map((entry) => ({ id: entry.id, outcome: 'unsupported' as const }));
    },

    async testConnection(): Promise<CapabilityCheck[]> {
      const { profiles, pageViews, content } = await countImported(database);
      return [
        { capability: 'auth', ok: true, message: 'No account needed: the data is imported into this browser.', coded: connectorText('file.check.auth', {}) },
        profiles > 0
          ? {
              capability: 'lookup',
              ok: true,
              message: `${plural(profiles, 'profile')} and ${plural(pageViews, 'page view')} imported`,
              coded: connectorText('file.check.lookup', { count: profiles, views: pageViews }),
            }
          : { capability: 'lookup', ok: false, message: 'No profiles imported yet: import a profiles file (CSV or JSON).', coded: connectorText('file.check.noProfiles', {}) },
        content > 0
          ? { capability: 'content', ok: true, message: `${plural(content, 'content item')} imported`, coded: connectorText('file.check.content', { count: content }) }
          : { capability: 'content', ok: false, message: 'No content imported yet: suggestions need a content catalog file.', coded: connectorText('file.check.noContent', {}) },
        { capability: 'write', ok: true, message: 'Feedback stays in this browser; nothing is sent.', coded: connectorText('local.check.write', {}) },
      ];
    },
  };
}

function byName(a: ProfileSummary, b: ProfileSummary): number {
  return (a.name ?? a.email ?? a.id).localeCompare(b.name ?? b.email ?? b.id);
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
