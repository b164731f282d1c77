// @vitest-environment node
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@/lib/schema/rest-api';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { updateUserUnlessLastAdmin } from '../db/queries/users';
import { openTestDatabase } from '../test-support/database';
import { signInToDashboard, type DashboardCaller } from '../test-support/dashboard-session';
import { createTestTeam, type TestTeam } from '../test-support/team';
import { REP_REFUSAL } from './session-auth';

/**
 * Who may call each of the dashboard's state-changing pages' routes (field requests, catalog, users,
 * tokens, sources): marketers and admins, or admins only; a rep (a demoted account's live session, or
 * a rep's extension token) and a caller without a session never; and no state change without the CSRF
 * token. Each route's own behaviour is tested in its own file.
 */
let database: Database;
let app: Hono;
let team: TestTeam;
const as: Record<'marketer' | 'admin' | 'demoted', DashboardCaller> = {} as never;

const email = (key: string) => `${key}@access.example`;

type Route = [method: string, path: string, who: 'marketers' | 'admins', body?: unknown];
const ROUTES: Route[] = [
  ['GET', '/api/requests', 'marketers'],
  ['PATCH', '/api/requests/nope', 'marketers', { status: 'planned' }],
  ['GET', '/api/catalog', 'marketers'],
  ['PATCH', '/api/catalog/nope', 'marketers', { title: 'x' }],
  ['POST', '/api/catalog/nope/retire', 'marketers'],
  ['POST', '/api/catalog/nope/restore', 'marketers'],
  ['POST', '/api/import/content', 'marketers', 'id,title,type,url\n'],
  ['GET', '/api/users', 'admins'],
  ['POST', '/api/users', 'admins', { email: 'x@access.example', name: 'X', role: 'rep' }],
  ['PATCH', '/api/users/nope', 'admins', { disabled: true }],
  ['GET', '/api/tokens', 'admins'],
  ['POST', '/api/tokens', 'admins', { userId: 'nope' }],
  ['DELETE', '/api/tokens/nope', 'admins'],
  ['GET', '/api/sources', 'admins'],
  ['PUT', '/api/sources/hubspot', 'admins', { config: {}, secrets: {} }],
  ['POST', '/api/sources/hubspot/test', 'admins'],
  ['POST', '/api/sources/hubspot/sync', 'admins'],
  ['POST', '/api/sources/hubspot/main', 'admins'],
  ['DELETE', '/api/sources/hubspot', 'admins'],
  ['PUT', '/api/webhook', 'admins', { url: 'not a url' }],
  ['DELETE', '/api/webhook', 'admins'],
];

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database });
  team = await createTestTeam(database, 'Access');
  as.marketer = await signInToDashboard(app, database, { teamId: team.teamId, userId: team.users.marketer.id, email: email('marketer') });
  as.admin = await signInToDashboard(app, database, { teamId: team.teamId, userId: team.users.admin.id, email: email('admin') });
  // A marketer made a rep while signed in: the live session must stop opening the dashboard.
  await updateUserUnlessLastAdmin(database.db, team.teamId, team.users.rep2.id, { role: 'marketer' }, new Date());
  as.demoted = await signInToDashboard(app, database, { teamId: team.teamId, userId: team.users.rep2.id, email: email('rep2') });
  await updateUserUnlessLastAdmin(database.db, team.teamId, team.users.rep2.id, { role: 'rep' }, new Date());
});
afterAll(() => database.close());

const errorOf = async (response: Response) => ErrorBodySchema.parse(await response.json()).error;

describe('who may use the write-side dashboard routes', () => {
  it.each(ROUTES)('%s %s: %s only', async (method, path, who, body) => {
    if (who === 'admins') {
      const refused = await as.marketer.call(method, path, body);
      expect(refused.status).toBe(403);
      expect(await errorOf(refused)).toBe('Only admin accounts may do this; you are signed in as a marketer.');
    } else {
      expect((await as.marketer.call(method, path, body)).status).not.toBe(403);
    }
    // The admin gets past the guards: whatever the route answers, it is not a refusal of who they are.
    const admin = await as.admin.call(method, path, body);
    expect([401, 403]).not.toContain(admin.status);

    const demoted = await as.demoted.call(method, path, body);
    expect(demoted.status).toBe(403);
    expect(await errorOf(demoted)).toBe(REP_REFUSAL);

    const withToken = await app.request(path, { method, headers: { Authorization: `Bearer ${team.users.rep.token}` } });
    expect(withToken.status).toBe(401);
    expect(await errorOf(withToken)).toMatch(/uses sign-in .* not API tokens/);

    const anonymous = await app.request(path, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(anonymous.status).toBe(401);
    expect(await errorOf(anonymous)).toMatch(/^Not signed in/);
  });

  it.each(ROUTES.filter(([method]) => method !== 'GET'))('%s %s is refused without the CSRF token, or from another site', async (method, path, _who, body) => {
    const noToken = await as.admin.call(method, path, body, { 'X-CSRF-Token': '' });
    expect(noToken.status).toBe(403);
    expect(await errorOf(noToken)).toMatch(/X-CSRF-Token/);
    const wrongToken = await as.admin.call(method, path, body, { 'X-CSRF-Token': as.marketer.csrfToken });
    expect(wrongToken.status).toBe(403);
    const crossSite = await as.admin.call(method, path, body, { Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await errorOf(crossSite)).toMatch(/^Cross-site request refused/);
  });
});
