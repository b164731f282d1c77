import { beforeEach, describe, expect, it, vi } from 'vitest';
import leadsFile from '@/public/demo/leads.json';
import { DemoLeadsFileSchema } from '@/lib/connectors/demo';
import type { Connector } from '@/lib/connectors/types';
import { recordKey, type DetectedRecord } from '@/lib/schema/record';
import { db } from '@/lib/store/db';
import { chooseProfile, lookupProfile } from './profiles';

const [priya, marcus] = DemoLeadsFileSchema.parse(leadsFile).leads;
const record: DetectedRecord = {
  crm: 'salesforce',
  objectType: 'lead',
  recordId: '00Q000000000001',
  url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q000000000001/view',
};

function source(id: string) {
  return {
    id,
    label: id,
    findProfile: vi.fn(async () => priya!),
    getProfile: vi.fn(async () => marcus!),
  } as unknown as Connector & { findProfile: ReturnType<typeof vi.fn>; getProfile: ReturnType<typeof vi.fn> };
}

describe("a rep's choice of profile for a record", () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('applies while the source it was made for is configured, and not to another source', async () => {
    const hubspot = source('hubspot:https://api.hubapi.com');
    await chooseProfile(record, marcus!.id, hubspot.id);
    expect((await lookupProfile(record, { connector: hubspot, ttlMinutes: 60 })).entry.profile?.id).toBe(marcus!.id);
    expect(hubspot.getProfile).toHaveBeenCalledWith(marcus!.id, expect.anything());

    // The team moves to Mautic: its ids mean other people; the record is looked up afresh there.
    await db.profiles.clear();
    const mautic = source('mautic:https://mautic.acme.example');
    expect((await lookupProfile(record, { connector: mautic, ttlMinutes: 60 })).entry.profile?.id).toBe(priya!.id);
    expect(mautic.getProfile).not.toHaveBeenCalled();
    expect(mautic.findProfile).toHaveBeenCalledTimes(1);
  });
});

describe('record keys', () => {
  it('keep the same record id on two custom CRM sites apart', () => {
    const on = (host: string): DetectedRecord => ({ crm: 'custom', objectType: 'record', recordId: '123', url: `https://${host}/people/123` });
    expect(recordKey(on('crm.acme.example'))).not.toBe(recordKey(on('crm.other.example')));
    expect(recordKey(record)).toBe('salesforce:00Q000000000001');
  });
});
