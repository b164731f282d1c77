import { describe, expect, it } from 'vitest';
import leads from '@/public/demo/leads.json';
import content from '@/public/demo/content.json';
import { LeadProfileSchema } from '@/lib/schema';
import { detectFormat, parseImportText } from './index';
import { parseJson } from './parse-json';

describe('parseJson', () => {
  it('reads an array of flat objects with the documented keys, in any spelling, typed or as text', async () => {
    const json = JSON.stringify([
      { id: 'p1', email: 'a@example.com', salesforceId: '00Q8d00000XyZ1a', doNotCall: true, score: 82, stage: 'MQL', first_seen: '2026-09-14' },
      { id: 'p2', do_not_email: 'yes', score: '7', extra: 'ignored' },
    ]);
    const parsed = await parseJson(json, 'profiles');
    expect(parsed).toMatchObject({ unit: 'item', total: 2, valid: 2, rejected: 0, ignoredColumns: ['extra'] });
    expect(parsed.records.profiles[0]).toMatchObject({ crmIds: { salesforce: '00Q8d00000XyZ1a' }, contact: { doNotCall: true }, score: 82, stage: 'mql', source: { firstSeen: '2026-09-14T00:00:00Z' } });
    expect(parsed.records.profiles[1]).toMatchObject({ contact: { doNotEmail: true }, score: 7 });
  });

  it('numbers items from 1 and names the JSON path of what is wrong in a LeadProfile-shaped item', async () => {
    const json = JSON.stringify([
      { id: 'ok', source: { channel: 'email' } },
      { id: 'bad', source: { channel: 'fax' }, pageViews: [{ url: 'javascript:alert(1)', title: 'x', viewedAt: '2026-11-01T10:00:00Z', visitId: 'v' }] },
      'not an object',
      null,
      { id: 'flat', email: 'nope' },
    ]);
    const parsed = await parseJson(json, 'profiles');
    expect(parsed.errors.map(({ row, column }) => [row, column])).toEqual([
      [2, 'source.channel'],
      [2, 'pageViews.0.url'],
      [3, '(item)'],
      [4, '(item)'],
      [5, 'email'],
    ]);
    expect(parsed.errors[0]!.message).toContain('"fax"');
    expect({ total: parsed.total, valid: parsed.valid, rejected: parsed.rejected }).toEqual({ total: 5, valid: 1, rejected: 4 });
  });

  it('imports the bundled demo leads and content with no error', async () => {
    const profiles = await parseJson(JSON.stringify(leads), 'profiles');
    expect(profiles.errors).toEqual([]);
    expect(profiles.valid).toBe(leads.leads.length);
    expect(profiles.records.pageViews.length).toBe(leads.leads.reduce((sum, lead) => sum + lead.pageViews.length, 0));
    for (const profile of profiles.records.profiles) expect(LeadProfileSchema.parse(profile)).toEqual(profile);

    const items = await parseJson(JSON.stringify(content), 'content');
    expect(items.errors).toEqual([]);
    expect(items.records.content).toEqual(content.items.map((item) => expect.objectContaining({ id: item.id, topics: item.topics })));
  });

  it('reads page views by camelCase keys too', async () => {
    const parsed = await parseJson(JSON.stringify({ pageViews: [{ profileId: 'p1', url: 'https://www.example.com/', title: 'Home', viewedAt: '2026-11-01T10:00:00Z', durationSec: 5, visitId: 'v1' }] }), 'pageViews');
    expect(parsed.records.pageViews).toEqual([{ profileKey: 'id:p1', url: 'https://www.example.com/', title: 'Home', viewedAt: '2026-11-01T10:00:00Z', durationSec: 5, visitId: 'v1' }]);
  });

  it.each([
    ['', 'The file is empty.'],
    ['[]', 'The file has no items.'],
    ['{"leads": []}', 'The file has no items.'],
    ['42', 'Expected a JSON array of objects'],
    ['{"rows": [1]}', 'Expected a JSON array of objects (or an object with one of leads, profiles'],
    ['[{"id": "x"},', 'Not valid JSON:'],
  ])('refuses %j as a whole', async (json, message) => {
    const parsed = await parseJson(json, 'profiles');
    expect(parsed.fatal).toContain(message);
    expect(parsed.valid).toBe(0);
  });

  it('refuses prototype tricks as data, not as properties', async () => {
    const parsed = await parseJson('[{"id": "__proto__", "__proto__": {"polluted": true}, "constructor": "x"}]', 'profiles');
    expect(parsed.valid).toBe(1);
    expect(parsed.records.profiles[0]!.id).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('detectFormat', () => {
  it.each([
    ['leads.json', 'id,email', 'json'],
    ['leads.CSV', '[', 'csv'],
    ['export.txt', '  [{"id":1}]', 'json'],
    ['export.txt', '\uFEFF{"leads":[]}', 'json'],
    ['export.txt', 'id,email', 'csv'],
    ['', 'id;email', 'csv'],
  ])('%s starting %j is %s', (name, text, format) => expect(detectFormat(name, text)).toBe(format));

  it('parses by the detected format', async () => {
    expect((await parseImportText('x.txt', '[{"id":"a"}]', 'profiles')).format).toBe('json');
    expect((await parseImportText('x.txt', 'id\na', 'profiles')).format).toBe('csv');
  });
});
