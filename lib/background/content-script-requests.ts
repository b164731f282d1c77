import { announceRefresh, sourceSettings } from '@/lib/brief/brief';
import { glanceFor } from '@/lib/leads/glance';
import { broadcast, type ContentScriptRequest, type GlanceMessage } from '@/lib/messaging/messages';
import type { RecordAnswer } from '@/lib/schema/glance';
import { lookupCachedProfile, lookupProfile, notePersonShown, readCachedLookup } from '@/lib/brief/profiles';
import { isTiedToRecord } from '@/lib/leads/crm-record';
import { loadSettings } from '@/lib/store/settings';
import { recordKey, recordPlace, type DetectedRecord } from '@/lib/schema/record';
import { getTabRecord, setTabRecord } from '@/lib/store/tab-records';
import { customSiteFor } from './custom-sites';
import { injectCode } from './code-injection';
import { noteLook } from './first-look';
import { openSidePanel } from './side-panel';
import { takeTabLookup } from './lookup-budget';
import { workerLook } from './ui-language';

/** Where a content-script message came from, as the browser (not the message) says. */
export interface ContentScriptSender {
  tabId: number;
  windowId?: number;
  url?: string;
  /** The reporting document (Chrome names it; Firefox does not). */
  documentId?: string;
}

/** Handles what a CRM tab's content script reports. The tab comes from the sender, never the message. */
export async function handleContentScriptRequest(request: ContentScriptRequest, { tabId, windowId, url, documentId }: ContentScriptSender) {
  switch (request.type) {
    case 'record-detected':
      return answerReport(tabId, request.record, request.wantsGlance);
    case 'record-opened': {
      // Answered from the cache alone, never the source: a record the worker does not know is read
      // from the page as before, and its one lookup then takes the e-mail too.
      const shown = await personKnownFor(request.record);
      if (!shown) return { ok: true };
      return { ...(await answerReport(tabId, { ...request.record, ...shown }, true)), known: shown } satisfies RecordAnswer;
    }
    case 'record-cleared': {
      if ((await setTabRecord(tabId, null)) !== 'none') await broadcast({ type: 'tab-record-changed', tabId, record: null });
      return { ok: true };
    }
    case 'open-side-panel':
      await openSidePanel(tabId, windowId);
      return { ok: true };
    case 'get-custom-site':
      return { site: await customSiteFor(url) };
    case 'load-code':
      await injectCode(tabId, documentId, request.code);
      return { ok: true };
  }
}

/**
 * Notes the tab's record and answers with its glance, on the report's own channel, so a record costs
 * the CRM page one message round, not a report and then a separate push.
 */
async function answerReport(tabId: number, record: DetectedRecord, wantsGlance = false): Promise<RecordAnswer & { ok: true }> {
  const { glance } = await noteTabRecord(tabId, record, wantsGlance);
  const message = await glance;
  return message === NO_LEAD ? { ok: true, noLead: true } : message ? { ok: true, glance: message } : { ok: true };
}

/**
 * Who the record's page showed when it was last read, where reading it again could only confirm
 * what the cache (fresh or stale) answers for it:
 * - a lead marketing ties to the record by its id, whose own address that read showed;
 * - nobody: the lookup made with the address that read showed found no lead.
 * A record whose page showed someone else (a reassigned id, a merged contact) or no address is read
 * again, as is one whose cache entry a refresh without the page's address has replaced, and one on
 * another account's page (record ids are one account's: Pipedrive's person 48213 is someone in each).
 */
async function personKnownFor(record: DetectedRecord): Promise<{ email: string; name?: string } | undefined> {
  const entry = (await readCachedLookup(record, (await loadSettings()).cacheTtlMinutes))?.entry;
  // Shown on this account's page: another account's record with the same id is someone else.
  if (!entry?.email || entry.shownOn !== recordPlace(record)) return undefined;
  const { profile } = entry;
  if (profile && !(profile.email?.toLowerCase() === entry.email.toLowerCase() && isTiedToRecord(profile, record))) return undefined;
  return { email: entry.email, ...(entry.name ? { name: entry.name } : {}) };
}

/** The worker's pass found that marketing does not know the record's lead. */
const NO_LEAD = 'no-lead';

/**
 * Keeps the record the tab reports and tells the pages; `glance` (in an object, so awaiting this
 * does not wait for it) settles once the worker's one pass over a new record is done.
 */
export async function noteTabRecord(
  tabId: number,
  record: DetectedRecord,
  /** The tab has no glance for the record yet: one even when the report changes nothing here. */
  wantsGlance = false,
): Promise<{ glance: Promise<GlanceMessage | typeof NO_LEAD | undefined> }> {
  const change = await setTabRecord(tabId, record);
  if (change === 'none') return { glance: wantsGlance ? followRecord(tabId, record) : Promise.resolve(undefined) };
  const glance = followRecord(tabId, record);
  // An open side panel heard the content script's report too, and has already built a cached
  // lead's brief from the IndexedDB it shares with the worker; this tells it the worker has
  // the record, so it may ask for the brief of a lead that is not cached.
  await broadcast({ type: 'tab-record-changed', tabId, record });
  return { glance };
}

/**
 * The worker's one pass over a record the tab now shows, panel open or not: the profile from the
 * cache (a stale copy starts its refresh), else one lookup, so the brief is ready when the rep opens
 * the panel; then the glance for the tab's pill, unless the tab has moved on meanwhile. The side
 * panel's request for the same lead joins this lookup (lib/brief/profiles.ts), never a second one.
 * Lookups the page causes are budgeted per tab (lookup-budget.ts); the cache is not.
 */
async function followRecord(tabId: number, record: DetectedRecord): Promise<GlanceMessage | typeof NO_LEAD | undefined> {
  // A company's or a deal's record has no lead: its pill, if the record showed one before the page
  // said what it is (a Capsule party), goes.
  if (record.nonPerson) return NO_LEAD;
  try {
    const { connector, ttlMinutes, timeoutMs } = await sourceSettings();
    const options = { connector, ttlMinutes, timeoutMs, onRefreshed: announceRefresh(record) };
    const cached = await lookupCachedProfile(record, options);
    if (!cached && !takeTabLookup(tabId)) return undefined;
    const { entry } = cached ?? (await lookupProfile(record, options));
    // Found by the record's id alone (cached, or a lookup by id this report joined while it was out):
    // the page has since shown who it is, which is what the worker knows the record by next time.
    if (record.email && !entry.email) void notePersonShown(record).catch(() => undefined);
    const current = await getTabRecord(tabId);
    if (!current || recordKey(current) !== recordKey(record)) return undefined;
    if (!entry.profile) return NO_LEAD;
    // The rep opened a lead's record and marketing knows them, panel open or not (the glance shows).
    void noteLook(current, entry.profile);
    return { recordKey: recordKey(record), glance: glanceFor(current, entry.profile, await workerLook()) };
  } catch {
    // The side panel shows lookup errors with a retry; the pill simply stays hidden.
    return undefined;
  }
}
