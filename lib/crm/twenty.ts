import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { cleanText, deepQueryAll, firstShownEmail, firstShownText, isShown } from './dom';

/**
 * Twenty's record show page: `/object/<objectNameSingular>/<uuid>`, or `/person/<uuid>` and
 * `/companies/<uuid>` in the versions of 2023 a self-hosted instance may still run (they had no
 * opportunity page). Only `person` is a lead; `company` and `opportunity` are reported as the records
 * they are. The lists are `/objects/people`, `/objects/companies` (plural).
 */
const RECORD_PATH = /^\/(?:object\/(person|company|opportunity)|(person)|companies)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
/**
 * Twenty Cloud: `app.twenty.com` and one subdomain per workspace (`acme.twenty.com`). `api.` serves
 * the REST/GraphQL API and `www.` the website, never a record page.
 */
const CLOUD_HOST = /^(?!(?:api|www)\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.twenty\.com$/;

/**
 * The path rule alone, for any host: self-hosted Twenty serves the same app on the domain its admin
 * chose, which the rep adds at runtime (see `twentyOnHost`). https only: a record page over plain
 * http would expose the rep's session, and manifest patterns for added sites are https anyway.
 */
export function matchTwentyPath(url: URL): RecordMatch | null {
  if (url.protocol !== 'https:') return null;
  const found = RECORD_PATH.exec(url.pathname);
  if (!found) return null;
  // Neither group: the 2023 `/companies/<uuid>`. Lower case, as the router takes any case.
  const objectType = (found[1] ?? found[2] ?? 'company').toLowerCase();
  // Twenty's ids are lowercase UUIDs (Postgres prints them so); the page's element ids use that form.
  const match: RecordMatch = { crm: 'twenty', objectType, recordId: found[3]!.toLowerCase() };
  return objectType === 'person' ? match : { ...match, nonPerson: objectType === 'company' ? 'organisation' : 'deal' };
}

/** Reads the shown person record. Shared by Twenty Cloud and self-hosted instances. */
function readTwentyPerson(doc: Document, match: RecordMatch): PageIdentity {
  // A company or an opportunity is a record, never a person: its title and e-mails are not one's.
  if (match.nonPerson) return { notAPerson: true };
  return {
    name: recordTitle(doc),
    email: fieldValueEmail(doc, match.recordId, 'emails', 'Emails'),
    company: fieldValueText(doc, match.recordId, 'company', 'Company'),
  };
}

/*
 * Why no `fetchIdentity` for Twenty: its documented REST and GraphQL APIs answer only a bearer
 * token (an API key, or the app's own access token kept in the page's storage), and on Twenty Cloud
 * they live on another origin (api.twenty.com). Reading the rep's access token into a content script
 * to send it elsewhere is not something Leadside should do, so Twenty is read from the page.
 */
export const twenty: CrmDetector = {
  crm: 'twenty',
  // `*.twenty.com` covers app.twenty.com and every workspace subdomain.
  matches: ['https://*.twenty.com/*'],

  matchUrl(url: URL): RecordMatch | null {
    return CLOUD_HOST.test(url.hostname) ? matchTwentyPath(url) : null;
  },

  readIdentity: readTwentyPerson,
};

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const twentyTestUrls: DetectorTestUrls = {
  match: [
    ['https://app.twenty.com/object/person/20202020-3f74-492d-a101-2a70f50a1645', { objectType: 'person', recordId: '20202020-3f74-492d-a101-2a70f50a1645' }],
    ['https://acme.twenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', { objectType: 'person', recordId: '7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b' }],
    ['https://acme.twenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b/', { objectType: 'person', recordId: '7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b' }],
    ['https://my-team-42.twenty.com/object/person/0b9e4c1d-8f2a-4b3c-9d5e-6f7a8b9c0d1e?tab=timeline', { objectType: 'person', recordId: '0b9e4c1d-8f2a-4b3c-9d5e-6f7a8b9c0d1e' }],
    ['https://app.twenty.com/object/person/0B9E4C1D-8F2A-4B3C-9D5E-6F7A8B9C0D1E', { objectType: 'person', recordId: '0b9e4c1d-8f2a-4b3c-9d5e-6f7a8b9c0d1e' }],
    ['https://app.twenty.com/person/e7c2a914-3b58-4d6f-a1e0-58c9b3d24f76', { objectType: 'person', recordId: 'e7c2a914-3b58-4d6f-a1e0-58c9b3d24f76' }],
    // Records that are not a person: a company (at its 2023 path too), an opportunity.
    ['https://acme.twenty.com/object/company/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', { objectType: 'company', recordId: '7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', nonPerson: 'organisation' }],
    ['https://app.twenty.com/object/company/20202020-C21E-4EC2-873B-DE4264D89025/?tab=timeline', { objectType: 'company', recordId: '20202020-c21e-4ec2-873b-de4264d89025', nonPerson: 'organisation' }],
    ['https://acme.twenty.com/companies/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', { objectType: 'company', recordId: '7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', nonPerson: 'organisation' }],
    ['https://acme.twenty.com/object/opportunity/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', { objectType: 'opportunity', recordId: '7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', nonPerson: 'deal' }],
    ['https://my-team-42.twenty.com/object/opportunity/0B9E4C1D-8F2A-4B3C-9D5E-6F7A8B9C0D1E/', { objectType: 'opportunity', recordId: '0b9e4c1d-8f2a-4b3c-9d5e-6f7a8b9c0d1e', nonPerson: 'deal' }],
  ],
  noMatch: [
    'https://app.twenty.com/objects/people',
    'https://acme.twenty.com/objects/people?viewId=6f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    'https://acme.twenty.com/objects/companies',
    'https://acme.twenty.com/objects/opportunities?viewId=6f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    'https://acme.twenty.com/object/person/not-a-uuid',
    'https://acme.twenty.com/object/company/not-a-uuid',
    'https://acme.twenty.com/object/companies/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://acme.twenty.com/object/task/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://acme.twenty.com/object/note/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    // Paths no Twenty version served: a company or an opportunity without `/object/`.
    'https://acme.twenty.com/company/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://acme.twenty.com/opportunity/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://acme.twenty.com/opportunities/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://acme.twenty.com/companies',
    'https://acme.twenty.com/people',
    'https://acme.twenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6',
    'https://acme.twenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b/edit',
    'https://acme.twenty.com/object/opportunity/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b/edit',
    'http://acme.twenty.com/object/company/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'http://acme.twenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://app.twenty.com.evil.example/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://eviltwenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://api.twenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
    'https://twenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b',
  ],
};

/**
 * The detector for a self-hosted Twenty on `host` (a bare hostname the admin added): the same path
 * rule and page reading as Twenty Cloud, on that host only.
 */
export function twentyOnHost(host: string): CrmDetector {
  const hostname = host.toLowerCase();
  return {
    crm: 'twenty',
    matches: [`https://${hostname}/*`],
    matchUrl: (url) => (url.hostname === hostname ? matchTwentyPath(url) : null),
    readIdentity: readTwentyPerson,
  };
}

/**
 * The record's name as the page header's breadcrumb shows it: `[data-testid="top-bar-title"]` holds
 * "People / " (a div), the title cell (the second div) and "(1 of 20)". Clicking the title turns it
 * into First name / Last name inputs, which are read by value.
 */
function recordTitle(doc: Document): string | undefined {
  for (const bar of deepQueryAll(doc, '[data-testid="top-bar-title"]')) {
    if (!isShown(bar)) continue;
    const title = bar.querySelector(':scope > div:nth-of-type(2)');
    if (!title) continue;
    const inputs = [...title.querySelectorAll('input')].map((input) => input.value.trim()).filter(Boolean);
    const name = inputs.length ? inputs.join(' ') : cleanText(title.textContent);
    if (name) return name;
  }
  return undefined;
}

/**
 * The value container of one field of THIS record. Twenty gives each inline cell's label the id
 * `label-[<instance>-]<recordId>-<fieldName>` and puts the value right after it. Scoping by the
 * record id skips a different record opened in the right-hand drawer over the page; the label
 * text is the fallback should the id scheme change.
 */
function fieldValueContainers(doc: Document, recordId: string, fieldName: string, label: string): Element[] {
  const byId = deepQueryAll(doc, `[id^="label-"][id$="${recordId}-${fieldName}"]`);
  const byLabel = deepQueryAll(doc, '[id^="label-"]').filter(
    (element) => element.id.includes(recordId) && cleanText(element.textContent) === label,
  );
  return [...byId, ...byLabel]
    .map((labelElement) => labelElement.nextElementSibling)
    .filter((value): value is Element => value !== null && isShown(value));
}

function fieldValueEmail(doc: Document, recordId: string, fieldName: string, label: string): string | undefined {
  for (const container of fieldValueContainers(doc, recordId, fieldName, label)) {
    // Display mode: one chip per address, `a[href="mailto:…"]`, primary first. Edit mode: an input.
    const email = firstShownEmail(container, ['a[href^="mailto:"]', 'input', '*']);
    if (email) return email;
  }
  return undefined;
}

function fieldValueText(doc: Document, recordId: string, fieldName: string, label: string): string | undefined {
  for (const container of fieldValueContainers(doc, recordId, fieldName, label)) {
    // A relation shows as a chip linking to the related record; its text is the company's name.
    const text = firstShownText(container, ['a[href*="/object/company/"]', 'a']) ?? cleanText(container.textContent);
    // An empty cell shows its own label as a grey placeholder ("Company"): that is no value.
    if (text && text !== label) return text;
  }
  return undefined;
}
