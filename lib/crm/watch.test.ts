import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrmDetector, PageIdentity, RecordMatch } from './types';
import { deepQueryAll } from './dom';
import type { GenericReaderHolder } from './generic-reader-holder';
import { loadCrmVariants, variantHtml } from '@/test/support/crm-variants';
import { twenty } from './twenty';
import { watchRecords, type WatchedRecord } from './watch';

const MATCH = { crm: 'salesforce' as const, objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF' };
const PERSON: PageIdentity = { name: 'Priya Raman', email: 'priya.raman@ledgerly.io', company: 'Ledgerly' };

/** A detector for any URL that reads the person from `data-person` on <body>, counting its reads. */
function fakeDetector() {
  const reads: number[] = [];
  const detector: CrmDetector = {
    crm: 'salesforce',
    matches: ['https://*/*'],
    matchUrl: () => MATCH,
    readIdentity(doc) {
      reads.push(Date.now());
      return doc.body.dataset.person ? PERSON : {};
    },
  };
  return { detector, reads };
}

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
/** Just after the page's next frame, when the watch's first read of a record has run. */
const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe('watchRecords', () => {
  let controller: AbortController;
  let reported: WatchedRecord[];
  let detected: RecordMatch[];
  const start = (detector: CrmDetector, ownElements: Element[] = []) =>
    watchRecords(window, [detector], {
      signal: controller.signal,
      onRecordUrl: (match) => detected.push(match),
      onRecord: (record) => reported.push(record),
      onNoRecord() {},
      ownElements,
    });

  beforeEach(() => {
    controller = new AbortController();
    reported = [];
    detected = [];
    document.body.replaceChildren();
    delete document.body.dataset.person;
  });
  afterEach(() => controller.abort());

  it('reports a record whose person the page must decide at once, then refines it from the page', async () => {
    const party = { crm: 'capsule' as const, objectType: 'party', recordId: '80011201', personFromPage: true };
    const detector: CrmDetector = {
      crm: 'capsule',
      matches: ['https://*/*'],
      matchUrl: () => party,
      readIdentity: (doc) => (doc.body.dataset.person ? { record: { objectType: 'person', recordId: '80011201' }, ...PERSON } : {}),
    };
    start(detector);
    expect(detected).toEqual([party]);
    await afterFrame();
    expect(reported).toEqual([expect.objectContaining({ crm: 'capsule', objectType: 'party', recordId: '80011201' })]);
    document.body.dataset.person = 'rendered';
    document.body.append(document.createElement('main'));
    // Read once the change pauses and the page is idle (or the idle wait times out).
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ crm: 'capsule', objectType: 'person', recordId: '80011201', ...PERSON }));
  });

  describe('before the generic reader is injected', () => {
    const holder = globalThis as GenericReaderHolder;
    const reader = holder.leadsideGenericReader;
    const inject = () => void (holder.leadsideGenericReader = reader);
    const LABELLED_ONLY = '<h1>Priya Raman</h1><dl><dt>Email</dt><dd>priya.raman@ledgerly.io</dd></dl>';
    let asked: number[];
    /** A watch whose page asks for the generic reader with `load`, each ask noted in `asked`. */
    const watchAsking = (load: () => Promise<unknown>) =>
      watchRecords(window, [fakeDetector().detector], {
        signal: controller.signal,
        onRecord: (record) => reported.push(record),
        onNoRecord() {},
        loadGenericReader() {
          asked.push(Date.now());
          return load();
        },
      });
    beforeEach(() => {
      asked = [];
      delete holder.leadsideGenericReader;
    });
    afterEach(inject);

    it('asks once for the generic reader a read wants, and reads again with it when it has come', async () => {
      // The CRM's own selectors find nothing; the person is in a labelled field only the generic layer reads.
      document.body.innerHTML = LABELLED_ONLY;
      let arrive: () => void = () => undefined;
      watchAsking(() => new Promise<void>((resolve) => (arrive = () => resolve(inject()))));
      // The first read takes the CRM's selectors only; the full read after it wants the generic layer.
      await vi.waitFor(() => expect(asked).toHaveLength(1));
      document.body.append(document.createElement('p'));
      await settle(500);
      expect(asked).toHaveLength(1);
      expect(reported.at(-1)).toMatchObject({ ...MATCH });
      expect(reported.at(-1)?.email).toBeUndefined();
      expect(reported.at(-1)).not.toHaveProperty('genericPending');
      arrive();
      // The page does not change again: the reader's coming alone brings the read.
      await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ name: 'Priya Raman', email: 'priya.raman@ledgerly.io' }));
      expect(reported.at(-1)).not.toHaveProperty('genericPending');
    });

    it('asks for the generic reader again when asking failed, and no more than three times a page load', async () => {
      document.body.innerHTML = LABELLED_ONLY;
      // The first ask fails (the worker refused or was not there); the next one brings it.
      let failures = 1;
      watchAsking(async () => {
        if (failures-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        inject();
      });
      await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ name: 'Priya Raman', email: 'priya.raman@ledgerly.io' }), { timeout: 3000 });
      expect(asked).toHaveLength(2);
      // A tab that cannot be scripted is asked for it three times, then read with the CRM's selectors alone.
      controller.abort();
      controller = new AbortController();
      delete holder.leadsideGenericReader;
      asked.length = 0;
      watchAsking(async () => {
        throw new Error('Missing host permission for the tab');
      });
      await vi.waitFor(() => expect(asked).toHaveLength(3), { timeout: 3000 });
      await settle(1000);
      expect(asked).toHaveLength(3);
    });

    it("never asks for the generic reader where the CRM's own selectors read the person whole", async () => {
      document.body.dataset.person = 'rendered';
      watchAsking(async () => undefined);
      await vi.waitFor(() => expect(reported.at(-1)).toMatchObject(PERSON));
      await settle(500);
      expect(asked).toEqual([]);
    });
  });

  it('finds, for the next record, a shadow root the page attached inside a known one while nobody was reading', async () => {
    // The record's fields in a card component inside the app's own component, as Lightning nests them.
    const card = (email: string) => {
      const element = document.createElement('x-card');
      element.attachShadow({ mode: 'open' }).innerHTML = `<span data-email>${email}</span>`;
      return element;
    };
    const app = document.createElement('x-app');
    const appRoot = app.attachShadow({ mode: 'open' });
    appRoot.append(card('priya.raman@ledgerly.io'));
    document.body.append(app);
    const detector: CrmDetector = {
      crm: 'salesforce',
      matches: ['https://*/*'],
      matchUrl: (url) => ({ ...MATCH, recordId: url.hash === '#next' ? '00Q8d00000XyZ2bEAF' : MATCH.recordId }),
      readIdentity(doc) {
        const email = deepQueryAll(doc, '[data-email]').map((element) => element.textContent!).at(-1);
        return { name: email?.startsWith('tomas') ? 'Tomas Berg' : PERSON.name, email, company: PERSON.company };
      },
    };
    start(detector);
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ email: 'priya.raman@ledgerly.io' }));
    await settle(50);
    // The person read, nobody follows the page: the CRM renders the next record's card in its app's root.
    appRoot.replaceChildren(card('tomas.berg@ledgerly.io'));
    await settle(0);
    history.pushState(null, '', '#next');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ recordId: '00Q8d00000XyZ2bEAF', email: 'tomas.berg@ledgerly.io' }));
    history.replaceState(null, '', location.pathname);
  });

  it('reports a return to a record this page load has read at once, with its person, and reads nothing', async () => {
    const TOMAS: PageIdentity = { name: 'Tomas Berg', email: 'tomas.berg@ledgerly.io', company: 'Ledgerly' };
    const reads: string[] = [];
    const detector: CrmDetector = {
      crm: 'salesforce',
      matches: ['https://*/*'],
      matchUrl: (url) => ({ ...MATCH, recordId: url.hash === '#next' ? '00Q8d00000XyZ2bEAF' : MATCH.recordId }),
      readIdentity() {
        reads.push(location.hash);
        return location.hash === '#next' ? TOMAS : PERSON;
      },
    };
    const go = (hash: string) => {
      history.pushState(null, '', hash || location.pathname);
      window.dispatchEvent(new PopStateEvent('popstate'));
    };
    start(detector);
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ ...MATCH, ...PERSON }));
    go('#next');
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ recordId: '00Q8d00000XyZ2bEAF', ...TOMAS }));
    const readsBefore = reads.length;
    go('');
    expect(reported.at(-1)).toMatchObject({ ...MATCH, ...PERSON });
    await afterFrame();
    await settle(500);
    expect(reads).toHaveLength(readsBefore);
    // A record the page load has not read yet is read as ever.
    controller.abort();
    controller = new AbortController();
    start(detector);
    await vi.waitFor(() => expect(reads.length).toBeGreaterThan(readsBefore));
    history.replaceState(null, '', location.pathname);
  });

  it("never reports, for the next record, the person the last record's page still shows (variant batch 92: Twenty drawing a switch late)", async () => {
    const variant = loadCrmVariants().find((entry) => entry.file.startsWith('twenty/batch92-b-person-next-record-arrow-stale'))!;
    const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(variantHtml(variant))![1]!;
    const previousPath = '/object/person/1b92c0e4-3d1a-4f58-9a27-c4e92b1d7f04';
    const nextPath = new URL(variant.url).pathname;
    history.replaceState(null, '', previousPath);
    // The previous record's page, with the next one's still to come (the template the page swaps in).
    document.body.innerHTML = body;
    // The test's page is at localhost: its paths are read as Twenty Cloud's.
    start({ ...twenty, matchUrl: (url) => twenty.matchUrl(new URL(url.pathname, variant.url)) });
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ recordId: previousPath.split('/').pop(), email: 'tereza.holubova@vltavska-ryby.example' }));
    history.pushState(null, '', nextPath);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle(450);
    const template = document.querySelector('template[data-late]') as HTMLTemplateElement;
    document.getElementById('show-page-stale')!.remove();
    template.replaceWith(template.content.cloneNode(true));
    await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ recordId: variant.expected.id, email: variant.expected.email }));
    for (const record of reported.filter((entry) => entry.recordId === variant.expected.id)) expect([undefined, variant.expected.email]).toContain(record.email);
    history.replaceState(null, '', '/');
  });

  describe('a record the worker already knows by its id', () => {
    /** A watch whose worker answers `askKnown` with `answer`, each ask noted in `asked`. */
    const watchKnowing = (detector: CrmDetector, answer: (record: WatchedRecord) => Promise<PageIdentity | undefined>) => {
      const asked: WatchedRecord[] = [];
      watchRecords(window, [detector], {
        signal: controller.signal,
        onRecord: (record) => reported.push(record),
        onNoRecord() {},
        askKnown: (record) => (asked.push(record), answer(record)),
      });
      return asked;
    };

    it('is not read at all, even once its page renders, and a return to it is reported by its URL alone', async () => {
      const { detector, reads } = fakeDetector();
      const asked = watchKnowing(detector, async () => PERSON);
      expect(asked).toEqual([expect.objectContaining({ ...MATCH, url: location.href })]);
      await afterFrame();
      document.body.dataset.person = 'rendered';
      document.body.append(document.createElement('main'));
      await settle(500);
      expect(reads).toEqual([]);
      // The worker noted the record in answering: the content script reports nothing more.
      expect(reported).toEqual([]);
      history.pushState(null, '', '#elsewhere');
      window.dispatchEvent(new PopStateEvent('popstate'));
      history.pushState(null, '', location.pathname);
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(reported.at(-1)).toMatchObject(MATCH);
      expect(reported.at(-1)!.email).toBeUndefined();
      await settle(200);
      expect(reads).toEqual([]);
    });

    it('is read as before when the worker does not know it, and its first read waits for the answer', async () => {
      const { detector, reads } = fakeDetector();
      let answer!: (person: PageIdentity | undefined) => void;
      watchKnowing(detector, () => new Promise((resolve) => (answer = resolve)));
      document.body.dataset.person = 'shown';
      await afterFrame();
      expect(reads).toEqual([]);
      answer(undefined);
      await vi.waitFor(() => expect(reported).toEqual([expect.objectContaining({ ...MATCH, ...PERSON })]));
      expect(reads.length).toBeGreaterThan(0);
    });

    it('is read meanwhile when the worker is slow to answer', async () => {
      const { detector, reads } = fakeDetector();
      watchKnowing(detector, () => new Promise(() => undefined));
      document.body.dataset.person = 'shown';
      await vi.waitFor(() => expect(reported).toEqual([expect.objectContaining({ ...MATCH, ...PERSON })]), { timeout: 1000 });
      expect(reads.length).toBeGreaterThan(0);
    });

    it('reports the person the worker knows once it answers, when a read that showed none was reported meanwhile', async () => {
      const { detector } = fakeDetector();
      // The worker answers after the first read has run and been reported (the page shows no address).
      let answer: (person: PageIdentity) => void = () => undefined;
      watchKnowing(detector, () => new Promise((resolve) => (answer = resolve)));
      await vi.waitFor(() => expect(reported).toHaveLength(1), { timeout: 1000 });
      expect(reported[0]!.email).toBeUndefined();
      answer(PERSON);
      // Its report may reach the worker after the worker's own noting of the answer: the last word is the person's.
      await vi.waitFor(() => expect(reported.at(-1)).toMatchObject({ ...MATCH, email: PERSON.email, name: PERSON.name }));
    });

    it('is never asked about for a record whose person the page decides', async () => {
      const party = { crm: 'capsule' as const, objectType: 'party', recordId: '80011201', personFromPage: true };
      const detector: CrmDetector = { crm: 'capsule', matches: ['https://*/*'], matchUrl: () => party, readIdentity: () => ({}) };
      const asked = watchKnowing(detector, async () => PERSON);
      await afterFrame();
      expect(asked).toEqual([]);
      expect(reported).toEqual([expect.objectContaining(party)]);
    });

    it('still counts as the page shown for the next record: a page that goes on showing its person is not the next record’s', async () => {
      const reads: string[] = [];
      const detector: CrmDetector = {
        crm: 'salesforce',
        matches: ['https://*/*'],
        matchUrl: (url) => ({ ...MATCH, recordId: url.hash === '#next' ? '00Q8d00000XyZ2bEAF' : MATCH.recordId }),
        readIdentity() {
          reads.push(location.hash);
          return PERSON;
        },
      };
      watchKnowing(detector, async (record) => (record.recordId === MATCH.recordId ? PERSON : undefined));
      await settle(50);
      history.pushState(null, '', '#next');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await vi.waitFor(() => expect(reads).toContain('#next'));
      await settle(300);
      expect(reported.filter((record) => record.email)).toEqual([]);
      history.replaceState(null, '', location.pathname);
    });
  });

  it('reports a record whose page already shows the person once, with the person', async () => {
    document.body.dataset.person = 'shown';
    const { detector } = fakeDetector();
    start(detector);
    await settle(100);
    expect(reported).toEqual([expect.objectContaining({ ...MATCH, ...PERSON })]);
  });

  it('detects the record at the URL change, reads and reports it just after the frame when the person is not shown yet, then the person once rendered', async () => {
    const { detector, reads } = fakeDetector();
    start(detector);
    expect(detected).toEqual([MATCH]);
    // Not in the CRM's navigation task, whose page the CRM is still changing: its style is worked out once, by the frame.
    await settle(0);
    expect(reads).toEqual([]);
    expect(reported).toEqual([]);
    await afterFrame();
    expect(reads).toHaveLength(1);
    expect(reported).toEqual([expect.objectContaining(MATCH)]);
    expect(reported[0]!.name).toBeUndefined();
    document.body.dataset.person = 'rendered';
    document.body.append(document.createElement('main'));
    await vi.waitFor(() => expect(reported).toHaveLength(2));
    expect(reported[1]).toMatchObject({ ...MATCH, ...PERSON });
  });

  it('needs no read of its own for changes made before a read, nor for Leadside’s own elements', async () => {
    const pill = document.createElement('leadside-glance');
    const { detector, reads } = fakeDetector();
    start(detector, [pill]);
    // Before the frame: the first read (just after it) sees this already.
    document.body.append(document.createElement('div'));
    await settle(300);
    expect(reads).toHaveLength(1);
    // The page showed nobody to the CRM's selectors and has not changed since: one read with every layer.
    await settle(200);
    expect(reads).toHaveLength(2);
    document.documentElement.append(pill);
    pill.style.setProperty('display', 'none');
    pill.remove();
    await settle(300);
    expect(reads).toHaveLength(2);
    document.body.append(document.createElement('section')); // the CRM renders: read again
    await vi.waitFor(() => expect(reads).toHaveLength(3));
  });

  it('reads just after the URL change’s frame with the CRM’s selectors only, and a page that never changes with every layer', async () => {
    // The person in a layout the CRM's selectors do not know: only the generic reader finds them.
    document.body.innerHTML = '<h1>Ada Lovelace</h1><dl><dt>Email</dt><dd><a href="mailto:ada@analytical.example">ada@analytical.example</a></dd></dl>';
    const detector: CrmDetector = { crm: 'salesforce', matches: ['https://*/*'], matchUrl: () => MATCH, readIdentity: () => ({}) };
    start(detector);
    await afterFrame();
    // The record from its URL alone: the first read did not walk the page.
    expect(reported).toEqual([expect.objectContaining(MATCH)]);
    expect(reported[0]!.email).toBeUndefined();
    await vi.waitFor(() => expect(reported).toHaveLength(2), { timeout: 2000 });
    expect(reported[1]).toMatchObject({ ...MATCH, name: 'Ada Lovelace', email: 'ada@analytical.example' });
  });

  it('draws with the CRM’s next change to the page, in the task that made it, or after the wait on a page that stays still', async () => {
    const watch = start(fakeDetector().detector);
    await settle(0);
    const drawn: string[] = [];
    watch.withNextChange(() => drawn.push(document.body.lastElementChild?.localName ?? 'nothing'), 10_000);
    await settle(20);
    expect(drawn).toEqual([]);
    // The change's own task: its observer runs before any timer, so what draw changes is in the CRM's frame.
    document.body.append(document.createElement('article'));
    await Promise.resolve();
    expect(drawn).toEqual(['article']);
    document.body.append(document.createElement('aside'));
    await settle(0);
    expect(drawn).toEqual(['article']);

    const still: number[] = [];
    const askedAt = Date.now();
    watch.withNextChange(() => still.push(Date.now() - askedAt), 60);
    await vi.waitFor(() => expect(still).toHaveLength(1), { timeout: 1000 });
    expect(still[0]).toBeGreaterThanOrEqual(55);

    // A script that has stopped (the extension updated) draws nothing more.
    const late: number[] = [];
    watch.withNextChange(() => late.push(1), 30);
    controller.abort();
    document.body.append(document.createElement('footer'));
    await settle(80);
    expect(late).toEqual([]);
  });
});
