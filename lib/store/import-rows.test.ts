import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadsideDb } from './db';
import { clearImported, countImported, saveImport } from './import-rows';
import { parseCsv } from '@/lib/import/parse-csv';
import { parseJson } from '@/lib/import/parse-json';
import { BUCKET_COUNTS, readAllEntries, readEntries } from './import-buckets';

let databases: LeadsideDb[] = [];
function freshDb(): LeadsideDb {
  const database = new LeadsideDb(`import-test-${crypto.randomUUID()}`);
  databases.push(database);
  return database;
}
afterEach(async () => {
  await Promise.all(databases.map((database) => database.delete()));
  databases = [];
});

const PROFILES = [
  'id,email,name,company,salesforce_id,campaign',
  'lead-1,Priya.Raman@Ledgerly.io,Priya Raman,Ledgerly,00Q8d00000XyZ1aEAF,Spring',
  'lead-2,marcus@brightpath-health.com,Marcus Oyelaran,BrightPath,,Webinar',
  'lead-3,sofia@nordvik.se,Sofia Lindqvist,Nordvik,,Summit',
].join('\n');

describe('saveImport', () => {
  it('writes the valid rows and counts them; re-importing the same file changes nothing', async () => {
    const database = freshDb();
    const parsed = await parseCsv(PROFILES, 'profiles');
    expect(await saveImport(parsed, { database })).toEqual({ kind: 'profiles', added: 3, updated: 0, unchanged: 0 });
    expect(await countImported(database)).toEqual({ profiles: 3, pageViews: 0, content: 0 });
    const before = await database.imported.toArray();

    expect(await saveImport(await parseCsv(PROFILES, 'profiles'), { database })).toEqual({ kind: 'profiles', added: 0, updated: 0, unchanged: 3 });
    expect(await countImported(database)).toEqual({ profiles: 3, pageViews: 0, content: 0 });
    expect(await database.imported.toArray()).toEqual(before);
  });

  it('replaces a changed row and moves its lookup keys', async () => {
    const database = freshDb();
    await saveImport(await parseCsv(PROFILES, 'profiles'), { database });
    const changed = PROFILES.replace('lead-2,marcus@brightpath-health.com', 'lead-2,marcus.o@brightpath.example');
    expect(await saveImport(await parseCsv(changed, 'profiles'), { database })).toEqual({ kind: 'profiles', added: 0, updated: 1, unchanged: 2 });
    const keys = await readEntries(database, 'keys', ['email:marcus@brightpath-health.com', 'email:marcus.o@brightpath.example', 'email:priya.raman@ledgerly.io', 'crm:salesforce:00Q8d00000XyZ1a']);
    expect(Object.fromEntries(keys)).toEqual({
      'email:marcus.o@brightpath.example': 'lead-2',
      'email:priya.raman@ledgerly.io': 'lead-1',
      'crm:salesforce:00Q8d00000XyZ1a': 'lead-1',
    });
    expect(await countImported(database)).toMatchObject({ profiles: 3 });
  });

  it('keeps every lead that shares a key, and drops only the one that changed', async () => {
    const database = freshDb();
    await saveImport(await parseCsv('id,email\na,team@example.com\nb,team@example.com', 'profiles'), { database });
    expect((await readEntries(database, 'keys', ['email:team@example.com'])).get('email:team@example.com')).toEqual(['a', 'b']);
    await saveImport(await parseCsv('id,email\na,alone@example.com', 'profiles'), { database });
    expect((await readEntries(database, 'keys', ['email:team@example.com'])).get('email:team@example.com')).toBe('b');
  });

  it('merges page views by lead, time and URL, and counts what changed', async () => {
    const database = freshDb();
    const views = [
      'profile_id,email,url,title,viewed_at,duration_sec',
      'lead-1,,https://www.example.com/pricing,Pricing,2026-11-16T13:05:20Z,88',
      ',priya@ledgerly.io,https://www.example.com/demo,Demo,2026-11-16T13:06:52Z,',
    ].join('\n');
    expect(await saveImport(await parseCsv(views, 'pageViews'), { database })).toEqual({ kind: 'pageViews', added: 2, updated: 0, unchanged: 0 });
    expect(await saveImport(await parseCsv(views, 'pageViews'), { database })).toEqual({ kind: 'pageViews', added: 0, updated: 0, unchanged: 2 });
    const longer = `${views}\nlead-1,,https://www.example.com/pricing,Pricing,2026-11-16T13:05:20Z,120\nlead-1,,https://www.example.com/,Home,2026-11-16T13:00:00Z,`;
    expect(await saveImport(await parseCsv(longer, 'pageViews'), { database })).toEqual({ kind: 'pageViews', added: 1, updated: 1, unchanged: 1 });
    const stored = await readEntries<Array<{ url: string; durationSec?: number }>>(database, 'pageViews', ['id:lead-1']);
    expect(stored.get('id:lead-1')!.map((view) => [view.url, view.durationSec])).toEqual([
      ['https://www.example.com/', undefined],
      ['https://www.example.com/pricing', 120],
    ]);
    expect(await countImported(database)).toEqual({ profiles: 0, pageViews: 3, content: 0 });
  });

  it('upserts content by id', async () => {
    const database = freshDb();
    const csv = 'id,title,type,url\nc1,Guide,guide,https://www.example.com/g\nc2,Deck,deck,https://www.example.com/d';
    expect(await saveImport(await parseCsv(csv, 'content'), { database })).toMatchObject({ added: 2 });
    expect(await saveImport(await parseCsv(csv.replace('Deck,deck', 'Better deck,deck'), 'content'), { database })).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect((await readAllEntries<{ title: string }>(database, 'content')).map(([, item]) => item.title).sort()).toEqual(['Better deck', 'Guide']);
  });

  it('stores the page views a JSON profile carries apart, without counting them as the file’s rows', async () => {
    const database = freshDb();
    const json = JSON.stringify([
      { id: 'p1', source: { channel: 'email' }, pageViews: [{ url: 'https://www.example.com/', title: 'Home', viewedAt: '2026-11-01T10:00:00+01:00', visitId: 'v1' }] },
    ]);
    expect(await saveImport(await parseJson(json, 'profiles'), { database })).toEqual({ kind: 'profiles', added: 1, updated: 0, unchanged: 0 });
    expect((await readEntries(database, 'pageViews', ['id:p1'])).get('id:p1')).toEqual([
      { url: 'https://www.example.com/', title: 'Home', viewedAt: '2026-11-01T09:00:00Z', visitId: 'v1' },
    ]);
    expect(await countImported(database)).toEqual({ profiles: 1, pageViews: 1, content: 0 });
  });

  it('writes nothing when the transaction fails part-way', async () => {
    const database = freshDb();
    await saveImport(await parseCsv('id,name\nkeep,Kept', 'profiles'), { database });
    const before = await database.imported.toArray();
    const rows = ['id,email', ...Array.from({ length: 3_000 }, (_, index) => `lead-${index},lead${index}@example.com`)].join('\n');
    const parsed = await parseCsv(rows, 'profiles');
    const original = database.imported.bulkPut.bind(database.imported);
    let calls = 0;
    const spy = vi.spyOn(database.imported, 'bulkPut').mockImplementation((...args: Parameters<typeof original>) => {
      if (++calls === 3) throw new Error('disk full');
      return original(...args);
    });
    await expect(saveImport(parsed, { database })).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await database.imported.toArray()).toEqual(before);
    expect(await countImported(database)).toEqual({ profiles: 1, pageViews: 0, content: 0 });
  });

  it('refuses a file with a fatal error, and reports progress up to 1', async () => {
    const database = freshDb();
    await expect(saveImport(await parseCsv('name\nx', 'profiles'), { database })).rejects.toThrow(/^Nothing to import: Not a profiles file/);
    const progress: number[] = [];
    await saveImport(await parseCsv(PROFILES, 'profiles'), { database, onProgress: (fraction) => progress.push(fraction) });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('packs many rows into few records', async () => {
    const database = freshDb();
    const rows = ['id,email,hubspot_id', ...Array.from({ length: 5_000 }, (_, index) => `lead-${index},lead${index}@example.com,${index}`)].join('\n');
    await saveImport(await parseCsv(rows, 'profiles'), { database });
    const records = await database.imported.count();
    expect(records).toBeLessThanOrEqual(BUCKET_COUNTS.profiles + BUCKET_COUNTS.keys + BUCKET_COUNTS.search + 1);
    expect(records).toBeGreaterThan(100);
  });

  it('clears only imported data', async () => {
    const database = freshDb();
    await database.secrets.put({ source: 'hubspot', values: { token: 'x' } });
    await saveImport(await parseCsv(PROFILES, 'profiles'), { database });
    await clearImported(database);
    expect(await countImported(database)).toEqual({ profiles: 0, pageViews: 0, content: 0 });
    expect(await database.imported.count()).toBe(0);
    expect(await database.secrets.count()).toBe(1);
  });
});
