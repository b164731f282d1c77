import { text } from 'node:stream/consumers';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type { TestServer } from './https-server';

const fixture = (vendor: string, name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/api/${vendor}/${name}`, import.meta.url), 'utf8'));

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * HubSpot's API at its real host (api.hubapi.com), answering from the vendor-shaped fixtures in
 * test/fixtures/api/hubspot as routes.json there describes. Returns the notes created, for asserting.
 */
export function serveHubSpotApi(server: TestServer, token: string) {
  const notes: Array<Record<string, unknown>> = [];
  server.route('api.hubapi.com', async (req, res, url) => {
    const hub = (name: string, status = 200) => answer(res, status, fixture('hubspot', name));
    if (req.headers.authorization !== `Bearer ${token}`) return hub('error-401.json', 401);
    const body = req.method === 'POST' ? await text(req) : '';
    const path = url.pathname;
    if (path === '/crm/v3/objects/contacts/51001') return hub('contact-51001.json');
    if (path.startsWith('/crm/v3/objects/contacts/') && req.method === 'GET' && path.split('/').length === 6 && path !== '/crm/v3/objects/contacts/search') return hub('error-404.json', 404);
    if (path === '/crm/v3/objects/contacts/search') {
      if (/priya\.raman@ledgerly\.io|00Q8d00000XyZ1aEAF/.test(body)) return hub('contacts-search-priya.json');
      if (/"query"/.test(body)) return hub('contacts-search-text.json');
      return hub('contacts-search-empty.json');
    }
    if (path === '/events/v3/events') {
      if (url.searchParams.get('objectId') !== '51001') return hub('events-empty.json');
      return hub(url.searchParams.get('after') === 'Mjk2NDg1MjM1MDAw' ? 'events-51001-page2.json' : 'events-51001-page1.json');
    }
    if (path === '/cms/v3/hubdb/tables/5729341/rows') {
      return hub(url.searchParams.get('after') === 'MTQ0MjcxOTM4NTEz' ? 'hubdb-rows-page2.json' : 'hubdb-rows-page1.json');
    }
    if (path === '/crm/v3/objects/notes/search') return hub('notes-search-empty.json');
    if (path === '/crm/v3/objects/notes' && req.method === 'POST') {
      notes.push(JSON.parse(body) as Record<string, unknown>);
      return hub('note-created.json', 201);
    }
    if (path === '/crm/v3/objects/contacts') return hub('contacts-list.json');
    if (path === '/crm/v3/objects/notes') return hub('notes-list.json');
    return hub('error-404.json', 404);
  });
  return { notes };
}

/** Mautic's REST API at `host`, answering from test/fixtures/api/mautic with basic auth `user:password`. */
export function serveMauticApi(server: TestServer, host: string, user: string, password: string) {
  const notes: Array<Record<string, unknown>> = [];
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  server.route(host, async (req, res, url) => {
    const mautic = (name: string, status = 200) => answer(res, status, fixture('mautic', name));
    if (req.headers.authorization !== expected) return mautic('error-401.json', 401);
    const path = url.pathname;
    const query = decodeURIComponent(url.search);
    if (path === '/api/contacts') {
      if (query.includes('priya.raman@ledgerly.io')) return mautic('contacts-by-email-priya.json');
      if (url.searchParams.get('search')) return mautic('contacts-search-ledgerly.json');
      return mautic('contacts-empty.json');
    }
    if (path === '/api/contacts/1042') return mautic('contact-1042.json');
    if (path === '/api/contacts/1042/activity') return mautic(url.searchParams.get('page') === '2' ? 'activity-1042-page2.json' : 'activity-1042-page1.json');
    if (/^\/api\/contacts\/\d+\/activity$/.test(path)) return mautic('activity-empty.json');
    if (path === '/api/assets') return mautic(url.searchParams.get('start') && url.searchParams.get('start') !== '0' ? 'assets-page2.json' : 'assets-page1.json');
    if (path === '/api/notes/new' && req.method === 'POST') {
      notes.push(JSON.parse(await text(req)) as Record<string, unknown>);
      return mautic('note-created.json', 201);
    }
    if (path === '/api/notes') return mautic('notes-empty.json');
    if (path === '/api/users/self') return mautic('users-self.json');
    if (/^\/api\/users\/\d+\/permissioncheck$/.test(path)) return mautic('users-permissioncheck.json');
    return mautic('error-404.json', 404);
  });
  return { notes };
}
