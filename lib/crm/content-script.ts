import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentScriptRequest } from '@/lib/messaging/messages';
import { RecordAnswerSchema, type Glance } from '@/lib/schema/glance';
import { safeParse } from '@/lib/schema/zod-lean';
import type { GlancePill, GlancePillHolder } from './glance-pill';
import type { CrmDetector } from './types';
import { watchRecords, type WatchedRecord } from './watch';

/** How many records' glances a tab keeps for its returns. A const enum: written in where used. */
const enum Kept {
  Glances = 100,
}

/**
 * How long a glance that came before the record's page waits for the CRM to draw that page: it is
 * shown with the CRM's next change (in the CRM's own frame), or after this long on a page that does
 * not change. A const enum: written in where used.
 */
const enum GlanceWait {
  Ms = 1000,
}

/**
 * What every CRM content script does: detect which record is open, and who, report it to the
 * background worker, and show the glance the worker answers the report with. Each CRM has its own tiny
 * content script that passes only its own detectors, so no CRM page loads the others' code.
 */
export function runRecordDetection(ctx: Pick<ContentScriptContext, 'signal' | 'isInvalid'>, detectors: readonly CrmDetector[]): void {
  const send = (message: ContentScriptRequest) => browser.runtime.sendMessage(message).catch(() => undefined);
  /**
   * The pill's code comes with the tab's first glance, injected by the worker into this script's
   * own world (entrypoints/glance-pill.ts): a CRM page whose leads marketing does not know never
   * loads it. `own` is the watch's list of Leadside's elements, which the pill joins when made.
   */
  let pill: GlancePill | undefined;
  const own: Element[] = [];
  const loadPill = async () => {
    if (!pill) await send({ type: 'load-code', code: 'glance-pill' });
    const create = (globalThis as GlancePillHolder).leadsideGlancePill;
    if (!pill && create && !ctx.isInvalid) own.push((pill = create(document, () => void send({ type: 'open-side-panel' }))).element);
  };
  ctx.signal.addEventListener('abort', () => pill?.remove());
  let currentKey: string | undefined;
  /**
   * The glance each record of this tab was last shown with. A return to a record shows it again in
   * the URL change's own task, drawn in the frame the CRM draws the record in rather than in a frame
   * of its own when the worker answers (an answer that then changes nothing, or corrects it).
   */
  const glances = new Map<string, Glance>();
  const enter = (key: string) => {
    if (key === currentKey) return;
    currentKey = key;
    pill?.hide();
    const known = glances.get(key);
    if (known) pill?.show(known);
    // A user-timing mark costs nothing and lets the benchmark (and a curious engineer in DevTools)
    // see exactly when each record was detected.
    performance.mark('leadside:record-detected', { detail: key });
  };

  /** Shows (or takes down) the pill as the worker's answer to a report about `record` says; the answer, parsed. */
  const takeAnswer = async (record: WatchedRecord, answer: unknown) => {
    const key = `${record.crm}:${record.recordId}`;
    const parsed = safeParse(RecordAnswerSchema, answer);
    if (!parsed.success || ctx.isInvalid) return undefined;
    const { glance, noLead } = parsed.data;
    if (glance) {
      const shown = glance.glance;
      glances.set(glance.recordKey, shown);
      await loadPill();
      // An answer about a record this tab has already left changes nothing on screen, nor one a later
      // answer has replaced; showing the same glance again changes nothing (the pill compares).
      const show = () => glances.get(currentKey!) === shown && pill?.show(shown);
      // A page still loading (a report of the URL alone, no person shown yet) gets its pill with
      // the record, in the frame the CRM draws it in: a pill shown on its own costs the CRM page a
      // frame of its own. Only a glance waits, so an answer without one never takes its place.
      if (record.name || record.email) show();
      else page.withNextChange(show, GlanceWait.Ms);
    }
    // A tab open all day visits hundreds of records: the oldest glance goes first.
    if (glances.size > Kept.Glances) glances.delete(glances.keys().next().value!);
    if (noLead) {
      glances.delete(key);
      if (key === currentKey) pill?.hide();
    }
    return parsed.data;
  };

  const page = watchRecords(window, detectors, {
    signal: ctx.signal,
    ownElements: own,
    loadGenericReader: () => send({ type: 'load-code', code: 'generic-reader' }),
    onRecordUrl: (match) => enter(`${match.crm}:${match.recordId}`),
    onRecord(record: WatchedRecord) {
      const key = `${record.crm}:${record.recordId}`;
      enter(key);
      // A record this page load has no glance for yet (a reload of the record the tab showed) asks
      // for it, even where the report tells the worker nothing new.
      void send({ type: 'record-detected', record, ...(glances.has(key) ? {} : { wantsGlance: true }) }).then((answer) => takeAnswer(record, answer));
    },
    async askKnown(record: WatchedRecord) {
      return (await takeAnswer(record, await send({ type: 'record-opened', record })))?.known;
    },
    onNoRecord() {
      currentKey = undefined;
      pill?.hide();
      void send({ type: 'record-cleared' });
    },
  });
}
