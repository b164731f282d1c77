// zod's core schemas (zod-lean), not zod: the content script must stay small on the CRM page.
// Relative, not `@/`: wxt.config.ts loads the detectors (through registry.ts) without that alias.
import * as z from '../schema/zod-lean';
import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { getSameOrigin, optionalText } from './same-origin';
import { cleanText, deepQueryAll, emailNearLink, firstShownEmail, firstShownText, isShown } from './dom';

/**
 * Each Pipedrive company has its own subdomain (`acme.pipedrive.com`, sandboxes `acme-sandbox.…`).
 * The other subdomains are Pipedrive's own sites and services, never a company's app.
 */
const COMPANY_HOST =
  /^(?!(?:www|api|developers|oauth|marketplace|webforms|support|status|community|campaigns|learn)\.)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.pipedrive\.com$/;

/** Person, deal and organization ids are positive integers; ignore any query string or hash the app adds. */
const RECORD_PATH = /^\/(person|deal|organization)\/([1-9]\d{0,11})\/?$/;
/** A lead open in the Leads Inbox: its id is a UUID, as Pipedrive's API documents it. */
const LEAD_PATH = /^\/leads\/inbox\/([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})\/?$/i;

export const pipedrive: CrmDetector = {
  crm: 'pipedrive',
  matches: ['https://*.pipedrive.com/*'],

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || !COMPANY_HOST.test(url.hostname)) return null;
    const lead = LEAD_PATH.exec(url.pathname);
    // A deal or a lead is not a person: its person is the one it links (see readIdentity).
    if (lead) return { crm: 'pipedrive', objectType: 'lead', recordId: lead[1]!, personFromPage: true };
    const found = RECORD_PATH.exec(url.pathname);
    if (!found) return null;
    return { crm: 'pipedrive', objectType: found[1]!, recordId: found[2]!, ...(found[1] === 'deal' ? { personFromPage: true } : found[1] === 'organization' && { nonPerson: 'organisation' }) };
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    // An organization (the one URL that is never a person) is a record, not anyone's: its people
    // are listed on it.
    if (match.nonPerson) return { notAPerson: true };
    return match.objectType === 'person' ? readPerson(doc) : readLinkedPerson(doc);
  },

  /**
   * Pipedrive's documented v1 API (`GET /api/v1/persons/{id}`, `GET /api/v1/deals/{id}`) on the
   * company's own host, which the web app itself calls with the rep's session cookie: the person's
   * name, e-mails (primary flagged) and organization, whatever the page's markup.
   */
  async fetchIdentity(match: RecordMatch, signal: AbortSignal): Promise<PageIdentity> {
    if (match.objectType === 'deal') {
      const deal = z.safeParse(DealAnswerSchema, await getSameOrigin(`/api/v1/deals/${match.recordId}`, signal));
      if (!deal.success) return {};
      const person = deal.data.data.person_id;
      // The deal's own answer that it has no contact person: the record is the deal, no one's. Only
      // the API says it, never a page still drawing the person's link, and a link drawn later wins.
      if (!person || typeof person.value !== 'number') return { record: { objectType: 'deal', recordId: match.recordId, nonPerson: 'deal' } };
      return {
        record: { objectType: 'person', recordId: String(person.value) },
        name: cleanText(person.name),
        email: primaryEmail(person.email),
        company: cleanText(orgName(deal.data.data.org_id)),
      };
    }
    // A lead's person is read from its page; an organization (a nonPerson match) has none: nothing is
    // asked for it, as the persons resource would answer a person with that number.
    if (match.objectType !== 'person') return {};
    const answer = z.safeParse(PersonAnswerSchema, await getSameOrigin(`/api/v1/persons/${match.recordId}`, signal));
    if (!answer.success) return {};
    const person = answer.data.data;
    return { name: cleanText(person.name), email: primaryEmail(person.email), company: cleanText(person.org_name ?? orgName(person.org_id)) };
  },
};

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const pipedriveTestUrls: DetectorTestUrls = {
  match: [
    ['https://acme.pipedrive.com/person/1207', { objectType: 'person', recordId: '1207' }],
    ['https://acme.pipedrive.com/person/1207/', { objectType: 'person', recordId: '1207' }],
    ['https://acme-sandbox.pipedrive.com/person/3?tab=activities', { objectType: 'person', recordId: '3' }],
    ['https://keyline-sales.pipedrive.com/person/884213#notes', { objectType: 'person', recordId: '884213' }],
    ['https://acme.pipedrive.com/deal/311', { objectType: 'deal', recordId: '311', personFromPage: true }],
    ['https://app.pipedrive.com/deal/98765/', { objectType: 'deal', recordId: '98765', personFromPage: true }],
    // An organization is a record that is not a person (see readIdentity); a lead names its person as a deal does.
    ['https://acme.pipedrive.com/organization/42', { objectType: 'organization', recordId: '42', nonPerson: 'organisation' }],
    ['https://acme-sandbox.pipedrive.com/organization/9001/?tab=people', { objectType: 'organization', recordId: '9001', nonPerson: 'organisation' }],
    ['https://keyline-sales.pipedrive.com/organization/884213#notes', { objectType: 'organization', recordId: '884213', nonPerson: 'organisation' }],
    ['https://acme.pipedrive.com/leads/inbox/550e8400-e29b-41d4-a716-446655440000', { objectType: 'lead', recordId: '550e8400-e29b-41d4-a716-446655440000', personFromPage: true }],
  ],
  noMatch: [
    // Lists, other object types, the leads inbox.
    'https://acme.pipedrive.com/persons/list/user/everyone',
    'https://acme.pipedrive.com/pipeline/1/user/everyone',
    'https://acme.pipedrive.com/leads/inbox',
    'https://acme.pipedrive.com/leads/inbox/550e8400',
    'https://acme.pipedrive.com/person/1207/edit',
    'https://acme.pipedrive.com/organizations/list/user/everyone',
    'https://acme.pipedrive.com/organization/42/edit',
    'https://acme.pipedrive.com/organisation/42',
    'https://acme.pipedrive.com/deals/list',
    // Malformed ids.
    'https://acme.pipedrive.com/person/',
    'https://acme.pipedrive.com/person/abc',
    'https://acme.pipedrive.com/person/0',
    'https://acme.pipedrive.com/deal/-3',
    'https://acme.pipedrive.com/organization/0',
    // Not a company's app: http, lookalikes, Pipedrive's own sites.
    'http://acme.pipedrive.com/person/1207',
    'https://acme.pipedrive.com.evil.example/person/1207',
    'https://pipedrive.com/person/1207',
    'https://www.pipedrive.com/person/1207',
    'https://developers.pipedrive.com/person/1207',
    'https://a.b.pipedrive.com/person/1207',
  ],
};

