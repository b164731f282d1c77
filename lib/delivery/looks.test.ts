import { beforeEach, describe, expect, it } from 'vitest';
import leadsFile from '@/public/demo/leads.json';
import { DemoLeadsFileSchema } from '@/lib/connectors/demo';
import { deliverEach } from '@/lib/connectors/deliver-each';
import { ConnectorError, type Connector, type DeliveryResult, type OutboxEntry } from '@/lib/connectors/types';
import { LeadLookSchema } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import { db, LeadsideDb } from '@/lib/store/db';
import { storeFeedback } from './feedback';
import { recordFirstLook } from './looks';
import { drainOutbox } from './outbox';

const [priya, marcus] = DemoLeadsFileSchema.parse(leadsFile).leads;
const record = (recordId: string, email?: string): DetectedRecord => ({
  crm: 'salesforce',
  objectType: 'lead',
  recordId,
  url: `https://acme.lightning.force.com/lightning/r/Lead/${recordId}/view`,
  email,
});

/** A receiver that refuses any batch carrying a look (a gateway on the contract before looks), and records every batch. */
function gatewayWithoutLooks() {
  const batches: OutboxEntry[][] = [];
  const connector = {
    async deliver(entries: readonly OutboxEntry[]): Promise<DeliveryResult[]> {
      batches.push([...entries]);
      if (entries.some((entry) => entry.kind === 'look')) throw new ConnectorError('rejected', 'The REST gateway answered 400: items.0.kind: Invalid input');
      return entries.map((entry) => ({ id: entry.id, outcome: 'delivered' }));
    },
  } as Pick<Connector, 'deliver'> as Connector;
  return { connector, batches };
}

describe('the first look at a lead', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('is recorded once per marketing profile, with the record, the profile id and the source, and queued for delivery', async () => {
    const first = await recordFirstLook(record('00Q1'), priya!, new Date('2026-12-03T09:00:00.000Z'));
    expect(LeadLookSchema.parse(first)).toEqual({
      id: expect.any(String),
      at: '2026-12-03T09:00:00.000Z',
      lead: { key: 'salesforce:00Q1', crm: 'salesforce', recordId: '00Q1', email: priya!.email, name: priya!.name, profileId: priya!.id },
      source: { channel: priya!.source.channel, campaign: priya!.source.campaign },
    });
    // The same lead again (another tab, another day, even another CRM record of the same person): nothing new.
    expect(await recordFirstLook(record('00Q1'), priya!)).toBeUndefined();
    expect(await recordFirstLook(record('003-other-record'), priya!)).toBeUndefined();
    expect(await recordFirstLook(record('00Q2'), marcus!)).toBeDefined();
    expect((await db.leadLooks.toArray()).map((look) => look.lead.profileId).sort()).toEqual([priya!.id, marcus!.id].sort());
    expect(await db.outbox.get(first!.id)).toMatchObject({ kind: 'look', state: 'queued', queue: 'looks' });
  });

  it('is recorded once when two tabs open the same lead at the same moment', async () => {
    const results = await Promise.all([recordFirstLook(record('00Q1'), priya!), recordFirstLook(record('00Q1'), priya!), recordFirstLook(record('00Q9'), priya!)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.leadLooks.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('goes to the source as a look delivery, in a batch of its own, so a receiver refusing looks never holds up feedback', async () => {
    const look = await recordFirstLook(record('00Q1'), priya!);
    const feedbackId = crypto.randomUUID();
    await storeFeedback({ id: feedbackId, payload: { kind: 'content_request', text: 'A SOC 2 checklist' }, lead: { key: 'salesforce:00Q1', crm: 'salesforce', recordId: '00Q1' }, source: {} });
    const { connector, batches } = gatewayWithoutLooks();
    expect(await drainOutbox(connector)).toMatchObject({ delivered: 1, failed: 1 });
    expect(batches.map((batch) => batch.map((entry) => entry.kind))).toEqual([['feedback'], ['look']]);
    expect(batches[1]![0]).toMatchObject({ kind: 'look', id: look!.id, item: look });
    expect(await db.outbox.get(feedbackId)).toMatchObject({ state: 'sent' });
    expect(await db.outbox.get(look!.id)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('400') });
  });

  it('is kept in this browser by a vendor that takes notes one by one (it has no place for looks)', async () => {
    const look = await recordFirstLook(record('00Q1'), priya!);
    const entry: OutboxEntry = { kind: 'look', id: look!.id, item: look!, attempts: 0, unclear: false };
    const results = await deliverEach([entry], new AbortController().signal, async () => {
      throw new Error('a look must never be sent as a note');
    });
    expect(results).toEqual([{ id: look!.id, outcome: 'unsupported' }]);
  });

  it('is a table a version-8 database gains on upgrade, its queued feedback kept', async () => {
    const name = `looks-upgrade-${crypto.randomUUID()}`;
    const old = new LeadsideDb(name, { upToVersion: 8 });
    await old.outbox.add({ id: 'f1', kind: 'feedback', state: 'queued', queue: 'source', attempts: 0, nextAttemptAt: 0, unclear: false });
    old.close();
    const upgraded = new LeadsideDb(name);
    expect(await upgraded.outbox.get('f1')).toMatchObject({ state: 'queued', queue: 'source' });
    expect(upgraded.leadLooks.schema.indexes.map((index) => [index.name, index.unique])).toEqual([['lead.profileId', true]]);
    upgraded.close();
    await upgraded.delete();
  });
});
