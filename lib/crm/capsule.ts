import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { cleanText, deepQueryAll, firstShownEmail, firstShownText, isShown } from './dom';

/**
 * `/party/<id>`, the one page for every contact, person or organisation alike; `?advanced` (Capsule's
 * own support articles use it) and other queries leave it the same page. `/party/person/new` and
 * `/party/organisation/new` are the add forms, `/parties` the list. `/opportunity/<id>` is a deal's
 * page (the links Capsule's integrations build to one), reported as the deal it is.
 */
const RECORD_PATH = /^\/(party|opportunity)\/(\d{1,15})\/?$/;
/** `<account>.capsulecrm.com`; `api.` is the REST API, `www.` the website. */
const ACCOUNT_HOST = /^(?!(?:api|www)\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.capsulecrm\.com$/;

const SUMMARY = '.party-summary';

/*
 * Why no `fetchIdentity` for Capsule: its documented API v2 lives on api.capsulecrm.com (another
 * origin) and takes an OAuth bearer token, not the web app's session; so Capsule is read from the
 * page.
 */
export const capsule: CrmDetector = {
  crm: 'capsule',
  matches: ['https://*.capsulecrm.com/*'],

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || !ACCOUNT_HOST.test(url.hostname)) return null;
    const found = RECORD_PATH.exec(url.pathname);
    if (!found) return null;
    // The URL cannot tell a person from an organisation: the party is reported at once, and the page
    // says which it is once it has rendered (see `peopleLists`).
    return found[1] === 'party'
      ? { crm: 'capsule', objectType: 'party', recordId: found[2]!, personFromPage: true }
      : { crm: 'capsule', objectType: 'opportunity', recordId: found[2]!, nonPerson: 'deal' };
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    // A deal is a record, never a person: the contacts it lists are theirs.
    if (match.nonPerson) return { notAPerson: true };
    const summary = deepQueryAll(doc, SUMMARY).find(isShown);
    const people = peopleLists(doc);
    const organisation = organisationOf(summary ?? doc, match.recordId, people);
    const title = firstShownText(doc, [`${SUMMARY}__name`, 'h1']);
    // Its people listed, or (their tab not open) a name in a company's legal form: no person is "… Ltd".
    if (!organisation && (people.some((list) => isShown(list) && otherParties(list, match.recordId).length > 0) || LEGAL_FORM.test(title ?? ''))) {
      return { record: { objectType: 'organisation', recordId: match.recordId, nonPerson: 'organisation' }, notAPerson: true };
    }
    // Nothing on the page shown yet (no summary, no heading of any kind, no region named for
    // assistive technology): the party stays reported as a party until it renders.
    if (!summary && !firstShownText(doc, ['h1', '[role=heading]', '[role=region][aria-label]'])) return {};
    return {
      record: { objectType: 'person', recordId: match.recordId },
      name: summary ? firstShownText(summary, [`${SUMMARY}__name`, 'h1']) : undefined,
      email: summary ? firstShownEmail(summary, ['.party-contact-details a[href^="mailto:"]', 'a[href^="mailto:"]']) : undefined,
      company: organisation,
    };
  },
};

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const capsuleTestUrls: DetectorTestUrls = {
  match: [
    ['https://acme.capsulecrm.com/party/272828446', { objectType: 'party', recordId: '272828446', personFromPage: true }],
    ['https://acme.capsulecrm.com/party/272828446/', { objectType: 'party', recordId: '272828446', personFromPage: true }],
    ['https://example.capsulecrm.com/party/12345678?advanced', { objectType: 'party', recordId: '12345678', personFromPage: true }],
    ['https://my-firm-2.capsulecrm.com/party/1234#history', { objectType: 'party', recordId: '1234', personFromPage: true }],
    ['https://slackspace.capsulecrm.com/party/98765432', { objectType: 'party', recordId: '98765432', personFromPage: true }],
    // A deal is a record, not a person's.
    ['https://acme.capsulecrm.com/opportunity/5678', { objectType: 'opportunity', recordId: '5678', nonPerson: 'deal' }],
    ['https://energysparks.capsulecrm.com/opportunity/5678/', { objectType: 'opportunity', recordId: '5678', nonPerson: 'deal' }],
    ['https://my-firm-2.capsulecrm.com/opportunity/10427731?tab=history#notes', { objectType: 'opportunity', recordId: '10427731', nonPerson: 'deal' }],
  ],
  noMatch: [
    'https://acme.capsulecrm.com/parties',
    'https://acme.capsulecrm.com/party/person/new',
    'https://acme.capsulecrm.com/party/organisation/new',
    'https://acme.capsulecrm.com/party/272828446/edit',
    'https://acme.capsulecrm.com/opportunities',
    'https://acme.capsulecrm.com/opportunity/new',
    'https://acme.capsulecrm.com/opportunity/5678/edit',
    'https://acme.capsulecrm.com/opportunity/56a78',
    'https://acme.capsulecrm.com/opportunities/5678',
    'https://acme.capsulecrm.com/kase/5678',
    'https://api.capsulecrm.com/opportunity/5678',
    'https://acme.capsulecrm.com/party/27282844a6',
    'http://acme.capsulecrm.com/party/272828446',
    'https://acme.capsulecrm.com.evil.example/party/272828446',
    'https://api.capsulecrm.com/party/272828446',
    'https://capsulecrm.com/party/272828446',
  ],
};

