/**
 * A HubSpot company or deal is a record but not a person (RecordMatch.nonPerson): its page is never
 * read for one, though its sidebar shows a name and its contacts' addresses.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { hubspot } from './hubspot';
import { readPageIdentity } from './read-page';

/** A sidebar the contact reader knows: a title, a highlighted address, and an empty Email property. */
const PAGE = `<div data-test-id="left-sidebar"><span data-selenium-test="highlightTitle">Wojciech Mazur</span>
  <div data-selenium-test="contact-highlight-details"><a href="mailto:wojciech@stolarnia.example">wojciech@stolarnia.example</a></div>
  <div data-selenium-test="property-input-email"><span>--</span></div></div>
  <main><p>Agata Mazur &lt;agata@stolarnia.example&gt; replied</p></main>`;

beforeEach(() => {
  document.title = 'Stolarnia Mazur';
  document.body.innerHTML = PAGE;
});

describe('HubSpot companies and deals', () => {
  it('read the same markup as a contact’s person (so the cases below are not empty pages)', () => {
    const contact = hubspot.matchUrl(new URL('https://app.hubspot.com/contacts/4815162/record/0-1/51001'))!;
    expect(hubspot.readIdentity(document, contact)).toMatchObject({ name: 'Wojciech Mazur', email: 'wojciech@stolarnia.example' });
  });

  it.each([
    ['https://app.hubspot.com/contacts/4815162/record/0-2/7001', 'organisation'],
    ['https://app-eu1.hubspot.com/contacts/26401337/company/18803312945/', 'organisation'],
    ['https://app.hubspot.com/contacts/4815162/record/0-3/301724818164/view/1', 'deal'],
    ['https://app-na2.hubspot.com/contacts/243381751/deal/5501', 'deal'],
  ])('%s is a %s, and no person is read from its page', (url, kind) => {
    const match = hubspot.matchUrl(new URL(url))!;
    expect(match.nonPerson).toBe(kind);
    expect(hubspot.readIdentity(document, match)).toEqual({ notAPerson: true });
    // The layered read (the generic reader included) stops there too.
    expect(readPageIdentity(hubspot, document, match)).toEqual({ notAPerson: true });
  });
});
