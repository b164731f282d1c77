/**
 * Import files as a fourth round of tools write them: Salesforce Data Loader, HubSpot's "export all properties"
 * with internal names, a Mailchimp audience export, ActiveCampaign's API saved by curl and reshaped with jq, German
 * Excel's "CSV (MS-DOS)" in code page 850, two Excel files joined with `copy /b` (a byte-order mark mid-file), Numbers
 * with U+2028 line separators, a Google Sheets TSV download, cells starting with = + - @ or ', e-mail addresses as mail
 * clients paste them, page-view URLs without a scheme or with spaces, a Webflow CMS export with relative links, time
 * zones as people type them ("GMT+1", "CET", "(UTC+01:00) Amsterdam, Berlin, …"), Excel re-saving 12-digit ids as
 * 1.05123E+11, and Contentful's Delivery API. Checked against docs/file-import.md only (and lib/schema/lead.ts,
 * lib/schema/content.ts for what may be stored). The files are in test/fixtures/import-variants-4/ (see its
 * README.md); they were written by a short script (the bytes matter in most of them), without reading the importer.
 * Where the docs leave the answer open, either documented outcome is accepted: refused at the right row and column
 * with a clear message, or imported with the right value; never a silently wrong value or a silent drop.
 */
import { describe, expect, it } from 'vitest';
import { ContentItemSchema, LeadProfileSchema, PageViewSchema } from '@/lib/schema';
import type { ParsedImport } from './index';
import { columnsAt, errorsAt, expectAccounted, expectNothingImported, importVariantFiles, instant, item, profile, viewAt } from '@/test/support/import-variants';

const { bytes, readUtf8, load } = importVariantFiles('test/fixtures/import-variants-4');

type View = ParsedImport['records']['pageViews'][number];

/**
 * Whether a message quotes what a cell holds. A message may cut a long value short ("Invalid URL: "//cdn.vendor.ex…"),
 * so its first 30 characters are enough.
 */
const quotes = (message: string, written: string): boolean => message.includes(written) || message.includes(written.slice(0, 30));
/** Exactly one error at that cell, quoting what it holds. */
function expectOneQuoting(errors: ParsedImport['errors'], written: string, label: string): void {
  expect.soft(errors.map((error) => error.message), `${label}: one error quoting ${JSON.stringify(written)}`).toEqual([expect.any(String)]);
  if (errors[0]) expect.soft(quotes(errors[0].message, written), `${label}: ${errors[0].message}`).toBe(true);
}

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

/** A zone's UTC offset as Intl gives it ("GMT+01:00"), on a winter and a summer day. */
const offsets = (zone: string): [string, string] => {
  const at = (iso: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(iso)).find((part) => part.type === 'timeZoneName')!.value;
  return [at('2026-01-15T12:00:00Z'), at('2026-07-15T12:00:00Z')];
};
const knownZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The page view stored for the row viewed at `iso` (the URL may be stored in its parsed form). */
const viewAtTime = (parsed: ParsedImport, iso: string): View | undefined => parsed.records.pageViews.find((view) => instant(view.viewedAt) === iso);

