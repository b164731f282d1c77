import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ConnectorError, type Connector, type DeliveryResult, type OutboxEntry } from '@/lib/connectors/types';
import { backoffMs, drainOutbox, nextDueAt, retryFailed } from './outbox';
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

async function queue(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    ids.push(id);
    await storeFeedback({ id, payload: { kind: 'content_request', text: `request ${i}` }, lead, source: {} });
  }
  return ids;
}

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

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(4, () => 1)).toBe(8000);
    expect(backoffMs(40, () => 1)).toBe(600_000);
  });
});
