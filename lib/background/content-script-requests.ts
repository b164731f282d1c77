import { browser } from 'wxt/browser';
import { cachedBriefForRecord } from '@/lib/brief/brief';
import { glanceFor } from '@/lib/leads/glance';
import { broadcast, type ContentScriptRequest, type GlanceMessage } from '@/lib/messaging/messages';
import { lookupProfile } from '@/lib/brief/profiles';
import type { Brief, LeadProfile } from '@/lib/schema';
import { recordKey, type DetectedRecord } from '@/lib/schema/record';
import { leadConnector } from './connectors';
import { loadSettings } from '@/lib/store/settings';
import { getTabRecord, setTabRecord } from '@/lib/store/tab-records';
import { customSiteFor } from './custom-sites';
import { noteLook } from './first-look';
import { openSidePanel } from './side-panel';
import { takeTabLookup } from './lookup-budget';

/** Where a content-script message came from, as the browser (not the message) says. */
export interface ContentScriptSender {
  tabId: number;
  windowId?: number;
  url?: string;
}

/** Handles what a CRM tab's content script reports. The tab comes from the sender, never the message. */
export async function handleContentScriptRequest(request: ContentScriptRequest, { tabId, windowId, url }: ContentScriptSender) {
  switch (request.type) {
    case 'record-detected': {
      const change = await setTabRecord(tabId, request.record);
      if (change !== 'none') {
        const brief = await briefToSendAlong(request.record);
        await broadcast({ type: 'tab-record-changed', tabId, record: request.record, brief });
        void prefetch(tabId, request.record, brief?.state === 'found' ? brief.profile : undefined);
      }
      return { ok: true };
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
  }
}

/**
 * A cached lead's brief goes out with the news of the switch, sparing an open panel the round trip
 * of asking for it. Built whether or not a panel is open: asking the browser which pages are open
 * costs more (~15 ms) than building from the cache (a few ms, in the worker, off the CRM page).
 * Only a found lead's: a miss cached before the page showed the e-mail may not be the last word,
 * and the panel asks for that one itself.
 */
async function briefToSendAlong(record: DetectedRecord): Promise<Brief | undefined> {
  const brief = await cachedBriefForRecord(record);
  return brief?.state === 'found' ? brief : undefined;
}

/**
 * Looks the lead up as soon as the record is detected, so the brief is cached by the time the rep
 * opens the panel, then gives the tab its glance pill, unless the tab has moved on meanwhile.
 * `cached`: the profile the brief just sent along was built from, which needs no second lookup.
 * Lookups the page causes are budgeted per tab (lookup-budget.ts).
 */
async function prefetch(tabId: number, record: DetectedRecord, cached?: LeadProfile): Promise<void> {
  try {
    if (!cached && !takeTabLookup(tabId)) return;
    const profile = cached ?? (await lookUp(record));
    const current = await getTabRecord(tabId);
    if (!profile || !current || recordKey(current) !== recordKey(record)) return;
    // The rep opened a lead's record and marketing knows them, panel open or not (the glance shows).
    void noteLook(current, profile);
    const message: GlanceMessage = { type: 'glance', recordKey: recordKey(record), glance: glanceFor(current, profile) };
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // The side panel shows lookup errors with a retry; the pill simply stays hidden.
  }
}

async function lookUp(record: DetectedRecord): Promise<LeadProfile | null> {
  const settings = await loadSettings();
  const { entry } = await lookupProfile(record, { ...(await leadConnector(settings)), ttlMinutes: settings.cacheTtlMinutes });
  return entry.profile;
}
