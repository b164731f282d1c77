/**
 * Import files as real admins produce them (Excel on German/French Windows, Google Sheets, Numbers,
 * CRM exports, sync scripts, PowerShell, pandas), checked against docs/file-import.md only.
 * The files are in test/fixtures/import-variants/ (see its README.md for what each must show).
 */
import { describe, expect, it } from 'vitest';
import { ContentItemSchema, LeadProfileSchema } from '@/lib/schema';
import { errorsAt, expectAccounted, importVariantFiles, instant, profile } from '@/test/support/import-variants';

const { bytes, readUtf8, load } = importVariantFiles('test/fixtures/import-variants');

/**
 * Windows-1252, decoded the way a browser's TextDecoder('windows-1252') does (0x80–0x9F are not Latin-1).
 * By hand: Node's own decoder for it depends on the ICU data it was built with.
 */
const CP1252_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};
const readCp1252 = (name: string): string => Array.from(bytes(name), (byte) => CP1252_HIGH[byte] ?? String.fromCharCode(byte)).join('');

const isKnownZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};


describe('import variants: files as admins save them', () => {
  it('01 German Excel (BOM, ";", CRLF, umlauts, quoted ; and "") imports every lead with its values', async () => {
    const parsed = await load('01-profiles-excel-de.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    expect(parsed.ignoredColumns).toEqual([]);
    expect({ total: parsed.total, valid: parsed.valid }).toEqual({ total: 3, valid: 3 });
    expect(parsed.records.profiles.map((lead) => lead.id)).toEqual(['lead-de-001', 'lead-de-002', 'lead-de-003']);
    expect(profile(parsed, 'lead-de-001')).toMatchObject({
      email: 'juergen.mueller@bergwerk.example',
      name: 'Jürgen Müller',
      company: 'Bergwerk Systeme GmbH',
      title: 'Leiter IT-Sicherheit',
      industry: 'Fertigung',
      country: 'DE',
      crmIds: { salesforce: '00Q8d00000AbC2dEAF' },
      source: { channel: 'paid_search', campaign: 'Q3 DACH; Google Ads', firstSeen: '2026-09-14T13:22:05Z' },
      problems: [{ text: 'Unsere Zugriffsprüfungen laufen noch über Excel; das "Audit" steht im März an.', form: 'Imported', submittedAt: '2026-11-16T13:09:30Z' }],
      contact: { doNotCall: false, doNotEmail: false },
      score: 82,
      stage: 'mql',
    });
    expect(profile(parsed, 'lead-de-002')).toMatchObject({
      name: 'Selin Özdemir',
      country: 'Deutschland',
      productsOwned: ['Evidence Hub', 'Access Reviews'],
      source: { channel: 'organic_search', firstSeen: '2026-10-01T00:00:00Z' },
      contact: { doNotCall: true },
      score: 64,
      stage: 'customer',
    });
    const bjoern = profile(parsed, 'lead-de-003');
    expect(bjoern).toMatchObject({
      name: 'Björn Weiß-Großmann',
      company: 'Weiß & Söhne KG',
      title: 'Geschäftsführer',
      source: { channel: 'event', campaign: 'Messe „it-sa“ 2026', firstSeen: '2026-10-08T09:30:00Z' },
      stage: 'lead',
    });
    expect(bjoern?.score).toBeUndefined();
    for (const lead of parsed.records.profiles) expect(LeadProfileSchema.parse(lead)).toEqual(lead);
  });

  it('02 German Excel locale values (14.09.2026, 82,5, WAHR, ja) are refused or read right, never misread', async () => {
    const parsed = await load('02-profiles-excel-de-locale-values.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(6);
    expectAccounted(parsed);

    // Dates in a locale's form are refused (documented), naming row, column and the value.
    expect(profile(parsed, 'lead-de-101')).toBeUndefined();
    expect(errorsAt(parsed, 2, 'first_seen')).toEqual([expect.objectContaining({ message: expect.stringContaining('14.09.2026') })]);
    expect(profile(parsed, 'lead-de-102')).toBeUndefined();
    expect(errorsAt(parsed, 3, 'qualified_at')).toEqual([expect.objectContaining({ message: expect.stringContaining('16.11.2026 13:10') })]);

    // 82,5: a German decimal comma is either read as 82.5 or refused, never 825 or 82.
    const mia = profile(parsed, 'lead-de-103');
    if (mia) expect(mia.score).toBe(82.5);
    else expect(errorsAt(parsed, 4, 'score')).toHaveLength(1);

    // WAHR / ja in do_not_call: refused (not a documented yes/no) or read as yes; never imported as "may call".
    for (const [id, row] of [['lead-de-104', 5], ['lead-de-105', 6]] as const) {
      const lead = profile(parsed, id);
      if (lead) expect(lead.contact.doNotCall).toBe(true);
      else expect(errorsAt(parsed, row, 'do_not_call')).toHaveLength(1);
    }
    // "nein" as customer is never read as "already a customer".
    expect(profile(parsed, 'lead-de-105')?.customer).not.toBe(true);

    expect(profile(parsed, 'lead-de-106')).toMatchObject({ qualifiedAt: '2026-11-16T13:10:00Z', score: 82, stage: 'opportunity', customer: false, contact: { doNotCall: false, doNotEmail: false } });
    expect(errorsAt(parsed, 7)).toEqual([]);
  });

  it('03 Windows-1252 Excel file (smart quotes, €, –, …, non-breaking spaces) keeps every character and no stray NBSP', async () => {
    const parsed = await load('03-profiles-windows-1252.csv', 'profiles', readCp1252('03-profiles-windows-1252.csv'));
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(2);
    expectAccounted(parsed);
    expect(errorsAt(parsed, 2)).toEqual([]);
    expect(profile(parsed, 'lead-cp-001')).toMatchObject({
      email: 'liam.obrien@harbour.example',
      name: 'Liam O’Brien',
      company: 'O’Brien & Partners Ltd',
      title: 'Head of IT – EMEA',
      source: { channel: 'webinar', campaign: 'Winter-Webinar „Zero Trust“' },
      problems: [{ text: 'Budget ~ 5.000 € – Entscheidung bis Q1…', submittedAt: '2026-11-20T00:00:00Z' }],
      stage: 'mql',
    });
    const zoe = profile(parsed, 'lead-cp-002');
    if (zoe) {
      // A pasted non-breaking space is whitespace: trimmed / ignored like a space.
      expect(zoe).toMatchObject({ email: 'zoe.kruger@nordlicht.example', name: 'Zoë Krüger', stage: 'sql', source: { channel: 'paid_search' } });
    } else {
      const columns = errorsAt(parsed, 3).map((error) => error.column);
      expect(columns.length).toBeGreaterThan(0);
      expect(columns.every((column) => ['email', 'stage', 'channel'].includes(column))).toBe(true);
    }
    expect(JSON.stringify(parsed.records.profiles)).not.toContain('\u00a0');
  });

  it('04 Google Sheets (CRLF, no final newline, multi-line quoted cell, commas, doubled quotes) keeps text exact and numbers rows as the sheet does', async () => {
    const parsed = await load('04-profiles-google-sheets.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect({ total: parsed.total, valid: parsed.valid, rejected: parsed.rejected }).toEqual({ total: 3, valid: 2, rejected: 1 });
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ row: 3, column: 'stage', message: expect.stringContaining('Hot Lead') });
    expect(profile(parsed, 'lead-gs-001')).toMatchObject({
      company: 'Tidewater Logistics, Inc.',
      source: { campaign: 'Spring Promo, "Zero Trust" Edition' },
      problems: [
        {
          text: 'We have three auditors asking for the same evidence.\nLast year it took 6 weeks, and "spreadsheet hell" is an understatement.\n\nCan you help?',
          form: 'Contact us',
          submittedAt: '2026-11-02T08:15:00Z',
        },
      ],
      stage: 'sql',
      score: 71,
    });
    expect(profile(parsed, 'lead-gs-003')).toMatchObject({
      company: 'Clarke & Co',
      problems: [{ text: 'Short question: "Do you support SSO?"', form: 'Chat', submittedAt: '2026-11-03T00:00:00Z' }],
      stage: 'lead',
      score: 40,
    });
  });

  it('05 Numbers export with Title Case headers ("E-mail", "Source Channel", "Do-Not-Email") maps every column', async () => {
    const parsed = await load('05-profiles-numbers-headers.csv', 'profiles');
    expect.soft(parsed.fatal).toBeUndefined();
    expect.soft(parsed.errors).toEqual([]);
    expect.soft(parsed.ignoredColumns).toEqual([]);
    expect.soft(profile(parsed, 'lead-nu-001')).toMatchObject({
      email: 'olivia.bennett@summit.example',
      title: 'Director of Compliance',
      crmIds: { hubspot: '77001' },
      source: {
        channel: 'paid_search',
        campaign: 'Q4 Compliance Push',
        utm: { source: 'google', medium: 'cpc' },
        firstPage: 'https://www.vendor.example/soc-2?utm_source=google&utm_medium=cpc',
        latest: { channel: 'email' },
      },
      contact: { preferredChannel: 'video_call', bestTime: { start: '08:30', end: '10:00', weekdaysOnly: true }, timeZone: 'America/Chicago', doNotCall: false, doNotEmail: false },
      qualifiedAt: '2026-11-16T13:10:00Z',
      stage: 'mql',
    });
    expect.soft(profile(parsed, 'lead-nu-002')).toMatchObject({
      source: { channel: 'organic_search', latest: { channel: 'paid_social' } },
      contact: { preferredChannel: 'linkedin', timeZone: 'Europe/London', doNotCall: true, doNotEmail: false },
      stage: 'opportunity',
    });
  });

  it('06 CRM export with unknown columns, empty trailing header cells and rows of only commas imports the 3 leads and names the unknown columns', async () => {
    const parsed = await load('06-profiles-extra-and-empty-columns.csv', 'profiles');
    expect.soft(parsed.fatal).toBeUndefined();
    expect.soft(parsed.errors).toEqual([]);
    expect.soft({ valid: parsed.valid, rejected: parsed.rejected }).toEqual({ valid: 3, rejected: 0 });
    expect.soft(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Lead Owner', 'Created Date', 'Rating']));
    expect.soft(parsed.records.profiles.map((lead) => [lead.id, lead.name, lead.stage])).toEqual([
      ['lead-cx-001', 'Jordan Blake', 'sql'],
      ['lead-cx-002', 'Priya Nair', 'mql'],
      ['lead-cx-003', 'Diego Álvarez', 'lead'],
    ]);
  });

  it('07 two exports pasted together (header repeated at row 4) never becomes a lead called "id"', async () => {
    const parsed = await load('07-profiles-two-exports-pasted.csv', 'profiles');
    expect.soft(parsed.fatal).toBeUndefined();
    expect.soft(profile(parsed, 'id')).toBeUndefined();
    expect.soft(parsed.records.profiles.map((lead) => lead.id)).toEqual(['lead-px-001', 'lead-px-002', 'lead-px-003', 'lead-px-004']);
    expect.soft(profile(parsed, 'lead-px-004')).toMatchObject({ name: 'Jack Tanaka', company: 'Tanaka Robotics', title: 'CISO', source: { campaign: 'Partner Referral' } });
    // If the repeated header is reported, it is at its own row.
    expect.soft(parsed.errors.every((error) => error.row === 4)).toBe(true);
  });

  it('08 one lead exported three times (twice identical, once changed): one profile per id, nothing mixed, the changed row not silently lost', async () => {
    const parsed = await load('08-profiles-duplicate-rows.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    const ids = parsed.records.profiles.map((lead) => lead.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(profile(parsed, 'lead-dup-002')).toMatchObject({ name: 'Ivan Petrović', stage: 'lead', score: 20 });
    const mila = profile(parsed, 'lead-dup-001');
    expect(mila).toBeDefined();
    expect([[ 'mql', 60 ], [ 'sql', 85 ]]).toContainEqual([mila!.stage, mila!.score]);
    // The changed row 5 either won, or is reported at row 5.
    if (mila!.stage !== 'sql') expect(errorsAt(parsed, 5).length).toBeGreaterThan(0);
    for (const error of parsed.errors) expect(error.row).toBeGreaterThanOrEqual(4);
  });

  it('09 e-mails with upper case, surrounding spaces, a tab, mailto: and "Name <address>"', async () => {
    const parsed = await load('09-profiles-email-case-spaces.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expectAccounted(parsed);
    for (const [id, row, address] of [
      ['lead-em-001', 2, 'anna.schmidt@firma.example'],
      ['lead-em-002', 3, 'max.weber@firma.example'],
      ['lead-em-003', 4, 'lena.koch@firma.example'],
    ] as const) {
      expect(errorsAt(parsed, row), `row ${row}`).toEqual([]);
      const lead = profile(parsed, id);
      expect(lead?.email, id).toBeDefined();
      expect(lead!.email!.toLowerCase(), id).toBe(address);
    }
    for (const [id, row, address] of [
      ['lead-em-004', 5, 'jonas.wolf@firma.example'],
      ['lead-em-005', 6, 'clara.neumann@firma.example'],
    ] as const) {
      const lead = profile(parsed, id);
      if (lead) expect(lead.email?.toLowerCase(), id).toBe(address);
      else expect(errorsAt(parsed, row, 'email'), id).toHaveLength(1);
    }
  });

  it('10 time zones written as an offset, a city or a Windows name, and a best time of 9:00', async () => {
    const parsed = await load('10-profiles-time-zones.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expectAccounted(parsed);
    expect(profile(parsed, 'lead-tz-001')?.contact).toMatchObject({ timeZone: 'Europe/Berlin', bestTime: { start: '09:00', end: '11:00', weekdaysOnly: true } });
    for (const [id, row, value, meant] of [
      ['lead-tz-002', 3, '+01:00', undefined],
      ['lead-tz-003', 4, 'UTC+2', undefined],
      ['lead-tz-004', 5, 'Berlin', 'Europe/Berlin'],
      ['lead-tz-005', 6, 'Eastern Time (US & Canada)', 'America/New_York'],
    ] as const) {
      const lead = profile(parsed, id);
      if (lead) {
        // Imported: the zone is kept as a usable zone, never dropped without a word.
        expect(lead.contact.timeZone, `${id} ${value}`).toBeDefined();
        expect(isKnownZone(lead.contact.timeZone!), `${id} ${value}`).toBe(true);
        if (meant) expect(lead.contact.timeZone, id).toBe(meant);
      } else {
        expect(errorsAt(parsed, row, 'time_zone'), id).toEqual([expect.objectContaining({ message: expect.stringContaining(value) })]);
      }
    }
    const kai = profile(parsed, 'lead-tz-006');
    if (kai) expect(kai.contact.bestTime).toMatchObject({ start: '09:00', end: '17:30', weekdaysOnly: false });
    else expect(errorsAt(parsed, 7, 'best_time_start')).toHaveLength(1);
  });

  it('11 JSON from a sync script ({ leads: [...] }, numbers and booleans as strings, a numeric id and CRM id)', async () => {
    const parsed = await load('11-profiles-script-export.json', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    expect({ format: parsed.format, unit: parsed.unit, total: parsed.total, valid: parsed.valid }).toEqual({ format: 'json', unit: 'item', total: 2, valid: 2 });
    const rachel = profile(parsed, 'lead-js-001');
    expect(rachel).toMatchObject({
      email: 'rachel.kim@harborview.example',
      score: 82,
      customer: false,
      crmIds: { hubspot: '51001', salesforce: '00Q8d00000AbC3dEAF' },
      productsOwned: ['Evidence Hub', 'Access Reviews'],
      contact: { doNotCall: true, doNotEmail: false },
      stage: 'mql',
      source: { channel: 'paid_search', campaign: 'Q3 SOC 2 Readiness' },
    });
    expect(instant(rachel?.source.firstSeen)).toBe('2026-09-14T13:22:05.000Z');
    const samuel = profile(parsed, '2002');
    expect(samuel).toMatchObject({
      email: 'samuel.ortiz@cobalt.example',
      score: 7.5,
      contact: { doNotEmail: true, doNotCall: false },
      problems: [{ text: 'We need SSO for 400 users before renewal.', form: 'Imported', submittedAt: '2026-11-01T00:00:00Z' }],
    });
    expect(samuel?.source.firstSeen).toBeUndefined();
    expect(samuel?.stage).toBeUndefined();
    for (const lead of parsed.records.profiles) expect(LeadProfileSchema.parse(lead)).toEqual(lead);
  });

  it('12 page views from a script (bare array, lead_id alias, duration as a string, numeric visit id, mixed key spelling)', async () => {
    const parsed = await load('12-page-views-script-array.json', 'pageViews');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.pageViews).toHaveLength(2);
    const [pricing, demo] = parsed.records.pageViews;
    expect(pricing).toMatchObject({ profileKey: 'id:lead-0001', url: 'https://www.vendor.example/pricing', title: 'Pricing', durationSec: 88, visitId: '4' });
    expect(instant(pricing!.viewedAt)).toBe('2026-11-16T13:05:20.000Z');
    expect(demo).toMatchObject({ profileKey: 'email:priya.raman@ledgerly.example', url: 'https://www.vendor.example/demo', title: 'Book a demo', viewedAt: '2026-11-16T13:06:52Z', durationSec: 0, visitId: '4' });
  });

  it('13 PowerShell 5 JSON (UTF-8 BOM, CRLF, its spacing, a \\/Date()\\/ value) imports, the odd date refused or read right', async () => {
    const parsed = await load('13-profiles-powershell-bom.json', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.format).toBe('json');
    expect(parsed.total).toBe(2);
    expectAccounted(parsed);
    expect(profile(parsed, 'lead-ps-001')).toMatchObject({ name: 'Tobias Lang', score: 55, contact: { doNotCall: false }, stage: 'sql', source: { firstSeen: '2026-09-14T13:22:05Z' } });
    const ines = profile(parsed, 'lead-ps-002');
    if (ines) {
      expect(ines.contact.doNotCall).toBe(true);
      expect(instant(ines.source.firstSeen)).toBe('2026-09-14T13:22:05.000Z');
    } else {
      expect(errorsAt(parsed, 2, 'first_seen')).toEqual([expect.objectContaining({ message: expect.stringContaining('Date(1789392125000)') })]);
    }
  });

  it('14 pandas to_json(orient="records") (numeric ids, 82.0, epoch-millisecond dates, nulls, escaped slashes)', async () => {
    const parsed = await load('14-profiles-pandas-records.json', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(2);
    expectAccounted(parsed);
    const yuki = profile(parsed, '1001');
    if (yuki) {
      expect(yuki).toMatchObject({ email: 'yuki.sato@kairos.example', score: 82, stage: 'mql', contact: { doNotCall: false }, source: { firstPage: 'https://www.vendor.example/soc-2' } });
      expect(instant(yuki.source.firstSeen)).toBe('2026-09-14T13:22:05.000Z');
      expect(yuki.source.campaign).toBeUndefined();
    } else {
      expect(errorsAt(parsed, 1, 'first_seen')).toEqual([expect.objectContaining({ message: expect.stringContaining('1789392125000') })]);
      expect(errorsAt(parsed, 1).every((error) => error.column === 'first_seen')).toBe(true);
    }
    const leo = profile(parsed, '1002');
    expect(errorsAt(parsed, 2)).toEqual([]);
    expect(leo).toMatchObject({ email: 'leo.marino@kairos.example', stage: 'lead', contact: { doNotCall: true }, source: { campaign: 'Partner Day' } });
    expect(leo?.score).toBeUndefined();
    expect(leo?.source.firstSeen).toBeUndefined();
    expect(leo?.source.firstPage).toBeUndefined();
  });

  it('15 very long cells: 10,000 characters kept whole, 10,001 refused at its row, a 600-character name refused clearly', async () => {
    const text = readUtf8('15-profiles-long-cells.csv');
    const parsed = await load('15-profiles-long-cells.csv', 'profiles', text);
    expect.soft(parsed.fatal).toBeUndefined();
    expect.soft(parsed.total).toBe(4);
    expectAccounted(parsed);
    const noor = profile(parsed, 'lead-lc-001');
    expect.soft(errorsAt(parsed, 2)).toEqual([]);
    expect.soft(noor?.problems[0]?.text).toHaveLength(10_000);
    expect.soft(text).toContain(noor!.problems[0]!.text);
    expect.soft(profile(parsed, 'lead-lc-002')).toBeUndefined();
    expect.soft(errorsAt(parsed, 3, 'problem_text')).toEqual([expect.objectContaining({ message: expect.stringMatching(/10[,.]?000/) })]);
    // A 600-character name: the stored profile allows 500, so it is refused at its cell, not cut or stored invalid.
    const longName = profile(parsed, 'lead-lc-003');
    if (longName) {
      expect.soft(longName.name).toHaveLength(600);
      expect.soft(LeadProfileSchema.safeParse(longName).success).toBe(true);
    } else {
      expect.soft(errorsAt(parsed, 4, 'name')).toEqual([expect.objectContaining({ message: expect.stringContaining('500') })]);
    }
    expect.soft(profile(parsed, 'lead-lc-004')).toMatchObject({ name: 'Pia Frank', problems: [{ text: 'short' }] });
    for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success).toBe(true);
  });

  it('16 formulas left in cells (=HYPERLINK, =70+5, leading + - @) are never stored as links or numbers, text kept as text', async () => {
    const parsed = await load('16-profiles-formulas.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expectAccounted(parsed);
    const nina = profile(parsed, 'lead-fx-001');
    if (nina) expect(nina.source.firstPage).toBe('https://www.vendor.example/preise');
    else expect(errorsAt(parsed, 2, 'first_page')).toHaveLength(1);
    expect(profile(parsed, 'lead-fx-002')).toMatchObject({ company: '+Plus Example GmbH', source: { campaign: '-20% Winter Sale' }, stage: 'sql' });
    expect(profile(parsed, 'lead-fx-003')).toMatchObject({ company: '@Home Example GmbH', source: { campaign: '@spring-event', firstPage: 'https://www.vendor.example/' } });
    expect(profile(parsed, 'lead-fx-004')).toBeUndefined();
    expect(errorsAt(parsed, 5, 'score')).toEqual([expect.objectContaining({ message: expect.stringContaining('=70+5') })]);
    expect(JSON.stringify(parsed.records.profiles)).not.toContain('HYPERLINK');
  });

  it('17 a page-views file chosen as profiles (and as content) is refused as a whole, saying what it looks like', async () => {
    const asProfiles = await load('17-page-views-as-profiles.csv', 'profiles');
    expect(asProfiles.fatal).toMatch(/page views/i);
    expect(asProfiles.valid).toBe(0);
    expect(asProfiles.records.profiles).toEqual([]);
    const asContent = await load('17-page-views-as-profiles.csv', 'content');
    expect(asContent.fatal).toBeDefined();
    expect(asContent.records.content).toEqual([]);
  });

  describe('18 the content catalog chosen as profiles', () => {
    it('must: no crash, and the report names every content column it left out', async () => {
      const parsed = await load('18-content-as-profiles.csv', 'profiles');
      if (parsed.fatal === undefined) {
        expect.soft(parsed.ignoredColumns).toEqual(expect.arrayContaining(['type', 'url', 'summary', 'topics', 'buyer_stages', 'review_by']));
      }
    });
    it('reasonable: it is not imported as three "leads" named by whitepaper titles, but refused as a content file', async () => {
      const parsed = await load('18-content-as-profiles.csv', 'profiles');
      expect.soft(parsed.fatal).toMatch(/content/i);
      expect.soft(parsed.records.profiles).toEqual([]);
    });
  });

  it('19 page views from German Excel (BOM, ";", "Lead ID", space date-time, offset, 88,5, 16.11.2026, a quoted URL with ;)', async () => {
    const parsed = await load('19-page-views-excel-de.csv', 'pageViews');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    const byUrl = (url: string) => parsed.records.pageViews.find((view) => view.url === url);
    expect(byUrl('https://www.anbieter.example/preise')).toEqual({
      profileKey: 'id:lead-0001',
      url: 'https://www.anbieter.example/preise',
      title: 'Preise & Pakete',
      viewedAt: '2026-11-16T14:05:20Z',
      durationSec: 88,
      visitId: 'v4',
    });
    const demo = byUrl('https://www.anbieter.example/demo');
    if (demo) {
      expect(demo).toMatchObject({ profileKey: 'email:anna.schmidt@firma.example', title: 'Demo anfragen', durationSec: 88.5, visitId: 'v4' });
      expect(instant(demo.viewedAt)).toBe('2026-11-16T13:06:52.000Z');
    } else {
      expect(errorsAt(parsed, 3).map((error) => error.column)).toEqual(['duration_sec']);
    }
    expect(byUrl('https://www.anbieter.example/kontakt')).toBeUndefined();
    expect(errorsAt(parsed, 4, 'viewed_at')).toEqual([expect.objectContaining({ message: expect.stringContaining('16.11.2026 14:10') })]);
    const shop = byUrl('https://www.anbieter.example/shop;jsessionid=ABC123');
    expect(shop).toMatchObject({ profileKey: 'id:lead-0001', title: 'Shop', viewedAt: '2026-11-16T13:12:00Z' });
    expect(shop?.durationSec).toBeUndefined();
  });

  it('20 content catalog from French Excel (BOM, ";", quoted ;-lists with a trailing ;, "Case Study", 31/12/2026 refused)', async () => {
    const parsed = await load('20-content-excel-fr.csv', 'content');
    expect(parsed.fatal).toBeUndefined();
    expect({ total: parsed.total, valid: parsed.valid, rejected: parsed.rejected }).toEqual({ total: 4, valid: 2, rejected: 2 });
    expect(parsed.errors.map(({ row, column }) => [row, column])).toEqual([
      [3, 'expires_at'],
      [4, 'updated_at'],
      [4, 'review_by'],
    ]);
    expect(parsed.errors[0]!.message).toContain('31/12/2026');
    expect(parsed.errors[1]!.message).toContain('01/09/2026');
    expect(parsed.errors[2]!.message).toContain('30/06/2027');
    const [study, battlecard] = parsed.records.content;
    expect(study).toMatchObject({
      id: 'cs-fr-001',
      title: 'Étude de cas : Société Exemple réussit son audit ISO 27001',
      type: 'case_study',
      url: 'https://www.editeur.example/fr/etude-iso-27001',
      summary: "Comment une PME de 90 personnes a passé l'audit; en 11 semaines.",
      topics: ['audit ISO 27001', "revues d'accès", 'collecte de preuves'],
      industries: ['Finance'],
      personas: ['RSSI', 'Responsable conformité'],
      stages: ['mql', 'sql'],
      updatedAt: '2026-08-20T00:00:00Z',
      language: 'fr',
      buyerStages: ['consideration', 'decision'],
      audience: 'prospect',
      products: ['Evidence Hub'],
      reviewBy: '2027-06-30',
    });
    expect(study?.expiresAt).toBeUndefined();
    expect(battlecard).toMatchObject({ id: 'bc-fr-004', type: 'battlecard', audience: 'prospect', buyerStages: ['decision'], reviewBy: '2027-03-31', expiresAt: '2026-12-31' });
    for (const item of parsed.records.content) expect(ContentItemSchema.parse(item)).toEqual(item);
  });
});
