/** Zoho CRM's accounts and deals are records, not people: their pages are never read for one (zoho.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zoho } from './zoho';
import { readPageIdentity, readRecordPage } from './read-page';

afterEach(() => vi.unstubAllGlobals());

/** A record page as Zoho draws a lead's: the header's name and business card, an e-mail field. */
function recordPage(recordId: string, name: string, second: string, email: string): void {
  document.body.innerHTML = `<crm-detailview><crux-detailpage-wrapper cx-prop-entity-id="${recordId}">
    <crux-detailpage-header><span id="recHeader1">${name}</span><span id="recHeader2">${second}</span>
      <span class="cxDvRecordEmail">${email}</span></crux-detailpage-header>
    <crux-email-component><a href="mailto:${email}">${email}</a></crux-email-component></crux-detailpage-wrapper></crm-detailview>`;
}

describe('Zoho CRM records that are not a person', () => {
  it.each([
    ['https://crm.zoho.eu/crm/org20098805637/tab/Accounts/349824000012345678', 'account', 'organisation'],
    ['https://crm.zoho.com/crm/org20089364/tab/Potentials/5725767000000611001', 'deal', 'deal'],
    ['https://crm.zoho.com/crm/org20089364/tab/Deals/5725767000000611001/edit', 'deal', 'deal'],
  ] as const)('%s reads no person, whatever its page shows', (url, objectType, nonPerson) => {
    const fetchMock = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetchMock);
    const match = zoho.matchUrl(new URL(url))!;
    expect(match).toMatchObject({ objectType, nonPerson });
    recordPage(match.recordId, 'Mr. Lars Eriksson', 'Eriksson Bygg AB', 'lars@eriksson-bygg.example');
    expect(zoho.readIdentity(document, match)).toEqual({ notAPerson: true });
    expect(readPageIdentity(zoho, document, match)).toEqual({ record: undefined, notAPerson: true });
    expect(readRecordPage(zoho, document, match)).toEqual({ crm: 'zoho', type: objectType, id: match.recordId, email: undefined, name: undefined });
    // Zoho has no API call to make (see zoho.ts): nothing at all is asked.
    expect(zoho.fetchIdentity).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('still reads a lead on the same page', () => {
    const match = zoho.matchUrl(new URL('https://crm.zoho.com/crm/org20089364/tab/Leads/5725767000000411001'))!;
    recordPage(match.recordId, 'Mr. Lars Eriksson', 'Eriksson Bygg AB', 'lars@eriksson-bygg.example');
    expect(zoho.readIdentity(document, match)).toEqual({ name: 'Lars Eriksson', email: 'lars@eriksson-bygg.example', company: 'Eriksson Bygg AB' });
  });
});
