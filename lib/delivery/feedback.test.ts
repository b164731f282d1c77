import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/store/db';
import { listFeedback, storeFeedback } from './feedback';

const lead = { key: 'salesforce:00Q8d00000XyZ1aEAF', crm: 'salesforce' as const, recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io' };
const source = { channel: 'paid_search' as const, campaign: 'Q3 SOC 2 Readiness – Google Ads' };

describe('feedback store', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('stores a verdict with its source snapshot, queued for delivery', async () => {
    const stored = await storeFeedback({ id: crypto.randomUUID(), payload: { kind: 'verdict', verdict: 'demo_booked', reasons: [] }, lead, source, rep: 'Dana' });
    expect(await db.feedback.get(stored.id)).toMatchObject({ kind: 'verdict', verdict: 'demo_booked', source, rep: 'Dana' });
    expect(await db.outbox.get(stored.id)).toMatchObject({ kind: 'feedback', state: 'queued', attempts: 0, unclear: false });
  });

  it('stores the same idempotency id once, keeping the first', async () => {
    const id = crypto.randomUUID();
    await storeFeedback({ id, payload: { kind: 'verdict', verdict: 'good_fit', reasons: [] }, lead, source });
    await storeFeedback({ id, payload: { kind: 'verdict', verdict: 'bad_data', reasons: [] }, lead, source });
    expect(await db.feedback.count()).toBe(1);
    expect((await db.feedback.get(id))).toMatchObject({ verdict: 'good_fit' });
  });

  it('refuses an invalid item and stores nothing', async () => {
    await expect(
      storeFeedback({ id: 'not-a-uuid', payload: { kind: 'verdict', verdict: 'good_fit', reasons: [] }, lead, source }),
    ).rejects.toThrow();
    expect(await db.feedback.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('lists a lead’s feedback newest first, as views without the lead or rep', async () => {
    await storeFeedback({ id: crypto.randomUUID(), payload: { kind: 'content_rating', contentId: 'c1', useful: true }, lead, source });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await storeFeedback({ id: crypto.randomUUID(), payload: { kind: 'prospect_question', text: 'SCIM?' }, lead, source });
    await storeFeedback({ id: crypto.randomUUID(), payload: { kind: 'verdict', verdict: 'not_ready', reasons: [] }, lead: { ...lead, key: 'salesforce:other' }, source });
    const items = await listFeedback(lead.key);
    expect(items.map((item) => item.payload.kind)).toEqual(['prospect_question', 'content_rating']);
    expect(items[0]).toEqual({ id: items[0]!.id, createdAt: items[0]!.createdAt, payload: { kind: 'prospect_question', text: 'SCIM?' }, state: 'queued', lastError: undefined, attempts: 0 });
  });
});
