/**
 * Import files as a third round of tools write them (Excel's "sep=;" line, Numbers with a table name, ISO 8601 forms
 * from data pipelines, epoch and Excel-serial dates, Airtable, Notion, Zoho CRM, Pipedrive's API saved by a Node
 * script, Marketo's bulk extract, Japanese Excel in Shift_JIS, a SQL join with repeated columns, WordPress terms
 * joined with "|", tracking URLs of every length, a Czech ERP export in Windows-1250 with a ";" after every row),
 * checked against docs/file-import.md only (and lib/schema/lead.ts, lib/schema/content.ts for what may be stored).
 * The files are in test/fixtures/import-variants-3/ (see its README.md); they were written by hand, or by a short
 * script where the bytes matter (Shift_JIS, Windows-1250, URLs of exact lengths), without reading the importer.
 * Where the docs leave the answer open, either documented outcome is accepted: refused at the right row and column
 * with a clear message, or imported with the right value; never a silently wrong value or a silent drop.
 */
import { describe, expect, it } from 'vitest';
import { ContentItemSchema, LeadProfileSchema, PageViewSchema } from '@/lib/schema';
import type { ImportKind, ParsedImport } from './index';
import { columnsAt, errorsAt, expectAccounted, expectNothingImported, importVariantFiles, instant, item, profile, viewAt } from '@/test/support/import-variants';

const { bytes, readUtf8, load } = importVariantFiles('test/fixtures/import-variants-3');
/** A legacy code page decoded as a browser's TextDecoder does it (what a FileReader with that encoding hands over). */
const readDecoded = (name: string, encoding: 'shift_jis' | 'windows-1250'): string => new TextDecoder(encoding).decode(bytes(name));

/**
 * A row the docs let the importer refuse: refused only on `allowed` columns (at least one), each message quoting
 * what the cell holds.
 */
function expectRefusedOn(parsed: ParsedImport, row: number, written: Record<string, string>, label: string): void {
  const columns = columnsAt(parsed, row);
  expect.soft(columns.length, `${label}: row ${row} neither imported nor refused`).toBeGreaterThan(0);
  expect.soft(Object.keys(written), `${label}: row ${row} refused on ${columns.join(', ')}`).toEqual(expect.arrayContaining(columns));
  for (const column of columns) {
    for (const error of errorsAt(parsed, row, column)) expect.soft(error.message, `${label}: row ${row}, ${column}`).toContain(written[column]);
  }
}

