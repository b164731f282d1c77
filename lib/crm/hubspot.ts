import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { cleanText, deepQueryAll, emailNearLink, firstShownEmail, firstShownText, isShown, ownRegionsOfLink } from './dom';

/**
 * The HubSpot app: `app.hubspot.com` (NA1) and one host per data centre, `app-<region>.hubspot.com`
 * (eu1, na2, na3, ap1 so far; the account API names it `uiDomain`). The marketing site, the
 * knowledge base and `api.hubapi.com` are other hosts, never a contact page.
 */
const APP_HOST = /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/;

/** Contact ids are HubSpot object ids: plain integers (older portals 5–6 digits, newer up to 12). */
const CONTACT_ID = '[1-9]\\d{0,15}';

/**
 * `/contacts/<portal>/record/0-1/<id>`: every CRM object lives under `/contacts/`, and the object
 * type id says which one; 0-1 is the contact (0-2 company, 0-3 deal, 0-136 lead, 0-5 ticket, 2-… custom).
 * `/contacts/<portal>/contact/<id>` (and `/company/<id>`, `/deal/<id>`) is the URL older links and
 * bookmarks still use. Companies and deals are records too, but not a person (RecordMatch.nonPerson);
 * tickets and custom objects are left alone. Trailing segments (`/view/1`, a tab) are views of the
 * same record, so they still match.
 */
const RECORD_PATH = new RegExp(`^/contacts/\\d+/(?:record/0-(1|2|3|136)|(contact|company|deal))/(${CONTACT_ID})(?:/[^?#]*)?$`);
/** The objects of type ids 0-1, 0-2, 0-3 and 0-136, in HubSpot's own words. */
const OBJECT_TYPES: Record<string, string> = { 1: 'contact', 2: 'company', 3: 'deal', 136: 'lead' };

/*
 * Why no `fetchIdentity` for HubSpot: its documented CRM API (`api.hubapi.com/crm/v3/objects/
 * contacts/{id}`) is another origin and takes an OAuth or private-app token, never the rep's app
 * session. The web app's own calls on app*.hubspot.com are undocumented internal endpoints guarded by
 * a CSRF header copied from a cookie; building on them would break silently with any release. So
 * HubSpot is read from the page (its selectors, then the generic reader).
 */
export const hubspot: CrmDetector = {
  crm: 'hubspot',
  // Listed one by one rather than `*.hubspot.com`, which would also run on the marketing site, the
  // blog and the knowledge base. A new data centre needs its host added here.
  matches: [
    'https://app.hubspot.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
    'https://app-na3.hubspot.com/*',
    'https://app-ap1.hubspot.com/*',
  ],

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || !APP_HOST.test(url.hostname)) return null;
    const found = RECORD_PATH.exec(url.pathname);
    if (!found) return null;
    const objectType = found[2] ?? OBJECT_TYPES[found[1]!]!;
    const match: RecordMatch = { crm: 'hubspot', objectType, recordId: found[3]! };
    // A lead (Sales Hub's Leads) is worked for its contact, whom its page names (readLeadContact).
    if (objectType === 'lead') match.personFromPage = true;
    else if (objectType !== 'contact') match.nonPerson = objectType === 'deal' ? 'deal' : 'organisation';
    return match;
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    // A company's or a deal's sidebar shows its own name and its contacts' addresses: no one's to read.
    if (match.nonPerson) return { notAPerson: true };
    if (match.objectType === 'lead') return readLeadContact(doc);
    // HubSpot keeps the record's own cards in the left sidebar; the middle pane's timeline quotes
    // other people's names and addresses (replies, CCs), so nothing is read from there.
    const sidebar = deepQueryAll(doc, '[data-test-id="left-sidebar"], #record-page-left-sidebar').find(isShown);
    if (!sidebar) return {};
    // The highlight card's title, whatever wraps it (its container's test id changes between releases).
    const name = firstShownText(sidebar, [
      '[data-selenium-test="highlightTitle"]',
      '[data-test-id="highlight-record-label"]',
      '[data-selenium-test="contact-highlight-details"] h3',
    ]);
    const email = firstShownEmail(sidebar, [
      // The "About this contact" card: a read-only value, or an input while the rep edits it.
      EMAIL_PROPERTY,
      'input[data-field="email"]',
      // The highlight card shows the primary address under the name.
      '[data-selenium-test="contact-highlight-details"] a[href^="mailto:"]',
      '[data-selenium-test="contact-highlight-details"] [data-test-id="highlight-email"]',
    ]);
    // The primary associated company, from the association card in the right sidebar; failing
    // that, the contact's own "Company name" property.
    const company =
      firstShownText(doc, [
        '[data-test-id="records-right-sidebar"] [data-selenium-test="company-chicklet-title-link"]',
      ]) ?? propertyValue(sidebar, 'company');
    return { name, email, company };
  },

  /**
   * HubSpot shows an empty property as "--": where the About card's Email property is shown and
   * holds no address, the contact has none, and an address found elsewhere on the page (an
   * associated contact's card, the timeline) is someone else's.
   */
  completeIdentity(identity: PageIdentity, _generic, _match, doc: Document): PageIdentity {
    const fields = deepQueryAll(doc, EMAIL_PROPERTY).filter(isShown);
    return fields.length && !fields.some(holdsAddress) ? { ...identity, email: undefined } : identity;
  },
};

