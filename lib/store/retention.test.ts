import { beforeEach, describe, expect, it } from 'vitest';
import leadsFile from '@/public/demo/leads.json';
import { DemoLeadsFileSchema } from '@/lib/connectors/demo';
import { storeFeedback } from '@/lib/delivery/feedback';
import { recordContentEvent } from '@/lib/delivery/content-events';
import { db } from './db';
import { eraseLead, purgeExpired } from './retention';

const [priya] = DemoLeadsFileSchema.parse(leadsFile).leads;
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-03T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();
const lead = (key: string) => ({ key, crm: 'salesforce' as const, recordId: key.split(':')[1]! });

async function verdict(key: string, ageDays: number, state: 'queued' | 'sent') {
  const id = crypto.randomUUID();
  await storeFeedback({ id, payload: { kind: 'verdict', verdict: 'good_fit', reasons: [] }, lead: lead(key), source: {}, webhookHost: 'hooks.example' });
  await db.feedback.update(id, { createdAt: daysAgo(ageDays) });
  // Stored queued; a delivered one leaves the drain's index as the outbox leaves it.
  if (state === 'sent') await db.outbox.where('id').anyOf(id, `webhook:${id}`).modify({ state: 'sent', queue: undefined });
  return id;
}

describe('retention', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('deletes old cached leads and delivered feedback and events, and keeps anything still to be delivered', async () => {
    await db.profiles.bulkPut([
      { key: 'salesforce:old', chosenByRep: false, profile: priya!, fetchedAt: daysAgo(120) },
      { key: 'salesforce:new', chosenByRep: false, profile: priya!, fetchedAt: daysAgo(3) },
    ]);
    const oldSent = await verdict('salesforce:old', 120, 'sent');
    const oldWaiting = await verdict('salesforce:old', 120, 'queued');
    const recentSent = await verdict('salesforce:new', 10, 'sent');
    await recordContentEvent({ type: 'opened', contentId: 'cs-1', leadKey: 'salesforce:old', source: {} });
    await db.contentEvents.toCollection().modify({ at: daysAgo(120) });
    await db.outbox.filter((row) => row.kind === 'event').modify({ state: 'sent', queue: undefined });

    expect(await purgeExpired(90, NOW)).toEqual({ profiles: 1, feedback: 1, events: 1, looks: 0 });
    expect(await db.profiles.get('salesforce:old')).toBeUndefined();
    expect(await db.profiles.get('salesforce:new')).toBeDefined();
    expect(await db.feedback.get(oldSent)).toBeUndefined();
    expect(await db.outbox.get(`webhook:${oldSent}`)).toBeUndefined();
    expect(await db.feedback.get(oldWaiting)).toBeDefined();
    expect(await db.outbox.get(oldWaiting)).toMatchObject({ state: 'queued' });
    expect(await db.feedback.get(recentSent)).toBeDefined();
    expect(await db.contentEvents.count()).toBe(0);
  });
});

describe('erasing one lead', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it("removes its cached brief, the rep's choice, its feedback and events with their outbox rows, and nothing of other leads", async () => {
    await db.profiles.bulkPut([
      { key: 'salesforce:erase', chosenByRep: true, profile: priya!, fetchedAt: daysAgo(1) },
      { key: 'salesforce:keep', chosenByRep: false, profile: priya!, fetchedAt: daysAgo(1) },
    ]);
    await db.matchOverrides.put({ key: 'salesforce:erase', profileId: priya!.id, chosenAt: daysAgo(1) });
    const erased = await verdict('salesforce:erase', 1, 'queued');
    const kept = await verdict('salesforce:keep', 1, 'queued');
    await recordContentEvent({ type: 'opened', contentId: 'cs-1', leadKey: 'salesforce:erase', source: {} });

    expect(await eraseLead('salesforce:erase')).toEqual({ profiles: 1, feedback: 1, events: 1, looks: 0 });
    expect(await db.profiles.get('salesforce:erase')).toBeUndefined();
    expect(await db.matchOverrides.get('salesforce:erase')).toBeUndefined();
    expect(await db.feedback.get(erased)).toBeUndefined();
    expect(await db.outbox.bulkGet([erased, `webhook:${erased}`])).toEqual([undefined, undefined]);
    expect(await db.contentEvents.count()).toBe(0);
    expect(await db.feedback.get(kept)).toBeDefined();
    expect(await db.profiles.get('salesforce:keep')).toBeDefined();
  });
});
