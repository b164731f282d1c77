/**
 * Import files as a fifth round of tools write them, the marketing and sales tools of 2026 earlier rounds left out:
 * Pipedrive's "Export data" of people, Microsoft Dynamics 365 "Export to Excel" saved as CSV, an Account Engagement
 * (Pardot) prospect export, Brevo and Klaviyo contact exports, Matomo's TSV (UTF-16 LE), Plausible's pages.csv, a
 * Looker Studio table on GA4 data, HubSpot CMS blog posts, WordPress's REST API and its WXR export, Close's lead
 * export; and what sheets around them hold (—, N/A for empty, 1'250 and 1 250 scores, week and locale dates).
 * Checked against docs/file-import.md only (and lib/schema/lead.ts, lib/schema/content.ts for what may be stored).
 * The files are in test/fixtures/import-variants-5/ (see its README.md); they were written by a short script kept
 * outside the repository (the bytes matter: UTF-16 LE, CRLF inside quoted cells, U+2009, U+202F, U+2019), without
 * reading the importer. Where the docs leave the answer open, either documented outcome is accepted: refused at the
 * right row and column with a message quoting the cell, or imported with the right value; never a silently wrong
 * value or a silent drop.
 */
import { describe, expect, it } from 'vitest';
import { ContentItemSchema, LeadProfileSchema, PageViewSchema } from '@/lib/schema';
import type { ParsedImport } from './index';
import { columnsAt, errorsAt, expectAccounted, expectNothingImported, importVariantFiles, instant, item, profile, viewAt } from '@/test/support/import-variants';

const { bytes, readUtf8, load } = importVariantFiles('test/fixtures/import-variants-5');

/** Whether a message quotes what a cell holds (its first 30 characters are enough: a message may cut it short). */
const quotes = (message: string, written: string): boolean => message.includes(written) || message.includes(written.slice(0, 30));

/**
 * A row the docs let the importer refuse: refused on at least one column, only on the columns in `written`, and
 * each message quoting what that cell holds.
 */
function expectRefusedOnly(parsed: ParsedImport, row: number, written: Record<string, string>, label: string): void {
  const columns = columnsAt(parsed, row);
  expect.soft(columns.length, `${label}: row ${row} neither imported nor refused`).toBeGreaterThan(0);
  expect.soft(Object.keys(written), `${label}: row ${row} refused on ${columns.join(', ')}`).toEqual(expect.arrayContaining(columns));
  for (const column of columns.filter((name) => name in written)) {
    for (const error of errorsAt(parsed, row, column)) expect.soft(quotes(error.message, written[column]!), `${label}: row ${row}, ${column}: ${error.message}`).toBe(true);
  }
}

/** The admin's one edit: header cells renamed (the first line only; a byte-order mark kept where it was). */
function renameHeader(text: string, separator: string, renames: Record<string, string>): string {
  const end = text.search(/\r?\n/);
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const header = text.slice(bom.length, end).split(separator);
  for (const from of Object.keys(renames)) expect(header, `header cell ${from}`).toContain(from);
  return bom + header.map((name) => renames[name] ?? name).join(separator) + text.slice(end);
}

/** The lead's record id for one CRM, whatever key the importer files it under ("pipedrive", "close"). */
const crmId = (lead: { crmIds: Record<string, string> } | undefined, crm: RegExp): string[] =>
  lead ? Object.entries(lead.crmIds).filter(([key]) => crm.test(key)).map(([, value]) => value) : [];

const expectProfilesValid = (parsed: ParsedImport, label: string) => {
  for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, `${label}: ${lead.id}`).toBe(true);
};