/**
 * The shapes of Pipedrive's v1 API reference: `email: [{ value, primary, label }]`, `org_id` the
 * organization object ({ name, value, … }) or null (read as absent: see same-origin.ts). Any other
 * shape fails the parse, and the page's own reading stands (no union schema: its code would cost the
 * content script ~0.3 KB gzipped).
 */
const EmailsSchema = z.optional(z.array(z.object({ value: optionalText, primary: z.optional(z.boolean()) })));
const OrgSchema = z.optional(z.object({ name: optionalText }));
const PersonAnswerSchema = z.object({ data: z.object({ name: optionalText, email: EmailsSchema, org_id: OrgSchema, org_name: optionalText }) });
const DealAnswerSchema = z.object({
  data: z.object({
    // The person's id is checked where it is read (a number, or no person): zod's number schema
    // would cost this content script ~0.1 KB gzipped for this one field.
    person_id: z.optional(z.object({ value: z.unknown(), name: optionalText, email: EmailsSchema })),
    org_id: OrgSchema,
  }),
});

function primaryEmail(emails: z.Infer<typeof EmailsSchema>): string | undefined {
  const list = (emails ?? []).filter((entry) => cleanText(entry.value));
  return cleanText((list.find((entry) => entry.primary) ?? list[0])?.value)?.toLowerCase();
}

