import { useKnownShadowRoots } from './dom';
import { loadedGenericReader } from './generic-reader-holder';
import { readPageIdentity } from './read-page';
import { trackShadowRoots } from './shadow-roots';
import type { CrmDetector, PageIdentity, RecordMatch } from './types';

export interface WatchedRecord extends RecordMatch, PageIdentity {
  url: string;
}

export interface WatchOptions {
  /**
   * Called in the URL change's own task as soon as the URL names a record, before the page is read:
   * the moment the record is detected.
   */
  onRecordUrl?(match: RecordMatch): void;
  /**
   * Called once the record is known (just after the URL change's frame, with whatever of the person
   * the page then shows), then again each time more of the person is read.
   */
  onRecord(record: WatchedRecord): void;
  /** Called when the tab moves from a record to a page that is not one. */
  onNoRecord(): void;
  /**
   * Asked in the URL change's task when the URL names a person's record this page load has not read
   * (not a record whose person the page decides): resolves with who the record's page showed when
   * last read, where reading it again could only confirm what the worker already answers for it (a
   * lead marketing ties to the record by its id, or no lead), and the page is then not read for it at
   * all (no reads, no API call, no report: the worker noted the record in answering); undefined to
   * read it. The first read waits for the answer, up to KNOWN_WAIT_MS.
   */
  askKnown?(record: WatchedRecord): Promise<PageIdentity | undefined>;
  signal: AbortSignal;
  /** How long to keep watching a record page for its person to render. */
  identityTimeoutMs?: number;
  /**
   * How long to distrust a page that still shows the previous record's person after a switch (a
   * CRM re-rendering slowly); past it, two records may really share a person (duplicates).
   */
  staleGraceMs?: number;
  /**
   * Leadside's own elements on the page (the glance pill). Their comings and goings are not the CRM
   * rendering the person, so they never trigger a read.
   */
  ownElements?: readonly Element[];
  /**
   * Brings the generic reader into this script's world (generic-reader-holder.ts) the first time a
   * read wants it; the read is made again once it has come. Asked again after a failure (a worker
   * starting up on a busy machine), up to GENERIC_READER_ASKS times a page load: a tab that cannot be
   * scripted reads with the CRM's own selectors alone.
   */
  loadGenericReader?(): Promise<unknown>;
}

/** What the caller can ask of a running watch. */
export interface RecordWatch {
  /**
   * Calls `draw` in the task of the CRM's next change to the page, so that what `draw` changes is
   * drawn in the frame the CRM draws anyway instead of in one of its own, and again after
   * `maxWaitMs` (for a page that does not change again): `draw` must be idempotent.
   */
  withNextChange(draw: () => void, maxWaitMs: number): void;
}

/**
 * Follows the tab through the CRM's in-app navigation and reports which record is open. URL changes
 * come from the Navigation API where the browser has it (no polling lag); each change aborts the
 * previous record's page watch, so a slow page for A can never report for B.
 */
