import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { isOwnEmailLabel, tidyName, type GenericReading } from './generic-reader';
import { cleanText, deepQueryAll, emailIn, firstShownEmail, firstShownText, isShown } from './dom';

/** Salesforce record ids: 15 case-sensitive characters, or 18 with the case-safe suffix. */
const RECORD_ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
/**
 * Lead and Contact pages always show a person. Account pages show one only for a Person Account,
 * which the URL cannot tell from a business Account (both are `001…`), so the page decides. An
 * Opportunity is a record but never a person (RecordMatch.nonPerson). The object's name may be left
 * out (`/lightning/r/<id>/view`, the form Salesforce's own links and e-mail alerts use): the id's
 * key prefix names it.
 */
const LIGHTNING_RECORD_PATH = new RegExp(`^/lightning/r/(?:(Lead|Contact|Account|Opportunity)/)?(${RECORD_ID})/(?:view|edit)/?$`);
/** The objects of a record id's 3-character key prefix, which is fixed across all orgs. */
const KEY_PREFIXES: Record<string, string> = { '00Q': 'lead', '003': 'contact', '001': 'account', '006': 'opportunity' };
/**
 * `<MyDomain>.lightning.force.com`, plus the partitioned domains Salesforce gives non-production
 * orgs: `<MyDomain>--<sandbox>.sandbox.`, and `.develop.` (Developer Edition), `.scratch.`,
 * `.trailblaze.` (Trailhead playgrounds), `.demo.`, `.patch.`, `.free.`.
 */
const LIGHTNING_HOST =
  /^[a-z0-9-]+(?:--[a-z0-9-]+\.sandbox|\.(?:develop|scratch|trailblaze|demo|patch|free))?\.lightning\.force\.com$/;

/** Field labels whose value is the person's company, by object type. */
const COMPANY_LABELS: Record<string, readonly string[]> = {
  lead: ['Company'],
  contact: ['Account Name', 'Account'],
};

/** The objectType reported for a Person Account: an Account, but one that is a person. */
export const PERSON_ACCOUNT = 'person-account';

/*
 * Why no `fetchIdentity` for Salesforce: the REST and UI APIs (`/services/data/vXX.X/ui-api/records/
 * {id}`) accept only an `Authorization: Bearer <session id>` header, never the browser's cookies.
 * On `*.lightning.force.com` the session the page runs with is not valid for the API at all
 * (Salesforce documents Lightning's session as API-less; extensions like Salesforce Inspector
 * instead read the `sid` cookie of `*.my.salesforce.com` with the `cookies` permission and call that
 * host). On Classic's `*.my.salesforce.com` the `sid` cookie is unreadable whenever the org enforces
 * HttpOnly session cookies, and reading a session token into a content script is not something
 * Leadside should do. So Salesforce is read from the page only; a hidden Email field means no email.
 */

export const salesforceLightning: CrmDetector = {
  crm: 'salesforce',
  matches: ['https://*.lightning.force.com/*'],

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || !LIGHTNING_HOST.test(url.hostname)) return null;
    // In the Lightning console the path is the focused (sub)tab's record and `ws=` names the
    // workspace around it, so the path alone is what the rep is looking at.
    // The Lightning Experience's first URL form, `/one/one.app#/sObject/<id>/view`, which old links,
    // bookmarks and integrations still open: the record is in the hash.
    const path = url.pathname === '/one/one.app' ? url.hash.slice(1).split('?')[0]!.replace(/^\/sObject\//, '/lightning/r/') : url.pathname;
    const found = LIGHTNING_RECORD_PATH.exec(path);
    return found && salesforceRecord(found[1]?.toLowerCase() ?? KEY_PREFIXES[found[2]!.slice(0, 3)], found[2]!);
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    // An Opportunity's page names its contact roles, none of them the record: no one to read.
    if (match.nonPerson) return { notAPerson: true };
    // Lightning keeps earlier records' pages (and the console's other tabs) in the DOM, hidden;
    // only the shown one is this record.
    // A list view's header (the board or table a record's edit modal opens over) titles the list.
    const header = deepQueryAll(doc, 'records-highlights2, records-lwc-highlights-panel, .slds-page-header:not([class*=ListView])')
      .find(isShown);
    if (match.objectType === 'account' && !showsPersonAccount(doc, header)) return {};
    const name = header
      ? // The slotted name itself: a synthetic-shadow `<slot>` has no box of its own (display: contents), so
        // is never "shown". No bare `h1`: it also holds the object's label ("Lead"); the generic layer
        // reads a title without it.
        firstShownText(header, ['lightning-formatted-name', '[slot="primaryField"]', 'slot[name="primaryField"]', '.slds-page-header__title'])
      : undefined;
    const identity: PageIdentity = {
      name,
      email:
        firstShownEmail(
          doc,
          ['records-record-layout-item[field-label="Email"] a[href^="mailto:"]', 'records-record-layout-item[data-target-selection-name$=".PersonEmail"] a[href^="mailto:"]'],
          // A Related Record card (App Builder's view of a lookup, "Reports To") lays out that record's Email field too.
          '[class*=RelatedRecord]',
        ) ?? onlyFormattedEmail(doc),
      company: fieldValue(doc, COMPANY_LABELS[match.objectType] ?? []),
    };
    if (match.objectType === 'account') identity.record = { objectType: PERSON_ACCOUNT, recordId: match.recordId };
    return identity;
  },

  completeIdentity: completeSalesforceIdentity,
};