describe('import variants 4: a fourth round of files as tools save them', () => {
  describe('51 Salesforce Data Loader extract of Lead (API names in capitals, every value quoted, 18-character ids, true/false, .000Z stamps)', () => {
    const raw = readUtf8('51-profiles-salesforce-data-loader.csv');
    const sfIds = ['00Q8d00000AbC2dEAF', '00Q8d00000AbC3eEAB', '00Q8d00000AbC4fEAN', '00Q8d00000AbC5gEAC'];

    it('as extracted: "ID" is the id column, the 18-character ids kept exactly; NAME, DONOTCALL and the plain fields read; the Salesforce-only fields named', async () => {
      const parsed = await load('51-profiles-salesforce-data-loader.csv', 'profiles', raw);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(4);
      expect(parsed.errors).toEqual([]);
      expect(parsed.records.profiles.map((lead) => lead.id)).toEqual(sfIds);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['LEADSOURCE', 'STATUS', 'HASOPTEDOUTOFEMAIL', 'CREATEDDATE', 'DESCRIPTION', 'MARKETING_LEAD_ID__C', 'LEAD_SCORE__C']));
      for (const column of ['ID', 'EMAIL', 'NAME', 'COMPANY', 'TITLE', 'INDUSTRY', 'COUNTRY', 'DONOTCALL']) expect(parsed.ignoredColumns).not.toContain(column);
      expect(profile(parsed, '00Q8d00000AbC2dEAF')).toMatchObject({
        email: 'juergen.mueller@bergwerk.example',
        name: 'Jürgen Müller',
        company: 'Bergwerk Systeme GmbH',
        title: 'Leiter IT-Sicherheit',
        industry: 'Manufacturing',
        country: 'Germany',
        contact: { doNotCall: false },
      });
      expect(profile(parsed, '00Q8d00000AbC3eEAB')).toMatchObject({ name: 'Emma Walsh', company: 'Walsh Logistics Ltd', contact: { doNotCall: true } });
      expect(profile(parsed, '00Q8d00000AbC4fEAN')?.email).toBeUndefined();
      for (const lead of parsed.records.profiles) expect(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
    });

    it("with the admin's renames (ID → SALESFORCE_ID, MARKETING_LEAD_ID__C → ID, LEAD_SCORE__C → SCORE, CREATEDDATE → FIRST_SEEN, HASOPTEDOUTOFEMAIL → DO_NOT_EMAIL): the Salesforce ids stored as written, scores 82.0 and 64.5, the multi-line DESCRIPTION one row", async () => {
      const text = raw
        .replace('"ID"', '"SALESFORCE_ID"')
        .replace('"MARKETING_LEAD_ID__C"', '"ID"')
        .replace('"LEAD_SCORE__C"', '"SCORE"')
        .replace('"CREATEDDATE"', '"FIRST_SEEN"')
        .replace('"HASOPTEDOUTOFEMAIL"', '"DO_NOT_EMAIL"');
      const parsed = await load('51-profiles-salesforce-data-loader.csv', 'profiles', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(4);
      expect(parsed.errors).toEqual([]);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['LEADSOURCE', 'STATUS', 'DESCRIPTION']));
      for (const column of ['SALESFORCE_ID', 'ID', 'SCORE', 'FIRST_SEEN', 'DO_NOT_EMAIL', 'DONOTCALL']) expect(parsed.ignoredColumns).not.toContain(column);
      for (const [id, sfId, score, firstSeen, doNotCall, doNotEmail] of [
        ['mkto-2101', sfIds[0], 82, '2026-09-14T13:22:05.000Z', false, false],
        ['mkto-2102', sfIds[1], 64.5, '2026-10-01T08:00:00.000Z', true, false],
        ['mkto-2103', sfIds[2], undefined, '2026-10-12T16:45:10.000Z', false, true],
        ['mkto-2104', sfIds[3], 91, '2026-11-03T10:00:00.000Z', false, false],
      ] as const) {
        const lead = profile(parsed, id);
        expect.soft(lead, id).toBeDefined();
        // CRM ids are stored as the CRM shows them: the 18-character form, case and all.
        expect.soft(lead?.crmIds.salesforce, `${id} salesforce_id`).toBe(sfId);
        expect.soft(lead?.score, `${id} score`).toBe(score);
        expect.soft(instant(lead?.source.firstSeen), `${id} first_seen`).toBe(firstSeen);
        expect.soft(lead?.contact, id).toMatchObject({ doNotCall, doNotEmail });
      }
      expect(profile(parsed, 'mkto-2102')?.name).toBe('Emma Walsh');
      for (const lead of parsed.records.profiles) expect(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
    });
  });

  describe('52 HubSpot "export all properties" with property internal names (330 columns; hs_object_id, lifecyclestage, hs_analytics_source, hs_timezone values as stored)', () => {
    const raw = readUtf8('52-profiles-hubspot-all-properties.csv');
    const [head, ...body] = raw.split('\n');
    const header = head!.split(',');
    const renames: Record<string, string> = {
      hs_object_id: 'id',
      jobtitle: 'title',
      lifecyclestage: 'stage',
      hubspotscore: 'score',
      hs_analytics_source: 'channel',
      hs_analytics_first_url: 'first_page',
      hs_analytics_first_referrer: 'referrer',
      hs_analytics_first_timestamp: 'first_seen',
      hs_timezone: 'time_zone',
      hs_language: 'language',
      hs_email_optout: 'do_not_email',
    };
    const renamed = () => [header.map((name) => renames[name] ?? name).join(','), ...body].join('\n');

    it('as exported (no id column: HubSpot calls it hs_object_id): refused as a whole, naming id', async () => {
      expect(header).toHaveLength(330);
      const parsed = await load('52-profiles-hubspot-all-properties.csv', 'profiles', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/);
    });

    it("with the admin's renames: documented values read, HubSpot's internal option values read as what they mean or refused, the 313 other columns named", async () => {
      const parsed = await load('52-profiles-hubspot-all-properties.csv', 'profiles', renamed());
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(4);
      expectAccounted(parsed);
      // email, company, industry and country are HubSpot internal names and Leadside columns at once.
      const read = new Set([...Object.keys(renames), 'email', 'company', 'industry', 'country']);
      const others = header.filter((name) => !read.has(name) && name !== 'firstname' && name !== 'lastname');
      expect(others).toHaveLength(313);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(others));
      expect([...others, 'firstname', 'lastname']).toEqual(expect.arrayContaining([...parsed.ignoredColumns]));
      // [id, row, what must be read, HubSpot's internal values the docs do not list: column → [written, meant]]
      for (const [id, row, values, firstSeen, open] of [
        [
          '105123456701', 2,
          { email: 'olivia.bennett@summithealth.example', company: 'Summit Health', title: 'VP Security', industry: 'HOSPITAL_HEALTH_CARE', country: 'United States', language: 'en', score: 82, source: { channel: 'paid_search', firstPage: 'https://www.vendor.example/product/soc-2?utm_source=google&utm_medium=cpc', referrer: 'https://www.google.example/' }, contact: { doNotEmail: false } },
          '2026-09-14T13:22:05.123Z',
          { stage: ['marketingqualifiedlead', 'mql'], time_zone: ['america_slash_new_york', 'America/New_York'] },
        ],
        [
          '105123456702', 3,
          { email: 'ana.souza@nuvem.example', company: 'Nuvem Pagamentos Ltda', title: 'CFO', industry: 'FINANCIAL_SERVICES', country: 'Brazil', score: 64, source: { channel: 'organic_search', firstPage: 'https://www.vendor.example/pt-br/blog/soc-2' }, contact: { doNotEmail: false } },
          '2026-09-20T08:05:00.000Z',
          { stage: ['salesqualifiedlead', 'sql'], time_zone: ['america_slash_sao_paulo', 'America/Sao_Paulo'] },
        ],
        [
          '105123456703', 4,
          { email: 'katrin.vogel@nordlicht.example', company: 'Nordlicht Energie GmbH', title: 'Leiterin IT-Sicherheit', industry: 'UTILITIES', country: 'Germany', language: 'de', score: 41, stage: 'lead', contact: { doNotEmail: true } },
          '2026-10-01T16:40:00.000Z',
          { channel: ['EMAIL_MARKETING', 'email'], time_zone: ['europe_slash_berlin', 'Europe/Berlin'] },
        ],
        [
          '105123456704', 5,
          { email: 'tom.oneil@oneilfreight.example', company: "O'Neil Freight", title: 'COO', country: 'Ireland', language: 'en', score: 95, stage: 'customer', source: { referrer: 'https://www.linkedin.example/' } },
          '2026-03-02T10:00:00.000Z',
          // HubSpot's SOCIAL_MEDIA is the source it labels "Organic Social".
          { channel: ['SOCIAL_MEDIA', 'organic_social'], time_zone: ['europe_slash_dublin', 'Europe/Dublin'] },
        ],
      ] as const) {
        const lead = profile(parsed, id);
        if (!lead) {
          expectRefusedOnly(parsed, row, Object.fromEntries(Object.entries(open).map(([column, [written]]) => [column, written])), id);
          continue;
        }
        expect.soft(lead, id).toMatchObject(values);
        expect.soft(instant(lead.source.firstSeen), `${id} first_seen`).toBe(firstSeen);
        const stored: Record<string, unknown> = { stage: lead.stage, channel: lead.source.channel, time_zone: lead.contact.timeZone };
        for (const [column, [written, meant]] of Object.entries(open)) expect.soft(stored[column], `${id} ${column} ${written}`).toBe(meant);
      }
      // hs_language "pt-br" is a BCP 47 tag (case does not matter in one).
      const ana = profile(parsed, '105123456702');
      if (ana) expect.soft(['pt-br', 'pt-BR'], `language ${ana.language}`).toContain(ana.language);
      for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
    });
  });

  describe('53 Mailchimp audience export ("Email Address", merge fields, MEMBER_RATING, OPTIN_TIME, GMTOFF, TIMEZONE, CC, LEID, EUID, TAGS)', () => {
    const raw = readUtf8('53-profiles-mailchimp-audience.csv');
    const subscribers = [
      ['a1b2c3d4e5', 'grace.okafor@lagosfin.example', 'Grace', 'Okafor', 'Lagos Fintech Ltd', 'Head of Compliance', ['Africa/Lagos']],
      ['b2c3d4e5f6', 'mehmet.yilmaz@bosphorus.example', 'Mehmet', 'Yılmaz', 'Bosphorus Bank A.Ş.', 'CISO', ['Europe/Istanbul']],
      // Mailchimp still writes the older IANA names; both are IANA time zones (the newer name is also fine).
      ['c3d4e5f6a7', 'priya.raman@ledgerly.example', 'Priya', 'Raman', 'Ledgerly', 'CFO', ['Asia/Calcutta', 'Asia/Kolkata']],
      ['d4e5f6a7b8', 'olena.kovalenko@dnipro.example', 'Olena', 'Kovalenko', 'Dnipro Soft LLC', 'Head of IT', ['Europe/Kiev', 'Europe/Kyiv']],
      ['e5f6a7b8c9', 'sam.taylor@harbour.example', 'Sam', 'Taylor', undefined, undefined, [undefined]],
    ] as const;

    it('as exported (no id column): refused as a whole, naming id', async () => {
      const parsed = await load('53-profiles-mailchimp-audience.csv', 'profiles', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\bid\b/);
    });

    for (const [label, text, emailRenamed] of [
      ['with "EUID" renamed to "id"', raw.replace('"EUID"', '"id"'), false],
      ['with "EUID" → "id" and "Email Address" → "Email"', raw.replace('"EUID"', '"id"').replace('"Email Address"', '"Email"'), true],
    ] as const) {
      it(`${label}: every subscriber read with TIMEZONE as time_zone; MEMBER_RATING, OPTIN_TIME, CC and the rest named, never read as score or country`, async () => {
        const parsed = await load('53-profiles-mailchimp-audience.csv', 'profiles', text);
        expect(parsed.fatal).toBeUndefined();
        expect(parsed.total).toBe(5);
        expect(parsed.errors).toEqual([]);
        expect(parsed.ignoredColumns).toEqual(
          expect.arrayContaining(['Phone Number', 'MEMBER_RATING', 'OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP', 'LATITUDE', 'LONGITUDE', 'GMTOFF', 'DSTOFF', 'CC', 'REGION', 'LAST_CHANGED', 'LEID', 'NOTES', 'TAGS']),
        );
        for (const column of ['id', 'Company', 'TIMEZONE', 'Email']) expect(parsed.ignoredColumns).not.toContain(column);
        // Columns the docs do not list: named as ignored, or read as what they plainly are.
        const emailIgnored = parsed.ignoredColumns.includes('Email Address');
        const namesIgnored = parsed.ignoredColumns.includes('First Name') && parsed.ignoredColumns.includes('Last Name');
        const titleIgnored = parsed.ignoredColumns.includes('Job Title');
        for (const [id, email, first, last, company, title, zones] of subscribers) {
          const lead = profile(parsed, id);
          expect.soft(lead, id).toBeDefined();
          if (!lead) continue;
          expect.soft(lead.company, id).toBe(company);
          expect.soft(zones as readonly (string | undefined)[], `${id} time zone ${lead.contact.timeZone}`).toContain(lead.contact.timeZone);
          // MEMBER_RATING (1–5 stars) is not a lead score; CC is not read as country.
          expect.soft(lead.score, `${id} score`).toBeUndefined();
          expect.soft(lead.country, `${id} country`).toBeUndefined();
          if (emailRenamed || !emailIgnored) expect.soft(lead.email, `${id} email`).toBe(email);
          else expect.soft(lead.email, `${id} email`).toBeUndefined();
          if (namesIgnored) expect.soft(lead.name, id).toBeUndefined();
          else expect.soft(lead.name, id).toBe(`${first} ${last}`);
          if (titleIgnored) expect.soft(lead.title, id).toBeUndefined();
          else expect.soft(lead.title, id).toBe(title);
        }
        for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
      });
    }
  });

  describe('54 ActiveCampaign API v3 contacts saved with curl ({ scoreValues: [], contacts: [...], meta }), then reshaped with jq', () => {
    const raw = readUtf8('54-profiles-activecampaign-api.json');
    const contacts = (JSON.parse(raw) as { contacts: Record<string, unknown>[] }).contacts;
    const expectContacts = (parsed: ParsedImport, label: string) => {
      expect.soft(parsed.fatal, label).toBeUndefined();
      expect.soft(parsed.total, label).toBe(3);
      expectAccounted(parsed);
      expect.soft(parsed.errors, label).toEqual([]);
      expect.soft(parsed.records.profiles.map((lead) => lead.id), label).toEqual(['101', '102', '103']);
      expect.soft(parsed.ignoredColumns, label).toEqual(expect.arrayContaining(['phone', 'cdate', 'udate', 'hash', 'links']));
      const namesIgnored = parsed.ignoredColumns.includes('firstName') && parsed.ignoredColumns.includes('lastName');
      for (const [id, email, name] of [
        ['101', 'olivia.bennett@summithealth.example', 'Olivia Bennett'],
        ['102', 'marcus.lee@brightline.example', 'Marcus Lee'],
        // A phone-only contact: "email": "" means no address known.
        ['103', undefined, 'Aisha Khan'],
      ] as const) {
        const lead = profile(parsed, id);
        expect.soft(lead?.email, `${label}: ${id} email`).toBe(email);
        expect.soft(lead?.name, `${label}: ${id} name`).toBe(namesIgnored ? undefined : name);
      }
      const stored = JSON.stringify(parsed.records.profiles);
      expect.soft(stored, label).not.toContain('[object Object]');
      expect.soft(stored, label).not.toContain('bounceLogs');
      for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, `${label}: ${lead.id}`).toBe(true);
    };

    it('as saved (the array under "contacts", an empty "scoreValues" array first): refused as a whole, or the 3 contacts read; never 0 rows without a word, never scoreValues or meta', async () => {
      const parsed = await load('54-profiles-activecampaign-api.json', 'profiles', raw);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        return;
      }
      expectContacts(parsed, 'as saved');
    });

    it('jq \'{data: .contacts}\' (the documented wrapper) and jq \'.contacts\' (a bare array): the 3 contacts read, the API\'s own fields named, no object stored as text', async () => {
      expectContacts(await load('54-profiles-activecampaign-api.json', 'profiles', JSON.stringify({ data: contacts }, null, 2)), '{ data: [...] }');
      expectContacts(await load('54-profiles-activecampaign-api.json', 'profiles', JSON.stringify(contacts, null, 2)), '[...]');
    });

    it("jq -c '.contacts[]' (one object per line): refused as a whole, or every line read (never only the first)", async () => {
      const lines = contacts.map((contact) => JSON.stringify(contact)).join('\n') + '\n';
      const parsed = await load('54-profiles-activecampaign-api.json', 'profiles', lines);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        return;
      }
      expectContacts(parsed, 'jq -c');
    });
  });

  describe('55 German Excel "CSV (MS-DOS)": code page 850 bytes, ";", CRLF (and the same sheet saved as "CSV UTF-8")', () => {
    // Code page 850, for the letters the file holds: no browser decodes it (it is not in the WHATWG Encoding standard).
    const CP850: Record<number, string> = { 0x81: 'ü', 0x82: 'é', 0x84: 'ä', 0x85: 'à', 0x87: 'ç', 0x88: 'ê', 0x8a: 'è', 0x8e: 'Ä', 0x90: 'É', 0x91: 'æ', 0x92: 'Æ', 0x94: 'ö', 0x99: 'Ö', 0x9a: 'Ü', 0x9b: 'ø', 0x9d: 'Ø', 0xe1: 'ß' };
    const decodeCp850 = (buffer: Buffer) =>
      Array.from(buffer, (byte) => {
        if (byte < 0x80) return String.fromCharCode(byte);
        const letter = CP850[byte];
        if (letter === undefined) throw new Error(`byte 0x${byte.toString(16)} not in the test's table`);
        return letter;
      }).join('');
    const leads = [
      ['lead-dos-001', 2, { name: 'Jürgen Müller', company: 'Bergwerk Systeme GmbH', title: 'Leiter IT-Sicherheit', country: 'DE', source: { channel: 'paid_search', campaign: 'Herbst-Aktion Österreich' }, score: 82, stage: 'mql' }, ['name', 'campaign']],
      ['lead-dos-002', 3, { name: 'Françoise Lefèvre', company: 'Beaulieu Assurances SA', title: 'Directrice Conformité', country: 'FR', source: { channel: 'event', campaign: 'Salon Sécurité Lyon' }, score: 64, stage: 'sql' }, ['name', 'title', 'campaign']],
      ['lead-dos-003', 4, { name: 'Søren Kjær', company: 'Fjord Rederi A/S', title: 'IT-chef', country: 'DK', source: { channel: 'referral' }, score: 41, stage: 'lead' }, ['name']],
      ['lead-dos-004', 5, { email: 'tom.baker@baker.example', name: 'Tom Baker', company: 'Baker Tools Ltd', title: 'IT Manager', country: 'GB', source: { channel: 'organic_search', campaign: 'Q4 UK' }, score: 55, stage: 'mql' }, []],
      ['lead-dos-005', 6, { name: 'Heike Strauß', company: 'Strauß & Söhne KG', title: 'Einkäuferin', country: 'DE', source: { channel: 'email', campaign: 'Newsletter November' }, score: 37, stage: 'lead' }, ['name', 'company', 'title']],
    ] as const;

    it('saved as "CSV UTF-8" instead (the control): every lead imported with every letter exact', async () => {
      const text = '\ufeff' + decodeCp850(bytes('55-profiles-excel-csv-ms-dos.csv'));
      const parsed = await load('55-profiles-excel-csv-ms-dos.csv', 'profiles', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.errors).toEqual([]);
      expect(parsed.ignoredColumns).toEqual([]);
      expect(parsed.total).toBe(5);
      for (const [id, , values] of leads) expect.soft(profile(parsed, id), id).toMatchObject(values);
    });

    it('as the browser reads it (UTF-8, so each accented letter is U+FFFD): refused, as a whole or at each row holding one; never stored with U+FFFD', async () => {
      const text = readUtf8('55-profiles-excel-csv-ms-dos.csv');
      expect(text).toContain('J\ufffdrgen');
      const parsed = await load('55-profiles-excel-csv-ms-dos.csv', 'profiles', text);
      // The docs read CSV as UTF-8; a file that is not is not a CSV file by them, and "J�rgen" is no one's name.
      expect.soft(JSON.stringify(parsed.records.profiles), 'a stored value holds U+FFFD').not.toContain('\ufffd');
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        return;
      }
      expect(parsed.total).toBe(5);
      expectAccounted(parsed);
      for (const [id, row, values, broken] of leads) {
        if (broken.length === 0) {
          // The one all-ASCII row is unharmed: imported exactly.
          expect.soft(errorsAt(parsed, row), id).toEqual([]);
          expect.soft(profile(parsed, id), id).toMatchObject(values);
        } else {
          expect.soft(profile(parsed, id), `${id} imported with U+FFFD in ${broken.join(', ')}`).toBeUndefined();
          expect.soft(columnsAt(parsed, row).length, `${id} not refused at row ${row}`).toBeGreaterThan(0);
          expect.soft([...broken], `${id} refused on ${columnsAt(parsed, row).join(', ')}`).toEqual(expect.arrayContaining(columnsAt(parsed, row)));
        }
      }
    });
  });

  describe('56 two Excel "CSV UTF-8" page-view files joined with copy /b (a byte-order mark before the second header)', () => {
    const raw = readUtf8('56-page-views-two-excel-files-joined.csv');
    const views = {
      pricing: ['https://www.vendor.example/pricing', { profileKey: 'id:lead-0001', title: 'Pricing', durationSec: 88, visitId: 'v1' }, '2026-11-16T13:05:20.000Z'],
      demo: ['https://www.vendor.example/demo', { profileKey: 'id:lead-0001', title: 'Book a demo', durationSec: 41, visitId: 'v1' }, '2026-11-16T13:06:52.000Z'],
      okta: ['https://www.vendor.example/integrations/okta', { profileKey: 'email:priya.raman@ledgerly.example', title: 'Okta integration', durationSec: 0, visitId: 'v2' }, '2026-11-17T09:00:00.000Z'],
      blog: ['https://www.vendor.example/blog/soc-2', { profileKey: 'id:lead-0002', title: 'SOC 2 in plain words', durationSec: 120, visitId: 'v3' }, '2026-11-18T10:15:00.000Z'],
      security: ['https://www.vendor.example/security', { profileKey: 'id:lead-0003', title: 'Security & trust', durationSec: 64, visitId: 'v4' }, '2026-11-18T11:00:00.000Z'],
    } as const;
    const expectView = (parsed: ParsedImport, key: keyof typeof views, label: string) => {
      const [url, values, viewedAt] = views[key];
      const view = viewAt(parsed, url);
      expect.soft(view, `${label}: ${url}`).toMatchObject(values);
      expect.soft(instant(view?.viewedAt), `${label}: ${url}`).toBe(viewedAt);
    };
    const expectClean = (parsed: ParsedImport, label: string) => {
      const stored = JSON.stringify(parsed.records.pageViews);
      expect.soft(stored, `${label}: a stored value holds U+FEFF`).not.toContain('\\ufeff');
      expect.soft(stored, `${label}: a stored value holds U+FEFF`).not.toContain('\ufeff');
      expect.soft(stored, `${label}: the second header stored`).not.toContain('profile_id');
      for (const view of parsed.records.pageViews) expect.soft(PageViewSchema.safeParse(view).success, `${label}: ${view.url}`).toBe(true);
    };

    it('as joined: the second header (after its BOM) is skipped as a repeated header, or reported at its row 5; the missing viewed_at refused at row 7; the 5 other views exact', async () => {
      expect(raw.indexOf('\ufeffprofile_id', 1)).toBeGreaterThan(0);
      const parsed = await load('56-page-views-two-excel-files-joined.csv', 'pageViews', raw);
      expect(parsed.fatal).toBeUndefined();
      expectAccounted(parsed);
      expect(parsed.valid).toBe(5);
      expect([6, 7], 'rows counted').toContain(parsed.total);
      for (const error of parsed.errors) expect([5, 7], JSON.stringify(error)).toContain(error.row);
      expect(errorsAt(parsed, 7, 'viewed_at')).toHaveLength(1);
      for (const key of Object.keys(views) as (keyof typeof views)[]) expectView(parsed, key, 'as joined');
      expectClean(parsed, 'as joined');
    });

    it('the first file without its final line break (the second header glued to row 4): row 4 refused or read exactly as its own cells say; nothing of the header stored', async () => {
      const glued = raw.replace('\r\n\ufeffprofile_id', '\ufeffprofile_id');
      expect(glued).not.toBe(raw);
      const parsed = await load('56-page-views-two-excel-files-joined.csv', 'pageViews', glued);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(6);
      expectAccounted(parsed);
      for (const error of parsed.errors) expect([4, 6], JSON.stringify(error)).toContain(error.row);
      expect(errorsAt(parsed, 6, 'viewed_at')).toHaveLength(1);
      if (viewAt(parsed, views.okta[0])) expectView(parsed, 'okta', 'glued row 4');
      else expect(errorsAt(parsed, 4).length, 'row 4 neither imported nor refused').toBeGreaterThan(0);
      for (const key of ['pricing', 'demo', 'blog', 'security'] as const) expectView(parsed, key, 'glued');
      expectClean(parsed, 'glued');
    });
  });

  it('57 Numbers export with text pasted from Pages (U+2028 and U+2029 inside unquoted cells): one row each, the text whole, the bad stages at rows 4 and 6', async () => {
    const text = readUtf8('57-profiles-numbers-line-separators.csv');
    expect(text).toContain('\u2028');
    const parsed = await load('57-profiles-numbers-line-separators.csv', 'profiles', text);
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(5);
    expectAccounted(parsed);
    // U+2028 / U+2029 end no row (only CR and LF do, outside quotes): the rows are where a spreadsheet shows them.
    for (const error of parsed.errors) expect([4, 6], JSON.stringify(error)).toContain(error.row);
    expect(errorsAt(parsed, 4, 'stage')).toEqual([expect.objectContaining({ message: expect.stringContaining('Warm') })]);
    expect(errorsAt(parsed, 6, 'stage')).toEqual([expect.objectContaining({ message: expect.stringContaining('Hot') })]);
    /** Kept whole: the separator as written, or turned into a line break or a space; never cut there. */
    const asWritten = (written: string) => [written, written.replace(/[\u2028\u2029]/g, '\n'), written.replace(/[\u2028\u2029]/g, ' ')];
    for (const [id, row, values, cells] of [
      ['lead-ls-001', 2, { name: 'Hanna Berg', company: 'Fjordsoft AS', title: 'CISO', stage: 'mql' }, { problem: 'Our auditors asked for evidence of quarterly access reviews.\u2028We do them in spreadsheets today.', date: '2026-11-16T00:00:00.000Z' }],
      ['lead-ls-002', 3, { name: 'Li Wei', title: 'Head of IT Risk', stage: 'sql' }, { company: 'Harbour Bank\u2029Asia Pacific', problem: 'Need SOC 2 Type II by March.\u2028Budget approved.\u2028Timeline tight.', date: '2026-11-17T00:00:00.000Z' }],
      ['lead-ls-004', 5, { name: 'Sofia Lind', title: 'CISO', stage: 'customer' }, { company: 'Uppsala Medtech AB\u2028', problem: 'Evidence collection takes our team two weeks per audit.', date: '2026-11-19T00:00:00.000Z' }],
    ] as const) {
      expect.soft(errorsAt(parsed, row), id).toEqual([]);
      const lead = profile(parsed, id);
      expect.soft(lead, id).toMatchObject(values);
      expect.soft(asWritten(cells.problem), `${id} problem_text ${JSON.stringify(lead?.problems[0]?.text)}`).toContain(lead?.problems[0]?.text);
      expect.soft(instant(lead?.problems[0]?.submittedAt), id).toBe(cells.date);
      if ('company' in cells) {
        const company = cells.company as string;
        // A separator at the very end may also be trimmed away like other trailing white space.
        expect.soft([...asWritten(company), company.trim()], `${id} company ${JSON.stringify(lead?.company)}`).toContain(lead?.company);
      }
    }
    expect(profile(parsed, 'lead-ls-003')).toBeUndefined();
    expect(profile(parsed, 'lead-ls-005')).toBeUndefined();
    for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
  });

  describe('58 content catalog from Google Sheets "Download → Tab-separated values" (nothing quoted, commas and ";" in cells, a comma in one header cell)', () => {
    const text = readUtf8('58-content-google-sheets.tsv');
    const expectCatalog = (parsed: ParsedImport, label: string) => {
      expect(parsed.fatal, label).toBeUndefined();
      expect.soft(parsed.errors, label).toEqual([]);
      expect.soft(parsed.total, label).toBe(4);
      // The separator is read from the header: ten tabs and one comma inside a cell's name.
      expect.soft(parsed.ignoredColumns, label).toEqual(['Reviewed by (name, team)']);
      for (const [id, values, updatedAt] of [
        ['cs-ledgerly', { title: 'Case study: Ledgerly, SOC 2 in 11 weeks', type: 'case_study', url: 'https://www.vendor.example/resources/ledgerly', summary: 'How a 90-person fintech passed, first time.', topics: ['SOC 2 audit', 'evidence collection'], stages: ['mql', 'sql'], buyerStages: ['consideration', 'decision'], language: 'en' }, '2026-08-20T00:00:00.000Z'],
        ['bc-rival', { title: 'Battlecard: Vendor vs. Rival', type: 'battlecard', summary: "Where we win, where we don't.", topics: ['switching tools'], stages: ['sql', 'opportunity'], buyerStages: ['decision'] }, '2026-09-01T10:30:00.000Z'],
        ['wp-zero-trust', { title: 'Zero trust, explained', type: 'whitepaper', summary: 'A 12-page primer; no jargon, no vendor pitch.', topics: ['zero trust', 'VPN replacement'], stages: [], buyerStages: ['awareness'] }, '2026-10-15T00:00:00.000Z'],
        ['ck-audit-de', { title: 'Audit-Checkliste', type: 'checklist', url: 'https://www.vendor.example/de/ressourcen/audit-checkliste', summary: '30 Punkte, eine Seite.', topics: ['Audit-Vorbereitung'], stages: ['customer'], buyerStages: ['expansion'], language: 'de' }, '2026-11-02T00:00:00.000Z'],
      ] as const) {
        const entry = item(parsed, id);
        expect.soft(entry, `${label}: ${id}`).toMatchObject(values);
        expect.soft(instant(entry?.updatedAt), `${label}: ${id}`).toBe(updatedAt);
      }
      for (const entry of parsed.records.content) expect.soft(ContentItemSchema.safeParse(entry).success, `${label}: ${entry.id}`).toBe(true);
    };

    it('as downloaded (a .tsv file): refused as a whole as no CSV or JSON file, or read exactly', async () => {
      expect(text.split('\r\n')[0]!.split('\t')).toHaveLength(11);
      const parsed = await load('58-content-google-sheets.tsv', 'content', text);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        return;
      }
      expectCatalog(parsed, '.tsv');
    });

    it('renamed to .csv (the docs: "comma, semicolon or tab"): every item read exactly, the tab found though the header holds a comma', async () => {
      expectCatalog(await load('58-content-google-sheets.csv', 'content', text), '.csv');
    });
  });

  it('59 cells starting with = + - @ or \' (=Equals Ltd, -, +1 Conference, \'s-Hertogenbosch, \'=Q4 Push, =SUMME(…)) kept as text; ="…" read as its text in typed columns; -15 a number', async () => {
    const parsed = await load('59-profiles-leading-signs-and-apostrophes.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(5);
    expectAccounted(parsed);
    for (const error of parsed.errors) expect([3, 6], JSON.stringify(error)).toContain(error.row);
    // Text that starts like a formula is kept as the text it is (the docs), in every text column.
    expect(errorsAt(parsed, 2)).toEqual([]);
    const ana = profile(parsed, 'lead-fm-001');
    expect(ana).toMatchObject({ name: 'Ana Lima', company: '=Equals Example Ltd', title: '-', source: { campaign: '+1 Conference 2026', firstPage: 'https://www.vendor.example/events' }, score: -15, stage: 'lead' });
    expect(instant(ana?.source.firstSeen)).toBe('2026-09-14T00:00:00.000Z');
    // A leading apostrophe is part of Dutch names, and a tool's defused formula is text as written.
    const joost = profile(parsed, 'lead-fm-002');
    if (joost) {
      expect.soft(joost).toMatchObject({ name: "Joost van 't Hooft", company: "'s-Hertogenbosch Data BV", title: 'Hoofd IT', source: { campaign: "'=Q4 Push" }, score: 15, stage: 'mql' });
    } else {
      expectRefusedOnly(parsed, 3, { score: '+15' }, 'lead-fm-002');
    }
    // ="…" is the text inside (the docs), so the date, link and number in it are read.
    expect(errorsAt(parsed, 4)).toEqual([]);
    const mia = profile(parsed, 'lead-fm-003');
    expect(mia).toMatchObject({ company: '@Work Example AG', title: 'IT Manager', source: { campaign: 'Q4 DACH', firstPage: 'https://www.vendor.example/pricing' }, score: 82, stage: 'sql' });
    expect(instant(mia?.source.firstSeen)).toBe('2026-09-14T00:00:00.000Z');
    expect(errorsAt(parsed, 5)).toEqual([]);
    expect(profile(parsed, 'lead-fm-004')).toMatchObject({ company: '-minus- Example GmbH', source: { campaign: '=SUMME(B2:B9)' }, score: 0, stage: 'lead' });
    // "-" as a CRM's "nothing here": text where text is expected; in score, not known or refused, never 0.
    const kai = profile(parsed, 'lead-fm-005');
    if (kai) {
      expect.soft(kai).toMatchObject({ name: '-', company: '-', title: '-', source: { campaign: '@spring_event' }, stage: 'subscriber' });
      expect.soft(kai.score, 'score "-"').toBeUndefined();
    } else {
      expectRefusedOnly(parsed, 6, { score: '-' }, 'lead-fm-005');
    }
    expect(JSON.stringify(parsed.records.profiles)).not.toContain('=\\"');
    for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
  });

  describe('60 e-mail addresses as mail clients paste them ("Vogel, Katrin" <…>, Name (…), <…>, a trailing dot, two addresses, "..", a trailing ";", a zero-width space)', () => {
    it('profiles: each the bare address it holds, or refused at its row, column email; ".." always refused; no stored address a lead could not be found by', async () => {
      const parsed = await load('60-profiles-email-as-pasted.csv', 'profiles');
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.ignoredColumns).toEqual([]);
      expect(parsed.total).toBe(9);
      expectAccounted(parsed);
      expect(errorsAt(parsed, 2)).toEqual([]);
      expect(profile(parsed, 'lead-mail-001')).toMatchObject({ email: 'grace.okafor@lagosfin.example', name: 'Grace Okafor' });
      for (const [id, row, quoted, meant] of [
        ['lead-mail-002', 3, '"Vogel, Katrin" <katrin.vogel@nordlicht.example>', ['katrin.vogel@nordlicht.example']],
        ['lead-mail-003', 4, 'Tobias Keller (tobias.keller@alpenblick.example)', ['tobias.keller@alpenblick.example']],
        ['lead-mail-004', 5, '<lukas.brandt@hafen.example>', ['lukas.brandt@hafen.example']],
        ['lead-mail-005', 6, 'ana.lima@nuvem.example.', ['ana.lima@nuvem.example']],
        // One cell, two addresses: either one is an address the lead is known by.
        ['lead-mail-006', 7, 'sofia.lind@uppsala.example; s.lind@uppsala.example', ['sofia.lind@uppsala.example', 's.lind@uppsala.example']],
        // An address with ".." in its domain is no address: nothing to take from it.
        ['lead-mail-007', 8, 'kwame.mensah@accra..example', []],
        ['lead-mail-008', 9, 'mehmet.yilmaz@bosphorus.example;', ['mehmet.yilmaz@bosphorus.example']],
        ['lead-mail-009', 10, 'priya.raman@ledgerly.example\u200b', ['priya.raman@ledgerly.example']],
      ] as const) {
        const lead = profile(parsed, id);
        if (lead) {
          expect.soft(meant as readonly string[], `${id} stored as ${JSON.stringify(lead.email)}`).toContain(lead.email?.toLowerCase());
        } else {
          expect.soft(columnsAt(parsed, row), `${id} refused on`).toEqual(['email']);
          for (const error of errorsAt(parsed, row, 'email')) expect.soft(quotes(error.message, quoted), `${id}: ${error.message}`).toBe(true);
        }
      }
      for (const lead of parsed.records.profiles) {
        expect.soft(lead.email, lead.id).toMatch(/^[^\s<>()";,\u200b]+@[^\s<>()";,\u200b]+[^.\s]$/);
        expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
      }
    });

    it('page views keyed by such an address (the same sheet\'s visits): the key is the bare address, or the row refused at email; never a key no lead matches', async () => {
      const text = [
        'email,url,viewed_at',
        '"""Vogel, Katrin"" <katrin.vogel@nordlicht.example>",https://www.vendor.example/pricing,2026-11-16T13:05:20Z',
        'ana.lima@nuvem.example.,https://www.vendor.example/demo,2026-11-16T13:06:52Z',
        '<lukas.brandt@hafen.example>,https://www.vendor.example/security,2026-11-16T13:07:00Z',
        'Grace.Okafor@Lagosfin.example,https://www.vendor.example/blog/soc-2,2026-11-16T13:08:00Z',
      ].join('\n');
      const parsed = await load('60-page-views-email-as-pasted.csv', 'pageViews', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(4);
      expectAccounted(parsed);
      expect(viewAt(parsed, 'https://www.vendor.example/blog/soc-2')?.profileKey).toBe('email:grace.okafor@lagosfin.example');
      for (const [row, url, address] of [
        [2, 'https://www.vendor.example/pricing', 'katrin.vogel@nordlicht.example'],
        [3, 'https://www.vendor.example/demo', 'ana.lima@nuvem.example'],
        [4, 'https://www.vendor.example/security', 'lukas.brandt@hafen.example'],
      ] as const) {
        const view = viewAt(parsed, url);
        if (view) expect.soft(view.profileKey, url).toBe(`email:${address}`);
        else expect.soft(columnsAt(parsed, row), url).toEqual(['email']);
      }
    });
  });

  it('61 page-view URLs as a sheet holds them (no scheme, "//", "/pricing", spaces, upper case, ü and an IDN host, "https:/"): refused or read as the address meant, never stored as a non-http(s) link', async () => {
    const parsed = await load('61-page-views-urls-as-typed.csv', 'pageViews');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(10);
    expectAccounted(parsed);
    expect(errorsAt(parsed, 2)).toEqual([]);
    expect(viewAt(parsed, 'https://www.vendor.example/pricing')).toMatchObject({ profileKey: 'id:lead-0001', title: 'Pricing', durationSec: 88, visitId: 'v1' });
    // Not an http:// or https:// address: refused (the docs), quoting it.
    for (const [row, written, at] of [
      [3, 'www.vendor.example/demo', '2026-11-16T13:06:52.000Z'],
      [4, '//www.vendor.example/integrations/okta', '2026-11-16T13:08:00.000Z'],
      [11, '/pricing', '2026-11-18T10:06:00.000Z'],
    ] as const) {
      expect.soft(viewAtTime(parsed, at), `${written} stored`).toBeUndefined();
      expectOneQuoting(errorsAt(parsed, row, 'url'), written, `row ${row} url`);
    }
    /** Stored as the address written (as written, or the form a URL parser gives), an http(s):// link without spaces around it. */
    const expectAddress = (view: View, written: string, label: string) => {
      expect.soft(view.url, label).toMatch(/^https?:\/\/\S/i);
      expect.soft(view.url, label).toBe(view.url.trim());
      expect.soft(new URL(view.url).href, label).toBe(new URL(written.trim()).href);
    };
    // https:// addresses with letters beyond ASCII in the path or the host: imported.
    for (const [row, written, at] of [
      [8, 'https://www.vendor.example/über-uns', '2026-11-18T10:00:00.000Z'],
      [9, 'https://münchen-software.example/preise', '2026-11-18T10:02:00.000Z'],
    ] as const) {
      expect.soft(errorsAt(parsed, row), written).toEqual([]);
      const view = viewAtTime(parsed, at);
      expect.soft(view, `${written} not stored`).toBeDefined();
      if (view) expectAddress(view, written, written);
    }
    // The docs leave these open: the address meant, or refused at url quoting it.
    for (const [row, written, at] of [
      [5, 'https://www.vendor.example/resources/SOC 2 checklist.pdf', '2026-11-17T09:00:00.000Z'],
      [6, ' https://www.vendor.example/blog/zero-trust ', '2026-11-17T09:05:00.000Z'],
      [7, 'HTTPS://WWW.VENDOR.EXAMPLE/Pricing', '2026-11-17T09:10:00.000Z'],
      [10, 'https:/www.vendor.example/security', '2026-11-18T10:04:00.000Z'],
    ] as const) {
      const view = viewAtTime(parsed, at);
      if (view) expectAddress(view, written, `row ${row} ${written}`);
      else expectRefusedOnly(parsed, row, { url: written.trim() }, `row ${row}`);
    }
    for (const view of parsed.records.pageViews) expect.soft(PageViewSchema.safeParse(view).success, view.url).toBe(true);
  });

  describe('62 Webflow CMS collection "Export" (every value quoted, the title in "Name", Slug/Item ID, dates as "Thu Aug 20 2026 14:15:00 GMT+0000 (…)", a Link field with relative links)', () => {
    const raw = readUtf8('62-content-webflow-cms.csv');

    it('as exported (the title is in Webflow\'s "Name"), chosen as content: refused as a whole naming the missing title; not sent to the profiles kind (6 of its columns are content columns, 3 are profile columns)', async () => {
      const parsed = await load('62-content-webflow-cms.csv', 'content', raw);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/\btitle\b/i);
      // id, Type, URL, Summary, Topics, Language are content columns; only id, Name, Language are profile columns.
      expect(parsed.fatal, 'the message sends the admin to the profiles kind').not.toMatch(/profiles/i);
    });

    // Not met yet, kept as the case to meet: the importer names another kind only when the file has all
    // of that kind's required columns, and this export lacks the catalog's title (it is in "Name").
    it.fails('as exported, chosen as profiles: refused as a whole as a content catalog (the docs: "more of another kind\'s" columns), never 5 leads named after content titles', async () => {
      const parsed = await load('62-content-webflow-cms.csv', 'profiles', raw);
      expect(parsed.records.profiles.map((lead) => `${lead.id}: ${lead.name}`), 'content items imported as leads').toEqual([]);
      expectNothingImported(parsed);
      expect(parsed.fatal).toMatch(/content/i);
    });

    it('with "Name" → "Title" and "Updated On" → "Updated At": relative links refused at url (never stored, never put on a guessed host); Webflow\'s dates read right or refused', async () => {
      const text = raw.replace('"Name"', '"Title"').replace('"Updated On"', '"Updated At"');
      const parsed = await load('62-content-webflow-cms.csv', 'content', text);
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.total).toBe(5);
      expectAccounted(parsed);
      expect(parsed.ignoredColumns).toEqual(expect.arrayContaining(['Slug', 'Collection ID', 'Locale ID', 'Item ID', 'Archived', 'Draft', 'Created On', 'Published On']));
      for (const column of ['Title', 'Updated At', 'id', 'Type', 'URL', 'Summary', 'Topics', 'Language']) expect(parsed.ignoredColumns).not.toContain(column);
      const dates: Record<string, [string, string]> = {
        'guide-soc2': ['Thu Aug 20 2026 14:15:00 GMT+0000 (Coordinated Universal Time)', '2026-08-20T14:15:00.000Z'],
        'ck-audit-de': ['Mon Nov 02 2026 08:30:00 GMT+0000 (Coordinated Universal Time)', '2026-11-02T08:30:00.000Z'],
      };
      for (const [id, row, values] of [
        ['guide-soc2', 2, { title: 'SOC 2 readiness guide', type: 'guide', url: 'https://www.vendor.example/resources/soc-2-readiness-guide', summary: "From scoping to the auditor's last question.", topics: ['SOC 2 audit', 'evidence collection'], language: 'en' }],
        ['ck-audit-de', 6, { title: 'Audit-Checkliste', type: 'checklist', url: 'https://www.vendor.example/de/ressourcen/audit-checkliste', topics: ['Audit-Vorbereitung'], language: 'de' }],
      ] as const) {
        const entry = item(parsed, id);
        const [written, meant] = dates[id]!;
        if (entry) {
          expect.soft(entry, id).toMatchObject(values);
          expect.soft(instant(entry.updatedAt), `${id} updated_at ${written}`).toBe(meant);
        } else {
          expectRefusedOnly(parsed, row, { updated_at: written }, id);
        }
      }
      for (const [id, row, written] of [
        ['ebook-zero-trust', 3, '/resources/zero-trust-ebook'],
        ['bc-rival', 4, 'resources/battlecard-rival'],
        ['cs-ledgerly', 5, '//cdn.vendor.example/files/ledgerly-case-study.pdf'],
      ] as const) {
        expect.soft(item(parsed, id), `${id} stored with ${written}`).toBeUndefined();
        expectOneQuoting(errorsAt(parsed, row, 'url'), written, id);
        expect.soft(['updated_at', 'url'], `${id} refused on ${columnsAt(parsed, row).join(', ')}`).toEqual(expect.arrayContaining(columnsAt(parsed, row)));
      }
      for (const entry of parsed.records.content) {
        expect.soft(entry.url, entry.id).toMatch(/^https:\/\/www\.vendor\.example\//);
        expect.soft(ContentItemSchema.safeParse(entry).success, entry.id).toBe(true);
      }
    });
  });

  it('63 time zones as people type or paste them ("GMT+1", "CET", "Europe/Berlin ", "(UTC+01:00) Amsterdam, Berlin, …", "europe/berlin", "MEZ", US/Eastern, Etc/GMT-1): IANA names read; the rest the zone meant or refused', async () => {
    const parsed = await load('63-profiles-time-zones-as-typed.csv', 'profiles');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.total).toBe(12);
    expectAccounted(parsed);
    expect(errorsAt(parsed, 2)).toEqual([]);
    expect(profile(parsed, 'lead-tz-101')?.contact).toMatchObject({ timeZone: 'Europe/Berlin', bestTime: { start: '09:00', end: '11:00' } });
    const berlin = offsets('Europe/Berlin');
    // IANA time zone names (links included): imported, as written or as the zone they name.
    for (const [id, row, written] of [
      ['lead-tz-103', 4, 'CET'],
      ['lead-tz-108', 9, 'US/Eastern'],
      ['lead-tz-109', 10, 'Etc/GMT-1'],
      ['lead-tz-110', 11, 'UTC'],
      ['lead-tz-112', 13, 'Europe/Kyiv'],
    ] as const) {
      expect.soft(errorsAt(parsed, row), `${written} (an IANA name)`).toEqual([]);
      const zone = profile(parsed, id)?.contact.timeZone;
      expect.soft(zone, `${written} not stored`).toBeDefined();
      if (zone) expect.soft(offsets(zone), `${written} stored as ${zone}`).toEqual(offsets(written));
    }
    // Not IANA names: the zone they mean (same offsets in January and July), or refused at time_zone quoting them.
    for (const [id, row, written, winter, summer] of [
      // "GMT+1" as people write it is one hour ahead of UTC (IANA's Etc/GMT+1 is one hour behind).
      ['lead-tz-102', 3, 'GMT+1', 'GMT+01:00', undefined],
      ['lead-tz-104', 5, 'Europe/Berlin ', berlin[0], berlin[1]],
      ['lead-tz-105', 6, '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', berlin[0], berlin[1]],
      ['lead-tz-106', 7, 'europe/berlin', berlin[0], berlin[1]],
      ['lead-tz-107', 8, 'MEZ', berlin[0], berlin[1]],
      ['lead-tz-111', 12, '(UTC-05:00) Eastern Time (US & Canada)', 'GMT-05:00', 'GMT-04:00'],
    ] as const) {
      const lead = profile(parsed, id);
      if (lead) {
        const zone = lead.contact.timeZone;
        expect.soft(zone, `${written}: imported without a zone`).toBeDefined();
        if (!zone) continue;
        expect.soft(knownZone(zone), `${written} stored as ${zone}`).toBe(true);
        const [january, july] = offsets(zone);
        expect.soft(january, `${written} stored as ${zone}`).toBe(winter);
        if (summer) expect.soft(july, `${written} stored as ${zone}`).toBe(summer);
      } else {
        expectRefusedOnly(parsed, row, { time_zone: written.trim() }, id);
      }
    }
    for (const lead of parsed.records.profiles) expect.soft(LeadProfileSchema.safeParse(lead).success, lead.id).toBe(true);
  });

  describe('64 a Leadside-shaped sheet opened in US Excel and saved again as "CSV UTF-8" (12-digit HubSpot ids as 1.05123E+11, dates as 9/14/2026 13:22, TRUE/FALSE)', () => {
    it('must: Excel\'s US dates refused at row 2 quoting them; TRUE/FALSE read; the untouched row imported exactly', async () => {
      const parsed = await load('64-profiles-excel-resaved-hubspot-ids.csv', 'profiles');
      expect(parsed.fatal).toBeUndefined();
      expect(parsed.ignoredColumns).toEqual([]);
      expect(parsed.total).toBe(3);
      expectAccounted(parsed);
      // The docs: dates whose meaning depends on a locale are refused.
      expect(profile(parsed, 'lead-xl-001')).toBeUndefined();
      expect(columnsAt(parsed, 2)).toEqual(expect.arrayContaining(['first_seen', 'qualified_at']));
      expect(['first_seen', 'hubspot_id', 'qualified_at']).toEqual(expect.arrayContaining(columnsAt(parsed, 2)));
      expect(errorsAt(parsed, 2, 'first_seen')[0]?.message).toContain('9/14/2026 13:22');
      expect(errorsAt(parsed, 2, 'qualified_at')[0]?.message).toContain('11/16/2026');
      const marcus = profile(parsed, 'lead-xl-002');
      if (marcus) {
        expect.soft(marcus).toMatchObject({ email: 'marcus.lee@brightline.example', company: 'Brightline Payments, Inc.', contact: { doNotEmail: true }, score: 64, stage: 'sql' });
        expect.soft(instant(marcus.source.firstSeen)).toBe('2026-09-20T08:05:00.000Z');
      } else {
        expectRefusedOnly(parsed, 3, { hubspot_id: '1.05123E+11' }, 'lead-xl-002');
      }
      expect(errorsAt(parsed, 4)).toEqual([]);
      const aisha = profile(parsed, 'lead-xl-003');
      expect(aisha).toMatchObject({ crmIds: { hubspot: '51001' }, contact: { doNotEmail: false }, score: 41, stage: 'lead' });
      expect(instant(aisha?.qualifiedAt)).toBe('2026-11-16T13:10:00.000Z');
    });

    it('reasonable: "1.05123E+11" (a number Excel rounded to 6 digits) is refused at hubspot_id, not stored as a HubSpot record id', async () => {
      // The docs store CRM ids "as the CRM shows them" and find a lead "by its CRM id column for that CRM first":
      // HubSpot shows no record as 1.05123E+11, and rows 2 and 3 would both claim whichever record it matched.
      const parsed = await load('64-profiles-excel-resaved-hubspot-ids.csv', 'profiles');
      expect(parsed.fatal).toBeUndefined();
      for (const lead of parsed.records.profiles) expect.soft(lead.crmIds.hubspot, lead.id).not.toMatch(/E\+/i);
      expectOneQuoting(errorsAt(parsed, 3, 'hubspot_id'), '1.05123E+11', 'row 3 hubspot_id');
    });
  });

  describe('65 Contentful Content Delivery API entries ({ sys, total, skip, limit, items: [{ metadata, sys, fields }] }, rich text, Link objects, dates with offsets)', () => {
    const raw = readUtf8('65-content-contentful-delivery-api.json');
    type Entry = { sys: { id: string; updatedAt: string; locale: string }; fields: Record<string, unknown> };
    const entries = (JSON.parse(raw) as { items: Entry[] }).items;

    it('as saved (each item\'s id and fields nested in sys and fields): nothing imported, refused as a whole naming a missing column, or every item refused; no item made of the envelope', async () => {
      const parsed = await load('65-content-contentful-delivery-api.json', 'content', raw);
      expect(parsed.valid).toBe(0);
      expect(parsed.records.content).toEqual([]);
      if (parsed.fatal !== undefined) {
        expectNothingImported(parsed);
        expect(parsed.fatal).toMatch(/\b(id|title|type|url)\b/);
      } else {
        expect(parsed.total).toBe(3);
        expectAccounted(parsed);
        expect(parsed.rejected).toBe(3);
      }
    });

    it("flattened with jq '{items: [.items[] | {id: .sys.id, updated_at: .sys.updatedAt, language: .sys.locale} + .fields]}': every key a Leadside column; arrays read; rich text and Link objects read as what they hold or refused, never stored as objects", async () => {
      const flat = { items: entries.map((entry) => ({ id: entry.sys.id, updated_at: entry.sys.updatedAt, language: entry.sys.locale, ...entry.fields })) };
      const parsed = await load('65-content-contentful-delivery-api.json', 'content', JSON.stringify(flat, null, 2));
      expect(parsed.fatal).toBeUndefined();
      // id, updated_at, language, title, type, url, summary, topics, stages, buyerStages, reviewBy, translationOf, expiresAt, audience.
      expect(parsed.ignoredColumns).toEqual([]);
      expect(parsed.total).toBe(3);
      expectAccounted(parsed);
      // A rich-text document where summary text is expected, and a date-time at midnight +02:00 where a day is expected.
      const guide = item(parsed, 'guide-soc2-en');
      if (guide) {
        expect.soft(guide).toMatchObject({ title: 'SOC 2 readiness guide', type: 'guide', url: 'https://www.vendor.example/resources/soc-2-guide', topics: ['SOC 2 audit', 'evidence collection'], stages: ['mql', 'sql'], buyerStages: ['consideration'], language: 'en-US' });
        expect.soft(instant(guide.updatedAt)).toBe('2026-08-20T14:15:00.123Z');
        expect.soft(guide.summary, 'the rich text read as its text').toBe("From scoping to the auditor's last question.");
        // 2027-06-30T00:00+02:00 is the 30th where it was written (and 22:00 on the 29th in UTC).
        expect.soft(guide.reviewBy, 'review_by 2027-06-30T00:00+02:00').toBe('2027-06-30');
      } else {
        expect.soft(columnsAt(parsed, 1).length, 'item 1 neither imported nor refused').toBeGreaterThan(0);
        expect.soft(['review_by', 'summary'], `item 1 refused on ${columnsAt(parsed, 1).join(', ')}`).toEqual(expect.arrayContaining(columnsAt(parsed, 1)));
        for (const error of errorsAt(parsed, 1, 'review_by')) expect.soft(quotes(error.message, '2027-06-30T00:00+02:00'), error.message).toBe(true);
      }
      // A Link object where the twin's id is expected.
      const german = item(parsed, 'guide-soc2-de');
      if (german) {
        expect.soft(german).toMatchObject({ title: 'SOC-2-Leitfaden', type: 'guide', language: 'de', translationOf: 'guide-soc2-en', reviewBy: '2027-06-30', stages: ['mql'], topics: ['SOC-2-Audit'] });
        expect.soft(instant(german.updatedAt)).toBe('2026-09-02T09:00:00.000Z');
      } else {
        expect.soft(columnsAt(parsed, 2), 'item 2 refused on').toEqual(['translation_of']);
      }
      // Plain values only: imported exactly.
      expect(errorsAt(parsed, 3)).toEqual([]);
      const prices = item(parsed, 'ds-pricing-2026');
      expect(prices).toMatchObject({ title: 'Price sheet 2026', type: 'datasheet', url: 'https://www.vendor.example/resources/price-sheet-2026', stages: ['sql', 'opportunity'], audience: 'prospect', expiresAt: '2026-12-31', language: 'en-US' });
      expect(instant(prices?.updatedAt)).toBe('2026-09-01T10:30:00.000Z');
      const stored = JSON.stringify(parsed.records.content);
      for (const fragment of ['[object Object]', 'nodeType', '"sys"', 'linkType']) expect.soft(stored, `a stored value holds ${fragment}`).not.toContain(fragment);
      for (const entry of parsed.records.content) expect.soft(ContentItemSchema.safeParse(entry).success, entry.id).toBe(true);
    });
  });
});
