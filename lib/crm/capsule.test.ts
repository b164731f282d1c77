/** Capsule's one party page: whether it shows a person or an organisation is the page's to say (capsule.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capsule } from './capsule';
import { readPageIdentity, readRecordPage } from './read-page';

const match = capsule.matchUrl(new URL('https://acme.capsulecrm.com/party/245600310'))!;

describe('Capsule party page', () => {
  it('is an organisation where a "People" list shows other parties, whatever its class names', () => {
    document.body.innerHTML = `<div class="_k2c2"><h1 class="_k2c4">Tideway Rowing Supplies Ltd</h1>
      <dl><dt>Email Address</dt><dd><a href="mailto:hello@tideway.example">hello@tideway.example</a></dd></dl>
      <section class="_k3a1"><h2 class="_k3a2">People (2)</h2><ul><li><a href="/party/245600311">Harriet Osei</a> <span>harriet@tideway.example</span></li></ul></section></div>`;
    expect(readRecordPage(capsule, document, match)).toEqual({ crm: 'capsule', type: 'organisation', id: '245600310', email: undefined, name: undefined });
  });

  it('is an organisation where its name is in a company’s legal form, its people’s tab not open', () => {
    document.body.innerHTML = `<main><h1>Penrose Quay Boatyard Ltd</h1><ul><li><a href="mailto:office@penrosequay.example">office@penrosequay.example</a></li></ul>
      <section class="people" hidden><a href="/party/245600311">Gwithian Pengelly</a></section></main>`;
    expect(readRecordPage(capsule, document, match)).toMatchObject({ type: 'organisation', email: undefined, name: undefined });
    // A person's name is never in one, even one ending like a legal form's letters ("Ana Sa").
    document.body.innerHTML = `<main><h1>Ana Sa</h1><a href="mailto:ana@sa.example">ana@sa.example</a></main>`;
    expect(readRecordPage(capsule, document, match)).toMatchObject({ type: 'person' });
  });
});

describe('Capsule organisation and opportunity', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports an organisation as a record that is not a person', () => {
    document.body.innerHTML = `<div class="party-summary"><h1 class="party-summary__name">Tideway Rowing Supplies Ltd</h1>
      <a href="mailto:hello@tideway.example">hello@tideway.example</a></div>
      <section class="party-people"><h2>People (1)</h2><a href="/party/245600311">Harriet Osei</a></section>`;
    expect(readPageIdentity(capsule, document, match)).toEqual({ record: { objectType: 'organisation', recordId: '245600310', nonPerson: 'organisation' }, notAPerson: true });
  });

  it('reads no person from an opportunity, though its page shows a name and an address', () => {
    const fetchMock = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetchMock);
    const opportunity = capsule.matchUrl(new URL('https://acme.capsulecrm.com/opportunity/10427731'))!;
    expect(opportunity).toEqual({ crm: 'capsule', objectType: 'opportunity', recordId: '10427731', nonPerson: 'deal' });
    // The page as a party's: the summary names the opportunity's contact, with their address.
    document.body.innerHTML = `<div class="party-summary"><h1 class="party-summary__name">Harriet Osei</h1>
      <div class="party-contact-details"><a href="mailto:harriet@tideway.example">harriet@tideway.example</a></div></div>`;
    expect(capsule.readIdentity(document, opportunity)).toEqual({ notAPerson: true });
    expect(readRecordPage(capsule, document, opportunity)).toEqual({ crm: 'capsule', type: 'opportunity', id: '10427731', email: undefined, name: undefined });
    // Capsule has no API call to make (see capsule.ts): nothing at all is asked.
    expect(capsule.fetchIdentity).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
