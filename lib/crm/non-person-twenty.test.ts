/** Twenty's companies and opportunities are records, not people: their pages are never read for one (twenty.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { twenty, twentyOnHost } from './twenty';
import { readPageIdentity, readRecordPage } from './read-page';

afterEach(() => vi.unstubAllGlobals());

/** A record show page as Twenty draws a person's: the breadcrumb title, an Emails field labelled with the record's id. */
function recordPage(recordId: string, title: string, email: string): void {
  document.body.innerHTML = `<div data-testid="top-bar-title"><div>Companies / </div><div>${title}</div><div>(1 of 20)</div></div>
    <div id="label-${recordId}-emails">Emails</div><div><a href="mailto:${email}">${email}</a></div>
    <a href="/object/person/20202020-3f74-492d-a101-2a70f50a1645">Christoph Callisto</a> <a href="mailto:christoph@linkedin.example">christoph@linkedin.example</a>`;
}

describe('Twenty records that are not a person', () => {
  it.each([
    ['https://acme.twenty.com/object/company/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', twenty, 'company', 'organisation'],
    ['https://app.twenty.com/object/opportunity/0B9E4C1D-8F2A-4B3C-9D5E-6F7A8B9C0D1E', twenty, 'opportunity', 'deal'],
    // Self-hosted, the same rule on the host the admin added; the 2023 path of a company too.
    ['https://crm.example.org/object/opportunity/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', twentyOnHost('crm.example.org'), 'opportunity', 'deal'],
    ['https://crm.example.org/companies/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b', twentyOnHost('crm.example.org'), 'company', 'organisation'],
  ] as const)('%s reads no person, whatever its page shows', (url, detector, objectType, nonPerson) => {
    const fetchMock = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetchMock);
    const match = detector.matchUrl(new URL(url))!;
    expect(match).toMatchObject({ crm: 'twenty', objectType, nonPerson });
    recordPage(match.recordId, 'Linkedin', 'hello@linkedin.example');
    expect(detector.readIdentity(document, match)).toEqual({ notAPerson: true });
    expect(readPageIdentity(detector, document, match)).toEqual({ record: undefined, notAPerson: true });
    expect(readRecordPage(detector, document, match)).toEqual({ crm: 'twenty', type: objectType, id: match.recordId, email: undefined, name: undefined });
    // Twenty has no API call to make (see twenty.ts): nothing at all is asked.
    expect(detector.fetchIdentity).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('still reads a person on the same page', () => {
    const match = twenty.matchUrl(new URL('https://acme.twenty.com/object/person/7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b'))!;
    recordPage(match.recordId, 'Anna Kowalska', 'anna@kowalska.example');
    expect(twenty.readIdentity(document, match)).toMatchObject({ name: 'Anna Kowalska', email: 'anna@kowalska.example' });
  });
});