const EMAIL_PROPERTY = '[data-selenium-test="property-input-email"]';

/** Links to a contact's record, in the record URL's two forms. */
const CONTACT_LINKS = 'a[href*="/record/0-1/"], a[href*="/contact/"]';
/** Where a lead's page names contacts that are not its own: the activity timeline, hover cards and tooltips. */
const NOT_THE_LEADS = '[data-test-id*="timeline" i], [class*="timeline" i], [role=feed], [role=tooltip], [class*="hovercard" i], [class*="popover" i]';

const CONTACT_PATH = new RegExp(`/(?:record/0-1|contact)/(${CONTACT_ID})(?:[/?#]|$)`);

/** The contact id a link names (a contact record's path; a tab, a query or a hash may follow). */
function contactIdOf(link: Element): string | undefined {
  return CONTACT_PATH.exec(link.getAttribute('href') ?? '')?.[1];
}

/**
 * A lead (Sales Hub's Leads, object 0-136) is worked for its contact: HubSpot requires each lead to
 * be associated with one, and its page shows the associated contacts' cards. The person is the
 * contact the page labels primary, else the first shown outside the timeline; the record reported is
 * that contact's, with the address shown nearest its link. No contact shown yet: nothing to report
 * but the lead.
 */
function readLeadContact(doc: Document): PageIdentity {
  const links = deepQueryAll(doc, CONTACT_LINKS).filter((link) => isShown(link) && !link.closest(NOT_THE_LEADS) && contactIdOf(link));
  const linksOther = (id: string) => (region: Element) => [...region.querySelectorAll(CONTACT_LINKS)].some((anchor) => (contactIdOf(anchor) ?? id) !== id);
  // A contact's card (its largest own region) is where HubSpot writes "Primary".
  const cardOf = (link: Element) => ownRegionsOfLink(link, doc.body, linksOther(contactIdOf(link)!)).at(-1) ?? link;
  const primary = links.length > 1 ? links.find((link) => /\bprimary\b/i.test(cardOf(link).textContent ?? '')) : undefined;
  const link = primary ?? links[0];
  if (!link) return {};
  const id = contactIdOf(link)!;
  return {
    record: { objectType: 'contact', recordId: id },
    name: cleanText(link.textContent),
    email: emailNearLink(link, doc.body, ['a[href^="mailto:"]', EMAIL_PROPERTY], linksOther(id), true),
  };
}

