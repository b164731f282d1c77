/**
 * A Freshsales account or deal is a record but not a person (RecordMatch.nonPerson): its page is
 * never read for one, and the contacts resource is never asked about it (it would take the account's
 * or deal's id for a contact's, and could answer with someone else).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshsales } from './freshsales';
import { readPageIdentity } from './read-page';
import type { CrmDetector } from './types';
import { watchRecords, type WatchedRecord } from './watch';

const ACCOUNT_URL = 'https://acme.myfreshworks.com/crm/sales/accounts/402000123456';
const DEAL_URL = 'https://brightorchard.freshsales.io/deals/5009876543';

/** A contact page as the reader knows it, with the record's id, a name and a mailto: link. */
const page = (id: string) => `<div class="contact-details-page" data-contact-id="${id}"><div class="contact-summary">
  <h1 class="entity-name">Ruth Adeyemi</h1><a href="mailto:ruth.adeyemi@accra.example">ruth.adeyemi@accra.example</a></div></div>`;

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  document.title = '';
  fetchMock = vi.fn(async () => new Response(JSON.stringify({ contact: { display_name: 'Someone Else', email: 'someone@else.example' } }), { status: 200 }));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('Freshsales accounts and deals', () => {
  it('read the same markup as a contact’s person (so the cases below are not empty pages)', () => {
    document.body.innerHTML = page('402000123456');
    const contact = freshsales.matchUrl(new URL('https://acme.myfreshworks.com/crm/sales/contacts/402000123456'))!;
    expect(freshsales.readIdentity(document, contact)).toMatchObject({ name: 'Ruth Adeyemi', email: 'ruth.adeyemi@accra.example' });
  });

  it.each([
    [ACCOUNT_URL, { objectType: 'sales_account', nonPerson: 'organisation' }],
    [DEAL_URL, { objectType: 'deal', nonPerson: 'deal' }],
  ])('%s reads no person from its page, and asks the API nothing', async (url, expected) => {
    const match = freshsales.matchUrl(new URL(url))!;
    expect(match).toMatchObject(expected);
    document.body.innerHTML = page(match.recordId);
    expect(freshsales.readIdentity(document, match)).toEqual({ notAPerson: true });
    expect(readPageIdentity(freshsales, document, match)).toEqual({ notAPerson: true });
    await expect(freshsales.fetchIdentity!(match, new AbortController().signal)).resolves.toEqual({});
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('are reported as the record they are, with no person and no request, through the whole watch', async () => {
    const match = freshsales.matchUrl(new URL(DEAL_URL))!;
    document.body.innerHTML = page(match.recordId);
    // The tab's URL cannot be another host here: the detector sees the deal's URL whatever the tab's.
    const detector: CrmDetector = { ...freshsales, matchUrl: () => match };
    const reported: WatchedRecord[] = [];
    const controller = new AbortController();
    watchRecords(window, [detector], { signal: controller.signal, onRecord: (record) => reported.push(record), onNoRecord() {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(reported.length).toBeGreaterThan(0);
    for (const record of reported) {
      expect(record).toMatchObject({ crm: 'freshsales', objectType: 'deal', recordId: '5009876543', nonPerson: 'deal' });
      expect(record.name).toBeUndefined();
      expect(record.email).toBeUndefined();
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