export function watchRecords(win: Window, detectors: readonly CrmDetector[], options: WatchOptions): RecordWatch {
  const { signal } = options;
  let currentUrl: string | undefined;
  let pageWatch: AbortController | undefined;
  let hadRecord = false;
  let previous: { key: string; identity: PageIdentity } | undefined;
  /**
   * The person each record of this page load was last reported with, once the page or the API named
   * them by e-mail. A return to the record reports them again at once and reads nothing: a record's
   * person changes only through the CRM's own edit, which a visit no longer follows once it has read
   * the person either. A record whose person the worker knew (askKnown) was never read: it is
   * reported by its URL alone, and `shown` is who its page showed for the next record's stale check.
   * Kept for the last RECORDS_KEPT records, oldest out first.
   */
  const readBefore = new Map<string, { reported: PageIdentity; shown: PageIdentity }>();
  const remember = (key: string, reported: PageIdentity, shown = reported) => {
    readBefore.delete(key);
    readBefore.set(key, { reported, shown });
    if (readBefore.size > RECORDS_KEPT) readBefore.delete(readBefore.keys().next().value!);
  };
  const changes = observePageChanges(win.document, signal, options.ownElements ?? []);
  let genericReaderAsks = 0;
  let genericReaderComing: Promise<void> | undefined;
  /** Calls `then` once the generic reader has come, or once asking for it has failed. */
  const bringGenericReader = (then: () => void) => {
    if (!options.loadGenericReader) return;
    if (!genericReaderComing && genericReaderAsks < GENERIC_READER_ASKS) {
      genericReaderAsks += 1;
      genericReaderComing = options
        .loadGenericReader()
        .catch(() => undefined)
        .then(() => {
          if (!loadedGenericReader()) genericReaderComing = undefined;
        });
    }
    void genericReaderComing?.then(then);
  };

  const check = () => {
    const href = win.location.href;
    if (href === currentUrl || signal.aborted) return;
    currentUrl = href;
    pageWatch?.abort();
    pageWatch = new AbortController();
    signal.addEventListener('abort', () => pageWatch?.abort(), { once: true, signal: pageWatch.signal });

    const url = new URL(href);
    const found = detectors.map((detector) => ({ detector, match: detector.matchUrl(url) })).find((entry) => entry.match);
    if (!found?.match) {
      if (hadRecord) options.onNoRecord();
      hadRecord = false;
      return;
    }
    hadRecord = true;
    const { detector } = found;
    const match = found.match;
    const key = `${match.crm}:${match.recordId}`;
    const watch = pageWatch.signal;
    // A record is a record whatever its markup: the URL alone is reported, and a page that says
    // more (which contact of a Close lead, a Capsule person or organisation) refines it.
    options.onRecordUrl?.(match);

    // What the last record's page showed; a read that still shows exactly that is the old page.
    const staleIdentity = previous && previous.key !== key ? previous.identity : undefined;
    const startedAt = Date.now();
    const staleGraceMs = options.staleGraceMs ?? 1500;
    let fromPage: PageIdentity = {};
    let fromApi: PageIdentity = {};
    let reported: PageIdentity | undefined;

    // The page and the CRM's API each fill in what they know. Where both do, the API's answer is the
    // record's own data and wins over what the page was read to show, except for which person of
    // the record the page shows (a Close lead's expanded contact).
    const report = () => {
      const pageRecord = fromPage.record ?? fromApi.record;
      const identity: PageIdentity = { ...definedOnly(fromPage), ...definedOnly(fromApi), ...(pageRecord ? { record: pageRecord } : {}) };
      const record = identity.record ?? match;
      if (watch.aborted || (reported && sameIdentity(identity, reported))) return;
      reported = identity;
      if (identity.email && !detector.personChangesInPlace) remember(key, identity);
      const { record: _resolved, notAPerson: _notAPerson, otherRecord: _otherRecord, genericPending: _pending, ...person } = identity;
      options.onRecord({ ...match, ...record, ...person, url: href });
    };

    const before = readBefore.get(key);
    if (before) {
      fromPage = before.reported;
      previous = { key, identity: before.shown };
      report();
      return;
    }

    /** Reading the page for the person: stopped early when the worker already knows them. */
    const reading = new AbortController();
    watch.addEventListener('abort', () => reading.abort(), { once: true, signal: reading.signal });
    const mayBeKnown = options.askKnown && !match.personFromPage && !match.nonPerson && !detector.personChangesInPlace;
    const asked = mayBeKnown ? options.askKnown!({ ...match, url: href }).catch(() => undefined) : undefined;
    void asked?.then((person) => {
      if (!person || watch.aborted) return;
      reading.abort();
      previous = { key, identity: person };
      // A read that ran while the worker was slow to answer reported the page without the person,
      // and that report may reach the worker after its own noting of the answer: the person's report
      // goes last, so the tab's record ends as the worker knows it.
      if (reported && !reported.email) {
        fromPage = person;
        report();
      } else if (!readBefore.has(key)) remember(key, {}, person);
    });

    // A page whose person can change in place is followed for as long as its URL stays.
    const followMs = detector.personChangesInPlace ? Number.POSITIVE_INFINITY : (options.identityTimeoutMs ?? 10_000);
    let readNoLaterThan = (_delayMs: number) => undefined as void;
    const startReading = () => {
      if (reading.signal.aborted) return;
      readNoLaterThan = followPage(win, changes, reading.signal, followMs, (first) => {
        const outcome = readPage(first);
        // The URL alone names the record. It is reported after the first page read, so a page that
        // already shows the person (a record the CRM kept rendered) costs one report, and one message
        // to the worker, instead of two.
        if (!reported) report();
        return outcome;
      });
      detector
        .fetchIdentity?.(match, reading.signal)
        .then((identity) => {
          fromApi = identity;
          report();
        })
        .catch(() => undefined); // the page's own reading stands
    };
    if (asked) void Promise.race([asked, new Promise((resolve) => setTimeout(resolve, KNOWN_WAIT_MS))]).then(startReading);
    else startReading();
    const readPage = (first: boolean): ReadOutcome => {
      const identity = readPageIdentity(detector, win.document, match, first);
      // Read again at once with the reader, or a little later (asking again) without it.
      if (identity.genericPending) bringGenericReader(() => readNoLaterThan(loadedGenericReader() ? 0 : MAX_READ_DELAY_MS));
      if (!identity.name && !identity.email && !identity.record) return 'same';
      // Any of the last person's details on the new record's page is the old page (or its title)
      // still showing: a layer that reads less than the CRM's selectors may see only one of them.
      const looksStale =
        staleIdentity !== undefined &&
        ((identity.name !== undefined && identity.name === staleIdentity.name) ||
          (identity.email !== undefined && identity.email === staleIdentity.email)) &&
        Date.now() - startedAt < staleGraceMs;
      if (looksStale) {
        // If the page never changes again, accept what it shows once the grace period is over.
        readNoLaterThan(staleGraceMs - (Date.now() - startedAt) + 1);
        return 'same';
      }
      previous = { key, identity };
      const changed = !sameIdentity(identity, fromPage);
      fromPage = identity;
      report();
      if (!detector.personChangesInPlace && identity.name && identity.email && identity.company) return 'done';
      return changed ? 'changed' : 'same';
    };
  };

  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  if (nav) {
    nav.addEventListener('currententrychange', check, { signal });
  } else {
    // Without the Navigation API (older Firefox) pushState is invisible to a content script's
    // events; a short poll is the fallback there, and only there.
    const timer = win.setInterval(check, 200);
    signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
  }
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  check();
  return { withNextChange: changes.withNextChange };
}