/**
 * A record of one of the person objects, an Account (which may be a Person Account: the page
 * decides) or an Opportunity (a deal, never a person).
 */
function salesforceRecord(objectType: string | undefined, recordId: string): RecordMatch | null {
  if (objectType === 'lead' || objectType === 'contact') return { crm: 'salesforce', objectType, recordId };
  // Account ids always start with 001 and Opportunity ids with 006; anything else under their names is not their page.
  if (!objectType || KEY_PREFIXES[recordId.slice(0, 3)] !== objectType) return null;
  return objectType === 'account' ? { crm: 'salesforce', objectType, recordId, personFromPage: true } : { crm: 'salesforce', objectType, recordId, nonPerson: 'deal' };
}

/**
 * An Account whose markup did not say "person": a business Account has no e-mail field of its own,
 * a Person Account's is labelled as one, so a labelled address found by the generic reader makes
 * it a person. Otherwise it stays the Account it is, and no address on it is taken for a person's.
 */
function completeSalesforceIdentity(found: PageIdentity, generic: GenericReading, match: RecordMatch): PageIdentity {
  // A page that titles no person (a converted lead's summary, its cards the records it became)
  // names them beside their address: the Contact linked in the address's card.
  const identity = found.name ? found : { ...found, name: tidyName(generic.emailElement?.closest('article, .slds-card')?.querySelector('a[href*="/lightning/r/Contact/"]')?.textContent) };
  if (match.objectType !== 'account' || identity.record) return identity;
  if (generic.labelled) return { ...identity, record: { objectType: PERSON_ACCOUNT, recordId: match.recordId } };
  return { record: { objectType: 'account', recordId: match.recordId, nonPerson: 'organisation' }, notAPerson: true };
}

/**
 * Any other formatted address is the person's only when it is the page's one, in a field labelled
 * as the e-mail field and nothing more (in any of the languages the generic reader knows): among
 * several (NPSP's Personal, Work and Alternate Email), beside an e-mail field left empty, or in
 * another person's field (an assistant's, an emergency contact's), the generic reader judges them
 * by their labels. The label is the layout item's `field-label`, or, in a Dynamic Forms field
 * section, the form element's own label ("Partner Contact Email" in a section its visibility rule
 * shows before the lead's own fields have rendered).
 */
