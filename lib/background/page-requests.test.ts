import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectedRecord } from '@/lib/schema/record';
import { db } from '@/lib/store/db';
import { forgetTabsInMemory, setTabRecord } from '@/lib/store/tab-records';
import { PageRequestSchema } from '@/lib/messaging/messages';
import { handlePageRequest } from './page-requests';
import { storeFeedback } from '@/lib/delivery/feedback';

// Delivery is the outbox's business (tested there): here, only what gets stored.
vi.mock('@/lib/background/delivery', () => ({ deliverDue: vi.fn(async () => undefined) }));

const TAB = 3;
const lead = (recordId: string): DetectedRecord => ({
  crm: 'salesforce',
  objectType: 'lead',
  recordId,
  url: `https://acme.lightning.force.com/lightning/r/Lead/${recordId}/view`,
});
const SHOWN = lead('00Q000000000001');
const NEXT = lead('00Q000000000002');
const ask = (message: unknown) => handlePageRequest(PageRequestSchema.parse(message));

describe('what the panel files is about the lead it showed', () => {
  beforeEach(async () => {
    forgetTabsInMemory();
    await db.delete();
    await db.open();
  });

  it('files a verdict and a content event against the record the panel showed', async () => {
    await setTabRecord(TAB, SHOWN);
    const id = crypto.randomUUID();
    await ask({ type: 'submit-feedback', tabId: TAB, leadKey: 'salesforce:00Q000000000001', id, payload: { kind: 'verdict', verdict: 'good_fit', reasons: [] } });
    await ask({ type: 'record-content-event', tabId: TAB, leadKey: 'salesforce:00Q000000000001', eventType: 'opened', contentId: 'cs-1' });
    expect((await db.feedback.get(id))?.lead.key).toBe('salesforce:00Q000000000001');
    expect((await db.contentEvents.toArray()).map((event) => event.leadKey)).toEqual(['salesforce:00Q000000000001']);
  });

  it('refuses them, storing nothing, when the tab moved on to another record after the panel rendered', async () => {
    await setTabRecord(TAB, SHOWN);
    // The rep clicks "Good fit" on the lead shown; meanwhile the CRM navigated to the next lead.
    await setTabRecord(TAB, NEXT);
    const id = crypto.randomUUID();
    const verdict = ask({ type: 'submit-feedback', tabId: TAB, leadKey: 'salesforce:00Q000000000001', id, payload: { kind: 'verdict', verdict: 'good_fit', reasons: [] } });
    await expect(verdict).rejects.toThrow('moved on to another record');
    const event = ask({ type: 'record-content-event', tabId: TAB, leadKey: 'salesforce:00Q000000000001', eventType: 'opened', contentId: 'cs-1' });
    await expect(event).rejects.toThrow('moved on to another record');
    const choice = ask({ type: 'choose-profile', tabId: TAB, leadKey: 'salesforce:00Q000000000001', profileId: 'p-1' });
    await expect(choice).rejects.toThrow('moved on to another record');
    expect(await db.feedback.count()).toBe(0);
    expect(await db.contentEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.matchOverrides.count()).toBe(0);
  });
});

describe('clearing local data', () => {
  beforeEach(async () => {
    forgetTabsInMemory();
    await db.delete();
    await db.open();
    await setTabRecord(TAB, SHOWN);
  });

  it('says how much has not reached marketing and clears only when the rep chooses to lose it', async () => {
    const id = crypto.randomUUID();
    await ask({ type: 'submit-feedback', tabId: TAB, leadKey: 'salesforce:00Q000000000001', id, payload: { kind: 'content_request', text: 'A HIPAA one-pager' } });
    expect(await ask({ type: 'local-data-summary' })).toEqual({ undelivered: 1 });
    expect(await ask({ type: 'export-undelivered' })).toMatchObject({ feedback: [expect.objectContaining({ id, text: 'A HIPAA one-pager' })], events: [] });

    await expect(ask({ type: 'clear-local-data' })).rejects.toThrow('1 item has not reached marketing yet');
    expect(await db.feedback.count()).toBe(1);

    await db.imported.put({ store: 'profiles', bucket: 0, rows: [] } as never);
    await ask({ type: 'clear-local-data', discardUndelivered: true });
    expect(await db.feedback.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.imported.count()).toBe(0);
  });

  it('counts a feedback item posted to the webhook too as one item, not two', async () => {
    await storeFeedback({ id: crypto.randomUUID(), payload: { kind: 'verdict', verdict: 'good_fit', reasons: [] }, lead: { key: 'salesforce:00Q000000000001', crm: 'salesforce', recordId: '00Q000000000001' }, source: {}, webhookHost: 'hooks.example' });
    expect(await db.outbox.count()).toBe(2);
    expect(await ask({ type: 'local-data-summary' })).toEqual({ undelivered: 1 });
  });
});
