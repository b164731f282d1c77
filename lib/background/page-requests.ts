import { clearLocalData } from '@/lib/store/db';
import { syncCustomSiteScripts } from './custom-sites';
import { deliverDue } from './delivery';
import { sourceChanged, testConnection } from './source-requests';
import { teamStats } from './team-stats';
import { requestStatuses } from './request-statuses';
import { retryFailed, undeliveredItems, withDeliveryPaused } from '@/lib/delivery/outbox';
import { exportUndelivered } from '@/lib/delivery/export';
import { eraseLead } from '@/lib/store/retention';
import { briefForTab, briefSource } from '@/lib/brief/brief';
import { recordContentEvent, recordSuggested } from '@/lib/delivery/content-events';
import { listFeedback, storeFeedback } from '@/lib/delivery/feedback';
import { broadcast, type PageRequest, type PageResponse } from '@/lib/messaging/messages';
import { chooseProfile, getCachedProfile } from '@/lib/brief/profiles';
import { leadConnector } from './connectors';
import { noteLookAtBrief } from './first-look';
import { leadRefFor } from '@/lib/delivery/lead-ref';
import { recordKey } from '@/lib/schema/record';
import { loadSettings } from '@/lib/store/settings';
import { sourceSnapshot } from '@/lib/leads/source-snapshot';
import { forgetTabsInMemory, getTabRecord } from '@/lib/store/tab-records';

/** Handles requests from Leadside's own pages. */
export async function handlePageRequest(request: PageRequest): Promise<PageResponse<PageRequest['type']>> {
  switch (request.type) {
    case 'get-tab-record':
      return { record: await getTabRecord(request.tabId) };

    case 'get-brief': {
      const brief = await briefForTab(request.tabId, request.refresh);
      noteLookAtBrief(brief);
      return brief;
    }

    case 'brief-source':
      return briefSource();

    case 'record-content-event': {
      const record = await requireRecord(request.tabId, request.leadKey);
      const cached = await getCachedProfile(recordKey(record));
      await recordContentEvent({
        type: request.eventType,
        contentId: request.contentId,
        leadKey: recordKey(record),
        source: sourceSnapshot(cached?.profile),
      });
      void deliverDue();
      return { ok: true };
    }

    case 'suggestions-shown': {
      const cached = await getCachedProfile(request.leadKey);
      await recordSuggested(request.contentIds, request.leadKey, sourceSnapshot(cached?.profile));
      return { ok: true };
    }

    case 'submit-feedback': {
      const record = await requireRecord(request.tabId, request.leadKey);
      const [cached, settings] = await Promise.all([getCachedProfile(recordKey(record)), loadSettings()]);
      const stored = await storeFeedback({
        id: request.id,
        payload: request.payload,
        // A verdict can come before the CRM page has rendered the person: marketing's copy fills in.
        lead: leadRefFor(record, cached?.profile),
        source: sourceSnapshot(cached?.profile),
        rep: settings.repName,
        webhookHost: settings.webhook?.host,
      });
      await broadcast({ type: 'feedback-changed', leadKey: recordKey(record) });
      void deliverDue().then(() => broadcast({ type: 'feedback-changed', leadKey: recordKey(record) }));
      return { ok: true, feedback: stored };
    }

    case 'list-feedback':
      return { feedback: await listFeedback(request.leadKey) };

    case 'clear-local-data':
      // With no delivery in flight, and after counting what would be lost under the same pause.
      await withDeliveryPaused(async () => {
        const undelivered = (await undeliveredItems()).length;
        if (undelivered > 0 && !request.discardUndelivered) {
          const [has, them] = undelivered === 1 ? ['item has', 'it'] : ['items have', 'them'];
          throw new Error(`${undelivered} ${has} not reached marketing yet: deliver or export ${them} first, or choose to lose ${them}.`);
        }
        await clearLocalData();
      });
      forgetTabsInMemory();
      return { ok: true };

    case 'erase-lead': {
      const erased = await withDeliveryPaused(() => eraseLead(request.leadKey));
      await broadcast({ type: 'feedback-changed', leadKey: request.leadKey });
      return erased;
    }

    case 'local-data-summary':
      return { undelivered: (await undeliveredItems()).length };

    case 'export-undelivered':
      return exportUndelivered();

    case 'search-profiles': {
      const { connector, timeoutMs } = await leadConnector(await loadSettings());
      return { results: await connector.searchProfiles(request.text, AbortSignal.timeout(timeoutMs)) };
    }

    case 'choose-profile': {
      const record = await requireRecord(request.tabId, request.leadKey);
      // The id the lookup compares with: the merged connector's when systems are read beside the main one.
      await chooseProfile(record, request.profileId, (await leadConnector(await loadSettings())).connector.id);
      // The record is the same; its brief is another: panels showing the lead ask for it again.
      await broadcast({ type: 'brief-updated', leadKey: recordKey(record) });
      return { ok: true };
    }

    case 'test-connection':
      return { checks: await testConnection() };

    case 'source-changed':
      await sourceChanged();
      return { ok: true };

    case 'retry-delivery': {
      await retryFailed(request.ids);
      void deliverDue().then(() => (request.leadKey ? broadcast({ type: 'feedback-changed', leadKey: request.leadKey }) : undefined));
      return { ok: true };
    }

    case 'sync-custom-sites':
      await syncCustomSiteScripts();
      return { ok: true };

    case 'team-stats':
      return teamStats(request.since);

    case 'request-statuses':
      return requestStatuses(request.ids);
  }
}

/**
 * The record the tab shows, which must still be the one the panel showed the rep (`leadKey`): if the
 * tab moved on between the panel's render and the click, filing against the tab's record would
 * put the rep's verdict on a lead they never saw.
 */
async function requireRecord(tabId: number, leadKey: string) {
  const record = await getTabRecord(tabId);
  if (!record) throw new Error('This tab no longer shows a CRM record.');
  if (recordKey(record) !== leadKey) {
    throw new Error('The tab has moved on to another record since the panel showed this lead: nothing was filed. Check the lead shown now and try again.');
  }
  return record;
}
