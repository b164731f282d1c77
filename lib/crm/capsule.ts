import type { CrmDetector, PageIdentity, RecordMatch } from './types';
import { cleanText, deepQueryAll, firstShownEmail, firstShownText, isShown } from './dom';

/**
 * `/party/<id>`, the one page for every contact, person or organisation alike; `?advanced` (Capsule's
 * own support articles use it) and other queries leave it the same page. `/party/person/new` and
 * `/party/organisation/new` are the add forms, `/parties` the list.
 */
const PARTY_PATH = /^\/party\/(\d{1,15})\/?$/;
/** `<account>.capsulecrm.com`; `api.` is the REST API, `www.` the website. */
const ACCOUNT_HOST = /^(?!(?:api|www)\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.capsulecrm\.com$/;

const SUMMARY = '.party-summary';

export const capsule: CrmDetector = {
  crm: 'capsule',
  matches: ['https://*.capsulecrm.com/*'],

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || !ACCOUNT_HOST.test(url.hostname)) return null;
    const found = PARTY_PATH.exec(url.pathname);
    // The URL cannot tell a person from an organisation, and only a person is a lead: the page says
    // which it is (see `partyIsPerson`), so nothing is reported before it has rendered.
    return found ? { crm: 'capsule', objectType: 'party', recordId: found[1]!, personFromPage: true } : null;
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    const summary = deepQueryAll(doc, SUMMARY).find(isShown);
    if (!summary || !partyIsPerson(summary, match.recordId)) return {};
    return {
      record: { objectType: 'person', recordId: match.recordId },
      name: firstShownText(summary, ['.party-summary__name', 'h1']),
      email: firstShownEmail(summary, ['.party-contact-details a[href^="mailto:"]', 'a[href^="mailto:"]']),
      company: organisationOf(summary, match.recordId),
    };
  },

  testUrls: {
    match: [
      ['https://acme.capsulecrm.com/party/272828446', { objectType: 'party', recordId: '272828446', personFromPage: true }],
      ['https://acme.capsulecrm.com/party/272828446/', { objectType: 'party', recordId: '272828446', personFromPage: true }],
      ['https://example.capsulecrm.com/party/12345678?advanced', { objectType: 'party', recordId: '12345678', personFromPage: true }],
      ['https://my-firm-2.capsulecrm.com/party/1234#history', { objectType: 'party', recordId: '1234', personFromPage: true }],
      ['https://slackspace.capsulecrm.com/party/98765432', { objectType: 'party', recordId: '98765432', personFromPage: true }],
    ],
    noMatch: [
      'https://acme.capsulecrm.com/parties',
      'https://acme.capsulecrm.com/party/person/new',
      'https://acme.capsulecrm.com/party/organisation/new',
      'https://acme.capsulecrm.com/party/272828446/edit',
      'https://acme.capsulecrm.com/opportunity/5678',
      'https://acme.capsulecrm.com/party/27282844a6',
      'http://acme.capsulecrm.com/party/272828446',
      'https://acme.capsulecrm.com.evil.example/party/272828446',
      'https://api.capsulecrm.com/party/272828446',
      'https://capsulecrm.com/party/272828446',
    ],
  },
};

/**
 * Capsule draws a person and an organisation with one party template, and the URL is the same shape
 * for both, so the header decides: a person's names its organisation under the name ("VP Security
 * at Ledgerly"); an organisation's page lists its people. (The name's down-arrow menu, which offers
 * "Convert to Organisation" or "Convert to Person", is rendered only while open, so it cannot be
 * read.) A party showing neither counts as a person: taking an organisation for a person costs a
 * "not in marketing data", missing a person costs the rep their brief.
 */
function partyIsPerson(summary: Element, partyId: string): boolean {
  if (organisationOf(summary, partyId)) return true;
  return !deepQueryAll(summary.ownerDocument, '.party-people').some(isShown);
}

/**
 * A person's organisation: the link under the name ("VP Security at Ledgerly") to another party.
 * Links to the party itself (its own avatar, tabs) are not it.
 */
function organisationOf(summary: Element, partyId: string): string | undefined {
  for (const link of deepQueryAll(summary, '.party-summary__title a[href*="/party/"]')) {
    const id = /\/party\/(\d+)/.exec(link.getAttribute('href') ?? '')?.[1];
    const text = cleanText(link.textContent);
    if (id && id !== partyId && text && isShown(link)) return text;
  }
  return undefined;
}
