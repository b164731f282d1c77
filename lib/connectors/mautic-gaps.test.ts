/**
 * Issue 15, "Other failures": a 404 on a sub-resource (the activity of a Mautic contact that exists)
 * keeps the contact and says what could not be read. Payloads: the repo's Mautic fixtures, written
 * from mautic/developer-documentation-new (GET /api/contacts/{id}, its error body).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import contact1042 from '@/test/fixtures/api/mautic/contact-1042.json';
import error404 from '@/test/fixtures/api/mautic/error-404.json';
import activityPage1 from '@/test/fixtures/api/mautic/activity-1042-page1.json';
import { MauticSourceSchema } from '@/lib/schema/sources';
import { createMauticConnector } from './mautic';

const source = MauticSourceSchema.parse({ kind: 'mautic', baseUrl: 'https://mautic.brightwave.example', auth: { method: 'basic', username: 'leadside-api' } });
const signal = new AbortController().signal;

function serve(activity: (page: string | null) => { status: number; body: unknown }) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      const answer = url.pathname === '/api/contacts/1042' ? { status: 200, body: contact1042 } : url.pathname.endsWith('/activity') ? activity(url.searchParams.get('page')) : { status: 404, body: error404 };
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Mautic: the activity of a contact that exists cannot be read', () => {
  it('a 404 on the activity keeps the contact and notes what is missing', async () => {
    serve(() => ({ status: 404, body: error404 }));
    const profile = (await createMauticConnector(source, { password: 'pw' }).getProfile('1042', signal))!;
    expect(profile).not.toBeNull();
    expect(profile.email).toBe(contact1042.contact.fields.all.email);
    expect(profile.pageViews).toEqual([]);
    expect(profile.gaps).toEqual([{ what: 'Activity (pages, downloads, e-mails, forms)', why: expect.stringContaining('could not be read: Mautic (mautic.brightwave.example) answered 404'), coded: expect.objectContaining({ code: 'mautic.activityUnread', cause: expect.objectContaining({ code: 'source.notFound' }) }) }]);
  });

  it('a later page that fails keeps the activity read and says older activity is missing', async () => {
    serve((page) => (page === '1' ? { status: 200, body: { ...activityPage1, maxPages: 2 } } : { status: 500, body: { errors: [{ message: 'Internal error', code: 500 }] } }));
    const profile = (await createMauticConnector(source, { password: 'pw' }).getProfile('1042', signal))!;
    expect(profile.pageViews.length).toBeGreaterThan(0);
    expect(profile.gaps).toEqual([{ what: 'Older activity', why: expect.stringContaining('could not be read: Mautic (mautic.brightwave.example) answered 500'), coded: expect.objectContaining({ code: 'mautic.olderActivityUnread', cause: expect.objectContaining({ code: 'source.serverError' }) }) }]);
  });
});
