// zod's core schemas (zod-lean), not zod: the content script must stay small on the CRM page.
// Relative, not `@/`: wxt.config.ts loads the detectors (through registry.ts) without that alias.
import * as z from '../schema/zod-lean';
import type { NonPersonKind } from '../schema/record';
import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { cleanText, deepQueryAll, firstShownEmail, isShown } from './dom';
import { getSameOrigin, optionalText } from './same-origin';

/**
 * Dynamics 365 / Dataverse online: `<org>.crm.dynamics.com` (North America) and one `crmN` host per
 * region (crm2 South America … crm4 EMEA … crm9 US Government … crm11 UK … crm21), listed one by one
 * rather than `*.dynamics.com`, which would also take in Finance & Operations, Business Central and
 * others; and the sovereign clouds, which have domains of their own: US Government GCC High
 * (`crm.microsoftdynamics.us`), US Department of Defense (`crm.appsplatform.us`) and China
 * (`crm.dynamics.cn`, operated by 21Vianet).
 */
const REGIONS = ['', ...Array.from({ length: 20 }, (_, index) => String(index + 2))];
const SOVEREIGN_CLOUDS = ['crm.microsoftdynamics.us', 'crm.appsplatform.us', 'crm.dynamics.cn'];
const HOST = /^[a-z0-9-]+\.(?:crm(?:[2-9]|1[0-9]|2[01])?\.dynamics\.com|crm\.microsoftdynamics\.us|crm\.appsplatform\.us|crm\.dynamics\.cn)$/;

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
/**
 * The tables whose records are matched, by the type code legacy links name them with instead of
 * their name (these codes are fixed); the one list of them, so no other table's form matches.
 */
const TYPE_CODES: Record<string, string> = { '1': 'account', '2': 'contact', '3': 'opportunity', '4': 'lead' };
/** Those whose records are not a person (RecordMatch.nonPerson): reported as what they are, nobody read. */
const NON_PERSON: Record<string, NonPersonKind> = { account: 'organisation', opportunity: 'deal' };

/**
 * Web API entity set and query per table: the person's name, e-mail and company in one GET. None for
 * an account or an opportunity (not a person), so fetchIdentity asks nothing for them.
 */
const WEB_API_QUERIES: Record<string, string> = {
  lead: 'leads($id)?$select=fullname,emailaddress1,companyname',
  // A contact's company is its parent customer when that is an account (it may be a contact).
  contact: 'contacts($id)?$select=fullname,emailaddress1&$expand=parentcustomerid_account($select=name)',
};

/** The fields Leadside asks for; Dataverse adds `@odata.*` annotations and the key, ignored here. */
const DataverseRecordSchema = z.object({
  fullname: optionalText,
  emailaddress1: optionalText,
  companyname: optionalText,
  parentcustomerid_account: z.optional(z.object({ name: optionalText })),
});

