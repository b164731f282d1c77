import { describe, expect, it, vi } from 'vitest';
import { LeadProfileSchema } from '@/lib/schema';
import { CSV_CHUNK_SIZE, columnLetter, detectDelimiter, parseCsv } from './parse-csv';

const HEADER = 'id,email,name,company,salesforce_id,channel,campaign,first_seen,stage,do_not_call,score';

/** The e2e file: three good rows, then a bad e-mail, an unknown stage, a missing id and a bad date. */
export const MIXED_PROFILES = [
  HEADER,
  'lead-1,priya.raman@ledgerly.io,Priya Raman,Ledgerly,00Q8d00000XyZ1aEAF,paid_search,Spring File Import Campaign,2026-09-14T13:22:05Z,mql,yes,82',
  'lead-2,marcus@brightpath-health.com,Marcus Oyelaran,BrightPath Health,,webinar,HIPAA Webinar,2026-10-01,sql,no,64',
  'lead-3,sofia@nordvik.se,Sofia Lindqvist,Nordvik,,Event,Nordic Summit,2026-10-02 09:30,Opportunity,,',
  'lead-4,not-an-email,Bad Email,Acme,,email,,,lead,,',
  'lead-5,ok@example.com,Bad Stage,Acme,,email,,,hot,,',
  ',nobody@example.com,Missing Id,Acme,,email,,,lead,,',
  'lead-7,date@example.com,Bad Date,Acme,,email,,14/09/2026,lead,,',
].join('\n');

