import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { clearLocalData, db, LeadsideDb } from '@/lib/store/db';
import { ConnectorError, type Connector, type DeliveryResult, type OutboxEntry } from '@/lib/connectors/types';
import { AUTH_RETRY_MS, backoffMs, drainOutbox, nextDueAt, retryFailed, withDeliveryPaused } from './outbox';
import { storeFeedback } from './feedback';

const lead = { key: 'salesforce:00Q1', crm: 'salesforce' as const, recordId: '00Q1', email: 'a@b.example' };

/** A connector whose deliver() follows a script, one step per call, recording what it was sent. */
function scriptedConnector(steps: Array<(entries: readonly OutboxEntry[]) => DeliveryResult[]>) {
  const calls: OutboxEntry[][] = [];
  const connector = {
    id: 'test',
    label: 'Test system',
    async deliver(entries: readonly OutboxEntry[]) {
      calls.push([...entries]);
      const step = steps.shift();
      if (!step) throw new Error('no more steps');
      return step(entries);
    },
  } as unknown as Connector;
  return { connector, calls };
}

async function queue(count: number, alsoToWebhook = false): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    ids.push(id);
    await storeFeedback({ id, payload: { kind: 'content_request', text: `request ${i}` }, lead, source: {}, webhookHost: alsoToWebhook ? 'hooks.example' : undefined });
  }
  return ids;
}

const deliverAll = (entries: readonly OutboxEntry[]) => entries.map((entry) => ({ id: entry.id, outcome: 'delivered' as const }));

/** The ids in the drain's due-index: what a drain can read. */
const waitingIds = async () => (await db.outbox.where('[queue+nextAttemptAt+id]').between([Dexie.minKey], [Dexie.maxKey]).primaryKeys()).sort();

