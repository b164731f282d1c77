/**
 * Import files as further tools write them (Excel for Mac, LibreOffice, Excel "Unicode Text", Salesforce and
 * HubSpot exports, Python, GA4, BigQuery, Firebase, Google Sheets, Mautic, a data warehouse), checked against
 * docs/file-import.md only. The files are in test/fixtures/import-variants-2/ (see its README.md).
 * Where the docs leave the answer open, either documented outcome is accepted: refused at the right row and
 * column with a clear message, or imported with the right value; never a silently wrong value or a silent drop.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContentItemSchema, LeadProfileSchema } from '@/lib/schema';
import type { ImportKind } from './index';
import { columnsAt, errorsAt, expectAccounted, expectNothingImported, importVariantFiles, instant, item, profile, viewAt, wellFormed } from '@/test/support/import-variants';

const { bytes, readUtf8, load } = importVariantFiles('test/fixtures/import-variants-2');
/** UTF-16 LE as a browser hands it over after decoding, the byte-order mark kept as U+FEFF. */
const readUtf16le = (name: string): string => new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes(name));

describe('import variants 2: more files as tools save them', () => {
  it('21 Excel for Mac "CSV (Macintosh)" (CR-only line ends) reads every row with its values, the bad stage at its spreadsheet row 5', async () => {
    const text = readUtf8('21-profiles-excel-mac-cr.csv');
    expect(text).not.toContain('\n'); // the fixture really is CR-only
    const parsed = await load('21-profiles-excel-mac-cr.csv', 'profiles', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect({ total: parsed.total, valid: parsed.valid, rejected: parsed.rejected }).toEqual({ total: 4, valid: 3, rejected: 1 });
    // Rows as the spreadsheet shows them: header 1, leads 2-3, an empty row 4 (only commas: skipped), the "Warm" lead 5, the last lead 6.
    expect(parsed.errors).toEqual([expect.objectContaining({ row: 5, column: 'stage', message: expect.stringContaining('Warm') })]);
    expect(profile(parsed, 'lead-mac-001')).toMatchObject({
      email: 'chloe.bernard@atelier.example',
      name: 'Chloé Bernard',
      company: 'Atelier Lumière SARL',
      title: 'Directrice Sécurité',
      country: 'FR',
      source: { channel: 'event', campaign: 'Salon Cyber, Lyon 2026' },
      score: 70,
      stage: 'mql',
    });
    const soren = profile(parsed, 'lead-mac-002');
    expect(soren).toMatchObject({ name: 'Søren Lund', company: 'Fjord Data ApS', source: { channel: 'organic_search' }, score: 55, stage: 'lead' });
    expect(soren?.source.campaign).toBeUndefined();
    expect(profile(parsed, 'lead-mac-003')).toBeUndefined();
    expect(profile(parsed, 'lead-mac-004')).toMatchObject({
      name: 'François Lévêque',
      company: 'Blé d’Or SA',
      source: { channel: 'paid_search', campaign: 'Q4 Suisse romande' },
      score: 81,
      stage: 'sql',
    });
    expect(JSON.stringify(parsed.records.profiles)).not.toContain('\\r');
    for (const lead of parsed.records.profiles) expect(LeadProfileSchema.parse(lead)).toEqual(lead);
  });

  it('22 LibreOffice Calc, tab-separated with every text cell quoted, saved as .csv: quoted tabs, "" and line breaks kept, leading zeros kept, bad link at row 4', async () => {
    const parsed = await load('22-profiles-libreoffice-tab-quoted.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    expect(parsed.errors).toEqual([expect.objectContaining({ row: 4, column: 'first_page', message: expect.stringContaining('www.vendor.example/pricing') })]);
    expect(profile(parsed, 'lead-lo-001')).toMatchObject({
      email: 'hanna.berg@nordkap.example',
      company: 'Nordkap "Cloud" AS',
      crmIds: { hubspot: '000123' },
      productsOwned: ['Evidence Hub', 'Access Reviews'],
      source: { channel: 'paid_search', firstPage: 'https://www.vendor.example/soc-2' },
      problems: [{ text: 'Copied from our form:\tQ1 audit\nSecond line with "quotes"', form: 'Imported', submittedAt: '2026-11-02T00:00:00Z' }],
      contact: { doNotCall: false },
      score: 82,
      stage: 'mql',
    });
    const pekka = profile(parsed, 'lead-lo-002');
    expect(pekka).toMatchObject({ company: 'Saimaa Oy', source: { channel: 'paid_social' }, contact: { doNotCall: true }, problems: [], stage: 'lead' });
    expect(pekka?.score).toBeUndefined();
    expect(pekka?.source.firstPage).toBeUndefined();
    expect(pekka?.crmIds.hubspot).toBeUndefined();
    expect(profile(parsed, 'lead-lo-003')).toBeUndefined();
    expect(profile(parsed, 'lead-lo-004')).toMatchObject({ company: 'Bergen Marine', source: { channel: 'email' }, score: 12, stage: 'subscriber' });
    for (const lead of parsed.records.profiles) expect(LeadProfileSchema.parse(lead)).toEqual(lead);
  });

  it('23 Excel "Unicode Text" (UTF-16 LE decoded, U+FEFF first, tab, CRLF) page views with CJK titles are all imported exactly', async () => {
    const text = readUtf16le('23-page-views-excel-unicode-text.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = await load('23-page-views-excel-unicode-text.csv', 'pageViews', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    expect(parsed.ignoredColumns).toEqual([]);
    expect({ total: parsed.total, valid: parsed.valid }).toEqual({ total: 4, valid: 4 });
    const pricing = viewAt(parsed, 'https://www.vendor.example/ja/pricing');
    expect(pricing).toMatchObject({ profileKey: 'id:lead-jp-001', title: '料金プラン｜Keyline', durationSec: 88, visitId: 'v1' });
    expect(instant(pricing?.viewedAt)).toBe('2026-11-16T13:05:20.000Z');
    const demo = viewAt(parsed, 'https://www.vendor.example/zh/demo');
    expect(demo).toMatchObject({ profileKey: 'email:wang.fang@huaxin.example', title: '预约演示 – Keyline', durationSec: 120, visitId: 'v2' });
    expect(instant(demo?.viewedAt)).toBe('2026-11-16T13:06:52.000Z');
    expect(viewAt(parsed, 'https://www.vendor.example/ko/blog/soc-2')).toMatchObject({ profileKey: 'id:lead-kr-003', title: '블로그: "SOC 2" 가이드', durationSec: 45 });
    const story = parsed.records.pageViews.find((view) => view.title === '導入事例：三和物流');
    const rawUrl = 'https://www.vendor.example/ja/事例/三和物流';
    expect(story).toMatchObject({ profileKey: 'id:lead-jp-001', visitId: 'v1' });
    expect([rawUrl, new URL(rawUrl).href]).toContain(story?.url);
    expect(story?.durationSec).toBeUndefined();
    expect(JSON.stringify(parsed.records.pageViews)).not.toContain('\ufeff');
  });

  describe('24 Salesforce Classic report export (every value quoted, LF rows, line breaks in Street, report footer)', () => {
    it('as exported (no id column): refused as a whole, naming the missing id column', async () => {
      const parsed = await load('24-profiles-salesforce-report.csv', 'profiles');
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/);
    });

    it('with "Lead ID" renamed to "id": the 3 leads are imported and no footer line becomes a lead', async () => {
      const text = readUtf8('24-profiles-salesforce-report.csv').replace('"Lead ID"', '"id"');
      const parsed = await load('24-profiles-salesforce-report.csv', 'profiles', text);
      expect(parsed.fatal).toBeUndefined();
      expectAccounted(parsed);
      expect.soft(parsed.records.profiles.map((lead) => lead.id)).toEqual(['00Q8d00000AbC2d', '00Q8d00000AbC3e', '00Q8d00000AbC4f']);
      expect.soft(parsed.valid).toBe(3);
      expect(profile(parsed, '00Q8d00000AbC3e')).toMatchObject({ name: 'Emma "Em" Walsh', title: 'CISO', email: 'emma.walsh@walsh.example' });
      expect(profile(parsed, '00Q8d00000AbC4f')).toMatchObject({ name: 'Noah Fischer', title: 'IT Manager', email: 'noah.fischer@fischerbau.example' });
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Company / Account', 'Street', 'Lead Source', 'Lead Status', 'Rating']));
      // Spreadsheet rows: header 1, leads 2-4 (Street's line breaks stay inside their row), "" 5, Grand Totals 6, "" 7,
      // Filtered By 8-9, "" 10, Confidential 11, Copyright 12, Generated By 13, company 14. A footer line may be
      // reported, but only at its own row; the "" lines look blank in a spreadsheet and are skipped.
      for (const error of parsed.errors) expect([6, 8, 9, 11, 12, 13, 14], JSON.stringify(error)).toContain(error.row);
    });
  });

  describe('25 HubSpot contacts export ("Record ID", "First Name"/"Last Name", "Lifecycle Stage", "Original Source")', () => {
    it('as exported (no id column): refused as a whole, naming the missing id column', async () => {
      const parsed = await load('25-profiles-hubspot-contacts.csv', 'profiles');
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/);
    });

    it("with the header renamed to Leadside's columns, HubSpot's own stage and source words are read right or refused, never guessed", async () => {
      const [head, ...rest] = readUtf8('25-profiles-hubspot-contacts.csv').split('\n');
      const renamed = head!
        .replace('Record ID', 'id')
        .replace('Company Name', 'Company')
        .replace('Job Title', 'Title')
        .replace('Lifecycle Stage', 'Stage')
        .replace('Original Source,', 'Channel,')
        .replace('Create Date', 'First Seen');
      const parsed = await load('25-profiles-hubspot-contacts.csv', 'profiles', [renamed, ...rest].join('\n'));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(8);
      expectAccounted(parsed);
      expect(parsed.ignoredColumns).toEqual(
        expect.arrayContaining(['Phone Number', 'Lead Status', 'Original Source Drill-Down 1', 'Original Source Drill-Down 2', 'Contact owner']),
      );
      const namesIgnored = parsed.ignoredColumns.includes('First Name') && parsed.ignoredColumns.includes('Last Name');
      // [id, row, first, last, company, stage as written, meant, documented?, channel as written, meant, documented?, created]
      const leads = [
        ['105123456701', 2, 'Olivia', 'Bennett', 'Summit Health', 'Marketing Qualified Lead', 'mql', false, 'Paid Search', 'paid_search', true, '2026-09-14T13:22:00.000Z'],
        ['105123456702', 3, 'Marcus', 'Lee', 'Brightline Payments, Inc.', 'Sales Qualified Lead', 'sql', false, 'Organic Search', 'organic_search', true, '2026-09-20T08:05:00.000Z'],
        ['105123456703', 4, 'Aisha', 'Khan', 'Meridian Bank', 'Lead', 'lead', true, 'Email Marketing', 'email', false, '2026-10-01T16:40:00.000Z'],
        ['105123456704', 5, 'Tom', "O'Neil", "O'Neil Freight", 'Customer', 'customer', true, 'Direct Traffic', 'direct', false, '2026-03-02T10:00:00.000Z'],
        ['105123456705', 6, 'Yuki', 'Tanaka', 'Kairos KK', 'Subscriber', 'subscriber', true, 'Organic Social', 'organic_social', true, '2026-10-12T07:30:00.000Z'],
        ['105123456706', 7, 'Carlos', 'Mendes', 'Lisboa Seguros', 'Opportunity', 'opportunity', true, 'Offline Sources', 'other', false, '2026-06-18T12:00:00.000Z'],
        ['105123456707', 8, 'Grace', 'Holloway', 'Holloway Freight', 'Evangelist', 'evangelist', true, 'Referrals', 'referral', false, '2025-11-30T09:15:00.000Z'],
        ['105123456708', 9, 'Ivan', 'Petrović', 'Adria Systems', 'Other', 'other', true, 'Other Campaigns', 'other', false, '2026-04-04T18:45:00.000Z'],
      ] as const;
      for (const [id, row, first, last, company, stageText, stage, stageDocumented, channelText, channel, channelDocumented, created] of leads) {
        const refusable = [...(stageDocumented ? [] : ['stage']), ...(channelDocumented ? [] : ['channel'])];
        const lead = profile(parsed, id);
        if (lead) {
          expect.soft(lead, `${id} (${stageText} / ${channelText})`).toMatchObject({ email: expect.any(String), company, stage, source: { channel } });
          expect.soft(instant(lead.source.firstSeen), id).toBe(created);
          if (namesIgnored) expect.soft(lead.name, id).toBeUndefined();
          else expect.soft(lead.name, id).toBe(`${first} ${last}`);
        } else {
          expect.soft(columnsAt(parsed, row).length, `${id} refused without a reason`).toBeGreaterThan(0);
          expect.soft(refusable, `${id}: refused on ${columnsAt(parsed, row).join(', ')}`).toEqual(expect.arrayContaining(columnsAt(parsed, row)));
          for (const [column, written] of [['stage', stageText], ['channel', channelText]] as const) {
            for (const error of errorsAt(parsed, row, column)) expect.soft(error.message, `${id} ${column}`).toContain(written);
          }
        }
      }
    });
  });

  it('26 Python json.dump of a pandas frame (bare NaN and Infinity, \\u escapes) is refused as not JSON, or read without NaN or Infinity stored', async () => {
    const parsed = await load('26-profiles-python-json-nan.json', 'profiles');
    if (parsed.fatal !== undefined) {
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/json/i);
      return;
    }
    expect(parsed.total).toBe(3);
    expectAccounted(parsed);
    const juergen = profile(parsed, 'lead-py-001');
    expect(juergen).toMatchObject({ name: 'Jürgen Müller', score: 82, stage: 'mql', contact: { doNotCall: false } });
    expect(instant(juergen?.source.firstSeen)).toBe('2026-09-14T13:22:05.000Z');
    // NaN is pandas' "missing": not known, or refused at the score.
    const ana = profile(parsed, 'lead-py-002');
    if (ana) expect(ana.score).toBeUndefined();
    else expect(columnsAt(parsed, 2)).toEqual(['score']);
    // Infinity is no lead score: refused at item 3, column score.
    expect(profile(parsed, 'lead-py-003')).toBeUndefined();
    expect(columnsAt(parsed, 3)).toEqual(['score']);
    for (const lead of parsed.records.profiles) expect(LeadProfileSchema.parse(lead)).toEqual(lead);
  });

  describe('27 GA4 Exploration CSV download (# preamble, page paths, "Date hour and minute")', () => {
    const raw = readUtf8('27-page-views-ga4-exploration.csv');

    it('as downloaded: refused as a whole', async () => {
      expectNothingImported(await load('27-page-views-ga4-exploration.csv', 'pageViews', raw));
    });

    it('with the header renamed to Leadside columns but the preamble kept: refused as a whole, or each row refused at its spreadsheet row', async () => {
      const lines = raw.split('\n');
      expect(lines[9]).toMatch(/^Effective user ID,/);
      lines[9] = 'profile_id,url,title,viewed_at,Views,duration_sec';
      const parsed = await load('27-page-views-ga4-exploration.csv', 'pageViews', lines.join('\n'));
      // A page path is not an http(s) address: no view is ever imported with one.
      for (const view of parsed.records.pageViews) expect(view.url).toMatch(/^https?:\/\//);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        return;
      }
      expect(parsed.total).toBe(3);
      expectAccounted(parsed);
      expect(parsed.valid).toBe(0);
      expect(parsed.ignoredColumns).toContain('Views');
      // The spreadsheet shows the 9 preamble lines as rows 1-9, the header as row 10, the views as rows 11-13.
      for (const [row, path, stamp] of [
        [11, '/pricing', '202611161305'],
        [12, '/demo', '202611161306'],
        [13, '/blog/soc-2-type-1-vs-type-2', '202611171430'],
      ] as const) {
        expect(errorsAt(parsed, row, 'url'), `row ${row}`).toEqual([expect.objectContaining({ message: expect.stringContaining(path) })]);
        for (const error of errorsAt(parsed, row, 'viewed_at')) expect(error.message).toContain(stamp);
      }
      for (const error of parsed.errors) expect([11, 12, 13]).toContain(error.row);
    });
  });

  it('28 BigQuery newline-delimited JSON (one object per line, "… UTC" timestamps, INT64 as strings): refused as a whole, or every line read', async () => {
    const parsed = await load('28-page-views-bigquery.json', 'pageViews');
    if (parsed.fatal !== undefined) {
      expectNothingImported(parsed);
      return;
    }
    // Never only the first line (or none) without a word.
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    for (const [item, url, stamp, meant, profileKey, duration, visitId] of [
      [1, 'https://www.vendor.example/pricing', '2026-11-16 13:05:20.123456 UTC', '2026-11-16T13:05:20.123Z', 'id:lead-0001', 88, '1789392125'],
      [2, 'https://www.vendor.example/demo', '2026-11-16 13:06:52 UTC', '2026-11-16T13:06:52.000Z', 'id:lead-0001', 41, '1789392125'],
      [3, 'https://www.vendor.example/integrations/okta', '2026-11-17 09:00:00 UTC', '2026-11-17T09:00:00.000Z', 'email:priya.raman@ledgerly.example', 0, '1789480800'],
      [4, 'https://www.vendor.example/blog/soc-2', '2026-11-17 10:15:00.5 UTC', '2026-11-17T10:15:00.500Z', 'id:lead-0002', undefined, '1789485300'],
    ] as const) {
      const view = viewAt(parsed, url);
      if (view) {
        expect(view).toMatchObject({ profileKey, visitId });
        expect(view.durationSec).toBe(duration);
        expect(instant(view.viewedAt), url).toBe(meant);
      } else {
        expect(columnsAt(parsed, item), url).toEqual(['viewed_at']);
        expect(errorsAt(parsed, item, 'viewed_at')[0]!.message).toContain(stamp);
      }
    }
  });

  it('29 Firebase Realtime Database export (leads keyed by id, not an array): refused as a whole, or each lead read with its key as id', async () => {
    const root = readUtf8('29-profiles-firebase-rtdb.json');
    const node = JSON.stringify((JSON.parse(root) as { leads: unknown }).leads);
    for (const [label, text] of [['root export { leads: {…}, meta }', root], ['the leads node alone', node]] as const) {
      const parsed = await load('29-profiles-firebase-rtdb.json', 'profiles', text);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        continue;
      }
      // Three leads, never one "lead" made of the whole object, nor "leads" and "meta" as ids.
      expect.soft(parsed.total, label).toBe(3);
      expectAccounted(parsed);
      for (const [position, id, values] of [
        [1, 'lead-fb-001', { email: 'maria.rossi@milano.example', name: 'Maria Rossi', company: 'Milano Fintech Srl', stage: 'mql', score: 70, source: { channel: 'paid_search' } }],
        [2, 'lead-fb-002', { email: 'kwame.mensah@accra.example', name: 'Kwame Mensah', stage: 'sql', score: 64 }],
        [3, 'lead-fb-003', { email: 'sofia.lind@uppsala.example', name: 'Sofia Lind', stage: 'lead' }],
      ] as const) {
        const lead = profile(parsed, id);
        if (lead) expect.soft(lead, `${label}: ${id}`).toMatchObject(values);
        else expect.soft(errorsAt(parsed, position, 'id'), `${label}: ${id} neither imported nor refused at its id`).toHaveLength(1);
      }
      expect.soft(parsed.records.profiles.map((lead) => lead.id).filter((id) => !id.startsWith('lead-fb-')), label).toEqual([]);
    }
  });

  it('30 content catalog from Google Sheets (languages, translation links, review dates): pt_BR, "Français", 2027-02-30, 2026-02-29, a comma list', async () => {
    const parsed = await load('30-content-sheets-translations.csv', 'content');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(8);
    expectAccounted(parsed);
    expect(errorsAt(parsed, 2)).toEqual([]);
    expect(item(parsed, 'guide-soc2-en')).toMatchObject({
      title: 'SOC 2 readiness guide',
      type: 'guide',
      language: 'en',
      topics: ['SOC 2 audit', 'evidence collection'],
      buyerStages: ['awareness', 'consideration'],
      reviewBy: '2027-06-30',
      updatedAt: '2026-08-20T00:00:00Z',
    });
    expect(errorsAt(parsed, 3)).toEqual([]);
    expect(item(parsed, 'guide-soc2-de')).toMatchObject({ title: 'SOC-2-Leitfaden', language: 'de-DE', translationOf: 'guide-soc2-en' });
    // pt_BR (a locale, not BCP 47) and "Français" (a name): read as the tag, or refused at language quoting the value.
    for (const [id, row, written, tag] of [
      ['guide-soc2-pt', 4, 'pt_BR', 'pt-BR'],
      ['guide-soc2-fr', 5, 'Français', 'fr'],
    ] as const) {
      const entry = item(parsed, id);
      if (entry) expect(entry, id).toMatchObject({ language: tag, translationOf: 'guide-soc2-en' });
      else {
        expect(columnsAt(parsed, row), id).toEqual(['language']);
        expect(errorsAt(parsed, row, 'language')[0]!.message).toContain(written);
      }
    }
    // Days that do not exist are refused, never rolled over to March.
    expect(item(parsed, 'guide-soc2-es')).toBeUndefined();
    expect(errorsAt(parsed, 6, 'review_by')).toEqual([expect.objectContaining({ message: expect.stringContaining('2027-02-30') })]);
    expect(item(parsed, 'ds-pricing-2026')).toBeUndefined();
    expect(errorsAt(parsed, 7, 'updated_at')).toEqual([expect.objectContaining({ message: expect.stringContaining('2026-02-29') })]);
    expect(errorsAt(parsed, 8)).toEqual([]);
    expect(item(parsed, 'ds-pricing-2025')).toMatchObject({ type: 'datasheet', replacedBy: 'ds-pricing-2026', expiresAt: '2025-12-31', buyerStages: ['decision'] });
    // "Consideration, Decision" (a comma list) and a date-time in review_by: read right, or refused at those columns.
    const checklist = item(parsed, 'cl-audit-en');
    if (checklist) expect(checklist).toMatchObject({ type: 'checklist', buyerStages: ['consideration', 'decision'], reviewBy: '2027-03-31' });
    else {
      expect(columnsAt(parsed, 9).length).toBeGreaterThan(0);
      expect(['buyer_stages', 'review_by']).toEqual(expect.arrayContaining(columnsAt(parsed, 9)));
    }
    for (const entry of parsed.records.content) expect(ContentItemSchema.safeParse(entry).success, entry.id).toBe(true);
  });

  it('31 Arabic and Hebrew names, emoji (ZWJ, flags, skin tones), NFD accents, an internationalized e-mail, a 10,199-unit emoji message', async () => {
    const text = readUtf8('31-profiles-emoji-rtl.csv');
    const parsed = await load('31-profiles-emoji-rtl.csv', 'profiles', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(6);
    expectAccounted(parsed);
    for (const row of [2, 3, 4, 5]) expect.soft(errorsAt(parsed, row), `row ${row}`).toEqual([]);
    expect.soft(profile(parsed, 'lead-rtl-001')).toMatchObject({
      name: 'محمد العلي',
      company: 'شركة الصحراء للتقنية',
      title: 'مدير أمن المعلومات',
      problems: [{ text: 'نحتاج إلى تدقيق SOC 2 قبل نهاية الربع.', submittedAt: '2026-11-10T00:00:00Z' }],
    });
    expect.soft(profile(parsed, 'lead-rtl-002')).toMatchObject({ name: 'דנה כהן', company: 'גליל סייבר בע"מ', title: 'מנהלת IT' });
    expect.soft(profile(parsed, 'lead-emoji-003')).toMatchObject({
      name: 'Zoë Park 🚀',
      company: '👩‍💻 DevSecOps Collective',
      title: 'Head of 🔐 Security',
      problems: [{ text: 'Need SSO 🙏🏽 before Q1 — 🇰🇷 + 🇺🇸 teams, 👨‍👩‍👧 family plan?' }],
    });
    const jose = profile(parsed, 'lead-nfd-004');
    expect.soft(jose?.name?.normalize('NFC')).toBe('José Núñez');
    expect.soft(jose?.company?.normalize('NFC')).toBe('Café Olé Ltda');
    // josé@café.example: a stored profile's e-mail must be a valid address (LeadProfileSchema), else refused at row 6.
    const idn = profile(parsed, 'lead-idn-005');
    if (idn) expect.soft(LeadProfileSchema.safeParse(idn).success).toBe(true);
    else expect.soft(errorsAt(parsed, 6, 'email')).toHaveLength(1);
    // 3,400 emoji: 6,799 characters to a person, 10,199 UTF-16 units to the stored profile (at most 10,000).
    const flood = profile(parsed, 'lead-emoji-006');
    const floodText = '🙏 '.repeat(3400).trimEnd();
    expect(text).toContain(floodText);
    if (flood) {
      expect.soft(flood.problems[0]?.text).toBe(floodText);
      expect.soft(LeadProfileSchema.safeParse(flood).success, 'the stored profile breaks LeadProfileSchema').toBe(true);
    } else {
      expect.soft(errorsAt(parsed, 7, 'problem_text')).toEqual([expect.objectContaining({ message: expect.stringMatching(/10[,.]?000/) })]);
    }
    expect.soft(wellFormed(JSON.stringify(parsed.records.profiles))).toBe(true);
    for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
  });

  it('32 a 200-column warehouse export: the 10 documented columns are found wherever they are, the other 190 are named', async () => {
    const text = readUtf8('32-profiles-wide-200-columns.csv');
    const header = text.slice(0, text.indexOf('\n')).split(',');
    expect(header).toHaveLength(200);
    const documented = ['id', 'email', 'name', 'company', 'first_page', 'channel', 'problem_date', 'problem_text', 'stage', 'score'];
    const parsed = await load('32-profiles-wide-200-columns.csv', 'profiles', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    expect({ total: parsed.total, valid: parsed.valid }).toEqual({ total: 3, valid: 3 });
    expect([...parsed.ignoredColumns].sort()).toEqual(header.filter((name) => !documented.includes(name)).sort());
    expect(profile(parsed, 'lead-wide-001')).toMatchObject({
      email: 'ruth.adler@zurich.example',
      name: 'Ruth Adler',
      company: 'Adler Treuhand AG',
      source: { channel: 'paid_search', firstPage: 'https://www.vendor.example/soc-2?utm_source=google&utm_medium=cpc' },
      problems: [{ text: 'We need, in short, "evidence" by March.', submittedAt: '2026-11-03T00:00:00Z' }],
      stage: 'mql',
      score: 91,
    });
    const omar = profile(parsed, 'lead-wide-002');
    expect(omar).toMatchObject({ name: 'Omar Haddad', company: 'Haddad, Saleh & Partners', source: { channel: 'organic_search', firstPage: 'https://www.vendor.example/pricing' }, problems: [], stage: 'sql', score: 77 });
    const lea = profile(parsed, 'lead-wide-003');
    expect(lea).toMatchObject({ name: 'Léa Martin', source: { channel: 'event' }, problems: [{ text: 'Line one\nLine two', submittedAt: '2026-11-04T08:00:00Z' }], stage: 'lead' });
    expect(lea?.score).toBeUndefined();
    expect(lea?.source.firstPage).toBeUndefined();
  });

  it('33 a header row and no data rows (German Excel, and each template header): nothing imported, no row invented, no crash', async () => {
    const excel = readUtf8('33-profiles-header-only.csv');
    const templateHeader = (file: string) => readFileSync(`public/templates/${file}`, 'utf8').split(/\r?\n/)[0]!;
    const variants: [string, ImportKind, string][] = [
      ['German Excel (BOM, ";", CRLF)', 'profiles', excel],
      ['German Excel without the final line break', 'profiles', excel.replace(/\r\n$/, '')],
      ['profiles template header', 'profiles', `${templateHeader('profiles.csv')}\n`],
      ['page-views template header', 'pageViews', `${templateHeader('page-views.csv')}\n`],
      ['content template header', 'content', templateHeader('content.csv')],
    ];
    for (const [label, kind, text] of variants) {
      const parsed = await load('33-profiles-header-only.csv', kind, text);
      expect.soft(parsed.errors, label).toEqual([]);
      expect.soft(parsed.valid, label).toBe(0);
      expect.soft(parsed.rejected, label).toBe(0);
      expect.soft(parsed.records, label).toMatchObject({ profiles: [], pageViews: [], content: [] });
      if (parsed.fatal === undefined) {
        expect.soft(parsed.total, label).toBe(0);
        expect.soft(parsed.ignoredColumns, label).toEqual([]);
      }
    }
  });

  it('34 durations with thousands separators (1,234 / 1 500 / 1\'250 / 1.234,5 / (15)) are read as the number or refused, never cut', async () => {
    const parsed = await load('34-page-views-thousands-separators.csv', 'pageViews');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(8);
    expectAccounted(parsed);
    for (const [url, row, written, quoted, meant] of [
      ['https://www.vendor.example/pricing', 2, '1,234', /1,234/, 1234],
      ['https://www.vendor.example/demo', 3, '3,600.5', /3,600\.5/, 3600.5],
      // A narrow no-break space, as French locales group digits; the message may show it as any space.
      ['https://www.vendor.example/security', 4, '1\u202f500', /1\s500/, 1500],
      ['https://www.vendor.example/blog', 5, "1'250", /1'250/, 1250],
      ['https://www.vendor.example/webinar-replay', 6, '12,345,678', /12,345,678/, 12_345_678],
      ['https://www.vendor.example/contact', 7, '1.234,5', /1\.234,5/, 1234.5],
    ] as const) {
      const view = viewAt(parsed, url);
      if (view) expect.soft(view.durationSec, `${written} at row ${row}`).toBe(meant);
      else {
        expect.soft(columnsAt(parsed, row), `${written} at row ${row}`).toEqual(['duration_sec']);
        expect.soft(errorsAt(parsed, row, 'duration_sec')[0]?.message, `${written} at row ${row}`).toMatch(quoted);
      }
    }
    expect(viewAt(parsed, 'https://www.vendor.example/docs')).toMatchObject({ profileKey: 'id:lead-0004', durationSec: 88, visitId: 'v4' });
    // (15) is accounting's -15: seconds are 0 or more, so it is refused, never stored as 15.
    expect(viewAt(parsed, 'https://www.vendor.example/careers')).toBeUndefined();
    expect(errorsAt(parsed, 9, 'duration_sec')).toEqual([expect.objectContaining({ message: expect.stringContaining('(15)') })]);
  });

  it('35 Mautic contacts export (field aliases such as timezone and firstname, every cell quoted, an anonymous visitor)', async () => {
    const parsed = await load('35-profiles-mautic-export.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    expect({ total: parsed.total, valid: parsed.valid }).toEqual({ total: 4, valid: 4 });
    // Column names match ignoring case, spaces, "-" (and "_", as salesforceId is salesforce_id): timezone is time_zone.
    expect.soft(parsed.ignoredColumns).not.toContain('timezone');
    expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['position', 'phone', 'last_active', 'date_added', 'date_identified']));
    expect.soft(profile(parsed, '1042')).toMatchObject({
      email: 'juergen.mueller@bergwerk.example',
      company: 'Bergwerk Systeme GmbH',
      country: 'Germany',
      contact: { timeZone: 'Europe/Berlin' },
    });
    expect.soft(profile(parsed, '1043')).toMatchObject({ email: 'ana.lima@nuvem.example', country: 'Brazil', contact: { timeZone: 'America/Sao_Paulo' } });
    expect.soft(profile(parsed, '1045')).toMatchObject({ company: 'Huaxin Technology Co., Ltd.', country: 'China', contact: { timeZone: 'Asia/Shanghai' } });
    // The anonymous visitor has only an id, which is all a profile needs.
    const anonymous = profile(parsed, '1044');
    expect(anonymous).toBeDefined();
    expect(anonymous?.email).toBeUndefined();
    expect(anonymous?.name).toBeUndefined();
    // Undocumented columns are named, or read as what they plainly are; never dropped without a word.
    for (const [id, first, last, points, locale] of [
      ['1042', 'Jürgen', 'Müller', 120, 'de'],
      ['1043', 'Ana', 'Lima', 45, 'pt'],
      ['1045', 'Wei', 'Zhang', 80, 'zh'],
    ] as const) {
      const lead = profile(parsed, id)!;
      if (!(parsed.ignoredColumns.includes('firstname') && parsed.ignoredColumns.includes('lastname'))) expect(lead.name, id).toBe(`${first} ${last}`);
      if (!parsed.ignoredColumns.includes('points')) expect(lead.score, id).toBe(points);
      if (!parsed.ignoredColumns.includes('preferred_locale')) expect(lead.language?.toLowerCase().slice(0, 2), id).toBe(locale);
    }
    for (const lead of parsed.records.profiles) expect(LeadProfileSchema.parse(lead)).toEqual(lead);
  });
});
