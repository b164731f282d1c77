/**
 * A Salesforce Opportunity is a record but not a person (RecordMatch.nonPerson): its page is never
 * read for one, though it names its contact roles; and a business Account says what it is.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readPageIdentity } from './read-page';
import { salesforceClassic, salesforceLightning } from './salesforce';

/** An Opportunity's highlights and a contact role's card with the contact's address. */
const LIGHTNING_PAGE = `<records-highlights2><h1><lightning-formatted-text slot="primaryField">Nordwind Renewal 2027</lightning-formatted-text></h1></records-highlights2>
  <article class="slds-card"><a href="/lightning/r/Contact/0038d00000Qw3rTAAR/view">Henrike Albers</a>
  <records-record-layout-item field-label="Email"><a href="mailto:h.albers@nordwind.example">h.albers@nordwind.example</a></records-record-layout-item></article>`;
/** Classic's detail block, with an Email row (a custom field on the Opportunity). */
const CLASSIC_PAGE = `<div class="bPageTitle"><h2 class="pageDescription">Mr. Henrik Albers</h2></div>
  <div class="bDetailBlock"><table><tr><td class="labelCol">Email</td><td class="dataCol"><a href="mailto:h.albers@nordwind.example">h.albers@nordwind.example</a></td></tr></table></div>`;

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('Salesforce Opportunities', () => {
  it.each([
    'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00000AbCdEAAZ/view',
    'https://acme--uat.sandbox.lightning.force.com/lightning/r/0068d00000AbCdEAAZ/view',
  ])('%s reads no person in Lightning', (url) => {
    document.body.innerHTML = LIGHTNING_PAGE;
    const match = salesforceLightning.matchUrl(new URL(url))!;
    expect(match).toMatchObject({ objectType: 'opportunity', nonPerson: 'deal' });
    expect(salesforceLightning.readIdentity(document, match)).toEqual({ notAPerson: true });
    expect(readPageIdentity(salesforceLightning, document, match)).toEqual({ notAPerson: true });
    // The same page as a Contact's is read (so the case above is not an empty page).
    const contact = { crm: 'salesforce' as const, objectType: 'contact', recordId: '0038d00000Qw3rTAAR' };
    expect(readPageIdentity(salesforceLightning, document, contact)).toMatchObject({ email: 'h.albers@nordwind.example' });
  });

  it('reads no person in Classic', () => {
    document.body.innerHTML = CLASSIC_PAGE;
    const match = salesforceClassic.matchUrl(new URL('https://acme--uat.sandbox.my.salesforce.com/0068d00000AbCdE'))!;
    expect(match).toMatchObject({ objectType: 'opportunity', nonPerson: 'deal' });
    expect(salesforceClassic.readIdentity(document, match)).toEqual({ notAPerson: true });
    expect(readPageIdentity(salesforceClassic, document, match)).toEqual({ notAPerson: true });
  });
});

describe('a business Account', () => {
  it('is reported as an organisation, with nobody read from it', () => {
    document.body.innerHTML = `<records-highlights2><h1><lightning-formatted-text slot="primaryField">Nordwind Energie GmbH</lightning-formatted-text></h1></records-highlights2>`;
    const match = salesforceLightning.matchUrl(new URL('https://acme.lightning.force.com/lightning/r/Account/0018d00000Pa7KcAAR/view'))!;
    // Any Account may be a Person Account: the URL alone does not say it is not a person.
    expect(match.nonPerson).toBeUndefined();
    expect(readPageIdentity(salesforceLightning, document, match)).toEqual({
      record: { objectType: 'account', recordId: '0018d00000Pa7KcAAR', nonPerson: 'organisation' },
      notAPerson: true,
    });
  });
});
