import type { CrmDetector, PageIdentity, RecordMatch } from './types';
import { deepQueryAll, firstShownEmail, firstShownText, isShown } from './dom';

/** Salesforce record ids: 15 case-sensitive characters, or 18 with the case-safe suffix. */
const RECORD_ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
const LIGHTNING_RECORD_PATH = new RegExp(`^/lightning/r/(Lead|Contact)/(${RECORD_ID})/view/?$`);
const LIGHTNING_HOST = /^[a-z0-9-]+(?:--[a-z0-9-]+\.sandbox)?\.lightning\.force\.com$/;

/** Field labels whose value is the person's company, by object type. */
const COMPANY_LABELS: Record<string, readonly string[]> = {
  lead: ['Company'],
  contact: ['Account Name', 'Account'],
};

export const salesforceLightning: CrmDetector = {
  crm: 'salesforce',
  matches: ['https://*.lightning.force.com/*'],

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || !LIGHTNING_HOST.test(url.hostname)) return null;
    const found = LIGHTNING_RECORD_PATH.exec(url.pathname);
    if (!found) return null;
    return { crm: 'salesforce', objectType: found[1]!.toLowerCase(), recordId: found[2]! };
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    // Lightning keeps earlier records' pages in the DOM (hidden); only the shown one is this record.
    const header = deepQueryAll(doc, 'records-highlights2, records-lwc-highlights-panel, .slds-page-header')
      .find(isShown);
    const name = header
      ? firstShownText(header, ['lightning-formatted-name', 'slot[name="primaryField"]', 'h1'])
      : undefined;
    return {
      name,
      email: firstShownEmail(doc, [
        'records-record-layout-item[field-label="Email"] a[href^="mailto:"]',
        'lightning-formatted-email a[href^="mailto:"]',
      ]),
      company: fieldValue(doc, COMPANY_LABELS[match.objectType] ?? []),
    };
  },

  testUrls: {
    match: [
      ['https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view', { objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF' }],
      ['https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1a/view', { objectType: 'lead', recordId: '00Q8d00000XyZ1a' }],
      ['https://acme.lightning.force.com/lightning/r/Contact/0038d00000Qw3rTAAR/view?ws=%2Flightning%2Fr', { objectType: 'contact', recordId: '0038d00000Qw3rTAAR' }],
      ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ2bEAF/view', { objectType: 'lead', recordId: '00Q8d00000XyZ2bEAF' }],
      ['https://my-org-42.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ2bEAF/view/', { objectType: 'lead', recordId: '00Q8d00000XyZ2bEAF' }],
    ],
    noMatch: [
      'https://acme.lightning.force.com/lightning/page/home',
      'https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent',
      'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00000AbCdEAAZ/view',
      'https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/related/Histories/view',
      'https://acme.lightning.force.com/lightning/r/Lead/short/view',
      'http://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
      'https://lightning.force.com.evil.example/lightning/r/Lead/00Q8d00000XyZ1aEAF/view',
      'https://acme.my.salesforce.com/00Q8d00000XyZ1aEAF',
    ],
  },
};

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
