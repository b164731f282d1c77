import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentScriptRequest } from '@/lib/messaging/messages';
import { RecordAnswerSchema } from '@/lib/schema/glance';
import { safeParse } from '@/lib/schema/zod-lean';
import { createGlancePill } from './glance-pill';
import type { CrmDetector } from './types';
import { watchRecords, type WatchedRecord } from './watch';

/**
 * What every CRM content script does: detect which record is open, and who, report it to the
 * background worker, and show the glance the worker answers the report with. Each CRM has its own tiny
 * content script that passes only its own detectors, so no CRM page loads the others' code.
 */
export function runRecordDetection(ctx: ContentScriptContext, detectors: readonly CrmDetector[]): void {
  const send = (message: ContentScriptRequest) => browser.runtime.sendMessage(message).catch(() => undefined);
  const pill = createGlancePill(document, () => void send({ type: 'open-side-panel' }));
  ctx.onInvalidated(() => pill.remove());
  let currentKey: string | undefined;
  const enter = (key: string) => {
    if (key === currentKey) return;
    currentKey = key;
    pill.hide();
    // A user-timing mark costs nothing and lets the benchmark (and a curious engineer in DevTools)
    // see exactly when each record was detected.
    performance.mark('leadside:record-detected', { detail: key });
  };

  watchRecords(window, detectors, {
    signal: ctx.signal,
    ownElements: [pill.element],
    onRecordUrl: (match) => enter(`${match.crm}:${match.recordId}`),
    onRecord(record: WatchedRecord) {
      enter(`${record.crm}:${record.recordId}`);
      void send({ type: 'record-detected', record }).then((answer) => {
        const parsed = safeParse(RecordAnswerSchema, answer);
        const glance = parsed.success ? parsed.data.glance : undefined;
        // A glance for a record this tab has already left is stale: drop it.
        if (glance && glance.recordKey === currentKey && !ctx.isInvalid) pill.show(glance.glance);
      });
    },
    onNoRecord() {
      currentKey = undefined;
      pill.hide();
      void send({ type: 'record-cleared' });
    },
  });
}
