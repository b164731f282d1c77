// zod's core schemas (zod-lean), not zod: the content script must stay small on the CRM page.
// Relative, not `@/`: wxt.config.ts loads the detectors (through registry.ts) without that alias.
import * as z from '../schema/zod-lean';
import { composedText } from './generic-reader';
import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { getSameOrigin, optionalText } from './same-origin';
import { cleanText, deepQueryAll, firstShownEmail, firstShownText, isShown } from './dom';

/**
 * A record's module and id. Freshsales ids are numbers (402174876038 on myfreshworks.com, 5022967942
 * on freshsales.io). Accounts and deals are records too, but not a person (RecordMatch.nonPerson).
 */
const RECORD = '(contact|lead|account|deal)s/(\\d{1,20})';
/**
 * Freshworks CRM (`<account>.myfreshworks.com`): the CRM lives under `/crm/sales/`; the same host
 * also serves Freshmarketer (`/crm/marketing/`), whose contacts are not this detector's. A contact
 * is `/crm/sales/contacts/<id>`, and a lead, where the account has the Leads module,
 * `/crm/sales/leads/<id>`; an account `/crm/sales/accounts/<id>`, a deal `/crm/sales/deals/<id>`.
 * List views are `/crm/sales/contacts/view/<viewId>` and `/crm/sales/contacts`, so only a bare
 * number matches.
 */
const FRESHWORKS_PATH = new RegExp(`^/crm/sales/${RECORD}/?$`);
const FRESHWORKS_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.myfreshworks\.com$/;
/**
 * Classic Freshsales (`<account>.freshsales.io`, accounts not yet moved to myfreshworks.com) links a
 * contact as `/contacts/<id>` and a lead, which it still has, as `/leads/<id>` (its API docs and
 * integrations do), and so an account and a deal. Its older builds routed in the hash, so
 * `/#/contacts/<id>` is taken as well (`/#/leads/view/<id>` is a list view's).
 */