describe('import variants 5: a fifth round of files as 2026 marketing and sales tools save them', () => {
  describe('66 Pipedrive "Export data" of People ("Person - …" and "Organization - …" headers, BOM, LF)', () => {
    const raw = readUtf8('66-profiles-pipedrive-people-export.csv');

    it('as exported (no id column: Pipedrive calls it "Person - ID"): refused as a whole, naming id', async () => {
      const parsed = await load('66-profiles-pipedrive-people-export.csv', 'profiles', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/i);
    });

    it("with the admin's renames (Person - ID → Pipedrive ID, the marketing id → id, …): the Pipedrive record ids stored, the work e-mail read, Pipedrive's created time as UTC", async () => {
      const text = renameHeader(raw, ',', {
        'Person - ID': 'Pipedrive ID',
        'Person - Marketing ID': 'id',
        'Person - Name': 'name',
        'Person - Organization': 'company',
        'Person - Email - Work': 'email',
        'Person - Person created': 'first_seen',
      });
      const parsed = await load('66-profiles-pipedrive-people-export.csv', 'profiles', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(3);
      expect(parsed.errors).toEqual([]);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Person - Email - Home', 'Person - Phone - Work', 'Person - Label', 'Person - Owner', 'Organization - Name']));
      for (const column of ['Pipedrive ID', 'id', 'name', 'company', 'email', 'first_seen']) expect(parsed.ignoredColumns).not.toContain(column);
      for (const [id, pipedrive, values, firstSeen] of [
        ['mkto-3101', '1042', { name: 'Jürgen Müller', company: 'Bergwerk Systeme GmbH', email: 'juergen.mueller@bergwerk.example' }, '2026-09-14T13:22:05.000Z'],
        // No work address: the home address is in a column Leadside does not read; the lead has no e-mail known.
        ['mkto-3102', '1043', { name: 'Ana Lima', company: 'Nuvem Pagamentos Ltda', email: undefined }, '2026-10-01T08:00:00.000Z'],
        ['mkto-3103', '1044', { name: "Tom O'Neil", company: "O'Neil Freight, Ltd", email: 'tom@oneilfreight.example' }, '2026-11-03T10:00:00.000Z'],
      ] as const) {
        const lead = profile(parsed, id);
        expect.soft(lead, id).toBeDefined();
        expect.soft({ name: lead?.name, company: lead?.company, email: lead?.email }, id).toEqual(values);
        expect.soft(crmId(lead, /pipedrive/i), `${id} crmIds ${JSON.stringify(lead?.crmIds)}`).toEqual([pipedrive]);
        expect.soft(instant(lead?.source.firstSeen), `${id} first_seen`).toBe(firstSeen);
      }
      expectProfilesValid(parsed, 'renamed');
    });

    it('with the "Person - " and "Organization - " prefixes stripped by find and replace ("Name" now twice): refused as a whole, a column twice', async () => {
      const [head, ...rest] = raw.split('\n');
      const stripped = [head!.replaceAll('Person - ', '').replaceAll('Organization - ', ''), ...rest].join('\n');
      expect(stripped.split('\n')[0]!.split(',').filter((name) => name === 'Name')).toHaveLength(2);
      const parsed = await load('66-profiles-pipedrive-people-export.csv', 'profiles', stripped);
      // The docs: "A problem with the whole file (… a column twice) is reported as such, and nothing can be imported from it."
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/name/i);
    });
  });

  describe('67 Dynamics 365 "Export to Excel" saved as "CSV UTF-8" in US Excel (three "(Do Not Modify)" columns, GUIDs, 9/14/2026 13:22)', () => {
    const raw = readUtf8('67-profiles-dynamics-365-export-to-excel.csv');
    const leads = [
      ['3f2a8c1e-5b7d-4e21-9a0c-1d2e3f4a5b6c', 2, 'Olivia Bennett', 'olivia.bennett@summithealth.example', '9/14/2026 13:22'],
      ['8b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b', 3, 'Marcus Lee', 'marcus.lee@brightline.example', '10/1/2026 8:00'],
      ['c0ffee00-1234-4abc-9def-0123456789ab', 4, 'Aisha Khan', 'aisha.khan@khananalytics.example', '11/3/2026 10:00'],
    ] as const;

    it('as exported (the record id is "(Do Not Modify) Lead"): refused as a whole, naming id', async () => {
      const parsed = await load('67-profiles-dynamics-365-export-to-excel.csv', 'profiles', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/i);
    });

    it('with "(Do Not Modify) Lead" as id: the GUIDs kept exactly, Name and Email read, Dynamics\' own columns named (the checksum never read)', async () => {
      const parsed = await load('67-profiles-dynamics-365-export-to-excel.csv', 'profiles', renameHeader(raw, ',', { '(Do Not Modify) Lead': 'id' }));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(3);
      expect(parsed.errors).toEqual([]);
      expect(parsed.ignoredColumns).toEqual(
        expect.arrayContaining(['(Do Not Modify) Row Checksum', '(Do Not Modify) Modified On', 'Topic', 'Business Phone', 'Lead Source', 'Status Reason', 'Rating', 'Created On']),
      );
      for (const [id, , name, email] of leads) expect.soft(profile(parsed, id), id).toMatchObject({ name, email });
      expectProfilesValid(parsed, 'id renamed');
    });

    it('with "Created On" also renamed first_seen: each US date (9/14/2026 13:22) refused at its row, column first_seen, quoting it; nothing else refused', async () => {
      const parsed = await load('67-profiles-dynamics-365-export-to-excel.csv', 'profiles', renameHeader(raw, ',', { '(Do Not Modify) Lead': 'id', 'Created On': 'first_seen' }));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(3);
      expectAccounted(parsed);
      // The docs: "14/09/2026 or yesterday are refused: their meaning depends on a locale."
      for (const [id, row, , , written] of leads) {
        expect.soft(profile(parsed, id), `${id} imported with first_seen ${profile(parsed, id)?.source.firstSeen}`).toBeUndefined();
        expect.soft(columnsAt(parsed, row), id).toEqual(['first_seen']);
        for (const error of errorsAt(parsed, row, 'first_seen')) expect.soft(quotes(error.message, written), `${id}: ${error.message}`).toBe(true);
      }
    });
  });

  it('68 Account Engagement (Pardot) prospect export (CRLF, a comment with CRLF inside its quotes, score "1,250", 1/0 and empty flags): the bad e-mail refused at row 3, the rest read', async () => {
    const text = readUtf8('68-profiles-account-engagement-prospects.csv');
    expect(text).toContain('letter.\r\nCall');
    const parsed = await load('68-profiles-account-engagement-prospects.csv', 'profiles', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(3);
    expectAccounted(parsed);
    expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Salutation', 'Grade', 'Source', 'Created Date', 'Updated Date', 'Opted Out', 'Comments', 'CRM Lead FID']));
    for (const column of ['Id', 'Email', 'Company', 'Score', 'Campaign', 'Do Not Email', 'Do Not Call']) expect(parsed.ignoredColumns).not.toContain(column);
    // The quoted comment with a CRLF is one row: the prospect after it is row 3, as a spreadsheet shows it.
    expect(errorsAt(parsed, 3, 'email')).toEqual([expect.objectContaining({ message: expect.stringContaining('ana.lima(at)nuvem.example') })]);
    expect(columnsAt(parsed, 3)).toEqual(['email']);
    expect(profile(parsed, '40002')).toBeUndefined();
    // "1,250" (a score over 1,000 as the export writes it) is 1250 or refused at score, never 1.25, 1 or 125.
    const hanna = profile(parsed, '40001');
    if (hanna) {
      expect(hanna).toMatchObject({ email: 'hanna.berg@fjordsoft.example', company: 'Fjordsoft AS', score: 1250, source: { campaign: 'Nordics Webinar Q4' }, contact: { doNotCall: true, doNotEmail: false } });
    } else {
      expectRefusedOnly(parsed, 2, { score: '1,250' }, '40001');
    }
    for (const error of parsed.errors) expect([2, 3], JSON.stringify(error)).toContain(error.row);
    expect(profile(parsed, '40003')).toMatchObject({ email: 'kwame.mensah@accradata.example', company: 'Accra Data Ltd', score: 0, contact: { doNotCall: true, doNotEmail: true } });
    expect(profile(parsed, '40003')?.source.campaign).toBeUndefined();
    expectProfilesValid(parsed, '68');
  });

  describe('69 Brevo contacts export (";", attributes in capitals, ADDED_TIME with an offset, Yes/No, a date attribute as dd-mm-yyyy)', () => {
    const raw = readUtf8('69-profiles-brevo-contacts-export.csv');

    it('as exported ("CONTACT ID" is no id): refused as a whole, naming id', async () => {
      const parsed = await load('69-profiles-brevo-contacts-export.csv', 'profiles', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/i);
    });

    it("with the admin's renames: the offset times read to the instant, Yes/No read, 14-09-2026 read as that day or refused, 03-10-2026 (3 October or 10 March) refused", async () => {
      const text = renameHeader(raw, ';', { 'CONTACT ID': 'id', ADDED_TIME: 'first_seen', EMAIL_BLACKLISTED: 'do_not_email', LAST_WEBINAR: 'latest_at' });
      const parsed = await load('69-profiles-brevo-contacts-export.csv', 'profiles', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(3);
      expectAccounted(parsed);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['SMS', 'JOB_TITLE', 'SMS_BLACKLISTED']));
      for (const column of ['EMAIL', 'COMPANY', 'first_seen', 'do_not_email', 'latest_at']) expect(parsed.ignoredColumns).not.toContain(column);
      for (const error of parsed.errors) expect([2, 3], JSON.stringify(error)).toContain(error.row);
      const claire = profile(parsed, '17');
      if (claire) {
        expect(claire).toMatchObject({ email: 'claire.martin@atelier.example', company: 'Atelier Numérique SAS', contact: { doNotEmail: false } });
        expect(instant(claire.source.firstSeen)).toBe('2026-09-14T11:22:05.000Z');
        expect(instant(claire.source.latest?.at)).toBe('2026-09-14T00:00:00.000Z');
      } else {
        expectRefusedOnly(parsed, 2, { latest_at: '14-09-2026' }, '17');
      }
      // 03-10-2026 is the 3rd of October in Brevo's French account and the 10th of March in a US one.
      expect(profile(parsed, '18'), `18 imported with latest_at ${profile(parsed, '18')?.source.latest?.at}`).toBeUndefined();
      expect(columnsAt(parsed, 3)).toEqual(['latest_at']);
      for (const error of errorsAt(parsed, 3, 'latest_at')) expect(quotes(error.message, '03-10-2026'), error.message).toBe(true);
      const lucia = profile(parsed, '19');
      expect(lucia).toMatchObject({ email: 'lucia.romero@sol.example', company: 'Sol Energía S.L.', contact: { doNotEmail: false } });
      expect(instant(lucia?.source.firstSeen)).toBe('2026-11-03T09:00:00.000Z');
      expect(lucia?.source.latest?.at).toBeUndefined();
      expectProfilesValid(parsed, '69');
    });
  });

  describe('70 Klaviyo segment export (Klaviyo ID of 26 characters or a legacy 6, "Title", "Organization", an SMS-only profile)', () => {
    const raw = readUtf8('70-profiles-klaviyo-segment-export.csv');

    it('as exported ("Klaviyo ID" is no id): refused as a whole, naming id', async () => {
      const parsed = await load('70-profiles-klaviyo-segment-export.csv', 'profiles', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/i);
    });

    it('with "Klaviyo ID" as id and "Date Added" as first_seen: ids kept exactly (case and length), Title and Country read, the empty e-mail not known', async () => {
      const parsed = await load('70-profiles-klaviyo-segment-export.csv', 'profiles', renameHeader(raw, ',', { 'Klaviyo ID': 'id', 'Date Added': 'first_seen' }));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(3);
      expect(parsed.errors).toEqual([]);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Phone Number', 'Organization', 'Address', 'City', 'State / Region', 'Zip Code', 'Source', 'Email Marketing Consent', 'Last Active']));
      for (const column of ['Email', 'Title', 'Country', 'id', 'first_seen']) expect(parsed.ignoredColumns).not.toContain(column);
      expect(parsed.records.profiles.map((lead) => lead.id).sort()).toEqual(['01J9ZQ4W7X8Y9Z0A1B2C3D4E5F', '01J9ZQ5A0B1C2D3E4F5G6H7J8K', 'Qx7Ab2']);
      for (const [id, email, title, country, firstSeen] of [
        ['01J9ZQ4W7X8Y9Z0A1B2C3D4E5F', 'maya.cohen@quill.example', 'Head of Growth', 'United States', '2026-09-14T13:22:05.000Z'],
        ['01J9ZQ5A0B1C2D3E4F5G6H7J8K', undefined, 'Founder', 'United Kingdom', '2026-10-01T08:00:00.000Z'],
        ['Qx7Ab2', 'sofia.lind@uppsala-medtech.example', 'CISO', 'Sweden', '2026-03-02T10:00:00.000Z'],
      ] as const) {
        const lead = profile(parsed, id);
        expect.soft({ email: lead?.email, title: lead?.title, country: lead?.country }, id).toEqual({ email, title, country });
        expect.soft(instant(lead?.source.firstSeen), id).toBe(firstSeen);
        // "Organization" is not a Leadside column: never read as the company.
        expect.soft(lead?.company, id).toBeUndefined();
      }
      expectProfilesValid(parsed, '70');
    });
  });

  describe('71 Matomo "Export" as TSV (UTF-16 LE with a byte-order mark, tab, CRLF): page views', () => {
    const decoded = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes('71-page-views-matomo-export.tsv'));
    const renames = { 'User ID': 'profile_id', 'Visit ID': 'visit_id', 'Page URL': 'url', 'Page title': 'title', 'Date/time (UTC)': 'viewed_at', 'Time on page (s)': 'duration_sec' };

    it('as a browser reads it (as UTF-8: a NUL after every letter): refused as a whole, nothing imported', async () => {
      const raw = readUtf8('71-page-views-matomo-export.tsv');
      expect(raw).toContain('\u0000');
      // The docs: CSV is UTF-8; "a file in another encoding … is refused as a whole". The same holds with the header
      // renamed in the bytes (UTF-16 again), as a Leadside-shaped Matomo report would be.
      for (const [name, text] of [
        ['as exported', raw],
        ['renamed', new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(renameHeader(decoded.slice(1), '\t', renames), 'utf16le')]))],
      ] as const) {
        const parsed = await load('71-page-views-matomo-export.csv', 'pageViews', text);
        expect.soft(JSON.stringify(parsed.records.pageViews), `${name}: a stored value holds NUL`).not.toContain('\\u0000');
        expect.soft(parsed.fatal, name).toEqual(expect.any(String));
        expect.soft(parsed.valid, name).toBe(0);
      }
    });

    it('decoded as UTF-16 (what Excel opens) with the header renamed, named .csv: the 3 views exact, no U+FEFF stored', async () => {
      expect(decoded.charCodeAt(0)).toBe(0xfeff);
      const text = '\ufeff' + renameHeader(decoded.slice(1), '\t', renames);
      const parsed = await load('71-page-views-matomo-export.csv', 'pageViews', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.errors).toEqual([]);
      expect(parsed.ignoredColumns).toEqual([]);
      expect(parsed.total).toBe(3);
      for (const [url, values, viewedAt] of [
        ['https://www.vendor.example/fr/tarifs', { profileKey: 'id:lead-0001', title: 'Tarifs – Keyline', durationSec: 88, visitId: '4711' }, '2026-11-16T13:05:20.000Z'],
        ['https://www.vendor.example/de/sicherheit', { profileKey: 'id:lead-0002', title: 'Sicherheit & Vertrauen', durationSec: 0, visitId: '4712' }, '2026-11-17T09:00:00.000Z'],
      ] as const) {
        const view = viewAt(parsed, url);
        expect.soft(view, url).toMatchObject(values);
        expect.soft(instant(view?.viewedAt), url).toBe(viewedAt);
      }
      const demo = parsed.records.pageViews.find((view) => view.title === 'Réserver une démo');
      const demoUrl = 'https://www.vendor.example/fr/démo';
      expect([demoUrl, new URL(demoUrl).href]).toContain(demo?.url);
      expect(demo).toMatchObject({ profileKey: 'id:lead-0001', durationSec: 41, visitId: '4711' });
      expect(JSON.stringify(parsed.records.pageViews)).not.toContain('\ufeff');
      for (const view of parsed.records.pageViews) expect.soft(PageViewSchema.safeParse(view).success, view.url).toBe(true);
    });
  });

  it('72 Plausible "Export" pages.csv (name, visitors, pageviews, bounce_rate, time_on_page: totals per path, no lead, no time) chosen as page views: refused as a whole', async () => {
    const parsed = await load('72-page-views-plausible-pages.csv', 'pageViews');
    // No profile_id or email, no url, no viewed_at: "a required column missing" is a problem with the whole file.
    expectNothingImported(parsed);
    expect(parsed.fatal).toMatch(/url|viewed_at|profile_id|email/i);
  });

  describe('73 Looker Studio table on GA4 data, "Export → CSV" ("Page location", "Date + hour (YYYYMMDDHH)" as 2026111613, "(not set)")', () => {
    const raw = readUtf8('73-page-views-looker-studio-ga4.csv');

    it('as exported: refused as a whole (no profile id, url or viewed_at column by the docs\' names)', async () => {
      expectNothingImported(await load('73-page-views-looker-studio-ga4.csv', 'pageViews', raw));
    });

    it('with the header renamed: 2026111613 read as 13:00 UTC that day or refused at viewed_at quoting it; "(not set)" refused at url; Views named', async () => {
      const text = renameHeader(raw, ',', { 'User ID': 'profile_id', 'Page location': 'url', 'Page title': 'title', 'Date + hour (YYYYMMDDHH)': 'viewed_at' });
      const parsed = await load('73-page-views-looker-studio-ga4.csv', 'pageViews', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(4);
      expectAccounted(parsed);
      expect(parsed.ignoredColumns).toEqual(['Views']);
      for (const [row, url, stamp, meant, profileKey] of [
        [2, 'https://www.vendor.example/pricing', '2026111613', '2026-11-16T13:00:00.000Z', 'id:lead-0001'],
        [3, 'https://www.vendor.example/demo', '2026111614', '2026-11-16T14:00:00.000Z', 'id:lead-0001'],
        [4, 'https://www.vendor.example/blog/soc-2', '2026111709', '2026-11-17T09:00:00.000Z', 'id:lead-0002'],
      ] as const) {
        const view = viewAt(parsed, url);
        if (view) {
          expect.soft(view.profileKey, url).toBe(profileKey);
          // Never epoch milliseconds (1970) or seconds (year 66,000): the hour it names, as UTC.
          expect.soft(instant(view.viewedAt), url).toBe(meant);
        } else {
          expectRefusedOnly(parsed, row, { viewed_at: stamp }, url);
        }
      }
      expect(errorsAt(parsed, 5, 'url')).toEqual([expect.objectContaining({ message: expect.stringContaining('(not set)') })]);
      expect(parsed.records.pageViews.every((view) => /^https?:\/\//.test(view.url))).toBe(true);
      for (const view of parsed.records.pageViews) expect.soft(PageViewSchema.safeParse(view).success, view.url).toBe(true);
    });
  });

  describe('74 HubSpot CMS blog posts export for the catalog ("Post title", "Post URL", "Last updated", "Meta description" with a CRLF inside quotes, a draft with no URL)', () => {
    const raw = readUtf8('74-content-hubspot-blog-posts.csv');
    const renames = { 'Post title': 'title', 'Post URL': 'url', 'Last updated': 'updated_at', 'Meta description': 'summary' };

    it('as exported (with the id and Type columns the admin added, no title or url by the docs\' names): refused as a whole', async () => {
      const parsed = await load('74-content-hubspot-blog-posts.csv', 'content', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/title|url/i);
    });

    it('renamed: the two published posts exact (the two-line summary one cell), the draft with no URL refused at row 4, column url', async () => {
      const parsed = await load('74-content-hubspot-blog-posts.csv', 'content', renameHeader(raw, ',', renames));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(3);
      expectAccounted(parsed);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Blog', 'Author', 'Publish date', 'Tags', 'State']));
      expect(columnsAt(parsed, 4)).toEqual(['url']);
      expect(item(parsed, 'blog-zero-trust-draft')).toBeUndefined();
      for (const error of parsed.errors) expect(error.row, JSON.stringify(error)).toBe(4);
      const soc2 = item(parsed, 'blog-soc2-plain');
      expect(soc2).toMatchObject({ title: 'SOC 2 in plain words', type: 'blog_post', url: 'https://www.vendor.example/blog/soc-2' });
      // The line break inside the quoted cell is kept (as written, or as a plain line feed).
      expect(['What SOC 2 asks of a 50-person company.\r\nNo jargon, no "compliance theatre".', 'What SOC 2 asks of a 50-person company.\nNo jargon, no "compliance theatre".']).toContain(soc2?.summary);
      expect(instant(soc2?.updatedAt)).toBe('2026-09-01T10:30:00.000Z');
      const reviews = item(parsed, 'blog-access-reviews');
      expect(reviews).toMatchObject({ title: 'Quarterly access reviews, done in an afternoon', type: 'blog_post', summary: 'A checklist, a spreadsheet and one meeting.' });
      expect(instant(reviews?.updatedAt)).toBe('2026-10-15T09:00:00.000Z');
      for (const entry of parsed.records.content) expect.soft(ContentItemSchema.safeParse(entry).success, entry.id).toBe(true);
    });
  });

  describe('75 WordPress REST API GET /wp-json/wp/v2/posts saved as JSON (numeric ids, title {rendered}, link, modified_gmt without an offset, type "post")', () => {
    const raw = readUtf8('75-content-wordpress-rest-posts.json');
    const posts = JSON.parse(raw) as { id: number; link: string; modified_gmt: string; type: string; title: { rendered: string }; excerpt: { rendered: string } }[];

    it('as saved (no url key, title an object): nothing imported; never an item titled [object Object]', async () => {
      const parsed = await load('75-content-wordpress-rest-posts.json', 'content', raw);
      expect(JSON.stringify(parsed.records.content)).not.toContain('[object Object]');
      expect(parsed.valid).toBe(0);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        return;
      }
      expect(parsed.total).toBe(2);
      expectAccounted(parsed);
    });

    it("flattened with jq (url: .link, title: .title.rendered, type kept): each post refused at its item, column type, quoting \"post\" (WordPress's word is no content type)", async () => {
      const flat = posts.map((post) => ({ id: post.id, title: post.title.rendered, url: post.link, type: post.type, updated_at: post.modified_gmt }));
      const parsed = await load('75-content-wordpress-rest-posts.json', 'content', JSON.stringify(flat, null, 2));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(2);
      expectAccounted(parsed);
      expect(parsed.valid).toBe(0);
      for (const row of [1, 2]) {
        expect.soft(columnsAt(parsed, row), `item ${row}`).toEqual(['type']);
        for (const error of errorsAt(parsed, row, 'type')) expect.soft(error.message, `item ${row}`).toMatch(/["“']post["”']|\bpost\b/);
      }
    });

    it('flattened with type "blog_post": numeric ids as text, modified_gmt (no offset) read as UTC, never the site\'s local "modified"', async () => {
      const flat = posts.map((post) => ({ id: post.id, title: post.title.rendered, url: post.link, type: 'blog_post', updated_at: post.modified_gmt }));
      const parsed = await load('75-content-wordpress-rest-posts.json', 'content', JSON.stringify({ items: flat }, null, 2));
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.errors).toEqual([]);
      expect(parsed.records.content.map((entry) => entry.id)).toEqual(['1201', '1202']);
      expect(item(parsed, '1201')).toMatchObject({ title: 'SOC 2 in plain words', url: 'https://www.vendor.example/blog/soc-2-plain-words/', type: 'blog_post' });
      expect(instant(item(parsed, '1201')?.updatedAt)).toBe('2026-09-01T10:30:00.000Z');
      expect(instant(item(parsed, '1202')?.updatedAt)).toBe('2026-10-16T06:05:00.000Z');
      // An HTML entity in WordPress's rendered title: kept as the text it is, or read as the dash it stands for.
      expect(['Access reviews &#8211; done in an afternoon', 'Access reviews – done in an afternoon']).toContain(item(parsed, '1202')?.title);
      for (const entry of parsed.records.content) expect.soft(ContentItemSchema.safeParse(entry).success, entry.id).toBe(true);
    });
  });

  it('76 a sales-ops sheet where blanks are "—", "N/A", "n/a" or "-": each typed cell read as not known or refused quoting it; never a score, stage, date, link or address made of it', async () => {
    const parsed = await load('76-profiles-dashes-and-na-for-empty.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(4);
    expectAccounted(parsed);
    expect(parsed.ignoredColumns).toEqual([]);
    for (const [id, row, cells] of [
      ['lead-na-001', 2, { score: '—', stage: '—', channel: '—', first_seen: '—', do_not_call: '—', first_page: '—', time_zone: '—' }],
      ['lead-na-002', 3, { email: 'N/A', score: 'N/A', stage: 'N/A', channel: 'N/A', first_seen: 'N/A', do_not_call: 'N/A', first_page: 'N/A', time_zone: 'N/A' }],
      ['lead-na-003', 4, { email: 'n/a', score: 'n/a', stage: '-', channel: '-', first_seen: 'n/a', do_not_call: '-', first_page: 'n/a', time_zone: '-' }],
    ] as const) {
      const lead = profile(parsed, id);
      if (!lead) {
        expectRefusedOnly(parsed, row, cells, id);
        continue;
      }
      // Imported: each placeholder is "not known" (the docs: empty means not known, other for channel, no for do_not_call).
      expect.soft(errorsAt(parsed, row), id).toEqual([]);
      expect.soft(lead.email, `${id} email`).toBeUndefined();
      expect.soft(lead.score, `${id} score`).toBeUndefined();
      expect.soft(lead.stage, `${id} stage`).toBeUndefined();
      expect.soft(lead.source.channel, `${id} channel`).toBe('other');
      expect.soft(lead.source.firstSeen, `${id} first_seen`).toBeUndefined();
      expect.soft(lead.source.firstPage, `${id} first_page`).toBeUndefined();
      expect.soft(lead.contact.doNotCall, `${id} do_not_call`).toBe(false);
      expect.soft(lead.contact.timeZone, `${id} time_zone`).toBeUndefined();
    }
    expect(errorsAt(parsed, 5)).toEqual([]);
    expect(profile(parsed, 'lead-na-004')).toMatchObject({ email: 'dana.levi@shamir.example', score: 55, stage: 'mql', source: { channel: 'paid_search', firstPage: 'https://www.vendor.example/pricing' }, contact: { doNotCall: false, timeZone: 'Asia/Jerusalem' } });
    expectProfilesValid(parsed, '76');
  });

  it("77 scores as Swiss and French sheets show them (1'250, 1’250, 1 250 with a thin or narrow no-break space, 82,5): the number meant or refused at score quoting it; -12 and 12.5 read", async () => {
    const text = readUtf8('77-profiles-swiss-french-numbers.csv');
    expect(text).toContain('1\u2009250');
    const parsed = await load('77-profiles-swiss-french-numbers.csv', 'profiles', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(7);
    expectAccounted(parsed);
    expect(parsed.ignoredColumns).toEqual([]);
    for (const [id, row, written, meant] of [
      ['lead-ch-001', 2, "1'250", 1250],
      ['lead-ch-002', 3, '1\u2019250', 1250],
      ['lead-ch-003', 4, '1\u2009250', 1250],
      ['lead-ch-004', 5, '1\u202f250', 1250],
      ['lead-ch-005', 6, '82,5', 82.5],
    ] as const) {
      const lead = profile(parsed, id);
      if (lead) expect.soft(lead.score, `${id} score from ${JSON.stringify(written)}`).toBe(meant);
      else expectRefusedOnly(parsed, row, { score: written }, id);
    }
    expect(profile(parsed, 'lead-ch-006')?.score).toBe(-12);
    expect(profile(parsed, 'lead-ch-007')?.score).toBe(12.5);
    expect(errorsAt(parsed, 7)).toEqual([]);
    expect(errorsAt(parsed, 8)).toEqual([]);
  });

  it('78 first_seen as tools display dates (2026-W38, KW 38/2026, 09/10/2026, Sep 14, 2026, 14 sept. 2026, 2026/09/14, 14.09.26): a week or a locale\'s order refused; the others the day meant or refused', async () => {
    const parsed = await load('78-profiles-week-and-locale-dates.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.total).toBe(8);
    expectAccounted(parsed);
    // A week is no day, and 09/10/2026 is 10 September or 9 October by the locale: refused, quoting the cell.
    for (const [id, row, written] of [
      ['lead-dt-001', 2, '2026-W38'],
      ['lead-dt-002', 3, 'KW 38/2026'],
      ['lead-dt-003', 4, '09/10/2026'],
    ] as const) {
      expect.soft(profile(parsed, id), `${id} imported with first_seen ${profile(parsed, id)?.source.firstSeen}`).toBeUndefined();
      expect.soft(columnsAt(parsed, row), id).toEqual(['first_seen']);
      for (const error of errorsAt(parsed, row, 'first_seen')) expect.soft(quotes(error.message, written), `${id}: ${error.message}`).toBe(true);
    }
    // Not the documented YYYY-MM-DD, but one day only: 14 September 2026 at midnight UTC, or refused.
    for (const [id, row, written] of [
      ['lead-dt-004', 5, 'Sep 14, 2026'],
      ['lead-dt-005', 6, '14 sept. 2026'],
      ['lead-dt-006', 7, '2026/09/14'],
      ['lead-dt-007', 8, '14.09.26'],
    ] as const) {
      const lead = profile(parsed, id);
      if (lead) expect.soft(instant(lead.source.firstSeen), `${id} from ${written}`).toBe('2026-09-14T00:00:00.000Z');
      else expectRefusedOnly(parsed, row, { first_seen: written }, id);
    }
    expect(instant(profile(parsed, 'lead-dt-008')?.source.firstSeen)).toBe('2026-09-14T00:00:00.000Z');
  });

  describe('79 Close "Export leads" CSV (id as lead_…, date_created with microseconds and +00:00, custom.… columns)', () => {
    const raw = readUtf8('79-profiles-close-leads-export.csv');

    it('as exported: "id" is the id (Close\'s lead id), the other columns named; no row refused', async () => {
      const parsed = await load('79-profiles-close-leads-export.csv', 'profiles', raw);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(2);
      expect(parsed.errors).toEqual([]);
      expect(parsed.records.profiles.map((lead) => lead.id)).toEqual(['lead_8AbCdEfGhIjKlMnOpQrStUvWx', 'lead_9ZyXwVuTsRqPoNmLkJiHgFeDc']);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['display_name', 'status_label', 'date_created', 'date_updated', 'primary_contact_name', 'primary_contact_primary_email', 'custom.Marketing ID', 'custom.Lead Score']));
      // "custom.Lead Score" is not "score".
      for (const lead of parsed.records.profiles) expect.soft(lead.score, lead.id).toBeUndefined();
      expectProfilesValid(parsed, 'as exported');
    });

    it("with the admin's renames (id → close_id, custom.Marketing ID → id, …): Close ids stored exactly, .123000+00:00 read to the millisecond or refused quoting it", async () => {
      const text = renameHeader(raw, ',', {
        id: 'close_id',
        'custom.Marketing ID': 'id',
        name: 'company',
        primary_contact_name: 'name',
        primary_contact_primary_email: 'email',
        date_created: 'first_seen',
      });
      const parsed = await load('79-profiles-close-leads-export.csv', 'profiles', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(2);
      expectAccounted(parsed);
      const li = profile(parsed, 'mkto-4101');
      if (li) {
        expect(li).toMatchObject({ name: 'Li Wei', company: 'Harbour Bank', email: 'li.wei@harbourbank.example' });
        expect(crmId(li, /close/i)).toEqual(['lead_8AbCdEfGhIjKlMnOpQrStUvWx']);
        expect(instant(li.source.firstSeen)).toBe('2026-09-14T13:22:05.123Z');
      } else {
        expectRefusedOnly(parsed, 2, { first_seen: '2026-09-14T13:22:05.123000+00:00' }, 'mkto-4101');
      }
      expect(errorsAt(parsed, 3)).toEqual([]);
      const hanna = profile(parsed, 'mkto-4102');
      expect(hanna).toMatchObject({ name: 'Hanna Berg', company: 'Fjordsoft AS', email: 'hanna.berg@fjordsoft.example' });
      expect(crmId(hanna, /close/i)).toEqual(['lead_9ZyXwVuTsRqPoNmLkJiHgFeDc']);
      expect(instant(hanna?.source.firstSeen)).toBe('2026-10-01T08:00:00.000Z');
      expectProfilesValid(parsed, 'renamed');
    });
  });

  it('80 WordPress "Tools → Export" (WXR: RSS XML) chosen as the content catalog, as .xml and renamed .csv: refused as a whole, nothing imported', async () => {
    const text = readUtf8('80-content-wordpress-wxr.xml');
    expect(text.startsWith('<?xml')).toBe(true);
    for (const name of ['80-content-wordpress-wxr.xml', '80-content-wordpress-wxr.csv']) {
      const parsed = await load(name, 'content', text);
      expectNothingImported(parsed);
    }
  });
});
