import type { NonPersonKind } from '../schema/record';
import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { cleanText, deepQueryAll, firstShownEmail, firstShownText, isShown } from './dom';

/**
 * Zoho CRM's web app, one host per data centre: US `crm.zoho.com`, EU `.eu`, India `.in`,
 * Australia `.com.au`, Japan `.jp`, Saudi Arabia `.sa`, UAE `.ae`, UK `.uk`, China `.com.cn` (run
 * apart by a partner, same app), and Canada `crm.zohocloud.ca` (the Canadian DC is not under zoho.*;
 * `crm.zoho.ca` does not resolve). Each data centre's sandboxes are the same app at `crmsandbox.`.
 */
const DOMAINS = ['zoho.com', 'zoho.eu', 'zoho.in', 'zoho.com.au', 'zoho.jp', 'zoho.sa', 'zoho.ae', 'zoho.uk', 'zoho.com.cn', 'zohocloud.ca'];
const HOSTS = DOMAINS.flatMap((domain) => [`crm.${domain}`, `crmsandbox.${domain}`]);

/**
 * `/crm/<org>/tab/<Module>/<id>`, where `<org>` is the org's domain name (`org20089364`, a numeric
 * id, or a portal name the org chose) and may be missing (`/crm/tab/Leads/<id>`), or the record's
 * edit page `/<id>/edit` (the same record, its fields as inputs), or the record in a Canvas view the
 * admin designed (`/<id>/canvas/<canvasId>`). The person modules, Leads and Contacts, and the
 * records that are not a person: Accounts (companies) and Deals, which the app's own URLs still
 * call by the module's old name, `Potentials` (links that integrations build from the API's module
 * name say `Deals`). List views live at
 * `/tab/Leads/custom-view/<cvid>/list`, the create page at `/create`. Record ids are 64-bit numbers,
 * in practice 18–19 digits.
 */
const RECORD_PATH = /^\/crm\/(?:(?!tab\/)[A-Za-z0-9_-]+\/)?tab\/(Leads|Contacts|Accounts|Deals|Potentials)\/(\d{12,20})(?:\/edit|\/canvas\/\d+)?\/?$/;
/** Each module's record: its object type, and what it is when it is not a person. */
const MODULES: Record<string, readonly [objectType: string, nonPerson?: NonPersonKind]> = {
  Leads: ['lead'],
  Contacts: ['contact'],
  Accounts: ['account', 'organisation'],
  Deals: ['deal', 'deal'],
  Potentials: ['deal', 'deal'],
};

/** Zoho prefixes the header name with the record's Salutation picklist value. */
const SALUTATION = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+/i;

/*
 * Why no `fetchIdentity` for Zoho CRM: the documented REST API (`www.zohoapis.<dc>/crm/v6/Leads/{id}`)
 * is another origin and takes an OAuth token; the web app's same-origin calls are internal ones
 * guarded by a CSRF token read from a cookie, undocumented and versioned at Zoho's will. So Zoho is
 * read from the page (its selectors, then the generic reader).
 */
