import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUILT_IN_CRM_MATCHES } from '@/lib/crm/registry';
import { watchRecords, type WatchedRecord } from '@/lib/crm/watch';
import { GlanceMessageSchema } from '@/lib/schema/glance';
import type { ContentScriptRequest } from '@/lib/messages';
import { createGlancePill } from './glance-pill';

/** Detection only: which record is open, and who. Everything else happens in the background worker. */
export default defineContentScript({
  matches: [...BUILT_IN_CRM_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const send = (message: ContentScriptRequest) => browser.runtime.sendMessage(message).catch(() => undefined);
    const pill = createGlancePill(document, () => void send({ type: 'open-side-panel' }));
    ctx.onInvalidated(() => pill.remove());
    let currentKey: string | undefined;

    watchRecords(window, {
      signal: ctx.signal,
      onRecord(record: WatchedRecord) {
        const key = `${record.crm}:${record.recordId}`;
        if (key !== currentKey) pill.hide();
        currentKey = key;
        void send({ type: 'record-detected', record });
      },
      onNoRecord() {
        currentKey = undefined;
        pill.hide();
        void send({ type: 'record-cleared' });
      },
    });

    browser.runtime.onMessage.addListener((raw: unknown) => {
      const parsed = GlanceMessageSchema.safeParse(raw);
      // A glance for a record this tab has already left is stale: drop it.
      if (parsed.success && parsed.data.recordKey === currentKey) pill.show(parsed.data.glance);
    });
  },
});