/** Anything like an address in a property: its text, a tooltip (a value cut short), an input the rep is editing. */
function holdsAddress(field: Element): boolean {
  return field.innerHTML.includes('@') || [...field.querySelectorAll('input')].some((input) => input.value.includes('@'));
}

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const hubspotTestUrls: DetectorTestUrls = {
  match: [
    ['https://app.hubspot.com/contacts/4815162/record/0-1/51001', { objectType: 'contact', recordId: '51001' }],
    ['https://app.hubspot.com/contacts/4815162/record/0-1/51001/view/1', { objectType: 'contact', recordId: '51001' }],
    ['https://app-eu1.hubspot.com/contacts/26401337/record/0-1/53817?interaction=note', { objectType: 'contact', recordId: '53817' }],
    ['https://app-na2.hubspot.com/contacts/243381751/record/0-1/434381295294', { objectType: 'contact', recordId: '434381295294' }],
    ['https://app-na3.hubspot.com/contacts/343328749/record/0-1/273899549679/', { objectType: 'contact', recordId: '273899549679' }],
    ['https://app-ap1.hubspot.com/contacts/22617666/record/0-1/8801', { objectType: 'contact', recordId: '8801' }],
    ['https://app.hubspot.com/contacts/4815162/contact/51003', { objectType: 'contact', recordId: '51003' }],
    ['https://app.hubspot.com/contacts/4815162/contact/51003/', { objectType: 'contact', recordId: '51003' }],
    // Companies and deals: records, but not a person.
    ['https://app.hubspot.com/contacts/4815162/record/0-2/7001', { objectType: 'company', recordId: '7001', nonPerson: 'organisation' }],
    ['https://app-eu1.hubspot.com/contacts/26401337/record/0-2/18803312945/view/1?tab=overview', { objectType: 'company', recordId: '18803312945', nonPerson: 'organisation' }],
    ['https://app.hubspot.com/contacts/4815162/company/7001', { objectType: 'company', recordId: '7001', nonPerson: 'organisation' }],
    ['https://app-na2.hubspot.com/contacts/243381751/company/9902/', { objectType: 'company', recordId: '9902', nonPerson: 'organisation' }],
    ['https://app.hubspot.com/contacts/4815162/record/0-3/301724818164', { objectType: 'deal', recordId: '301724818164', nonPerson: 'deal' }],
    ['https://app-ap1.hubspot.com/contacts/22617666/record/0-3/4410/', { objectType: 'deal', recordId: '4410', nonPerson: 'deal' }],
    ['https://app.hubspot.com/contacts/4815162/deal/301724818164', { objectType: 'deal', recordId: '301724818164', nonPerson: 'deal' }],
    ['https://app-eu1.hubspot.com/contacts/26401337/deal/5501/', { objectType: 'deal', recordId: '5501', nonPerson: 'deal' }],
    // A lead: reported at once, and refined to its contact from the page.
    ['https://app.hubspot.com/contacts/4815162/record/0-136/88120044', { objectType: 'lead', recordId: '88120044', personFromPage: true }],
    ['https://app-eu1.hubspot.com/contacts/26401337/record/0-136/4401/view/1', { objectType: 'lead', recordId: '4401', personFromPage: true }],
  ],
  noMatch: [
    // List views and boards, and other object types (tickets, custom objects, 0-4 and the like).
    'https://app.hubspot.com/contacts/4815162/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/4815162/objects/0-2/views/all/list',
    'https://app.hubspot.com/contacts/4815162/objects/0-3/views/all/board',
    'https://app.hubspot.com/contacts/4815162/companies/list/view/all/',
    'https://app.hubspot.com/contacts/4815162/record/0-5/789',
    'https://app.hubspot.com/contacts/4815162/record/0-4/789',
    'https://app.hubspot.com/contacts/4815162/record/0-23/7001',
    'https://app.hubspot.com/contacts/4815162/record/2-11223344/51001',
    'https://app.hubspot.com/contacts/4815162/ticket/789',
    'https://app.hubspot.com/contacts/4815162/companies/7001',
    'https://app.hubspot.com/contacts/4815162/record/0-2/',
    'https://app.hubspot.com/contacts/4815162/deal/0',
    'http://app.hubspot.com/contacts/4815162/record/0-3/301724818164',
    'https://www.hubspot.com/contacts/4815162/record/0-2/7001',
    // Malformed ids and portals.
    'https://app.hubspot.com/contacts/4815162/record/0-1/',
    'https://app.hubspot.com/contacts/4815162/record/0-1/abc123',
    'https://app.hubspot.com/contacts/4815162/record/0-1/0',
    'https://app.hubspot.com/contacts/acme/record/0-1/51001',
    // Not the app: plain http, lookalike hosts, other HubSpot hosts.
    'http://app.hubspot.com/contacts/4815162/record/0-1/51001',
    'https://app.hubspot.com.evil.example/contacts/4815162/record/0-1/51001',
    'https://evil-app.hubspot.com.example/contacts/4815162/record/0-1/51001',
    'https://www.hubspot.com/contacts/4815162/record/0-1/51001',
    'https://api.hubapi.com/contacts/4815162/record/0-1/51001',
  ],
};

/** A property's shown value in the "About this contact" card (read-only text or edit input). */
function propertyValue(root: Element, property: string): string | undefined {
  for (const element of deepQueryAll(root, `[data-selenium-test="property-input-${property}"]`)) {
    if (!isShown(element)) continue;
    const value = cleanText(element.tagName === 'INPUT' ? (element as HTMLInputElement).value : element.textContent);
    if (value) return value;
  }
  return undefined;
}