describe('outbox', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('delivers queued items and never sends a delivered one again', async () => {
    const ids = await queue(3);
    const { connector, calls } = scriptedConnector([(entries) => entries.map((entry) => ({ id: entry.id, outcome: 'delivered' as const, remoteId: `n-${entry.id}` }))]);
    expect(await drainOutbox(connector)).toMatchObject({ delivered: 3 });
    expect(calls[0]!.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    expect(await db.outbox.get(ids[0]!)).toMatchObject({ state: 'sent', remoteId: `n-${ids[0]}`, unclear: false });
    expect(await drainOutbox(connector)).toMatchObject({ delivered: 0 });
    expect(calls).toHaveLength(1);
  });

  it('keeps per-item outcomes: retry later, rejected as failed with the reason, unsupported as local', async () => {
    const [a, b, c] = await queue(3);
    const { connector } = scriptedConnector([
      () => [
        { id: a!, outcome: 'retry', error: 'locked' },
        { id: b!, outcome: 'rejected', error: 'Contact has no e-mail' },
        { id: c!, outcome: 'unsupported' },
      ],
    ]);
    await drainOutbox(connector);
    expect(await db.outbox.get(a!)).toMatchObject({ state: 'queued', attempts: 1, lastError: 'locked' });
    expect((await db.outbox.get(a!))!.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(await db.outbox.get(b!)).toMatchObject({ state: 'failed', lastError: 'Contact has no e-mail' });
    expect(await db.outbox.get(c!)).toMatchObject({ state: 'local' });
    expect(await retryFailed([b!])).toBe(1);
    expect(await db.outbox.get(b!)).toMatchObject({ state: 'queued', nextAttemptAt: 0 });
  });

  it('honours Retry-After on a rate-limited batch', async () => {
    const [id] = await queue(1);
    const { connector } = scriptedConnector([() => { throw new ConnectorError('rate-limited', 'slow down', 120_000); }]);
    const before = Date.now();
    await drainOutbox(connector);
    const row = (await db.outbox.get(id!))!;
    expect(row).toMatchObject({ state: 'queued', attempts: 1, unclear: false, lastError: 'slow down' });
    expect(row.nextAttemptAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(await nextDueAt()).toBe(row.nextAttemptAt);
  });

  it('marks a batch that got no answer as unclear, so the next attempt checks before resending', async () => {
    const [id] = await queue(1);
    let now = Date.now();
    const { connector, calls } = scriptedConnector([
      () => { throw new ConnectorError('timeout', 'no answer in 8 s'); },
      (entries) => entries.map((entry) => ({ id: entry.id, outcome: 'delivered' as const })),
    ]);
    await drainOutbox(connector, () => now);
    expect(await db.outbox.get(id!)).toMatchObject({ unclear: true, state: 'queued' });
    now += 60_000;
    await drainOutbox(connector, () => now);
    expect(calls[1]![0]).toMatchObject({ id, unclear: true, attempts: 1 });
    expect(await db.outbox.get(id!)).toMatchObject({ state: 'sent', unclear: false });
  });

  it('stops on a wrong token: the items show as failed until someone fixes it', async () => {
    const [id] = await queue(1);
    const { connector } = scriptedConnector([() => { throw new ConnectorError('auth', 'HubSpot answered 401'); }]);
    await drainOutbox(connector);
    expect(await db.outbox.get(id!)).toMatchObject({ state: 'failed', lastError: 'HubSpot answered 401' });
  });

  it('keeps only queued rows in the index a drain reads: delivered, local and failed ones leave it', async () => {
    const [a, b, c, d] = await queue(4);
    expect(await waitingIds()).toEqual([a, b, c, d].sort());
    const { connector } = scriptedConnector([
      () => [
        { id: a!, outcome: 'delivered' },
        { id: b!, outcome: 'unsupported' },
        { id: c!, outcome: 'rejected', error: 'no' },
        { id: d!, outcome: 'retry', error: 'locked' },
      ],
    ]);
    await drainOutbox(connector);
    expect(await waitingIds()).toEqual([d]);
    expect(await retryFailed([c!])).toBe(1);
    expect(await waitingIds()).toEqual([c, d].sort());
  });

  it('reads a large backlog batch after batch, never the same row twice, and picks up rows queued meanwhile', async () => {
    const ids = await queue(230);
    let late: string[] = [];
    const { connector, calls } = scriptedConnector([
      async (entries) => {
        // Queued while the first batch is out, with ids that sort before where the drain has got to.
        late = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
        for (const id of late) await storeFeedback({ id, payload: { kind: 'content_request', text: 'late' }, lead, source: {} });
        return deliverAll(entries);
      },
      deliverAll,
      deliverAll,
      deliverAll,
    ] as Array<(entries: readonly OutboxEntry[]) => DeliveryResult[]>);
    expect(await drainOutbox(connector)).toMatchObject({ delivered: 232 });
    const sent = calls.flat().map((entry) => entry.id);
    expect(calls.map((batch) => batch.length)).toEqual([100, 100, 30, 2]);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.sort()).toEqual([...ids, ...late].sort());
  });

  it('delivers a feedback item to the source and, apart, to the webhook; without a webhook its copy waits', async () => {
    const [id] = await queue(1, true);
    const source = scriptedConnector([deliverAll]);
    const webhook = scriptedConnector([deliverAll]);
    await drainOutbox({ connector: source.connector });
    expect(await db.outbox.get(`webhook:${id}`)).toMatchObject({ state: 'queued', destination: 'webhook', itemId: id });
    expect(await nextDueAt()).toBe(0);
    await drainOutbox({ connector: source.connector, webhook: webhook.connector });
    expect(source.calls.flat().map((entry) => entry.id)).toEqual([id]);
    expect(webhook.calls.flat()).toEqual([expect.objectContaining({ id: `webhook:${id}`, kind: 'feedback', item: expect.objectContaining({ id, text: 'request 0' }) })]);
    expect(await db.outbox.get(`webhook:${id}`)).toMatchObject({ state: 'sent' });
    expect(await nextDueAt()).toBeUndefined();
  });

  it('isolates the one item a receiver refuses with a batch-level 400, delivering the rest', async () => {
    const ids = await queue(10);
    const bad = ids[6]!;
    const calls: string[][] = [];
    const connector = {
      async deliver(entries: readonly OutboxEntry[]) {
        calls.push(entries.map((entry) => entry.id));
        if (entries.some((entry) => entry.id === bad)) throw new ConnectorError('rejected', 'Gateway answered 400: items.6.text is too long');
        return deliverAll(entries);
      },
    } as unknown as Connector;
    expect(await drainOutbox(connector)).toMatchObject({ delivered: 9, failed: 1 });
    const rows = await db.outbox.bulkGet(ids);
    expect(rows.filter((row) => row?.state === 'sent')).toHaveLength(9);
    expect(await db.outbox.get(bad)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('400') });
    // Halving: about two calls per level, not one per item.
    expect(calls.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(10)));
  });

  it('tries items refused for the token again on their own, slowly, and not at once', async () => {
    const ids = await queue(2);
    let at = Date.parse('2026-12-03T12:00:00Z');
    const refusing = scriptedConnector([() => { throw new ConnectorError('auth', 'Gateway answered 401: token expired'); }]);
    expect(await drainOutbox(refusing.connector, () => at)).toMatchObject({ failed: 2 });
    expect(await db.outbox.get(ids[0]!)).toMatchObject({ state: 'failed', failedBecause: 'auth' });
    expect(await nextDueAt()).toBe(at + AUTH_RETRY_MS);

    const fixed = scriptedConnector([deliverAll]);
    at += AUTH_RETRY_MS - 1;
    expect(await drainOutbox(fixed.connector, () => at)).toMatchObject({ delivered: 0 });
    at += 1;
    expect(await drainOutbox(fixed.connector, () => at)).toMatchObject({ delivered: 2 });
    expect((await db.outbox.bulkGet(ids)).map((row) => row?.state)).toEqual(['sent', 'sent']);
  });

  it("waits the receiver's settle time after an unanswered batch, so a search-before-create can see what was made", async () => {
    const [id] = await queue(1);
    const at = Date.parse('2026-12-03T12:00:00Z');
    const silent = scriptedConnector([() => { throw new ConnectorError('timeout', 'HubSpot did not answer within 8 s'); }]);
    await drainOutbox({ connector: { ...silent.connector, resendSettleMs: 30_000 } }, () => at);
    expect((await db.outbox.get(id!))?.nextAttemptAt).toBeGreaterThanOrEqual(at + 30_000);
  });

  it('clears local data only between deliveries: a drain in flight never writes its rows back afterwards', async () => {
    await queue(3);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const connector = {
      async deliver(entries: readonly OutboxEntry[]) {
        await held;
        return deliverAll(entries);
      },
    } as unknown as Connector;
    const drained = drainOutbox(connector);
    await new Promise((resolve) => setTimeout(resolve, 20));
    let cleared = false;
    const clearing = withDeliveryPaused(clearLocalData).then(() => (cleared = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cleared).toBe(false);
    release();
    await Promise.all([drained, clearing]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.feedback.count()).toBe(0);
  });

  it('drops a row whose item was erased instead of retrying an empty delivery forever', async () => {
    const [kept, erased] = await queue(2);
    await db.feedback.delete(erased!);
    const { connector, calls } = scriptedConnector([deliverAll]);
    expect(await drainOutbox(connector)).toMatchObject({ delivered: 1, retried: 0 });
    expect(calls.flat().map((entry) => entry.id)).toEqual([kept]);
    expect(await db.outbox.get(erased!)).toBeUndefined();
    expect(await nextDueAt()).toBeUndefined();
  });

  it("never re-routes a webhook copy: a removed webhook's copies are dropped, another webhook gets none of them", async () => {
    const ids = await queue(3, true);
    const source = scriptedConnector([deliverAll, deliverAll]);
    const next = scriptedConnector([deliverAll]);
    // The team replaced hooks.example with another webhook before the copies went out.
    await drainOutbox({ connector: source.connector, webhook: next.connector, webhookHost: 'hooks.other.example' });
    expect(next.calls).toEqual([]);
    expect(await db.outbox.bulkGet(ids.map((id) => `webhook:${id}`))).toEqual([undefined, undefined, undefined]);
    // The items themselves still reach the source.
    expect(source.calls.flat().map((entry) => entry.id).sort()).toEqual([...ids].sort());

    const [later] = await queue(1, true);
    await drainOutbox({ connector: source.connector, webhookHost: null });
    expect(await db.outbox.get(`webhook:${later}`)).toBeUndefined();
    expect(await nextDueAt()).toBeUndefined();
  });

  it('upgrades an outbox from before the due-index: queued rows join it, sent ones stay out', async () => {
    const name = `leadside-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(5).stores({ outbox: 'id, state, nextAttemptAt' });
    await old.table('outbox').bulkAdd([
      { id: 'q1', kind: 'event', state: 'queued', attempts: 0, nextAttemptAt: 0, unclear: false },
      { id: 'webhook:q2', kind: 'feedback', state: 'queued', attempts: 2, nextAttemptAt: 5, unclear: true, destination: 'webhook', itemId: 'q2' },
      { id: 's1', kind: 'event', state: 'sent', attempts: 1, nextAttemptAt: 0, unclear: false },
    ]);
    old.close();
    const upgraded = new LeadsideDb(name);
    const rows = await upgraded.outbox.bulkGet(['q1', 'webhook:q2', 's1']);
    expect(rows.map((row) => row?.queue)).toEqual(['source', 'webhook', undefined]);
    expect(await upgraded.outbox.where('[queue+nextAttemptAt+id]').between([Dexie.minKey], [Dexie.maxKey]).primaryKeys()).toEqual(['q1', 'webhook:q2']);
    await upgraded.delete();
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(4, () => 1)).toBe(8000);
    expect(backoffMs(40, () => 1)).toBe(600_000);
  });
});
