import { afterEach, describe, expect, it } from 'vitest';
import { LeadsideDb } from './db';
import leads from '@/public/demo/leads.json';
import content from '@/public/demo/content.json';
import { saveImport } from './import-rows';
import { parseCsv } from '@/lib/import/parse-csv';
import { parseJson } from '@/lib/import/parse-json';
import { BucketSession } from './import-buckets';
import { LeadProfileSchema } from '@/lib/schema';
import { createFileImportConnector } from './file-import-connector';
import { ConnectorError, type OutboxEntry } from '@/lib/connectors/types';
import { isTiedToRecord } from '@/lib/leads/crm-record';

const signal = new AbortController().signal;
let databases: LeadsideDb[] = [];
afterEach(async () => {
  await Promise.all(databases.map((database) => database.delete()));
  databases = [];
});

async function withImports(files: Array<[kind: 'profiles' | 'pageViews' | 'content', csvOrJson: string]>) {
  const database = new LeadsideDb(`file-connector-${crypto.randomUUID()}`);
  databases.push(database);
  for (const [kind, text] of files) {
    const parsed = text.trimStart().startsWith('[') || text.trimStart().startsWith('{') ? await parseJson(text, kind) : await parseCsv(text, kind);
    expect(parsed.errors).toEqual([]);
    await saveImport(parsed, { database });
  }
  return { database, connector: createFileImportConnector(database) };
}

const PROFILES = [
  'id,email,name,company,salesforce_id,hubspot_id,channel,campaign,stage',
  'lead-1,Priya.Raman@Ledgerly.io,Priya Raman,Ledgerly,00Q8d00000XyZ1aEAF,51001,paid_search,Spring File Import Campaign,mql',
  'lead-2,marcus@brightpath-health.com,Marcus Oyelaran,BrightPath Health,00Q8d00000XyZ2b,,webinar,HIPAA Webinar,sql',
  'lead-3,sofia@nordvik.se,Sofia Lindqvist,Nordvik Logistics,,,event,Nordic Summit,',
].join('\n');
const VIEWS = [
  'profile_id,email,url,title,viewed_at,duration_sec,visit_id',
  'lead-1,,https://www.example.com/pricing,Pricing,2026-11-16T13:05:20Z,88,v4',
  ',PRIYA.RAMAN@ledgerly.io,https://www.example.com/demo,Book a demo,2026-11-16T13:06:52Z,121,v4',
  ',priya.raman@ledgerly.io,https://www.example.com/pricing,Pricing,2026-11-16T13:05:20Z,88,v4',
  'lead-1,,https://www.example.com/,Home,2026-09-14T13:22:05Z,,v1',
  'lead-2,,https://www.example.com/hipaa,HIPAA,2026-10-01T10:00:00Z,30,w1',
].join('\n');

