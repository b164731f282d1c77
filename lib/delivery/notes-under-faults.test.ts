import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHubSpotConnector } from '@/lib/connectors/hubspot';
import { createMauticConnector } from '@/lib/connectors/mautic';
import type { Connector } from '@/lib/connectors/types';
import { HubSpotSourceSchema, MauticSourceSchema } from '@/lib/schema/sources';
import type { FeedbackPayload } from '@/lib/schema';
import { db } from '@/lib/store/db';
// The same vendor double the server's forwarding test uses: notes are counted, never deduplicated.
import { fakeVendors, HUBSPOT_TOKEN, MAUTIC_BASE, MAUTIC_PASSWORD, type FakeVendors } from '@/server/sources/testing/fake-vendors';
import { storeFeedback } from './feedback';
import { drainOutbox, nextDueAt } from './outbox';

const PRIYA = { key: 'salesforce:00Q8d00000XyZ1aEAF', crm: 'salesforce' as const, recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io', name: 'Priya Raman' };

const CONNECTORS: Record<'hubspot' | 'mautic', () => Connector> = {
  hubspot: () => createHubSpotConnector(HubSpotSourceSchema.parse({ kind: 'hubspot', timeoutSeconds: 1 }), { token: HUBSPOT_TOKEN }),
  mautic: () =>
    createMauticConnector(MauticSourceSchema.parse({ kind: 'mautic', baseUrl: MAUTIC_BASE, auth: { method: 'basic', username: 'leadside-api' }, timeoutSeconds: 1 }), {
      password: MAUTIC_PASSWORD,
    }),
};

let vendors: FakeVendors;

describe.each(['hubspot', 'mautic'] as const)("the extension's notes to %s under timeouts", (kind) => {
  beforeEach(async () => {
    vendors = fakeVendors();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.delete();
    await db.open();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('end with exactly one note per item, however many answers were lost', async () => {
    // Timeouts: the vendor stored the note and the browser never heard. A resend that created
    // again instead of looking for the note first would leave two.
    const point = kind === 'hubspot' ? 'hubspot-note' : 'mautic-note';
    vendors.faults[point] = [{ timeout: true }, { status: 500 }, { timeout: true }, { status: 429, retryAfterSeconds: 0 }, { timeout: true }];
    const payloads: FeedbackPayload[] = [
      { kind: 'verdict', verdict: 'demo_booked', reasons: ['Inbound request'] },
      { kind: 'verdict', verdict: 'not_ready', reasons: [] },
      { kind: 'content_request', text: 'A SOC 2 one-pager for CFOs' },
      { kind: 'prospect_question', text: 'Do you support SAML?' },
    ];
    const ids: string[] = [];
    for (const payload of payloads) {
      const id = crypto.randomUUID();
      ids.push(id);
      await storeFeedback({ id, payload, lead: PRIYA, source: { channel: 'paid_search' } });
    }

    // The worker wakes as its alarm would: a virtual clock jumps past each wait (backoff, settle time).
    const connector = CONNECTORS[kind]();
    let clock = Date.now();
    for (let wake = 0; wake < 30 && (await nextDueAt()) !== undefined; wake += 1) {
      clock = Math.max(clock + 1, (await nextDueAt())!);
      await drainOutbox(connector, () => clock);
    }

    expect(vendors.faults[point], 'every fault was met').toEqual([]);
    expect(await nextDueAt()).toBeUndefined();
    expect((await db.outbox.bulkGet(ids)).map((row) => row?.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    for (const id of ids) expect(vendors.notes[kind].filter((note) => note.text.includes(id)), `notes for ${id}`).toHaveLength(1);
    expect(vendors.notes[kind]).toHaveLength(ids.length);
  }, 60_000);
});