function sameIdentity(a: PageIdentity, b: PageIdentity): boolean {
  return (
    a.name === b.name &&
    a.email === b.email &&
    a.company === b.company &&
    a.record?.recordId === b.record?.recordId &&
    a.record?.objectType === b.record?.objectType
  );
}

function definedOnly(identity: PageIdentity): PageIdentity {
  return Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== undefined));
}

/** What a read made of the page: the person complete (stop), changed, or the same as last time. */
export type ReadOutcome = 'done' | 'changed' | 'same';

/**
 * The CRM's changes to the page, seen by one MutationObserver for the whole life of the content
 * script: on the document and on each open shadow root as it becomes known (shadow-roots.ts), so a
 * navigation costs no walk of the page. Leadside's own elements never count as a change.
 */
interface PageChanges extends RecordWatch {
  /** `listener` is called on each CRM change until replaced (undefined: nobody is reading). */
  follow(listener: (() => void) | undefined): void;
  /** Takes the changes not yet delivered without calling the listener: a read about to run sees them. */
  settle(): void;
}

function observePageChanges(doc: Document, signal: AbortSignal, own: readonly Element[]): PageChanges {
  const isOwn = (node: Node) => own.includes(node as Element);
  let listener: (() => void) | undefined;
  /** What waits for the page's next change (RecordWatch.withNextChange). */
  let onNextChange: (() => void) | undefined;
  /** Notes what the CRM added; whether any of `records` is the CRM's (not only Leadside's own). */
  const crmChanged = (records: MutationRecord[]) => {
    let theirs = false;
    for (const record of records) {
      if (isOwn(record.target)) continue;
      if (record.type === 'childList') {
        // Leadside's own element comes and goes only at the document element.
        if (record.target === doc.documentElement && [...record.addedNodes, ...record.removedNodes].every(isOwn)) continue;
        roots.noteAdded(record.addedNodes);
      }
      theirs = true;
    }
    return theirs;
  };
  const observer = new MutationObserver((records) => {
    onNextChange?.();
    onNextChange = undefined;
    // Between records too (the person read, nobody following), what the page adds is noted: the
    // CRM may render the next record's components, in roots already known, before its URL changes.
    if (crmChanged(records)) listener?.();
  });
  const observe = (root: Node) =>
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      // Visibility flips (hidden old page, shown new one) are attribute changes.
      attributeFilter: ['hidden', 'style', 'class', 'href'],
    });
  const roots = trackShadowRoots(doc, observe, isOwn);
  observe(doc);
  useKnownShadowRoots(roots);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      useKnownShadowRoots(undefined);
    },
    { once: true },
  );
  return {
    follow: (next) => (listener = next),
    settle: () => void crmChanged(observer.takeRecords()),
    withNextChange(draw, maxWaitMs) {
      onNextChange = draw;
      // The observer stops with the script (an updated extension's takes over); its timer must too.
      setTimeout(() => signal.aborted || draw(), maxWaitMs);
    },
  };
}

/** How many records' people a page load remembers for its returns (readBefore). */
const RECORDS_KEPT = 100;
/**
 * How long the first read of a record waits for the worker to say whether it already knows the
 * person (a cache read, a few ms; a worker that must first start takes longer, and the page is then
 * read meanwhile).
 */