export const zoho: CrmDetector = {
  crm: 'zoho',
  matches: HOSTS.map((host) => `https://${host}/*`),

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const found = RECORD_PATH.exec(url.pathname);
    if (!found) return null;
    const [objectType, nonPerson] = MODULES[found[1]!]!;
    return { crm: 'zoho', objectType, recordId: found[2]!, ...(nonPerson && { nonPerson }) };
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    // An account or a deal is a record, never a person: its page's name and e-mail are not one's.
    if (match.nonPerson) return { notAPerson: true };
    // Zoho's Lyte components render in the light DOM; deepQueryAll still looks into shadow roots
    // should a component grow one. The record page is crm-detailview > crux-detailpage-wrapper.
    const page = deepQueryAll(doc, 'crux-detailpage-wrapper').find(isShown);
    if (page && !sameRecord(page, match.recordId)) return { otherRecord: true };
    if (!page) return {};
    const header = deepQueryAll(page, 'crux-detailpage-header').find(isShown);
    const rawName = header ? firstShownText(header, ['#recHeader1', '.cxDvRecordHeader1']) : undefined;
    return {
      name: rawName?.replace(SALUTATION, '') || undefined,
      email: firstShownEmail(page, [
        // The business card under the name shows the primary e-mail.
        'crux-detailpage-header .cxDvRecordEmail',
        'crux-email-component a[href^="mailto:"]',
        // Inline edit turns the field into a lyte-input.
        'crux-email-component input',
      ]),
      // The header's second field is the lead's Company, or the contact's Account Name.
      company: header ? firstShownText(header, ['#recHeader2', '.cxDvRecordHeader2']) : undefined,
    };
  },
};

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const zohoTestUrls: DetectorTestUrls = {
  match: [
    ['https://crm.zoho.com/crm/org20089364/tab/Leads/5725767000000411001', { objectType: 'lead', recordId: '5725767000000411001' }],
    ['https://crm.zoho.eu/crm/org20089364/tab/Leads/5725767000000411001/', { objectType: 'lead', recordId: '5725767000000411001' }],
    ['https://crm.zoho.com/crm/tab/Contacts/5725767000000522017', { objectType: 'contact', recordId: '5725767000000522017' }],
    ['https://crm.zoho.in/crm/zylker/tab/Contacts/4876876000000333001?sub_module=Timeline', { objectType: 'contact', recordId: '4876876000000333001' }],
    ['https://crm.zoho.com.au/crm/org7001234/tab/Leads/110000402423001', { objectType: 'lead', recordId: '110000402423001' }],
    ['https://crm.zoho.jp/crm/org90001/tab/Leads/3201000004217119', { objectType: 'lead', recordId: '3201000004217119' }],
    ['https://crm.zoho.com.cn/crm/org60012345/tab/Contacts/4120098700000321001', { objectType: 'contact', recordId: '4120098700000321001' }],
    ['https://crm.zohocloud.ca/crm/org110001007505/tab/Contacts/110001007505000123', { objectType: 'contact', recordId: '110001007505000123' }],
    ['https://crm.zoho.ae/crm/org880012345/tab/Leads/8800123000000412007', { objectType: 'lead', recordId: '8800123000000412007' }],
    // Sandboxes, and the record's edit page.
    ['https://crmsandbox.zoho.eu/crm/20845512/tab/Leads/6845512000000287031', { objectType: 'lead', recordId: '6845512000000287031' }],
    ['https://crmsandbox.zoho.com/crm/northwindsandbox/tab/Contacts/4788001000000345019', { objectType: 'contact', recordId: '4788001000000345019' }],
    ['https://crm.zoho.com/crm/org20089364/tab/Leads/5725767000000411001/edit', { objectType: 'lead', recordId: '5725767000000411001' }],
    ['https://crm.zoho.com.au/crm/org7004518803/tab/Contacts/7004518000000319027/canvas/7004518000000287551', { objectType: 'contact', recordId: '7004518000000319027' }],
    // Records that are not a person: an account, a deal under either module name.
    ['https://crm.zoho.com/crm/org20089364/tab/Accounts/5725767000000711001', { objectType: 'account', recordId: '5725767000000711001', nonPerson: 'organisation' }],
    ['https://crm.zoho.eu/crm/org20098805637/tab/Accounts/349824000012345678/', { objectType: 'account', recordId: '349824000012345678', nonPerson: 'organisation' }],
    ['https://crmsandbox.zoho.in/crm/tab/Accounts/4876876000000444001/edit', { objectType: 'account', recordId: '4876876000000444001', nonPerson: 'organisation' }],
    ['https://crm.zoho.com/crm/org20089364/tab/Potentials/5725767000000611001', { objectType: 'deal', recordId: '5725767000000611001', nonPerson: 'deal' }],
    ['https://crm.zoho.com.au/crm/org691602767/tab/Potentials/6916027000001234567?sub_module=Timeline', { objectType: 'deal', recordId: '6916027000001234567', nonPerson: 'deal' }],
    ['https://crm.zoho.eu/crm/org20098805637/tab/Deals/349824000058395237', { objectType: 'deal', recordId: '349824000058395237', nonPerson: 'deal' }],
    ['https://crm.zohocloud.ca/crm/org110000402423/tab/Deals/110000402423000456/canvas/110000402423000789', { objectType: 'deal', recordId: '110000402423000456', nonPerson: 'deal' }],
  ],
  noMatch: [
    // List views, create pages, other modules.
    'https://crm.zoho.com/crm/org20089364/tab/Leads/custom-view/5725767000000087501/list',
    'https://crm.zoho.com/crm/org20089364/tab/Leads/create',
    'https://crm.zoho.com/crm/org20089364/tab/Leads/5725767000000411001/clone',
    'https://crm.zoho.com/crm/org20089364/tab/Leads/5725767000000411001/canvas/',
    'https://crm.zoho.com/crm/org20089364/tab/Accounts/custom-view/5725767000000087521/list',
    'https://crm.zoho.com/crm/org20089364/tab/Potentials/create',
    'https://crm.zoho.eu/crm/org20098805637/tab/Deals/349824000058395237/clone',
    'https://crm.zoho.com/crm/org20089364/tab/Tasks/5725767000000811001',
    'https://crm.zoho.com/crm/org20089364/tab/Quotes/5725767000000911001',
    'https://crm.zoho.com/crm/org20089364/tab/Home/begin',
    // Malformed ids.
    'https://crm.zoho.com/crm/org20089364/tab/Leads/123',
    'https://crm.zoho.com/crm/org20089364/tab/Leads/57257670000004110x1',
    'https://crm.zoho.com/crm/org20089364/tab/leads/5725767000000411001',
    'https://crm.zoho.com/crm/org20089364/tab/accounts/5725767000000711001',
    // Not Zoho CRM: http, lookalikes, other Zoho apps, a host that does not exist.
    'http://crm.zoho.com/crm/org20089364/tab/Leads/5725767000000411001',
    'https://crm.zoho.com.evil.example/crm/org20089364/tab/Leads/5725767000000411001',
    'https://evilcrm.zoho.com/crm/org20089364/tab/Leads/5725767000000411001',
    'https://crm.zoho.ca/crm/org20089364/tab/Leads/5725767000000411001',
    'https://one.zoho.com/crm/org20089364/tab/Leads/5725767000000411001',
  ],
};

/**
 * Lyte re-renders the same components in place when the rep steps to another record, so for a
 * moment the page shows the previous record. The wrapper names its record (`cx-prop-entity-id`);
 * where it does, a page for another record is not read.
 */
function sameRecord(page: Element, recordId: string): boolean {
  const shown = cleanText(page.getAttribute('cx-prop-entity-id'));
  return !shown || shown === recordId;
}