function orgName(org: z.Infer<typeof OrgSchema>): string | undefined {
  return org?.name ?? undefined;
}

/**
 * Pipedrive keeps every view the rep opened in the DOM, each in its own `.viewContainer`, and hides
 * all but the current one with an inline `display: none`.
 */
function shownView(doc: Document, selector: string): Element | undefined {
  return deepQueryAll(doc, `.viewContainer ${selector}`).find(isShown);
}

const EMAIL_FIELDS = ['[data-test="email-label"]', 'a[href^="mailto:"]', 'input[type="email"]'];
const ORGANIZATION_LINKS = ['[data-test="organization-link"]', 'a[href*="/organization/"]'];

/** A person page: the header names the person; the sidebar's details hold email and organization. */
function readPerson(doc: Document): PageIdentity {
  const view = shownView(doc, '.detailView.personDetails');
  if (!view) return {};
  return {
    name: firstShownText(view, ['.infoBlock h1', '.infoBlock .title']),
    email: firstShownEmail(view, EMAIL_FIELDS.map((selector) => `.fieldsList ${selector}`)),
    company: firstShownText(view, ORGANIZATION_LINKS.map((selector) => `.fieldsList ${selector}`)),
  };
}

/**
 * A deal page (or a lead's): the deal's contact person is the person linked in the deal view (the
 * header's contact line and the sidebar's Person block) outside the Participants block. The link
 * carries the person's own id, which is the record reported. Labels are localized, so nothing here
 * depends on a heading's text.
 */
function readLinkedPerson(doc: Document): PageIdentity {
  // Pipedrive's own deal view, or (markup it renamed) the page: the person is still the one linked
  // outside the participants.
  const view = shownView(doc, '.detailView.dealDetails') ?? doc.body;
  if (!view) return {};
  // Not the people the deal lists as participants: they are on the deal but are not its contact
  // person, and an organization-only deal may list participants and no person at all. Nor those of
  // the other leads in the Leads Inbox's list beside the open one, or of a hover card over it.
  const links = deepQueryAll(view, 'a[href*="/person/"]').filter((link) => isShown(link) && !link.closest(NOT_THE_DEALS));
  const personId = links.map(personIdOf).find(Boolean);
  // No person on the deal (yet): the deal stays reported as itself, and its title is no one's name.
  // Not as a deal that is `nonPerson`: the page's record would then outrank the deals API's person
  // while the page has not drawn the person's link yet.
  if (!personId) return { notAPerson: true };
  const own = links.filter((link) => personIdOf(link) === personId);
  return {
    record: { objectType: 'person', recordId: personId },
    name: own.map((link) => cleanText(link.textContent)).find(Boolean),
    // A link to no person (undefined id) is nobody else's.
    email: own.map((link) => emailNearLink(link, view, EMAIL_FIELDS, (region) => [...region.querySelectorAll('a[href*="/person/"]')].some((anchor) => (personIdOf(anchor) ?? personId) !== personId))).find(Boolean),
    company: firstShownText(view, ORGANIZATION_LINKS),
  };
}

const NOT_THE_DEALS = '[class*="participant" i],[data-test*="participant" i],[role=tooltip],[class*="hovercard" i],tr:not([aria-current=true],[aria-selected=true])';

/** The person id a link names (a person page's path, as RECORD_PATH; a query or hash may follow). */
function personIdOf(anchor: Element): string | undefined {
  return /\/person\/([1-9]\d{0,11})\/?(?:[?#].*)?$/.exec(anchor.getAttribute('href') ?? '')?.[1];
}