/**
 * Capsule draws a person and an organisation with one party template, and the URL is the same shape
 * for both, so the page decides: a person's header names its organisation under the name ("VP
 * Security at Ledgerly", a link to another party); an organisation's page lists its people, each a
 * link to their own party, or where that tab is not open, names it in a company's legal form ("… Ltd",
 * "… GmbH"). (The name's menu, which offers "Convert to Organisation", is rendered
 * only while open, so it cannot be read.) A party showing neither counts as a person: taking an
 * organisation for a person costs a "not in marketing data", missing a person costs the rep their
 * brief.
 */
/** The legal form that ends a company's name ("Penrose Quay Boatyard Ltd", "Polder GmbH", "Acme, Inc."). */
const LEGAL_FORM = /[\s,](?:ltd|limited|llc|inc|incorporated|corp|corporation|gmbh|plc|b\.?v|s\.a|s\.?r\.?l|sarl|pty)\.?$/i;

function peopleLists(doc: Document): Element[] {
  // By class or label, or (where a build's class names say nothing) by the heading, "People (2)".
  const headed = deepQueryAll(doc, 'h2, h3').filter((heading) => /^people\b/i.test(cleanText(heading.textContent) ?? ''));
  return [...deepQueryAll(doc, '.party-people, [class*="people" i], [aria-label*="people" i]'), ...headed.map((heading) => heading.parentElement!)];
}

function otherParties(root: Document | Element, partyId: string): Element[] {
  return deepQueryAll(root, 'a[href*="/party/"]').filter((link) => {
    const id = /\/party\/(\d+)/.exec(link.getAttribute('href') ?? '')?.[1];
    return id !== undefined && id !== partyId && isShown(link);
  });
}

/**
 * A person's organisation: the link under the name ("VP Security at Ledgerly") to another party,
 * in the summary or, whatever the markup, right beside the page's title. Links to the party itself
 * (its own avatar, tabs) and the people an organisation lists are not it.
 */
function organisationOf(root: Document | Element, partyId: string, people: Element[]): string | undefined {
  const scoped = root instanceof Document ? deepQueryAll(root, 'h1').filter(isShown).map((title) => title.parentElement).filter((header): header is HTMLElement => header !== null) : [root];
  for (const region of scoped) {
    const link = otherParties(region, partyId).find((candidate) => !people.some((list) => list.contains(candidate)));
    const text = cleanText(link?.textContent);
    if (text) return text;
  }
  return undefined;
}