describe('file import connector', () => {
  it('finds a lead by CRM record id, with the page views imported by id and by e-mail, once each, oldest first', async () => {
    const { connector } = await withImports([['profiles', PROFILES], ['pageViews', VIEWS]]);
    const lead = await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF' }, signal);
    expect(lead).toMatchObject({ id: 'lead-1', name: 'Priya Raman', source: { channel: 'paid_search', campaign: 'Spring File Import Campaign' }, stage: 'mql' });
    expect(lead!.pageViews.map((view) => view.url)).toEqual(['https://www.example.com/', 'https://www.example.com/pricing', 'https://www.example.com/demo']);
    expect(LeadProfileSchema.parse(lead)).toEqual(lead);
  });

  it('matches Salesforce ids in their 15- and 18-character forms, either way round', async () => {
    const { connector } = await withImports([['profiles', PROFILES]]);
    expect((await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ1a' }, signal))?.id).toBe('lead-1');
    expect((await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ2bEAF' }, signal))?.id).toBe('lead-2');
    expect((await connector.findProfile({ crm: 'hubspot', recordId: '51001' }, signal))?.id).toBe('lead-1');
    // The id of another CRM does not match.
    expect(await connector.findProfile({ crm: 'pipedrive', recordId: '51001' }, signal)).toBeNull();
  });

  it('finds a lead imported with a braced, upper-case Dynamics id by the bare lower-case id the Dynamics page reports', async () => {
    const guid = '4e2b9c1d-7a3f-4e8b-9c2d-1f0a6b5e4d3c';
    const csv = ['id,email,name,dynamics_id', `lead-d,dana@example.com,Dana Whit,{${guid.toUpperCase()}}`, `lead-e,eli@example.com,Eli Moss,${guid.replace('4e2b', '5F3C').toUpperCase()}`].join('\n');
    const { connector } = await withImports([['profiles', csv]]);
    const lead = await connector.findProfile({ crm: 'dynamics', recordId: guid }, signal);
    expect(lead?.id).toBe('lead-d');
    // The profile keeps the id as the file gave it; the record still counts as the lead's own.
    expect(lead && isTiedToRecord(lead, { crm: 'dynamics', recordId: guid })).toBe(true);
    expect((await connector.findProfile({ crm: 'dynamics', recordId: guid.replace('4e2b', '5f3c') }, signal))?.id).toBe('lead-e');
    expect(await connector.findProfile({ crm: 'hubspot', recordId: guid }, signal)).toBeNull();
  });

  it('falls back to the e-mail, ignoring case, and answers null for an unknown person', async () => {
    const { connector } = await withImports([['profiles', PROFILES]]);
    expect((await connector.findProfile({ crm: 'zoho', recordId: '991', email: ' SOFIA@Nordvik.se ' }, signal))?.name).toBe('Sofia Lindqvist');
    expect((await connector.findProfile({ crm: 'zoho', recordId: '991', email: 'priya.raman@ledgerly.io' }, signal))?.id).toBe('lead-1');
    expect(await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000NoMaTCH9', email: 'nobody@example.com' }, signal)).toBeNull();
    expect(await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000NoMaTCH9' }, signal)).toBeNull();
  });

  it('gets a profile by id, and null once it is gone', async () => {
    const { connector } = await withImports([['profiles', PROFILES]]);
    expect((await connector.getProfile('lead-3', signal))?.source.campaign).toBe('Nordic Summit');
    expect(await connector.getProfile('lead-404', signal)).toBeNull();
    expect(await connector.getProfile('__proto__', signal)).toBeNull();
    expect(await connector.getProfile('constructor', signal)).toBeNull();
  });

  it('searches name, e-mail and company, every word, ignoring case', async () => {
    const { connector } = await withImports([['profiles', PROFILES]]);
    expect(await connector.searchProfiles('nordvik', signal)).toEqual([{ id: 'lead-3', name: 'Sofia Lindqvist', email: 'sofia@nordvik.se', company: 'Nordvik Logistics' }]);
    expect((await connector.searchProfiles('ledgerly.io priya', signal)).map((hit) => hit.id)).toEqual(['lead-1']);
    expect((await connector.searchProfiles('a', signal)).map((hit) => hit.name)).toEqual(['Marcus Oyelaran', 'Priya Raman', 'Sofia Lindqvist']);
    expect(await connector.searchProfiles('   ', signal)).toEqual([]);
    expect(await connector.searchProfiles('zebra', signal)).toEqual([]);
  });

  it('lists the imported catalog', async () => {
    const { connector } = await withImports([['content', JSON.stringify(content)]]);
    const items = await connector.listContent(signal);
    expect(items).toHaveLength(content.items.length);
    expect(items.find((item) => item.id === 'cs-tallybook-soc2')).toEqual(content.items.find((item) => item.id === 'cs-tallybook-soc2'));
  });

  it('imports the demo dataset in its own JSON shape and finds the same leads the demo does', async () => {
    const { connector } = await withImports([['profiles', JSON.stringify(leads)]]);
    const lead = await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF' }, signal);
    const demo = leads.leads.find((entry) => entry.id === 'lead-priya-raman')!;
    expect(lead).toEqual(LeadProfileSchema.parse(demo));
  });

  it('delivers nothing: feedback stays in this browser', async () => {
    const { connector } = await withImports([]);
    const entries = [{ kind: 'feedback', id: 'f1', attempts: 0, unclear: false, item: {} }] as unknown as OutboxEntry[];
    expect(await connector.deliver(entries, signal)).toEqual([{ id: 'f1', outcome: 'unsupported' }]);
  });

  it('tests the connection by counting what was imported', async () => {
    const empty = await withImports([]);
    expect(await empty.connector.testConnection(signal)).toEqual([
      { capability: 'auth', ok: true, message: expect.stringContaining('No account needed'), coded: { code: 'file.check.auth' } },
      { capability: 'lookup', ok: false, message: expect.stringMatching(/^No profiles imported yet/), coded: { code: 'file.check.noProfiles' } },
      { capability: 'content', ok: false, message: expect.stringMatching(/^No content imported yet/), coded: { code: 'file.check.noContent' } },
      { capability: 'write', ok: true, message: 'Feedback stays in this browser; nothing is sent.', coded: { code: 'local.check.write' } },
    ]);
    const full = await withImports([['profiles', PROFILES], ['pageViews', VIEWS], ['content', JSON.stringify(content)]]);
    const checks = await full.connector.testConnection(signal);
    expect(checks.map((check) => check.ok)).toEqual([true, true, true, true]);
    // Stored rows: a view imported by id and again by e-mail is two rows, one view in the brief.
    expect(checks[1]!.message).toBe('3 profiles and 5 page views imported');
    expect(checks[2]!.message).toBe(`${content.items.length} content items imported`);
  });

  it('reports a stored profile that no longer validates as malformed, naming the field', async () => {
    const { database, connector } = await withImports([['profiles', PROFILES]]);
    await database.transaction('rw', database.imported, async () => {
      const session = new BucketSession<unknown>(database, 'profiles');
      await session.load(['lead-2']);
      session.set('lead-2', { id: 'lead-2', source: { channel: 'carrier_pigeon' } });
      await session.flush();
    });
    const failure = await connector.getProfile('lead-2', signal).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect((failure as ConnectorError).kind).toBe('malformed');
    expect((failure as ConnectorError).message).toContain('source.channel');
  });

  it('reads a damaged bucket as empty rather than throwing', async () => {
    const { database, connector } = await withImports([['profiles', PROFILES]]);
    await database.imported.toCollection().modify((row) => {
      row.data = '{not json';
    });
    expect(await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', email: 'priya.raman@ledgerly.io' }, signal)).toBeNull();
    expect(await connector.listContent(signal)).toEqual([]);
  });

  it('stops when the lookup is aborted', async () => {
    const { connector } = await withImports([['profiles', PROFILES]]);
    const controller = new AbortController();
    controller.abort();
    await expect(connector.getProfile('lead-1', controller.signal)).rejects.toThrow();
  });
});