describe('import variants 3: a third round of files as tools save them', () => {
  describe('36 a CSV written for Excel by an "Export for Excel" button (first line "sep=;", ="000456" to keep leading zeros, CRLF)', () => {
    const text = readUtf8('36-profiles-excel-sep-line.csv');

    /** The leads as the file holds them, `shift` rows down when the sep= line is shown as row 1. */
    const expectLeads = (parsed: ParsedImport, shift: 0 | 1) => {
      expect(parsed.total).toBe(4);
      expectAccounted(parsed);
      expect(parsed.ignoredColumns).toEqual([]);
      expect(errorsAt(parsed, 4 + shift, 'stage')).toEqual([expect.objectContaining({ message: expect.stringContaining('Heiß') })]);
      expect(profile(parsed, 'lead-sep-003')).toBeUndefined();
      // ="000456" is how a tool tells Excel "text, keep the zeros" (Excel shows 000456): read as 000456, or refused at
      // hubspot_id; never stored with the formula around it.
      const katrin = profile(parsed, 'lead-sep-001');
      if (katrin) {
        expect.soft(katrin).toMatchObject({
          email: 'katrin.vogel@nordlicht.example',
          name: 'Katrin Vogel',
          company: 'Nordlicht Energie GmbH',
          title: 'Leiterin IT-Sicherheit',
          country: 'DE',
          source: { channel: 'paid_search', campaign: 'Q4 DACH; Google Ads' },
          contact: { doNotEmail: false },
          score: 82,
          stage: 'mql',
        });
        expect.soft(katrin.crmIds.hubspot, 'hubspot_id written ="000456"').toBe('000456');
        expect.soft(instant(katrin.source.firstSeen)).toBe('2026-10-05T08:30:00.000Z');
      } else {
        expectRefusedOn(parsed, 2 + shift, { hubspot_id: '000456' }, 'lead-sep-001');
      }
      expect(errorsAt(parsed, 3 + shift)).toEqual([]);
      const tobias = profile(parsed, 'lead-sep-002');
      expect(tobias).toMatchObject({ name: 'Tobias Keller', company: 'Alpenblick Versicherung AG', country: 'CH', source: { channel: 'organic_search' }, score: 64, stage: 'sql' });
      expect(instant(tobias?.source.firstSeen)).toBe('2026-10-12T00:00:00.000Z');
      expect(errorsAt(parsed, 5 + shift)).toEqual([]);
      const lukas = profile(parsed, 'lead-sep-004');
      expect(lukas).toMatchObject({ name: 'Lukas Brandt', source: { channel: 'email', campaign: 'Newsletter November' }, score: 41, stage: 'lead', contact: { doNotEmail: false } });
      expect(instant(lukas?.source.firstSeen)).toBe('2026-11-10T08:00:00.000Z');
      for (const error of parsed.errors) expect([1, 2 + shift, 4 + shift], JSON.stringify(error)).toContain(error.row);
      expect.soft(JSON.stringify(parsed.records.profiles), 'a stored value keeps Excel\'s ="…"').not.toContain('=\\"');
      for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
    };

    it('as written: refused as a whole naming id (or the sep= line), or read with rows numbered as a spreadsheet shows them', async () => {
      expect(text.startsWith('sep=;\r\n')).toBe(true);
      const parsed = await load('36-profiles-excel-sep-line.csv', 'profiles', text);
      // Never a lead made of the hint line or the header.
      expect(parsed.records.profiles.map((lead) => lead.id).filter((id) => !id.startsWith('lead-sep-'))).toEqual([]);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        expect(parsed.fatal).toMatch(/\bid\b|sep=/i);
        return;
      }
      // Excel hides the sep= line (header row 1, leads rows 2-5); LibreOffice shows it as row 1 (leads rows 3-6).
      const heiss = parsed.errors.find((error) => error.column === 'stage');
      expect([4, 5], `"Heiß" reported at row ${heiss?.row}`).toContain(heiss?.row);
      expectLeads(parsed, (heiss!.row - 4) as 0 | 1);
    });

    it('with the sep= line deleted (the edit the admin makes when told the header has no id): every lead read, "Heiß" at row 4, ="000456" as 000456 or refused', async () => {
      const parsed = await load('36-profiles-excel-sep-line.csv', 'profiles', text.replace(/^sep=;\r\n/, ''));
      expect(parsed.fatal).toBeUndefined();
      expectLeads(parsed, 0);
    });
  });

  describe('37 Numbers "Export To → CSV" with "Include table names" (the table name alone on line 1, the header on line 2)', () => {
    const text = readUtf8('37-profiles-numbers-table-name.csv');

    /** The leads as the file holds them, the bad link at `badRow`. */
    const expectLeads = (parsed: ParsedImport, badRow: number) => {
      expectAccounted(parsed);
      expect(parsed.ignoredColumns).toEqual([]);
      expect(parsed.valid).toBe(2);
      expect(errorsAt(parsed, badRow)).toEqual([expect.objectContaining({ column: 'first_page', message: expect.stringContaining('vendor.example/webinars/soc-2-in-90-days') })]);
      // The one-cell name line may be reported at its row 1 (like a report's title); nothing else but the bad link.
      for (const error of parsed.errors) expect([1, badRow], JSON.stringify(error)).toContain(error.row);
      expect(profile(parsed, 'lead-nu-101')).toMatchObject({
        email: 'grace.okafor@lagosfin.example',
        name: 'Grace Okafor',
        company: 'Lagos Fintech Ltd',
        title: 'Head of Compliance',
        customer: false,
        source: { channel: 'webinar', campaign: 'SOC 2 in 90 days', firstPage: 'https://www.vendor.example/webinars/soc-2-in-90-days' },
        contact: { doNotCall: false },
        score: 77,
        stage: 'mql',
      });
      expect(profile(parsed, 'lead-nu-102')).toBeUndefined();
      expect(profile(parsed, 'lead-nu-103')).toMatchObject({
        company: 'Porto Seguros, S.A.',
        customer: true,
        source: { firstPage: 'https://www.vendor.example/webinars/soc-2-in-90-days?utm_source=newsletter' },
        score: 91,
        stage: 'customer',
      });
      for (const lead of parsed.records.profiles) expect(LeadProfileSchema.parse(lead)).toEqual(lead);
    };

    it('as exported: refused as a whole naming id, or read with the bad link at row 4 (the CSV opened in a spreadsheet: name row 1, header row 2)', async () => {
      const parsed = await load('37-profiles-numbers-table-name.csv', 'profiles', text);
      // Never a lead called "id", nor one made of the table name.
      expect(parsed.records.profiles.map((lead) => lead.id).filter((id) => !id.startsWith('lead-nu-'))).toEqual([]);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        expect(parsed.fatal).toMatch(/\bid\b/);
        return;
      }
      expectLeads(parsed, 4);
    });

    it('with the table-name line deleted (or exported without table names): read, the bad link at row 3', async () => {
      const parsed = await load('37-profiles-numbers-table-name.csv', 'profiles', text.replace(/^Webinar leads – November\n/, ''));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(3);
      expectLeads(parsed, 3);
    });
  });

  it('38 ISO 8601 as data pipelines write it (week and ordinal dates, basic format, +01 and +0100 offsets, comma fractions, nanoseconds): the right instant or refused at its cell', async () => {
    const parsed = await load('38-profiles-iso-8601-forms.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(13);
    expectAccounted(parsed);
    type Lead = NonNullable<ReturnType<typeof profile>>;
    const read: Record<string, (lead: Lead) => string | undefined> = {
      first_seen: (lead) => lead.source.firstSeen,
      qualified_at: (lead) => lead.qualifiedAt,
      problem_date: (lead) => lead.problems[0]?.submittedAt,
      latest_at: (lead) => lead.source.latest?.at,
    };
    // The documented forms: every one is read, to the millisecond.
    for (const [id, row, values] of [
      ['lead-iso-01', 2, { first_seen: '2026-11-16T13:05:00.000Z', qualified_at: '2026-11-16T13:05:20.123Z' }],
      ['lead-iso-02', 3, { first_seen: '2026-11-16T00:00:00.000Z', qualified_at: '2026-11-16T13:05:20.000Z' }],
      ['lead-iso-03', 4, { first_seen: '2026-11-16T18:05:20.000Z' }],
    ] as const) {
      expect.soft(errorsAt(parsed, row), `${id} (documented forms)`).toEqual([]);
      const lead = profile(parsed, id);
      for (const [column, meant] of Object.entries(values)) expect.soft(instant(lead && read[column]!(lead)), `${id} ${column}`).toBe(meant);
    }
    // Forms the docs do not list: the instant they mean, or refused at that cell quoting it.
    for (const [id, row, column, written, meant] of [
      ['lead-iso-04', 5, 'first_seen', '2026-11-16 13:05:20.123456+01', '2026-11-16T12:05:20.123Z'],
      ['lead-iso-05', 6, 'qualified_at', '2026-11-16T13:05:20+0100', '2026-11-16T12:05:20.000Z'],
      ['lead-iso-06', 7, 'first_seen', '2026-W47-1', '2026-11-16T00:00:00.000Z'],
      ['lead-iso-07', 8, 'problem_date', '2026-320', '2026-11-16T00:00:00.000Z'],
      ['lead-iso-08', 9, 'latest_at', '20261116T130520Z', '2026-11-16T13:05:20.000Z'],
      ['lead-iso-09', 10, 'first_seen', '2026-11-16T13:05:20,250Z', '2026-11-16T13:05:20.250Z'],
      ['lead-iso-10', 11, 'first_seen', '2026-11-16T13:05:20.123456789Z', '2026-11-16T13:05:20.123Z'],
      ['lead-iso-11', 12, 'first_seen', '2026-11-16t13:05:20z', '2026-11-16T13:05:20.000Z'],
      ['lead-iso-13', 14, 'first_seen', '2026-11-16T24:00:00Z', '2026-11-17T00:00:00.000Z'],
    ] as const) {
      const lead = profile(parsed, id);
      if (lead) expect.soft(instant(read[column]!(lead)), `${id}: ${written} read as`).toBe(meant);
      else expectRefusedOn(parsed, row, { [column]: written }, id);
    }
    // What the ordinal and basic-format rows carry besides the date.
    const goran = profile(parsed, 'lead-iso-07');
    if (goran) expect.soft(goran.problems).toMatchObject([{ text: 'We need SOC 2 by March.' }]);
    const hana = profile(parsed, 'lead-iso-08');
    if (hana) expect.soft(hana.source.latest?.channel).toBe('email');
    // Minute 65 exists in no notation: refused, never rolled over to 14:05.
    expect.soft(profile(parsed, 'lead-iso-12')).toBeUndefined();
    expect.soft(errorsAt(parsed, 13, 'qualified_at')).toEqual([expect.objectContaining({ message: expect.stringContaining('2026-11-16T13:65:00Z') })]);
    for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
  });

  it('39 page views with Unix epoch timestamps (seconds as Mixpanel exports them; milliseconds as JavaScript writes them): the right instant or refused, never 1970', async () => {
    const text = readUtf8('39-page-views-epoch-seconds.csv');
    const views = [
      [2, 'https://www.vendor.example/pricing', '1794834320', '2026-11-16T13:05:20.000Z', '1794834320000', '2026-11-16T13:05:20.000Z', 'id:lead-0001', 88, 's-1794834125'],
      [3, 'https://www.vendor.example/demo', '1794834412', '2026-11-16T13:06:52.000Z', '1794834412000', '2026-11-16T13:06:52.000Z', 'id:lead-0001', 41, 's-1794834125'],
      [4, 'https://www.vendor.example/integrations/okta', '1794906000', '2026-11-17T09:00:00.000Z', '1794906000000', '2026-11-17T09:00:00.000Z', 'email:priya.raman@ledgerly.example', 0, 's-1794905990'],
      [5, 'https://www.vendor.example/blog/soc-2', '1794910500', '2026-11-17T10:15:00.000Z', '1794910500500', '2026-11-17T10:15:00.500Z', 'id:lead-0002', undefined, 's-1794910444'],
    ] as const;
    // The same export with viewed_at in milliseconds (Date.now(), Segment, Amplitude): the admin's other file.
    const lines = text.split('\n');
    for (const [row, , seconds, , millis] of views) {
      const cells = lines[row - 1]!.split(',');
      expect(cells[4]).toBe(seconds);
      cells[4] = millis;
      lines[row - 1] = cells.join(',');
    }
    for (const [label, body, unit] of [['epoch seconds', text, 's'], ['epoch milliseconds', lines.join('\n'), 'ms']] as const) {
      const parsed = await load('39-page-views-epoch-seconds.csv', 'pageViews', body);
      expect.soft(parsed.fatal, label).toBeUndefined();
      expect.soft(parsed.ignoredColumns, label).toEqual([]);
      expect.soft(parsed.total, label).toBe(4);
      expectAccounted(parsed);
      for (const [row, url, seconds, inSeconds, millis, inMillis, profileKey, duration, visitId] of views) {
        const [written, meant] = unit === 's' ? [seconds, inSeconds] : [millis, inMillis];
        const view = viewAt(parsed, url);
        if (view) {
          expect.soft(instant(view.viewedAt), `${label}: ${written} read as`).toBe(meant);
          expect.soft(view, `${label}: ${url}`).toMatchObject({ profileKey, visitId });
          expect.soft(view.durationSec, `${label}: ${url}`).toBe(duration);
        } else {
          expectRefusedOn(parsed, row, { viewed_at: written }, label);
        }
      }
    }
  });

  it('40 content catalog from Excel with date columns left as "General" (serials 46254, 46254.59375): the right day or refused, never 1970 or year 46254', async () => {
    const parsed = await load('40-content-excel-serial-dates.csv', 'content');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    // The documented row is imported exactly.
    expect(errorsAt(parsed, 4)).toEqual([]);
    const checklist = item(parsed, 'cl-audit-001');
    expect(checklist).toMatchObject({ type: 'checklist', reviewBy: '2027-03-31' });
    expect(instant(checklist?.updatedAt)).toBe('2026-09-01T00:00:00.000Z');
    // Excel serials (days since 1899-12-30): 46254 is 2026-08-20, .59375 is 14:15.
    for (const [id, row, cells] of [
      ['cs-fin-001', 2, { updated_at: ['46254', '2026-08-20T00:00:00.000Z'], review_by: ['46568', '2027-06-30'] }],
      ['ds-price-2026', 3, { updated_at: ['46254.59375', '2026-08-20T14:15:00.000Z'], expires_at: ['46387', '2026-12-31'] }],
      ['wp-zt-001', 5, { updated_at: ['46266', '2026-09-01T00:00:00.000Z'], review_by: ['46477', '2027-03-31'] }],
    ] as const) {
      const entry = item(parsed, id);
      const written = Object.fromEntries(Object.entries(cells).map(([column, [value]]) => [column, value]));
      if (entry) {
        const stored: Record<string, string | undefined> = { updated_at: instant(entry.updatedAt), review_by: entry.reviewBy, expires_at: entry.expiresAt };
        for (const [column, [value, meant]] of Object.entries(cells)) expect.soft(stored[column], `${id} ${column} ${value}`).toBe(meant);
      } else {
        expectRefusedOn(parsed, row, written, id);
      }
    }
    for (const entry of parsed.records.content) expect.soft(ContentItemSchema.safeParse(entry).success, entry.id).toBe(true);
  });

  it('41 Airtable grid view "Download CSV" (linked records as ids, attachments as "file (url)", multiple selects joined by ",", US dates)', async () => {
    const parsed = await load('41-content-airtable-grid.csv', 'content');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    // Field names are matched ignoring case and spaces; the attachment and collaborator fields are named as ignored.
    expect([...parsed.ignoredColumns].sort()).toEqual(['Files', 'Owner']);
    // "MQL,SQL" (a multiple select): both stages, or refused at stages quoting it.
    const guide = item(parsed, 'guide-soc2-en');
    if (guide) {
      expect(guide).toMatchObject({
        title: 'SOC 2 readiness guide',
        type: 'guide',
        url: 'https://www.vendor.example/resources/soc-2-guide',
        summary: "From scoping to the auditor's last question, in **12 steps**.",
        stages: ['mql', 'sql'],
        reviewBy: '2027-06-30',
        audience: 'prospect',
        language: 'en',
      });
      expect(instant(guide.updatedAt)).toBe('2026-08-20T14:15:00.000Z');
    } else {
      expectRefusedOn(parsed, 2, { stages: 'MQL,SQL' }, 'guide-soc2-en');
    }
    // A linked record exports its primary field (here the id): read as written.
    expect(errorsAt(parsed, 3)).toEqual([]);
    const german = item(parsed, 'guide-soc2-de');
    expect(german).toMatchObject({ title: 'SOC-2-Leitfaden', type: 'guide', url: 'https://www.vendor.example/de/ressourcen/soc-2-leitfaden', translationOf: 'guide-soc2-en', stages: ['mql'], language: 'de', reviewBy: '2027-06-30' });
    expect(instant(german?.updatedAt)).toBe('2026-09-02T09:00:00.000Z');
    expect(errorsAt(parsed, 4)).toEqual([]);
    const prices = item(parsed, 'ds-pricing-2025');
    expect(prices).toMatchObject({ type: 'datasheet', url: 'https://www.vendor.example/resources/price-sheet-2025', replacedBy: 'ds-pricing-2026', stages: ['sql'], audience: 'prospect' });
    expect(instant(prices?.updatedAt)).toBe('2025-01-10T08:00:00.000Z');
    // Airtable's US date formats depend on a locale: refused, each at its column, quoting the value.
    expect(item(parsed, 'roi-calc-001')).toBeUndefined();
    expect(columnsAt(parsed, 5)).toEqual(['review_by', 'updated_at']);
    expect(errorsAt(parsed, 5, 'updated_at')[0]!.message).toContain('8/20/2026 2:15pm');
    expect(errorsAt(parsed, 5, 'review_by')[0]!.message).toContain('6/30/2027');
    // No attachment link ends up as an item's address.
    expect(JSON.stringify(parsed.records.content)).not.toContain('airtableusercontent');
    for (const entry of parsed.records.content) expect(ContentItemSchema.safeParse(entry).success, entry.id).toBe(true);
  });

  it('42 Notion database "Export → Markdown & CSV" (title property first, an ID property, Yes/No checkboxes, dates as "September 14, 2026 1:22 PM")', async () => {
    const parsed = await load('42-profiles-notion-database.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(3);
    expectAccounted(parsed);
    expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Owner', 'Created time']));
    for (const column of ['Name', 'ID', 'Do not call', 'First seen', 'Qualified at']) expect(parsed.ignoredColumns).not.toContain(column);
    expect(errorsAt(parsed, 3)).toEqual([]);
    const ben = profile(parsed, 'LEAD-2');
    expect(ben).toMatchObject({
      name: 'Ben Adeyemi',
      email: 'ben.adeyemi@harbour.example',
      company: 'Harbour Freight Ltd',
      title: 'IT Director',
      customer: true,
      source: { channel: 'referral' },
      contact: { doNotCall: true },
      score: 64,
      stage: 'sql',
    });
    expect(ben?.source.firstSeen).toBeUndefined();
    // Notion's own date format: the instant it means (no offset: UTC), or refused at the cell quoting it.
    const aiko = profile(parsed, 'LEAD-1');
    if (aiko) {
      expect.soft(aiko).toMatchObject({ name: 'Aiko Tanabe', company: 'Kaizen Analytics KK', customer: false, contact: { doNotCall: false }, score: 82, stage: 'mql', source: { channel: 'paid_search' } });
      expect.soft(instant(aiko.source.firstSeen)).toBe('2026-09-14T13:22:00.000Z');
      expect.soft(instant(aiko.qualifiedAt)).toBe('2026-11-16T00:00:00.000Z');
    } else {
      expectRefusedOn(parsed, 2, { first_seen: 'September 14, 2026 1:22 PM', qualified_at: 'November 16, 2026' }, 'LEAD-1');
    }
    const clara = profile(parsed, 'LEAD-3');
    if (clara) {
      expect.soft(clara).toMatchObject({ name: 'Clara Nováková', company: 'Vltava Pojišťovna a.s.', stage: 'lead', source: { channel: 'organic_search' } });
      expect.soft(instant(clara.source.firstSeen)).toBe('2026-10-20T00:00:00.000Z');
    } else {
      expectRefusedOn(parsed, 4, { first_seen: 'October 20, 2026' }, 'LEAD-3');
    }
    for (const lead of parsed.records.profiles) expect(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
  });

  describe('43 Zoho CRM Leads export (every cell quoted, "Record Id" as zcrm_…, "Lead Source", "Created Time", a multi-line Description)', () => {
    const raw = readUtf8('43-profiles-zoho-crm-leads.csv');
    const renamed = () => {
      const [head, ...rest] = raw.split('\n');
      const header = head!
        .replace('"Record Id"', '"Zoho ID"')
        .replace('"Marketing ID"', '"id"')
        .replace('"Lead Source"', '"Channel"')
        .replace('"Created Time"', '"First Seen"');
      return [header, ...rest].join('\n');
    };
    const recordIds: Record<string, string> = {
      'mkto-1042': '5725767000000432001',
      'mkto-1043': '5725767000000432002',
      'mkto-1044': '5725767000000432003',
      'mkto-1045': '5725767000000432004',
    };
    const rows: Record<string, number> = { 'mkto-1042': 2, 'mkto-1043': 3, 'mkto-1044': 4, 'mkto-1045': 5 };

    it('as exported (no id column): refused as a whole, naming the missing id column', async () => {
      const parsed = await load('43-profiles-zoho-crm-leads.csv', 'profiles', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/);
    });

    it('must: with the marketing id as id and "Record Id" as "Zoho ID", every lead is read, Zoho\'s source words read right or refused', async () => {
      const parsed = await load('43-profiles-zoho-crm-leads.csv', 'profiles', renamed());
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(4);
      expectAccounted(parsed);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Lead Owner', 'Salutation', 'Phone', 'Lead Status', 'Modified Time', 'Description']));
      for (const column of ['Zoho ID', 'Company', 'Title', 'Email', 'Industry', 'Channel', 'First Seen']) expect(parsed.ignoredColumns).not.toContain(column);
      const namesIgnored = parsed.ignoredColumns.includes('First Name') && parsed.ignoredColumns.includes('Last Name');
      // [id, company, title, industry, source word, meant, documented?, created]
      for (const [id, first, last, company, title, industry, word, channel, documented, created] of [
        ['mkto-1042', 'Jürgen', 'Müller', 'Bergwerk Systeme GmbH', 'Leiter IT-Sicherheit', 'Manufacturing', 'Trade Show', 'event', false, '2026-09-14T13:22:05.000Z'],
        ['mkto-1043', 'Ana', 'Lima', 'Nuvem Pagamentos Ltda', 'CFO', 'Financial Services', 'Partner', 'partner', true, '2026-10-01T08:00:00.000Z'],
        ['mkto-1044', 'Kwame', 'Mensah', 'Accra Data Ltd', 'IT Manager', 'Technology', 'External Referral', 'referral', false, '2026-10-12T16:45:10.000Z'],
        ['mkto-1045', 'Sofia', 'Lind', 'Uppsala Medtech AB', 'CISO', 'Healthcare', '', 'other', true, '2026-11-03T10:00:00.000Z'],
      ] as const) {
        const row = rows[id]!;
        const lead = profile(parsed, id);
        if (lead) {
          expect.soft(lead, id).toMatchObject({ company, title, industry, source: { channel } });
          expect.soft(instant(lead.source.firstSeen), id).toBe(created);
          if (namesIgnored) expect.soft(lead.name, id).toBeUndefined();
          else expect.soft(lead.name, id).toBe(`${first} ${last}`);
          // The Zoho record id is read into the lead's Zoho CRM id (in whichever form: see "reasonable").
          const zoho = Object.entries(lead.crmIds).filter(([key]) => /zoho/i.test(key));
          expect.soft(zoho.map(([, value]) => value.endsWith(recordIds[id]!)), `${id} crmIds ${JSON.stringify(lead.crmIds)}`).toEqual([true]);
        } else {
          // Refused only where the docs leave room: an undocumented source word, or the zcrm_ form of the id.
          expectRefusedOn(parsed, row, { ...(documented ? {} : { channel: word }), zoho_id: `zcrm_${recordIds[id]}` }, id);
        }
      }
      // "Email Opt Out" is not a documented column: named as ignored, or read as do-not-email; never dropped silently.
      if (!parsed.ignoredColumns.includes('Email Opt Out')) expect(profile(parsed, 'mkto-1043')?.contact.doNotEmail).toBe(true);
      for (const lead of parsed.records.profiles) expect(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
    });

    it('reasonable: the Zoho CRM id is stored as the record id Zoho CRM knows (without the export\'s zcrm_ prefix), or refused at zoho_id', async () => {
      // Zoho writes "zcrm_" before each record id in its CSV exports only; a record's page and its API use the bare
      // number. The docs find a lead "by its CRM id column for that CRM first": zcrm_… would never be found.
      const parsed = await load('43-profiles-zoho-crm-leads.csv', 'profiles', renamed());
      expect(parsed.fatal).toBeUndefined();
      for (const [id, recordId] of Object.entries(recordIds)) {
        const lead = profile(parsed, id);
        const zoho = lead && Object.entries(lead.crmIds).find(([key]) => /zoho/i.test(key))?.[1];
        if (lead) expect.soft(zoho, `${id} crmIds ${JSON.stringify(lead.crmIds)}`).toBe(recordId);
        // Refused for its source word (checked above): nothing to say about its Zoho id; if refused at zoho_id, quoting it.
        for (const error of errorsAt(parsed, rows[id]!, 'zoho_id')) expect.soft(error.message, id).toContain(`zcrm_${recordId}`);
      }
    });
  });

  it('44 Pipedrive API response saved by a Node script ({ success, data: [...], additional_data }, email and phone as arrays of objects, nested owner and organization)', async () => {
    const parsed = await load('44-profiles-pipedrive-api-node.json', 'profiles');
    // The documented shape (an object holding the array under "data"): the problems are per person, not the file's.
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(3);
    expectAccounted(parsed);
    expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['org_id', 'owner_id', 'phone', 'add_time', 'label_ids']));
    // email holds [{ label, value, primary }]: the primary address is read, or the person is refused at email.
    for (const [item, id, name, primary] of [
      [1, '1042', 'Jürgen Müller', 'juergen.mueller@bergwerk.example'],
      [2, '1043', 'Ana Lima', 'a.lima@nuvem-pagamentos.example'],
      [3, '1044', 'Kwame Mensah', undefined],
    ] as const) {
      const lead = profile(parsed, id);
      if (lead) {
        expect.soft(lead.name, id).toBe(name);
        expect.soft(lead.email, `${id} email`).toBe(primary);
      } else {
        expect.soft(columnsAt(parsed, item), `${id} refused on`).toEqual(['email']);
      }
    }
    expect(parsed.records.profiles.map((lead) => lead.id).filter((id) => !['1042', '1043', '1044'].includes(id))).toEqual([]);
    // An object is never stored as text.
    expect(JSON.stringify(parsed.records.profiles)).not.toContain('[object Object]');
    expect(JSON.stringify(parsed.records.profiles)).not.toContain('"label":');
    for (const lead of parsed.records.profiles) expect(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
  });

  it('45 Marketo Bulk Lead Extract with columnHeaderNames set to Leadside columns (empty fields written as the word null)', async () => {
    const parsed = await load('45-profiles-marketo-bulk-extract.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    expect(errorsAt(parsed, 2)).toEqual([]);
    expect(profile(parsed, '1042')).toMatchObject({
      email: 'juergen.mueller@bergwerk.example',
      company: 'Bergwerk Systeme GmbH',
      title: 'Leiter IT-Sicherheit',
      crmIds: { salesforce: '00Q8d00000AbC2dEAF' },
      source: { channel: 'paid_search', referrer: 'https://www.google.example/', firstSeen: '2026-09-14T13:22:05Z' },
      contact: { doNotEmail: false },
      score: 82,
      stage: 'mql',
    });
    type Lead = NonNullable<ReturnType<typeof profile>>;
    // What "not known" is for each typed column (the docs: empty channel means other, empty do_not_email means no).
    const unknown: Record<string, [(lead: Lead) => unknown, unknown]> = {
      email: [(lead) => lead.email, undefined],
      score: [(lead) => lead.score, undefined],
      channel: [(lead) => lead.source.channel, 'other'],
      first_seen: [(lead) => lead.source.firstSeen, undefined],
      do_not_email: [(lead) => lead.contact.doNotEmail, false],
      salesforce_id: [(lead) => lead.crmIds.salesforce, undefined],
      stage: [(lead) => lead.stage, undefined],
    };
    // [id, row, typed columns holding "null", values that must be read]
    for (const [id, row, nulls, values] of [
      ['1043', 3, ['score', 'channel', 'salesforce_id', 'stage'], { email: 'ana.lima@nuvem.example', source: { firstSeen: '2026-10-01T08:00:00Z' } }],
      ['1044', 4, ['email', 'first_seen', 'salesforce_id'], { score: 0, source: { channel: 'webinar' }, contact: { doNotEmail: true }, stage: 'lead' }],
      ['1045', 5, ['channel', 'first_seen', 'do_not_email'], { email: 'sofia.lind@uppsala.example', crmIds: { salesforce: '00Q8d00000AbC9zEAB' }, score: 45, stage: 'sql' }],
    ] as const) {
      const lead = profile(parsed, id);
      if (lead) {
        expect.soft(lead, id).toMatchObject(values);
        // "null" read as not known: never the word, never 0, never a stage.
        for (const column of nulls) {
          const [get, meant] = unknown[column]!;
          expect.soft(get(lead), `${id} ${column} "null"`).toBe(meant);
        }
      } else {
        expectRefusedOn(parsed, row, Object.fromEntries(nulls.map((column) => [column, 'null'])), id);
      }
    }
    for (const lead of parsed.records.profiles) {
      expect.soft(Object.values(lead.crmIds), lead.id).not.toContain('null');
      expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
    }
  });

  it('46 Japanese Excel "CSV (comma delimited)" in Shift_JIS: ideographic spaces, half-width kana, 髙, ①, full-width digits, ＭＱＬ, ＠ and 2026/9/14 13:22', async () => {
    const text = readDecoded('46-profiles-excel-shift-jis.csv', 'shift_jis');
    expect(text).toContain('山田　太郎');
    const parsed = await load('46-profiles-excel-shift-jis.csv', 'profiles', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    // Text is kept as written: the ideographic space inside a name, full-width digits in the lead's own words.
    expect(errorsAt(parsed, 2)).toEqual([]);
    const yamada = profile(parsed, 'lead-jp-201');
    expect(yamada).toMatchObject({
      name: '山田　太郎',
      company: '株式会社サクラ精機',
      title: '情報システム部　部長',
      country: 'JP',
      language: 'ja',
      source: { channel: 'paid_search' },
      problems: [{ text: '来年３月までにSOC２の監査を終えたい。①証跡の収集　②アクセスレビュー' }],
      score: 82,
      stage: 'mql',
    });
    expect(instant(yamada?.source.firstSeen)).toBe('2026-09-14T00:00:00.000Z');
    expect(instant(yamada?.problems[0]?.submittedAt)).toBe('2026-11-16T00:00:00.000Z');
    expect(errorsAt(parsed, 5)).toEqual([]);
    expect(profile(parsed, 'lead-jp-204')).toMatchObject({
      name: '渡辺　結衣',
      company: '株式会社みなと銀行, 東京支店',
      problems: [{ text: '予算は￥1,200,000以内を想定しています。' }],
      score: 58,
      stage: 'mql',
    });
    // Typed with the IME still on: ７５ and ＳＱＬ are 75 and sql, or refused; Excel's 2026/9/14 13:22 is read or refused.
    const suzuki = profile(parsed, 'lead-jp-202');
    if (suzuki) {
      expect.soft(suzuki).toMatchObject({ name: 'ｽｽﾞｷ ﾊﾅｺ', company: '楓物流株式会社', title: 'ＩＴ推進室', country: '日本', score: 75, stage: 'sql' });
      expect.soft(instant(suzuki.source.firstSeen)).toBe('2026-09-14T13:22:00.000Z');
    } else {
      expectRefusedOn(parsed, 3, { first_seen: '2026/9/14 13:22', score: '７５', stage: 'ＳＱＬ' }, 'lead-jp-202');
    }
    // A full-width ＠ is no e-mail address: the address it means, or refused at email quoting it.
    const takahashi = profile(parsed, 'lead-jp-203');
    if (takahashi) expect.soft(takahashi).toMatchObject({ name: '髙橋　健', email: 'takahashi.ken@kawasaki-kogyo.example' });
    else expectRefusedOn(parsed, 4, { email: 'takahashi.ken＠kawasaki-kogyo.example' }, 'lead-jp-203');
    expect(JSON.stringify(parsed.records.profiles)).not.toContain('\ufffd');
    for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
  });

  describe('47 columns twice: a DBeaver export of a SQL join (id and name twice), and names that are one column by the docs\' matching', () => {
    const raw = readUtf8('47-profiles-dbeaver-join-duplicate-columns.csv');
    const [head, ...body] = raw.split('\n');
    const withHeader = (header: string) => [header, ...body].join('\n');

    it('the fixed query (account columns and the latest touch aliased apart) imports: the control', async () => {
      expect(head).toBe('id,email,name,company,source_channel,campaign,stage,score,id,name,industry,channel');
      const parsed = await load('47-profiles-dbeaver-join-duplicate-columns.csv', 'profiles', withHeader('id,email,name,company,source_channel,campaign,stage,score,account_id,account_name,industry,latest_channel'));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.errors).toEqual([]);
      expect(parsed.valid).toBe(3);
      expect([...parsed.ignoredColumns].sort()).toEqual(['account_id', 'account_name']);
      expect(profile(parsed, 'lead-sql-001')).toMatchObject({ name: 'Olivia Grant', company: 'Summit Health', industry: 'Healthcare', source: { channel: 'paid_search', campaign: 'Q4 Compliance Push', latest: { channel: 'email' } }, stage: 'mql', score: 82 });
      expect(profile(parsed, 'lead-sql-002')).toMatchObject({ name: 'Marcus Webb', company: 'Brightline Payments', industry: 'Fintech', source: { channel: 'organic_search', latest: { channel: 'paid_social' } } });
    });

    for (const [label, kind, text, named] of [
      ['as exported: id and name twice', 'profiles', raw, /\bid\b|\bname\b/i],
      ['account columns aliased, but source_channel and channel (one column: source_channel is read as channel)', 'profiles', withHeader('id,email,name,company,source_channel,campaign,stage,score,account_id,account_name,industry,channel'), /channel/i],
      ['"Email" and "E-mail" (e-mail is email)', 'profiles', 'id,Email,name,E-mail\nlead-x-001,anna.berg@fjord.example,Anna Berg,anna.berg@fjord.example\n', /e-?mail/i],
      ['"Salesforce ID" and "salesforceId"', 'profiles', 'id,Salesforce ID,name,salesforceId\nlead-x-002,00Q8d00000AbC2d,Nils Holm,00Q8d00000AbC2dEAF\n', /salesforce/i],
      ['page views with profile_id and lead_id (lead_id is profile_id)', 'pageViews', 'profile_id,lead_id,url,viewed_at\nlead-0001,lead-0002,https://www.vendor.example/pricing,2026-11-16T13:05:20Z\n', /profile_id|lead_id/i],
    ] as const) {
      it(`${label}: refused as a whole, naming the column, nothing imported`, async () => {
        const parsed = await load('47-profiles-dbeaver-join-duplicate-columns.csv', kind as ImportKind, text);
        expectNothingImported(parsed);
        expect(parsed.fatal).toMatch(named);
      });
    }
  });

  it('48 content from WordPress (WP All Export, columns named for Leadside, several terms joined with "|"): choice lists read or refused, free lists never cut elsewhere', async () => {
    const parsed = await load('48-content-wordpress-pipe-terms.csv', 'content');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    // The documented ";" lists, in a comma file.
    expect(errorsAt(parsed, 4)).toEqual([]);
    const ledgerly = item(parsed, '1044');
    expect(ledgerly).toMatchObject({
      title: 'Case study: Ledgerly',
      type: 'case_study',
      topics: ['SOC 2 audit', 'auditor questions'],
      industries: ['Fintech'],
      personas: ['CISO', 'Compliance Manager'],
      stages: ['sql', 'opportunity'],
      buyerStages: ['decision'],
      products: ['Evidence Hub'],
    });
    expect(instant(ledgerly?.updatedAt)).toBe('2026-08-20T09:00:00.000Z');
    /** A free-text list written with "|": split at each "|" (trimmed), or kept whole as written. */
    const asWritten = (written: string) => [written.split('|').map((entry) => entry.trim()), [written]];
    for (const [id, row, free, choices] of [
      ['1042', 2, { topics: 'zero trust|VPN replacement|access reviews', industries: 'Banking|Fintech', personas: 'CISO|IT Director' }, { stages: ['MQL|SQL', ['mql', 'sql']], buyer_stages: ['Awareness|Consideration', ['awareness', 'consideration']] }],
      ['1043', 3, { topics: 'SOC 2 audit|evidence collection', products: 'Evidence Hub|Access Reviews' }, { stages: ['Lead|MQL', ['lead', 'mql']] }],
    ] as const) {
      const entry = item(parsed, id);
      if (entry) {
        const lists: Record<string, unknown> = { topics: entry.topics, industries: entry.industries, personas: entry.personas, products: entry.products, stages: entry.stages, buyer_stages: entry.buyerStages };
        for (const [column, written] of Object.entries(free)) expect.soft(asWritten(written), `${id} ${column}: ${JSON.stringify(lists[column])}`).toContainEqual(lists[column]);
        for (const [column, [written, meant]] of Object.entries(choices)) expect.soft(lists[column], `${id} ${column} ${written}`).toEqual(meant);
        expect.soft(instant(entry.updatedAt), id).toBe(id === '1042' ? '2026-09-01T10:30:00.000Z' : '2026-10-15T16:00:00.000Z');
      } else {
        expectRefusedOn(parsed, row, Object.fromEntries(Object.entries(choices).map(([column, [written]]) => [column, written])), id);
      }
    }
    expect(errorsAt(parsed, 5)).toEqual([]);
    const checklist = item(parsed, '1045');
    expect(checklist).toMatchObject({ type: 'checklist', stages: ['customer'], buyerStages: ['expansion'], products: ['Access Reviews'] });
    expect(asWritten('access reviews | quarterly review')).toContainEqual(checklist?.topics);
    for (const entry of parsed.records.content) expect.soft(ContentItemSchema.safeParse(entry).success, entry.id).toBe(true);
  });

  it('49 page views with tracking URLs of every length (gclid, _hsenc, %7C, a "," and "|" in the URL, exactly 2,048, 3,500 and 12,000 characters)', async () => {
    const text = readUtf8('49-page-views-long-tracking-urls.csv');
    const lines = text.split('\n');
    const urlAt = (row: number) => lines[row - 1]!.split(',')[1]!;
    const commaUrl = 'https://www.vendor.example/compare?plans=starter,growth|enterprise&utm_campaign=q4|emea&utm_content=table,v2';
    expect(lines[3]).toContain(`"${commaUrl}"`);
    expect([2, 3, 5, 6, 7, 8].map((row) => urlAt(row).length)).toEqual([521, 603, 2048, 3500, 12000, 34]);
    const parsed = await load('49-page-views-long-tracking-urls.csv', 'pageViews', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(7);
    expectAccounted(parsed);
    // Up to 2,048 characters (what a stored page view holds): imported with the URL as written (or its URL-parsed form).
    const stored = (url: string) => viewAt(parsed, url) ?? viewAt(parsed, new URL(url).href);
    for (const [row, url, profileKey, viewedAt] of [
      [2, urlAt(2), 'id:lead-0001', '2026-11-16T13:05:20.000Z'],
      [3, urlAt(3), 'id:lead-0001', '2026-11-16T13:06:52.000Z'],
      [4, commaUrl, 'id:lead-0002', '2026-11-17T09:00:00.000Z'],
      [5, urlAt(5), 'id:lead-0002', '2026-11-17T09:01:10.000Z'],
      [8, urlAt(8), 'id:lead-0003', '2026-11-17T10:20:00.000Z'],
    ] as const) {
      expect.soft(errorsAt(parsed, row), `row ${row} (${url.length} characters)`).toEqual([]);
      const view = stored(url);
      expect.soft(view, `row ${row} (${url.length} characters) not stored whole`).toBeDefined();
      if (view) {
        expect.soft(view.profileKey, `row ${row}`).toBe(profileKey);
        expect.soft(instant(view.viewedAt), `row ${row}`).toBe(viewedAt);
      }
    }
    // Longer than a stored page view may hold: refused at its row and url column, saying why; never cut, never stored.
    expect.soft(errorsAt(parsed, 6, 'url'), 'a 3,500-character URL').toEqual([expect.objectContaining({ message: expect.stringMatching(/2[,.]?048|too long|characters/i) })]);
    expect.soft(errorsAt(parsed, 7, 'url'), 'a 12,000-character URL').toEqual([expect.objectContaining({ message: expect.stringMatching(/10[,.]?000|2[,.]?048/) })]);
    for (const view of parsed.records.pageViews) {
      expect.soft(PageViewSchema.safeParse(view).success, `a stored view of ${view.url.length} characters breaks PageViewSchema`).toBe(true);
      expect.soft([urlAt(2), urlAt(3), commaUrl, urlAt(5), urlAt(8)].some((url) => view.url === url || view.url === new URL(url).href), `${view.url.slice(0, 80)}… (${view.url.length})`).toBe(true);
    }
  });

  describe('50 a Czech ERP export in Windows-1250 (";", CRLF, a ";" after every cell of every line, 12,5, 07.12.2026 14:05)', () => {
    const text = readDecoded('50-page-views-windows-1250-trailing-semicolon.csv', 'windows-1250');
    const expectViews = (parsed: ParsedImport, label: string) => {
      expect.soft(viewAt(parsed, 'https://www.dodavatel.example/cenik'), label).toEqual({
        profileKey: 'id:lead-cz-001',
        url: 'https://www.dodavatel.example/cenik',
        title: 'Ceník – Řešení pro účetní',
        viewedAt: expect.any(String),
        durationSec: 88,
        visitId: 'v1',
      });
      expect.soft(instant(viewAt(parsed, 'https://www.dodavatel.example/cenik')?.viewedAt), label).toBe('2026-12-07T14:05:00.000Z');
      const reseni = viewAt(parsed, 'https://www.dodavatel.example/reseni');
      expect.soft(reseni, label).toMatchObject({ profileKey: 'id:lead-cz-003', title: 'Přehled řešení „Šťastný zákazník“', visitId: 'v3' });
      expect.soft(reseni?.durationSec, label).toBeUndefined();
      expect.soft(viewAt(parsed, 'https://www.dostawca.example/kontakt'), label).toMatchObject({ profileKey: 'id:lead-pl-004', title: 'Kontakt – Łódź', durationSec: 30, visitId: 'v4' });
      const demo = viewAt(parsed, 'https://www.dodavatel.example/demo');
      if (demo) expect.soft(demo, label).toMatchObject({ profileKey: 'email:jana.dvorakova@firma.example', title: 'Žádost o demo', durationSec: 12.5, visitId: 'v1' });
      else expectRefusedOn(parsed, 3, { duration_sec: '12,5' }, label);
      // A date in a locale's form is refused (documented), quoting it.
      expect.soft(viewAt(parsed, 'https://www.dostawca.example/cennik'), label).toBeUndefined();
      expect.soft(errorsAt(parsed, 4, 'viewed_at'), label).toEqual([expect.objectContaining({ message: expect.stringContaining('07.12.2026 14:05') })]);
      expect.soft(JSON.stringify(parsed.records.pageViews), label).not.toContain('\ufffd');
    };

    it('as exported (the header ends in ";" too): the empty last header cell is no column, every view read or refused as documented', async () => {
      expect(text.split('\r\n').filter(Boolean).every((line) => line.endsWith(';'))).toBe(true);
      const parsed = await load('50-page-views-windows-1250-trailing-semicolon.csv', 'pageViews', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.ignoredColumns.filter((name) => name.trim() !== '')).toEqual([]);
      expect(parsed.total).toBe(5);
      expectAccounted(parsed);
      for (const error of parsed.errors) expect([3, 4], JSON.stringify(error)).toContain(error.row);
      expectViews(parsed, 'as exported');
    });

    it('with the header written without the final ";" (rows still end in one): no value shifted; read, or refused at each row', async () => {
      const variant = text.replace('visit_id;\r\n', 'visit_id\r\n');
      expect(variant).not.toBe(text);
      const parsed = await load('50-page-views-windows-1250-trailing-semicolon.csv', 'pageViews', variant);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        return;
      }
      expect(parsed.total).toBe(5);
      expectAccounted(parsed);
      // Whatever is imported is exactly what its row says; whatever is not is refused at its row.
      for (const view of parsed.records.pageViews) expect.soft(PageViewSchema.safeParse(view).success).toBe(true);
      for (const [row, url, values, viewedAt] of [
        [2, 'https://www.dodavatel.example/cenik', { profileKey: 'id:lead-cz-001', title: 'Ceník – Řešení pro účetní', durationSec: 88, visitId: 'v1' }, '2026-12-07T14:05:00.000Z'],
        [3, 'https://www.dodavatel.example/demo', { profileKey: 'email:jana.dvorakova@firma.example', title: 'Žádost o demo', durationSec: 12.5, visitId: 'v1' }, '2026-12-07T14:06:30.000Z'],
        [5, 'https://www.dodavatel.example/reseni', { profileKey: 'id:lead-cz-003', title: 'Přehled řešení „Šťastný zákazník“', visitId: 'v3' }, '2026-12-08T09:15:00.000Z'],
        [6, 'https://www.dostawca.example/kontakt', { profileKey: 'id:lead-pl-004', title: 'Kontakt – Łódź', durationSec: 30, visitId: 'v4' }, '2026-12-08T10:00:00.000Z'],
      ] as const) {
        const view = viewAt(parsed, url);
        if (view) {
          expect.soft(view, url).toMatchObject(values);
          expect.soft(instant(view.viewedAt), url).toBe(viewedAt);
        } else {
          expect.soft(errorsAt(parsed, row).length, `${url} neither imported nor refused at row ${row}`).toBeGreaterThan(0);
        }
      }
      expect.soft(viewAt(parsed, 'https://www.dodavatel.example/reseni')?.durationSec).toBeUndefined();
      expect.soft(viewAt(parsed, 'https://www.dostawca.example/cennik')).toBeUndefined();
      expect.soft(errorsAt(parsed, 4).length).toBeGreaterThan(0);
    });
  });
});