export const dynamics: CrmDetector = {
  crm: 'dynamics',
  matches: [...REGIONS.map((region) => `https://*.crm${region}.dynamics.com/*`), ...SOVEREIGN_CLOUDS.map((domain) => `https://*.${domain}/*`)],

  matchUrl(url: URL): RecordMatch | null {
    return HOST.test(url.hostname) ? matchDynamicsRecord(url) : null;
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    if (match.nonPerson) return { notAPerson: true };
    // The Unified Interface keeps the previous form in the DOM while the next one renders (and
    // multi-session apps keep one per session), so only shown controls count.
    return {
      name: headerTitle(doc),
      email: firstShownEmail(
        doc,
        ['input[data-id="emailaddress1.fieldControl-mail-text-input"]', '[data-id="emailaddress1.fieldControl-mail-text-input"]'],
        // A quick view of the parent account lays out the account's emailaddress1 control the same way.
        '[data-id*="quickview" i], [data-control-name*="QuickView" i]',
      ),
      company:
        match.objectType === 'lead'
          ? shownValue(doc, '[data-id="companyname.fieldControl-text-box-text"]')
          : shownValue(doc, '[data-id="parentcustomerid.fieldControl-LookupResultsDropdown_parentcustomerid_selected_tag_text"]'),
    };
  },

  /**
   * Dataverse's Web API answers the app's own origin with the rep's session cookies, exactly as
   * the Unified Interface itself calls it, so a form that hides the e-mail field still yields one.
   */
  async fetchIdentity(match: RecordMatch, signal: AbortSignal): Promise<PageIdentity> {
    const query = WEB_API_QUERIES[match.objectType];
    if (!query || !/^[0-9a-f-]{36}$/.test(match.recordId)) return {};
    const body = await getSameOrigin(`/api/data/v9.2/${query.replace('$id', match.recordId)}`, signal, {
      'OData-MaxVersion': '4.0',
      'OData-Version': '4.0',
    });
    const parsed = z.safeParse(DataverseRecordSchema, body);
    if (!parsed.success) return {};
    const record = parsed.data;
    return {
      name: cleanText(record.fullname),
      email: cleanText(record.emailaddress1)?.toLowerCase(),
      company: cleanText(record.companyname ?? record.parentcustomerid_account?.name),
    };
  },
};

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const dynamicsTestUrls: DetectorTestUrls = {
  match: [
    ['https://contoso.crm.dynamics.com/main.aspx?appid=5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44&pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c', { objectType: 'lead', recordId: '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c' }],
    // Any parameter order, braces and upper case in the id (as Dataverse itself prints it).
    ['https://contoso.crm4.dynamics.com/main.aspx?id=%7B8E3C2A71-5B4D-4F0E-9A6C-1D2E3F4A5B6C%7D&etn=lead&pagetype=entityrecord', { objectType: 'lead', recordId: '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c' }],
    ['https://contoso.crm11.dynamics.com/main.aspx?etn=contact&pagetype=entityrecord&id={0A1B2C3D-4E5F-4a6b-8c9d-0e1f2a3b4c5d}&appid=5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44', { objectType: 'contact', recordId: '0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d' }],
    // The record in the hash.
    ['https://contoso.crm.dynamics.com/main.aspx#etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c&pagetype=entityrecord', { objectType: 'lead', recordId: '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c' }],
    ['https://contoso.crm21.dynamics.com/main.aspx?appid=5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44#pagetype=entityrecord&etn=contact&id=0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d', { objectType: 'contact', recordId: '0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d' }],
    // A print preview: the table by type code (2 = contact).
    ['https://contoso.crm11.dynamics.com/_forms/print/print.aspx?allsubgridspages=false&formid=%7B1FED44D1-AE68-4A41-BD2B-F13ACAC4ACFA%7D&id=%7B0A1B2C3D-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D&objectType=2', { objectType: 'contact', recordId: '0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d' }],
    // Legacy links: the table by type code (4 = lead).
    ['https://contoso.crm2.dynamics.com/main.aspx?etc=4&id=%7b8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c%7d&pagetype=entityrecord', { objectType: 'lead', recordId: '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c' }],
    // The sovereign clouds: US Government GCC High and DoD, China.
    ['https://contoso.crm.dynamics.com/apps/SalesHub/main.aspx?pagetype=entityrecord&etn=contact&id=c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', { objectType: 'contact', recordId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' }],
    ['https://potomac.crm.microsoftdynamics.us/main.aspx?appid=5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44&pagetype=entityrecord&etn=contact&id=0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d', { objectType: 'contact', recordId: '0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d' }],
    ['https://arlington.crm.appsplatform.us/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c', { objectType: 'lead', recordId: '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c' }],
    ['https://contoso-cn.crm.dynamics.cn/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c', { objectType: 'lead', recordId: '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c' }],
    // Accounts and opportunities: records, but not a person; by name or by legacy type code (1, 3).
    ['https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c', { objectType: 'account', recordId: '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c', nonPerson: 'organisation' }],
    ['https://contoso.crm4.dynamics.com/main.aspx?appid=5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44&id=%7BB1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E%7D&etn=account&pagetype=entityrecord', { objectType: 'account', recordId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', nonPerson: 'organisation' }],
    ['https://contoso.crm11.dynamics.com/main.aspx#etc=1&id={B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E}&pagetype=entityrecord', { objectType: 'account', recordId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', nonPerson: 'organisation' }],
    ['https://contoso.crm.dynamics.com/apps/SalesHub/main.aspx?pagetype=entityrecord&etn=opportunity&id=d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70', { objectType: 'opportunity', recordId: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70', nonPerson: 'deal' }],
    ['https://potomac.crm.microsoftdynamics.us/main.aspx?appid=5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44#pagetype=entityrecord&etn=opportunity&id=D4E5F6A7-B8C9-4D0E-8F1A-2B3C4D5E6F70', { objectType: 'opportunity', recordId: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70', nonPerson: 'deal' }],
    ['https://contoso.crm2.dynamics.com/main.aspx?etc=3&id=%7bd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70%7d&pagetype=entityrecord', { objectType: 'opportunity', recordId: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70', nonPerson: 'deal' }],
  ],
  noMatch: [
    // A list view, a new-record form, another table, a malformed id.
    'https://contoso.crm.dynamics.com/main.aspx?appid=5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44&pagetype=entitylist&etn=lead&viewid=00000000-0000-0000-00aa-000010001004',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead',
    'https://contoso.crm.dynamics.com/apps/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=incident&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etc=112&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.crm.dynamics.com/_forms/print/print.aspx?id=%7B8E3C2A71-5B4D-4F0E-9A6C-1D2E3F4A5B6C%7D&objectType=112',
    'https://contoso.crm.dynamics.com/_forms/print/print.aspx?objectType=2',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etc=constructor&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.crm.dynamics.com/main.aspx?appid=5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=opportunity&id=d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=dashboard&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    // Not a Dataverse region, http:, lookalike hosts, another page of the app.
    'https://contoso.crm22.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.crm.microsoftdynamics.us.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.dynamics.cn/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.operations.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'http://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://crm.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.crm.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c',
    'https://contoso.crm.dynamics.com/api/data/v9.2/leads(8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c)',
  ],
};

/**
 * The record's name from the form header. The header's h1 also holds the save state ("- Saved",
 * "- Unsaved", "- נשמר" in the app's language) in its last child element, which its `title` may
 * repeat after the name ("Linnea Hedvall- Saved"). A state in the h1's own text (" - Unsaved") is
 * what tidyName drops after any name.
 */
function headerTitle(doc: Document): string | undefined {
  const heading = deepQueryAll(doc, 'h1[data-id="header_title"]').find(isShown);
  if (!heading) return undefined;
  const tooltip = cleanText(heading.getAttribute('title'));
  const own = cleanText(heading.firstChild?.textContent);
  // The state may also be shown beside the h1 (a read-only record's "- Read-only"), the title still
  // repeating it after the name.
  if (tooltip && own && tooltip.startsWith(own) && /^\s*-/.test(tooltip.slice(own.length))) return own;
  const text = tooltip ?? own ?? cleanText(heading.textContent);
  const status = cleanText(heading.lastElementChild?.textContent)?.match(/^-\s*(.+)/)?.[1];
  return (text && status && text.endsWith(status) ? text.slice(0, -status.length).replace(/\s*-\s*$/, '') : text) || undefined;
}

/** A shown control's value: inputs hold it in `.value`, read-only controls as text. */
function shownValue(doc: Document, selector: string): string | undefined {
  for (const element of deepQueryAll(doc, selector)) {
    if (!isShown(element)) continue;
    const value = cleanText(element instanceof HTMLInputElement ? element.value : element.textContent);
    if (value && value !== '---') return value;
  }
  return undefined;
}

/** The lead, contact, account or opportunity a Dynamics URL names, whatever the host (the cloud's or the organisation's own). */
function matchDynamicsRecord(url: URL): RecordMatch | null {
  if (url.protocol !== 'https:') return null;
  // A record's print preview (the legacy web client's "Print"): its table by type code, no page type.
  const print = /^\/_forms\/print\/print\.aspx$/i.test(url.pathname);
  // `/main.aspx`, or under an app's URL suffix (`/apps/<suffix>/main.aspx`, the app designer's older form).
  if (!print && !/^(?:\/apps\/[^/]+)?\/main\.aspx$/i.test(url.pathname)) return null;
  // The record is named by query parameters in any order, and older links and in-app navigation
  // put them in the hash (`main.aspx#etn=lead&id=…`); the hash is what changed last, so it wins.
  const params = new URLSearchParams(url.search);
  new URLSearchParams(url.hash.replace(/^#/, '')).forEach((value, key) => params.set(key, value));
  if (!print && params.get('pagetype')?.toLowerCase() !== 'entityrecord') return null;
  const objectType = params.get('etn')?.toLowerCase() ?? TYPE_CODES[params.get(print ? 'objectType' : 'etc') ?? ''];
  // A record form without an id is the "new record" form: nobody to look up yet.
  const guid = GUID.exec(params.get('id') ?? '')?.[1];
  if (!objectType || !Object.values(TYPE_CODES).includes(objectType) || !guid) return null;
  // Dataverse prints ids as `{8E3C…}` or `8e3c…` depending on the caller; one spelling for one record.
  const nonPerson = NON_PERSON[objectType];
  return { crm: 'dynamics', objectType, recordId: guid.toLowerCase(), ...(nonPerson && { nonPerson }) };
}

/**
 * Dynamics 365 on an organisation's own domain, added in Options: the same forms, Web API and URL
 * rules as the cloud hosts, on that host only.
 */
export function dynamicsOnHost(host: string): CrmDetector {
  const hostname = host.toLowerCase();
  return {
    ...dynamics,
    matches: [`https://${hostname}/*`],
    matchUrl: (url) => (url.hostname === hostname ? matchDynamicsRecord(url) : null),
  };
}