const CLASSIC_PATH = new RegExp(`^/${RECORD}/?$`);
const CLASSIC_HASH = new RegExp(`^#/${RECORD}/?(?:\\?.*)?$`);
const CLASSIC_HOST = /^(?!(?:www|api)\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.freshsales\.io$/;

/** A contact or lead as Freshsales' API reference gives it; `emails` carries the primary flag. */
const PersonSchema = z.object({
  display_name: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  emails: z.optional(z.array(z.object({ value: optionalText, is_primary: z.optional(z.boolean()) }))),
});
/** `{ contact: { … } }` or, for a lead, `{ lead: { … } }`. */
const PersonAnswerSchema = z.object({ contact: z.optional(PersonSchema), lead: z.optional(PersonSchema) });

/** The shown contact page (Freshsales keeps the contact it leaves in the DOM while it animates away). */
const CONTACT_PAGE = '.contact-details-page';

export const freshsales: CrmDetector = {
  crm: 'freshsales',
  matches: ['https://*.myfreshworks.com/*', 'https://*.freshsales.io/*'],

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:') return null;
    let found: RegExpExecArray | null = null;
    if (FRESHWORKS_HOST.test(url.hostname)) found = FRESHWORKS_PATH.exec(url.pathname);
    else if (CLASSIC_HOST.test(url.hostname)) {
      found = CLASSIC_PATH.exec(url.pathname) ?? (url.pathname === '/' ? CLASSIC_HASH.exec(url.hash) : null);
    }
    if (!found) return null;
    // An account is a `sales_account` in Freshsales' own (API) words.
    const module = found[1]!;
    const match: RecordMatch = { crm: 'freshsales', objectType: module === 'account' ? 'sales_account' : module, recordId: found[2]! };
    if (module === 'account' || module === 'deal') match.nonPerson = module === 'deal' ? 'deal' : 'organisation';
    return match;
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    // An account's or a deal's page lists its contacts, none of them the record: no one to read.
    if (match.nonPerson) return { notAPerson: true };
    const page = deepQueryAll(doc, `${CONTACT_PAGE}[data-contact-id="${match.recordId}"]`).find(isShown)
      ?? deepQueryAll(doc, CONTACT_PAGE).find(isShown);
    if (!page) return {};
    // The contact the app is leaving, still shown while it animates away, is not this one.
    const shownId = page.getAttribute('data-contact-id');
    if (shownId && shownId !== match.recordId) return { otherRecord: true };
    return {
      // A badge beside the name in its heading ("VIP") is no part of it: read as the generic reader reads titles.
      name: firstShownText(page, ['.contact-summary .entity-name', 'h1'], composedText),
      // Display mode shows a mailto: link; clicking the field swaps in an input that holds the value.
      email: firstShownEmail(page, [
        '[data-field-name="emails"] input',
        '[data-field-name="emails"] a[href^="mailto:"]',
        '.contact-summary a[href^="mailto:"]',
      ]),
      // A contact's company is its (primary) sales account, a link to that account's page.
      company: firstShownText(page, [
        '[data-field-name="sales_accounts"] a[href*="/accounts/"]',
        '.contact-summary a[href*="/accounts/"]',
      ]),
    };
  },

  /**
   * Freshsales' documented contact and lead resources (`GET /api/contacts/{id}`, `/api/leads/{id}`;
   * under `/crm/sales` on myfreshworks.com) on the account's own host, which its web app calls with
   * the rep's session.
   * The documented authentication is an API key; should the session not be accepted, the answer is
   * a 401 and the page's reading stands.
   */
  async fetchIdentity(match: RecordMatch, signal: AbortSignal): Promise<PageIdentity> {
    // Not a person's record: nothing to ask (the contacts resource would take its id for a contact's).
    if (match.nonPerson) return {};
    const base = location.hostname.endsWith('.myfreshworks.com') ? '/crm/sales/api' : '/api';
    const answer = z.safeParse(PersonAnswerSchema, await getSameOrigin(`${base}/${match.objectType}s/${match.recordId}`, signal));
    const contact = answer.success ? (answer.data.contact ?? answer.data.lead) : undefined;
    if (!contact) return {};
    const emails = (contact.emails ?? []).filter((entry) => cleanText(entry.value));
    const email = cleanText((emails.find((entry) => entry.is_primary) ?? emails[0])?.value ?? contact.email);
    const name = cleanText(contact.display_name) ?? cleanText([contact.first_name, contact.last_name].filter(Boolean).join(' '));
    return { name, email: email?.toLowerCase() };
  },
};

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const freshsalesTestUrls: DetectorTestUrls = {
  match: [
    ['https://acme.myfreshworks.com/crm/sales/contacts/402174876038', { objectType: 'contact', recordId: '402174876038' }],
    ['https://acme.myfreshworks.com/crm/sales/contacts/402174876038/', { objectType: 'contact', recordId: '402174876038' }],
    ['https://genwise-crm.myfreshworks.com/crm/sales/contacts/402000123456?tab=activities', { objectType: 'contact', recordId: '402000123456' }],
    ['https://sakura.myfreshworks.com/crm/sales/leads/402007712345', { objectType: 'lead', recordId: '402007712345' }],
    ['https://appscode.freshsales.io/contacts/5022967942', { objectType: 'contact', recordId: '5022967942' }],
    ['https://acme.freshsales.io/#/contacts/5022967942', { objectType: 'contact', recordId: '5022967942' }],
    ['https://brightorchard.freshsales.io/leads/5023107745', { objectType: 'lead', recordId: '5023107745' }],
    // Accounts and deals: records, but not a person.
    ['https://acme.myfreshworks.com/crm/sales/accounts/402000123456', { objectType: 'sales_account', recordId: '402000123456', nonPerson: 'organisation' }],
    ['https://genwise-crm.myfreshworks.com/crm/sales/accounts/402015942799/?tab=deals', { objectType: 'sales_account', recordId: '402015942799', nonPerson: 'organisation' }],
    ['https://appscode.freshsales.io/accounts/5001234567', { objectType: 'sales_account', recordId: '5001234567', nonPerson: 'organisation' }],
    ['https://acme.freshsales.io/#/accounts/5001234567', { objectType: 'sales_account', recordId: '5001234567', nonPerson: 'organisation' }],
    ['https://acme.myfreshworks.com/crm/sales/deals/402000123456', { objectType: 'deal', recordId: '402000123456', nonPerson: 'deal' }],
    ['https://sakura.myfreshworks.com/crm/sales/deals/402012367593/', { objectType: 'deal', recordId: '402012367593', nonPerson: 'deal' }],
    ['https://brightorchard.freshsales.io/deals/5009876543', { objectType: 'deal', recordId: '5009876543', nonPerson: 'deal' }],
    ['https://acme.freshsales.io/#/deals/5009876543?tab=activities', { objectType: 'deal', recordId: '5009876543', nonPerson: 'deal' }],
  ],
  noMatch: [
    'https://acme.myfreshworks.com/crm/sales/contacts',
    'https://acme.myfreshworks.com/crm/sales/contacts/view/31000123',
    'https://acme.myfreshworks.com/crm/sales/contacts/recycle_bin',
    'https://acme.myfreshworks.com/crm/sales/leads/view/31000124',
    'https://acme.myfreshworks.com/crm/sales/accounts/view/402015942758',
    'https://acme.myfreshworks.com/crm/sales/deals/view/402015942744',
    'https://acme.myfreshworks.com/crm/sales/deals',
    'https://acme.myfreshworks.com/crm/sales/deals/import',
    'https://acme.myfreshworks.com/crm/sales/api/sales_accounts/402000123456',
    'https://acme.myfreshworks.com/crm/sales/products/402000123456',
    'https://acme.myfreshworks.com/crm/marketing/accounts/402000123456',
    'https://acme.freshsales.io/deals/view/42',
    'https://acme.freshsales.io/api/deals/5009876543',
    'https://acme.myfreshworks.com/crm/marketing/contacts/402000123456',
    'https://acme.myfreshworks.com/crm/sales/api/contacts/402000123456',
    'https://acme.myfreshworks.com/crm/sales/contacts/40200abc3456',
    'https://acme.freshsales.io/contacts/view/4',
    'https://acme.freshsales.io/#/leads/view/5000123456',
    'http://acme.myfreshworks.com/crm/sales/contacts/402174876038',
    'https://acme.myfreshworks.com.evil.example/crm/sales/contacts/402174876038',
    'https://myfreshworks.com/crm/sales/contacts/402174876038',
    'https://acme.freshdesk.com/crm/sales/contacts/402174876038',
  ],
};