function onlyFormattedEmail(doc: Document): string | undefined {
  const fields = deepQueryAll(doc, 'lightning-formatted-email').filter(isShown);
  const shown = new Set(deepQueryAll(doc, 'lightning-formatted-email a[href^="mailto:"]').filter(isShown).map(emailIn));
  const own = (field: Element) => {
    const label = field.closest('records-record-layout-item')?.getAttribute('field-label') ?? field.closest('.slds-form-element')?.querySelector('.slds-form-element__label')?.textContent;
    return !label || isOwnEmailLabel(label);
  };
  return shown.size === 1 && fields.every((field) => `${field.innerHTML}${field.shadowRoot?.innerHTML}`.includes('@') && own(field)) ? [...shown][0] : undefined;
}

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const salesforceLightningTestUrls: DetectorTestUrls = {
  match: [
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view', { objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF' }],
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1a/view', { objectType: 'lead', recordId: '00Q8d00000XyZ1a' }],
    // The record's edit modal, opened over its page (the URL Lightning gives the pencil).
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000Hy6TzAAJ/edit?navigationLocation=DETAIL&count=1', { objectType: 'contact', recordId: '0035g00000Hy6TzAAJ' }],
    ['https://acme.lightning.force.com/lightning/r/Contact/0038d00000Qw3rTAAR/view?ws=%2Flightning%2Fr', { objectType: 'contact', recordId: '0038d00000Qw3rTAAR' }],
    // Console: a Contact subtab focused inside an Account workspace; the path is what is shown.
    ['https://acme.lightning.force.com/lightning/r/Contact/0038d00000Dk4MxAAR/view?ws=%2Flightning%2Fr%2FAccount%2F0018d00000Tn5NtAAR%2Fview', { objectType: 'contact', recordId: '0038d00000Dk4MxAAR' }],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ2bEAF/view', { objectType: 'lead', recordId: '00Q8d00000XyZ2bEAF' }],
    ['https://acme-dev-ed.develop.lightning.force.com/lightning/r/Contact/0038d00000Qw3rTAAR/view', { objectType: 'contact', recordId: '0038d00000Qw3rTAAR' }],
    ['https://my-org-42.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ2bEAF/view/', { objectType: 'lead', recordId: '00Q8d00000XyZ2bEAF' }],
    // Any Account may be a Person Account: the page decides (see readIdentity).
    ['https://acme.lightning.force.com/lightning/r/Account/0018d00000Pa7KcAAR/view', { objectType: 'account', recordId: '0018d00000Pa7KcAAR', personFromPage: true }],
    // The object's name left out: the id's key prefix names it.
    ['https://acme.lightning.force.com/lightning/r/0035g00000MnBvCAAR/view', { objectType: 'contact', recordId: '0035g00000MnBvCAAR' }],
    ['https://acme.lightning.force.com/lightning/r/00Q8d00000XyZ1aEAF/view', { objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF' }],
    ['https://acme.lightning.force.com/lightning/r/0018d00000Pa7KcAAR/view', { objectType: 'account', recordId: '0018d00000Pa7KcAAR', personFromPage: true }],
    // The first Lightning URL form: the record in the hash.
    ['https://acme.lightning.force.com/one/one.app#/sObject/0035g00000Vb3KqAAJ/view?a:t=1764912345678', { objectType: 'contact', recordId: '0035g00000Vb3KqAAJ' }],
    ['https://acme.lightning.force.com/one/one.app#/sObject/00Q8d00000XyZ1aEAF/view', { objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF' }],
    // An Opportunity: a record, but a deal rather than a person.
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0068d00000AbCdEAAZ/view', { objectType: 'opportunity', recordId: '0068d00000AbCdEAAZ', nonPerson: 'deal' }],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0068d00000AbCdE/view?ws=%2Flightning%2Fr%2FAccount%2F0018d00000Tn5NtAAR%2Fview', { objectType: 'opportunity', recordId: '0068d00000AbCdE', nonPerson: 'deal' }],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/0068d00000AbCdEAAZ/edit', { objectType: 'opportunity', recordId: '0068d00000AbCdEAAZ', nonPerson: 'deal' }],
    ['https://acme-dev-ed.develop.lightning.force.com/lightning/r/Opportunity/0068d00000AbCdEAAZ/view/', { objectType: 'opportunity', recordId: '0068d00000AbCdEAAZ', nonPerson: 'deal' }],
    ['https://acme.lightning.force.com/lightning/r/0068d00000AbCdEAAZ/view', { objectType: 'opportunity', recordId: '0068d00000AbCdEAAZ', nonPerson: 'deal' }],
    ['https://acme.lightning.force.com/one/one.app#/sObject/0068d00000AbCdEAAZ/view', { objectType: 'opportunity', recordId: '0068d00000AbCdEAAZ', nonPerson: 'deal' }],
  ],
  noMatch: [
    'https://acme.lightning.force.com/one/one.app#/sObject/Lead/list?filterName=Recent',
    'https://acme.lightning.force.com/one/one.app#/home',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
    // Other objects (a Case, a Campaign), and an Opportunity's related list.
    'https://acme.lightning.force.com/lightning/r/Case/5008d00000MnOpQAAR/view',
    'https://acme.lightning.force.com/lightning/r/7018d00000AbCdEAAZ/view',
    'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00000AbCdEAAZ/related/OpportunityContactRoles/view',
    'https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/related/Histories/view',
    'https://acme.lightning.force.com/lightning/r/Lead/short/view',
    // An Account URL whose id is not an account's (001) is not an account page.
    'https://acme.lightning.force.com/lightning/r/Account/0038d00000Qw3rTAAR/view',
    'https://acme.lightning.force.com/lightning/r/Opportunity/0018d00000Pa7KcAAR/view',
    'http://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
    'https://lightning.force.com.evil.example/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
    'https://acme.lightning.force.com.evil.example/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
    'https://acme.my.salesforce.com/00Q8d00000XyZ1aEAF',
  ],
};

/**
 * A Person Account's page says so: its highlights carry the person-account icon, and its fields are
 * the person fields (`Account.PersonEmail`, `PersonMobilePhone`, …) that business Accounts lack.
 * The record type's name is not used: orgs rename it and may have several person record types.
 */
function showsPersonAccount(doc: Document, header: Element | undefined): boolean {
  if (header && deepQueryAll(header, '.slds-icon-standard-person-account').some(isShown)) return true;
  return deepQueryAll(doc, 'records-record-layout-item[data-target-selection-name^="sfdc:RecordField.Account.Person"]').some(
    isShown,
  );
}

/** The shown value of a record-detail field, found by its label as Lightning renders it. */
function fieldValue(doc: Document, labels: readonly string[]): string | undefined {
  for (const label of labels) {
    const value = firstShownText(doc, [
      `records-record-layout-item[field-label="${label}"] .slds-form-element__static`,
      `records-record-layout-item[field-label="${label}"] lightning-formatted-text`,
      `records-record-layout-item[field-label="${label}"] a`,
    ]);
    if (value) return value;
  }
  return undefined;
}

// ---- Salesforce Classic ---------------------------------------------------------------------------

/**
 * Classic record URLs are the bare id at the root: `/<id>`, optionally with a query (`?srPos=0`),
 * the record's edit page `/<id>/e` (the same record, its fields as inputs) or its Printable View
 * `/<id>/p` (the same fields without the app around them). The object is known only by the id's key
 * prefix (KEY_PREFIXES). (`/00Q/o` is the Leads tab.)
 */
const CLASSIC_RECORD_PATH = /^\/((00Q|003|00[16])[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:\/[ep])?$/;
/**
 * `<MyDomain>.my.salesforce.com`, with the partitioned-domain label (`.sandbox.`, `.develop.`, …) or a
 * legacy sandbox instance (`acme--uat.cs42.`) in between.
 */
const CLASSIC_HOST =
  /^[a-z0-9-]+(?:\.(?:sandbox|develop|scratch|trailblaze|demo|patch|free|cs\d+))?\.my\.salesforce\.com$/;
/** Classic prefixes names with the salutation field; marketing knows the person without it. */
const SALUTATION = /^(?:mr|mrs|ms|mx|dr|prof)\.?\s+/i;

export const salesforceClassic: CrmDetector = {
  crm: 'salesforce',
  matches: ['https://*.my.salesforce.com/*'],

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || !CLASSIC_HOST.test(url.hostname)) return null;
    const found = CLASSIC_RECORD_PATH.exec(url.pathname);
    return found && salesforceRecord(KEY_PREFIXES[found[2]!], found[1]!);
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    if (match.nonPerson) return { notAPerson: true };
    // Classic reloads the page per record, so nothing stale is kept; the title's h2 is the name.
    const title = firstShownText(doc, ['.bPageTitle h2.pageDescription']);
    const emailCell = classicField(doc, ['Email']);
    // The value is a link: mailto:, or Classic's own e-mail composer with the address as its text.
    const email = emailCell ? firstShownEmail(emailCell, ['a', 'div']) : undefined;
    const name = title?.replace(SALUTATION, '');
    // An Account with an Email field of its own is a Person Account; one without, the generic layer judges (completeIdentity).
    if (match.objectType === 'account') return email ? { name, email, record: { objectType: PERSON_ACCOUNT, recordId: match.recordId } } : {};
    return { name, email, company: cleanText(classicField(doc, match.objectType === 'lead' ? ['Company'] : ['Account Name'])?.textContent) };
  },
  completeIdentity: completeSalesforceIdentity,
};

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const salesforceClassicTestUrls: DetectorTestUrls = {
  match: [
    ['https://acme.my.salesforce.com/00Q5j00000Lm7Qk', { objectType: 'lead', recordId: '00Q5j00000Lm7Qk' }],
    ['https://acme.my.salesforce.com/00Q8d00000XyZ1aEAF', { objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF' }],
    ['https://acme.my.salesforce.com/0038d00000Qw3rT?srPos=0&srKp=003', { objectType: 'contact', recordId: '0038d00000Qw3rT' }],
    ['https://acme--uat.sandbox.my.salesforce.com/00Q8d00000XyZ2b', { objectType: 'lead', recordId: '00Q8d00000XyZ2b' }],
    ['https://acme--uat.cs42.my.salesforce.com/0038d00000Qw3rTAAR', { objectType: 'contact', recordId: '0038d00000Qw3rTAAR' }],
    // Any Account may be a Person Account: the page decides.
    ['https://acme.my.salesforce.com/0018d00000Nv8kL', { objectType: 'account', recordId: '0018d00000Nv8kL', personFromPage: true }],
    // The record's edit page is the record.
    ['https://acme.my.salesforce.com/00Q5j00000Lm7Qk/e?retURL=%2F00Q5j00000Lm7Qk', { objectType: 'lead', recordId: '00Q5j00000Lm7Qk' }],
    // Its Printable View too.
    ['https://acme.my.salesforce.com/0035g00000Lq7Wm/p?retURL=%2F0035g00000Lq7Wm', { objectType: 'contact', recordId: '0035g00000Lq7Wm' }],
    // An Opportunity (006): a deal, not a person.
    ['https://acme.my.salesforce.com/0068d00000AbCdE', { objectType: 'opportunity', recordId: '0068d00000AbCdE', nonPerson: 'deal' }],
    ['https://acme--uat.sandbox.my.salesforce.com/0068d00000AbCdEAAZ?srPos=0&srKp=006', { objectType: 'opportunity', recordId: '0068d00000AbCdEAAZ', nonPerson: 'deal' }],
    ['https://acme--uat.cs42.my.salesforce.com/0068d00000AbCdE/e', { objectType: 'opportunity', recordId: '0068d00000AbCdE', nonPerson: 'deal' }],
  ],
  noMatch: [
    'https://acme.my.salesforce.com/00Q/o',
    'https://acme.my.salesforce.com/00Q5j00000Lm7Qk/edit',
    'https://acme.my.salesforce.com/00Q5j00000Lm7Qk/x',
    'https://acme.my.salesforce.com/006/o',
    'https://acme.my.salesforce.com/5008d00000MnOpQ',
    'https://acme.my.salesforce.com/0068d00000AbC',
    'https://acme.my.salesforce.com/00Q5j00000Lm7',
    'https://acme.my.salesforce.com/home/home.jsp',
    'https://acme.my.salesforce.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
    'http://acme.my.salesforce.com/00Q5j00000Lm7Qk',
    'https://my.salesforce.com.evil.example/00Q5j00000Lm7Qk',
    'https://acme.my.salesforce.com.evil.example/00Q5j00000Lm7Qk',
  ],
};

/**
 * The value cell of a Classic detail-page field: `td.labelCol` holds the label and the next
 * `td.dataCol` the value. Only the record's own detail block (`.bDetailBlock`) is read, because
 * Classic's hover popups for related records use the same table markup.
 */
function classicField(doc: Document, labels: readonly string[]): Element | undefined {
  const cells = [...doc.querySelectorAll('.bDetailBlock td.labelCol')];
  for (const label of labels) {
    for (const cell of cells) {
      const value = cell.nextElementSibling;
      if (cleanText(cell.textContent) !== label || !value?.matches('td.dataCol') || !isShown(value)) continue;
      return value;
    }
  }
  return undefined;
}
