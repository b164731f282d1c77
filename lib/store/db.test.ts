import { afterEach, describe, expect, it } from 'vitest';
import { clearLocalData, db, LATEST_DB_VERSION, LeadsideDb } from './db';
import { recordContentEvent } from '@/lib/delivery/content-events';
import { LeadProfileSchema, type ContentEvent } from '@/lib/schema';
import { parseCsv } from '@/lib/import/parse-csv';
import { packProfile, type PackedProfile } from '@/lib/import/pack';
import { BucketSession, readEntries } from './import-buckets';
import { saveImport, type LookupIds } from './import-rows';
import { createFileImportConnector } from './file-import-connector';

const event = (id: string, type: ContentEvent['type'], contentId: string, at: string): ContentEvent => ({ id, type, contentId, at, source: {} });

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => new LeadsideDb(name).delete()));
});

describe('the database upgrade to content rollups (version 6)', () => {
  it('counts the events a version-5 database holds, keeps the events and only the index Insights reads', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = new LeadsideDb(name, { upToVersion: 5 });
    const events = [
      event('e1', 'suggested', 'a', '2026-11-19T23:59:59.000Z'),
      event('e2', 'suggested', 'a', '2026-11-20T08:00:00.000Z'),
      event('e3', 'opened', 'a', '2026-11-20T09:00:00.000Z'),
      event('e4', 'link_copied', 'b', '2026-11-20T09:30:00.000Z'),
    ];
    await old.contentEvents.bulkAdd(events);
    expect(old.tables.map((table) => table.name)).not.toContain('contentRollups');
    old.close();

    const upgraded = new LeadsideDb(name);
    expect(LATEST_DB_VERSION).toBeGreaterThanOrEqual(6);
    expect(await upgraded.contentEvents.toArray()).toEqual(events);
    expect(await upgraded.contentEvents.where('at').aboveOrEqual('2026-11-20').count()).toBe(3);
    expect(upgraded.contentEvents.schema.indexes.map((index) => index.name)).toEqual(['at']);
    expect(await upgraded.contentRollups.toArray()).toEqual([
      { day: '2026-11-19', contentId: 'a', suggested: 1, opened: 0, linkCopied: 0 },
      { day: '2026-11-20', contentId: 'a', suggested: 1, opened: 1, linkCopied: 0 },
      { day: '2026-11-20', contentId: 'b', suggested: 0, opened: 0, linkCopied: 1 },
    ]);
    upgraded.close();
  });
});

describe('the database upgrade to canonical GUID lookup keys (version 10)', () => {
  it('moves imported leads keyed by a braced or upper-case GUID to its bare lower-case key, keeping every other key', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const guid = '4e2b9c1d-7a3f-4e8b-9c2d-1f0a6b5e4d3c';
    const other = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const profile = (id: string, crmIds: Record<string, string>, email?: string) => LeadProfileSchema.parse({ id, email, crmIds, source: { channel: 'other' } });
    const stored = [
      profile('lead-d', { dynamics: `{${guid.toUpperCase()}}`, salesforce: '00Q8d00000XyZ1a' }, 'dana@example.com'),
      profile('lead-e', { dynamics: other.toUpperCase() }),
      // One id in two forms, as two leads: the key lists both, the one keyed canonically first.
      profile('lead-f', { dynamics: `{${other}}` }),
      profile('lead-g', { dynamics: other }),
    ];
    // As release 9 stored a file import: profiles packed, each keyed by its ids as the file gave them.
    const old = new LeadsideDb(name, { upToVersion: 9 });
    const profiles = new BucketSession<PackedProfile>(old, 'profiles');
    const keys = new BucketSession<LookupIds>(old, 'keys');
    const oldKeys: Array<[string, string]> = [
      [`crm:dynamics:{${guid.toUpperCase()}}`, 'lead-d'],
      ['crm:salesforce:00Q8d00000XyZ1a', 'lead-d'],
      ['email:dana@example.com', 'lead-d'],
      [`crm:dynamics:${other.toUpperCase()}`, 'lead-e'],
      [`crm:dynamics:{${other}}`, 'lead-f'],
      [`crm:dynamics:${other}`, 'lead-g'],
    ];
    await profiles.load(stored.map((lead) => lead.id));
    await keys.load(oldKeys.map(([key]) => key));
    for (const lead of stored) profiles.set(lead.id, packProfile(lead));
    for (const [key, id] of oldKeys) keys.set(key, id);
    await profiles.flush();
    await keys.flush();
    old.close();

    const upgraded = new LeadsideDb(name);
    const after = await readEntries<LookupIds>(upgraded, 'keys', [...oldKeys.map(([key]) => key), `crm:dynamics:${guid}`]);
    expect(Object.fromEntries(after)).toEqual({
      [`crm:dynamics:${guid}`]: 'lead-d',
      'crm:salesforce:00Q8d00000XyZ1a': 'lead-d',
      'email:dana@example.com': 'lead-d',
      [`crm:dynamics:${other}`]: ['lead-g', expect.any(String), expect.any(String)],
    });
    expect([...(after.get(`crm:dynamics:${other}`) as string[])].sort()).toEqual(['lead-e', 'lead-f', 'lead-g']);
    const connector = createFileImportConnector(upgraded);
    const signal = new AbortController().signal;
    expect((await connector.findProfile({ crm: 'dynamics', recordId: guid }, signal))?.id).toBe('lead-d');
    expect((await connector.findProfile({ crm: 'dynamics', recordId: other }, signal))?.id).toBe('lead-g');
    // A later import of the lead with the id in another form leaves one key, not a stale one.
    const parsed = await parseCsv(`id,email,dynamics_id\nlead-d,dana@example.com,${guid}\n`, 'profiles');
    await saveImport(parsed, { database: upgraded });
    const keyed = await readEntries<LookupIds>(upgraded, 'keys', [`crm:dynamics:${guid}`, `crm:dynamics:{${guid.toUpperCase()}}`, 'crm:salesforce:00Q8d00000XyZ1a']);
    expect(Object.fromEntries(keyed)).toEqual({ [`crm:dynamics:${guid}`]: 'lead-d' });
    upgraded.close();
  });
});

describe('clearLocalData', () => {
  it('clears the events and their rollups with them', async () => {
    await db.delete();
    await db.open();
    await recordContentEvent({ type: 'opened', contentId: 'a', source: {} });
    expect(await db.contentRollups.count()).toBe(1);
    await clearLocalData();
    expect(await db.contentEvents.count()).toBe(0);
    expect(await db.contentRollups.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