const KNOWN_WAIT_MS = 100;
/** How many times a page load asks for the generic reader before it reads without it. */
const GENERIC_READER_ASKS = 3;
/** First wait after a change: a render comes in bursts, and one read after it sees all of them. */
const FIRST_READ_DELAY_MS = 50;
/** Longest wait between reads while the page keeps changing and shows nothing new. */
const MAX_READ_DELAY_MS = 400;
/** How long a read may wait for the page to be idle before it runs anyway. */
const IDLE_TIMEOUT_MS = 150;

/**
 * Calls `read` now and after the CRM's changes until it returns 'done', the time runs out or the
 * signal aborts. A read runs once the changes pause and the page is idle (never mid-render), and a
 * page that keeps changing without showing anything new is read less and less often.
 */
function followPage(
  win: Window,
  changes: PageChanges,
  signal: AbortSignal,
  timeoutMs: number,
  /** `first`: the read just after the URL change's frame (see readPageIdentity's `ownSelectorsOnly`). */
  read: (first: boolean) => ReadOutcome,
): (delayMs: number) => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let delayMs = FIRST_READ_DELAY_MS;
  let lastReadAt = 0;
  const idleCallbacks = typeof win.requestIdleCallback === 'function';
  const schedule = () => {
    if (timer !== undefined || idle !== undefined) return;
    // The first change after a quiet spell is read soon; a page that never stops changing, at the
    // spacing the reads have backed off to.
    const wait = Math.max(FIRST_READ_DELAY_MS, lastReadAt + delayMs - performance.now());
    timer = setTimeout(() => {
      timer = undefined;
      if (idleCallbacks) idle = win.requestIdleCallback(runRead, { timeout: IDLE_TIMEOUT_MS });
      else runRead();
    }, wait);
  };
  const stop = () => {
    done = true;
    changes.follow(undefined);
    clearTimeout(backstop?.timer);
    clearTimeout(timer);
    if (idle !== undefined) win.cancelIdleCallback(idle);
    clearTimeout(deadline);
  };
  /**
   * A read that must happen even if the page never changes again: the first full read, or the one
   * after a stale page's grace. Any read satisfies it; the earlier of two wins.
   */
  let backstop: { timer: ReturnType<typeof setTimeout>; at: number } | undefined;
  const readNoLaterThan = (delay: number) => {
    const at = performance.now() + delay;
    if (backstop && backstop.at <= at) return;
    clearTimeout(backstop?.timer);
    backstop = { timer: setTimeout(runRead, delay), at };
  };
  /**
   * The first read takes the CRM's own selectors only. A page that never changes after it (a
   * server-rendered record, or one rendered before its URL changed) still gets a read with every
   * layer, unless a change's read comes first.
   */
  let first = true;
  const runRead = () => {
    // What changed before this read is in what it sees, so needs no read of its own.
    changes.settle();
    clearTimeout(backstop?.timer);
    backstop = undefined;
    clearTimeout(timer);
    timer = undefined;
    if (idle !== undefined) win.cancelIdleCallback(idle);
    idle = undefined;
    if (done) return;
    lastReadAt = performance.now();
    const outcome = read(first);
    if (first && outcome !== 'done') readNoLaterThan(MAX_READ_DELAY_MS);
    first = false;
    if (outcome === 'done') return stop();
    delayMs = outcome === 'changed' ? FIRST_READ_DELAY_MS : Math.min(delayMs * 2, MAX_READ_DELAY_MS);
  };
  const deadline = Number.isFinite(timeoutMs) ? setTimeout(stop, timeoutMs) : undefined;
  signal.addEventListener('abort', stop, { once: true });
  changes.follow(schedule);
  // Never now, either: the caller's `read` may call the returned `readNoLaterThan`, not yet assigned.
  afterNextFrame(win, runRead);
  return readNoLaterThan;
}

/** How long the first read waits for a frame that does not come (a tab in the background draws none). */
const FRAME_WAIT_MS = 100;

/**
 * Calls `run` just after the page's next frame. A read in the CRM's own navigation task (or a
 * microtask of it) would force the browser to work out the style of a page the CRM is still
 * changing, work the frame then does again; just after the frame, the style the read needs is
 * the one just drawn. Side by side in one process on the Lightning fixture (5 rounds, two passes),
 * this took the added CPU from +100.7/+85.2 to +83.9/+78.1 ms a round of 21 records.
 */
function afterNextFrame(win: Window, run: () => void): void {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    run();
  };
  win.requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, FRAME_WAIT_MS);
}