describe('parseCsv', () => {
  it('reports exactly the bad rows, numbered as a spreadsheet shows them (header = row 1)', async () => {
    const parsed = await parseCsv(MIXED_PROFILES, 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect({ total: parsed.total, valid: parsed.valid, rejected: parsed.rejected }).toEqual({ total: 7, valid: 3, rejected: 4 });
    expect(parsed.errors.map(({ row, column }) => [row, column])).toEqual([
      [5, 'email'],
      [6, 'stage'],
      [7, 'id'],
      [8, 'first_seen'],
    ]);
    expect(parsed.errors[0]!.message).toBe('Invalid email address: "not-an-email"');
    expect(parsed.errors[1]!.message).toContain('Unknown stage "hot". Use one of: subscriber, lead, mql');
    expect(parsed.errors[2]!.message).toBe('Required, but empty');
    expect(parsed.errors[3]!.message).toContain('Not a date: "14/09/2026"');
    expect(parsed.records.profiles.map((row) => row.id)).toEqual(['lead-1', 'lead-2', 'lead-3']);
  });

  it('maps the columns onto the domain profile, normalizing labels, booleans and dates', async () => {
    const parsed = await parseCsv(MIXED_PROFILES, 'profiles');
    const [priya, marcus, sofia] = parsed.records.profiles;
    expect(LeadProfileSchema.parse(priya)).toEqual(priya);
    expect(priya).toMatchObject({
      email: 'priya.raman@ledgerly.io',
      crmIds: { salesforce: '00Q8d00000XyZ1aEAF' },
      source: { channel: 'paid_search', campaign: 'Spring File Import Campaign', firstSeen: '2026-09-14T13:22:05Z', utm: {} },
      contact: { doNotCall: true, doNotEmail: false },
      score: 82,
      stage: 'mql',
      pageViews: [],
    });
    expect(marcus!.source.firstSeen).toBe('2026-10-01T00:00:00Z');
    expect(sofia).toMatchObject({ source: { channel: 'event', firstSeen: '2026-10-02T09:30:00Z' }, stage: 'opportunity' });
    expect('score' in sofia!).toBe(false);
  });

  it('reads a stop on text messages, a rule of its own beside calls and e-mail', async () => {
    const parsed = await parseCsv(['id,email,do_not_call,do_not_text', 'a,a@example.com,no,yes', 'b,b@example.com,no,'].join('\n'), 'profiles');
    const [stopped, allowed] = parsed.records.profiles;
    expect(stopped!.contact).toEqual({ doNotCall: false, doNotEmail: false, doNotText: true });
    expect(allowed!.contact).toEqual({ doNotCall: false, doNotEmail: false });
  });

  it('reports every bad cell of a row, not only the first', async () => {
    const parsed = await parseCsv(`${HEADER}\nlead-1,bob@,Bob,,,fax,,yesterday,hot,maybe,lots`, 'profiles');
    expect(parsed.rejected).toBe(1);
    expect(parsed.errors.map((error) => error.column).sort()).toEqual(['channel', 'do_not_call', 'email', 'first_seen', 'score', 'stage']);
    expect(parsed.errors.every((error) => error.row === 2)).toBe(true);
  });

  it('counts a quoted cell spanning lines as one row, and blank lines as rows, as a spreadsheet does', async () => {
    const csv = ['id,problem_text,problem_date', 'a,"line one\nline two, with a ""quote""",2026-11-01', '', 'b,,', 'c,text but no date,'].join('\r\n');
    const parsed = await parseCsv(csv, 'profiles');
    expect(parsed.total).toBe(3);
    expect(parsed.errors).toEqual([
      { row: 5, column: 'problem_date', message: 'Required when problem_text is given', coded: { code: 'import.requiredWhen', params: { other: 'problem_text' } } },
    ]);
    expect(parsed.records.profiles[0]!.problems).toEqual([{ text: 'line one\nline two, with a "quote"', form: 'Imported', submittedAt: '2026-11-01T00:00:00Z' }]);
  });

  it('accepts semicolon- and tab-separated files, a byte-order mark, and header spellings', async () => {
    const semicolon = '\uFEFFID;E-Mail;Salesforce ID;Source Channel\nx1;X@Example.com;00Q8d00000XyZ1a;Paid Search';
    const parsed = await parseCsv(semicolon, 'profiles');
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.profiles[0]).toMatchObject({ id: 'x1', email: 'X@Example.com', crmIds: { salesforce: '00Q8d00000XyZ1a' }, source: { channel: 'paid_search' } });
    const tabbed = await parseCsv('id\tstage\nx2\tMQL', 'profiles');
    expect(tabbed.records.profiles[0]!.stage).toBe('mql');
  });

  it('keeps ;-separated lists in a comma file (the delimiter comes from the header)', async () => {
    const csv = 'id,title,type,url,topics,stages\nc1,Guide,Case Study,https://www.example.com/g,SOC 2;audit; evidence ,MQL;sql';
    const parsed = await parseCsv(csv, 'content');
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.content[0]).toMatchObject({ type: 'case_study', topics: ['SOC 2', 'audit', 'evidence'], stages: ['mql', 'sql'], summary: '' });
  });

  it('names ignored columns and refuses the file when a required column is missing', async () => {
    const ignored = await parseCsv('id,favourite_colour,Email\nx,blue,a@example.com', 'profiles');
    expect(ignored.ignoredColumns).toEqual(['favourite_colour']);
    expect(ignored.valid).toBe(1);

    const missing = await parseCsv('email,name\na@example.com,A', 'profiles');
    expect(missing.fatal).toMatch(/^Not a profiles file: the header row needs the column id \(found: email, name\)/);
    expect(missing.records.profiles).toEqual([]);
  });

  it('says which kind a file looks like when the wrong kind was chosen', async () => {
    const parsed = await parseCsv('profile_id,url,viewed_at\nlead-1,https://www.example.com/,2026-11-01T10:00:00Z', 'profiles');
    expect(parsed.fatal).toContain('It looks like a page views file');
  });

  it.each([
    ['', 'The file is empty.'],
    ['  \n ', 'The file is empty.'],
    ['id,email', 'The file has a header but no rows.'],
    ['id,email\n\n\n', 'The file has a header but no rows.'],
    ['id,email,Email\nx,a@example.com,b@example.com', 'The column email appears twice (columns B and C).'],
  ])('refuses %j as a whole: %s', async (csv, message) => {
    const parsed = await parseCsv(csv, 'profiles');
    expect(parsed.fatal).toBe(message);
    expect(parsed.valid).toBe(0);
  });

  it('refuses a row with more cells than the header, and a never-closed quote', async () => {
    const parsed = await parseCsv('id,name\na,A\nb,B,extra\nc,C,,\nd,"D never closed\ne,E', 'profiles');
    expect(parsed.errors).toEqual([
      { row: 3, column: '(row)', message: 'This row has 3 cells but the header has 2 columns', coded: { code: 'import.cellCount', params: { cells: 3, columns: 2 } } },
      { row: 5, column: '(row)', message: expect.stringContaining('never closed'), coded: { code: 'import.unclosedQuote' } },
    ]);
    expect(parsed.records.profiles.map((row) => row.id)).toEqual(['a', 'c']);
  });

  it('refuses a note below the table, a row of one cell where the header has several, at its own row', async () => {
    const parsed = await parseCsv('"id","name","email"\n"a","A","a@example.com"\n""\n"Grand Totals (1 record)"\n"Copyright (c) 2000-2026 salesforce.com, inc."', 'profiles');
    expect(parsed.records.profiles.map((row) => row.id)).toEqual(['a']);
    expect(parsed.errors.map((error) => [error.row, error.coded?.code])).toEqual([
      [4, 'import.oneCell'],
      [5, 'import.oneCell'],
    ]);
    // A file of two columns may hold an id alone: that is a record.
    expect((await parseCsv('id,email\nb,\nc', 'profiles')).records.profiles.map((row) => row.id)).toEqual(['b', 'c']);
  });

  it('refuses a second row with the same id, naming the first', async () => {
    const parsed = await parseCsv('id,name\na,First\nb,B\na,Second', 'profiles');
    expect(parsed.errors).toEqual([{ row: 4, column: 'id', message: 'Same id as row 2: each id may appear once', coded: { code: 'import.duplicateIdRow', params: { first: 2 }, detail: expect.any(String) } }]);
    expect(parsed.records.profiles.map((row) => row.name)).toEqual(['First', 'B']);
  });

  it('reads page views by profile id or e-mail, merging a view listed twice', async () => {
    const csv = [
      'profile_id,email,url,title,viewed_at,duration_sec,visit_id',
      'lead-1,,https://www.example.com/pricing,Pricing,2026-11-16T14:05:20+01:00,88,v4',
      ',Priya@Ledgerly.io,https://www.example.com/demo,,2026-11-16T13:06:52Z,,',
      'lead-1,,https://www.example.com/pricing,Pricing,2026-11-16T13:05:20Z,88,v4',
      ',,https://www.example.com/,Home,2026-11-16T13:00:00Z,,',
      'lead-1,,javascript:alert(1),x,2026-11-16T13:00:00Z,,',
      'lead-1,,https://www.example.com/,x,2026-11-16T13:00:00Z,-5,',
      'lead-1,,https://www.example.com/,x,,,',
    ].join('\n');
    const parsed = await parseCsv(csv, 'pageViews');
    expect(parsed.errors.map(({ row, column }) => [row, column])).toEqual([
      [5, 'profile_id'],
      [6, 'url'],
      [7, 'duration_sec'],
      [8, 'viewed_at'],
    ]);
    expect(parsed.duplicatesMerged).toBe(1);
    expect(parsed.records.pageViews).toEqual([
      { profileKey: 'id:lead-1', url: 'https://www.example.com/pricing', title: 'Pricing', viewedAt: '2026-11-16T13:05:20Z', durationSec: 88, visitId: 'v4' },
      { profileKey: 'email:priya@ledgerly.io', url: 'https://www.example.com/demo', title: 'https://www.example.com/demo', viewedAt: '2026-11-16T13:06:52Z', visitId: '2026-11-16' },
    ]);
  });

  it('parses a large file in chunks, reporting progress and yielding between chunks', async () => {
    const rows = Array.from({ length: 14_000 }, (_, index) => `lead-${index},user${index}@example.com,"Name, ${index}",Company ${index},,email,Campaign ${index},,mql,no,${index}`);
    const csv = [HEADER, ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(2 * CSV_CHUNK_SIZE);
    const progress: number[] = [];
    const parsed = await parseCsv(csv, 'profiles', { onProgress: ({ fraction }) => progress.push(fraction) });
    expect(parsed.valid).toBe(14_000);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('stops when cancelled', async () => {
    const csv = [HEADER, ...Array.from({ length: 30_000 }, (_, index) => `lead-${index},,,,,,,,,,`)].join('\n');
    expect(csv.length).toBeGreaterThan(CSV_CHUNK_SIZE);
    const controller = new AbortController();
    const onProgress = vi.fn(() => controller.abort());
    await expect(parseCsv(csv, 'profiles', { signal: controller.signal, onProgress })).rejects.toThrow(/cancelled|abort/i);
    expect(onProgress).toHaveBeenCalledTimes(1);
  });
});

describe('helpers', () => {
  it.each([
    ['id,email', ','],
    ['id;email;name', ';'],
    ['id\temail', '\t'],
    ['id', ','],
    ['"id";"topics"\n"a";"x,y,z,w"', ';'],
  ])('detects the delimiter of %j', (text, delimiter) => expect(detectDelimiter(text)).toBe(delimiter));

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => expect(columnLetter(index)).toBe(letters));
});
