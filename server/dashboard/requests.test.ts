// @vitest-environment node
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldRequestSchema, FieldRequestsSchema, RequestStatusesResponseSchema } from '@/lib/schema/dashboard';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { openTestDatabase } from '../test-support/database';
import { signInToDashboard, type DashboardCaller } from '../test-support/dashboard-session';
import { client } from '../test-support/http';
import { contentItem, createTestTeam, deliveryBody, request, storeMarketingData, verdict, type TestTeam } from '../test-support/team';

/**
 * From the field: the marketer's list of content requests and prospect questions, the status they set
 * (new → planned → published with the item that answers it), and what each rep's extension reads back
 * on /v1/requests/status. Two teams, so every id of the other team is a 404.
 */
let database: Database;
let app: Hono;
let now: Date;
let teamA: TestTeam;
let teamB: TestTeam;
let marketer: DashboardCaller;
let admin: DashboardCaller;

const first = request('lead-1', 'content_request', 'A case study for a bank, please', '2026-11-20T09:00:00Z');
const second = request('lead-2', 'prospect_question', 'Does it run on-premises?', '2026-11-21T09:00:00Z');
const fromRep2 = request('lead-3', 'content_request', 'A one-pager on SSO', '2026-11-22T09:00:00Z');
const otherTeams = request('lead-9', 'content_request', "Team B's request", '2026-11-23T09:00:00Z');
const aVerdict = verdict('lead-1', 'good_fit', '2026-11-24T09:00:00Z');

const patch = (caller: DashboardCaller, id: string, body: unknown) => caller.call('PATCH', `/api/requests/${encodeURIComponent(id)}`, body);
const list = async (caller: DashboardCaller, query = '') => FieldRequestsSchema.parse(await (await caller.call('GET', `/api/requests${query}`)).json()).requests;
const statusesOf = async (token: string) => RequestStatusesResponseSchema.parse(await (await client(app, token).get('/v1/requests/status')).json()).statuses;

beforeAll(async () => {
  database = await openTestDatabase();
  now = new Date('2026-12-01T10:00:00Z');
  app = createApp({ database, dashboard: { now: () => now } });
  teamA = await createTestTeam(database, 'Field A');
  teamB = await createTestTeam(database, 'Field B');
  await storeMarketingData(database, teamA.teamId, { content: [contentItem('bank-case', { title: 'How a bank cut fraud' }), contentItem('old-deck')] });
  await storeMarketingData(database, teamB.teamId, { content: [contentItem('b-only')] });
  await client(app, teamA.users.rep.token).post('/v1/deliveries', deliveryBody([first, second, aVerdict]));
  await client(app, teamA.users.rep2.token).post('/v1/deliveries', deliveryBody([fromRep2]));
  await client(app, teamB.users.rep.token).post('/v1/deliveries', deliveryBody([otherTeams]));
  marketer = await signInToDashboard(app, database, { teamId: teamA.teamId, userId: teamA.users.marketer.id, email: 'marketer@field-a.example' });
  admin = await signInToDashboard(app, database, { teamId: teamA.teamId, userId: teamA.users.admin.id, email: 'admin@field-a.example' });
  await admin.call('POST', '/api/catalog/old-deck/retire');
});
afterAll(() => database.close());

describe('GET /api/requests', () => {
  it("lists the team's content requests and prospect questions newest first, each new until marketing says otherwise, with the rep and the lead", async () => {
    const requests = await list(marketer);
    expect(requests).toEqual([
      { id: fromRep2.id, kind: 'content_request', text: 'A one-pager on SSO', createdAt: '2026-11-22T09:00:00.000Z', lead: 'Lead lead-3', rep: 'Second rep of Field A', status: 'new', contentId: null, contentTitle: null, statusChangedAt: null },
      { id: second.id, kind: 'prospect_question', text: 'Does it run on-premises?', createdAt: '2026-11-21T09:00:00.000Z', lead: 'Lead lead-2', rep: 'Rep of Field A', status: 'new', contentId: null, contentTitle: null, statusChangedAt: null },
      { id: first.id, kind: 'content_request', text: 'A case study for a bank, please', createdAt: '2026-11-20T09:00:00.000Z', lead: 'Lead lead-1', rep: 'Rep of Field A', status: 'new', contentId: null, contentTitle: null, statusChangedAt: null },
    ]);
    // Neither the verdict nor the other team's request.
    expect(requests.map((item) => item.id)).not.toContain(aVerdict.id);
    expect(requests.map((item) => item.id)).not.toContain(otherTeams.id);
  });

  it('answers the newest page of a long history, and says that older ones exist', async () => {
    const page = FieldRequestsSchema.parse(await (await marketer.call('GET', '/api/requests?limit=2')).json());
    expect(page.requests.map((item) => item.id)).toEqual([fromRep2.id, second.id]);
    expect(page.more).toBe(true);
    const all = FieldRequestsSchema.parse(await (await marketer.call('GET', '/api/requests?limit=3')).json());
    expect(all.more).toBe(false);
    expect((await marketer.call('GET', '/api/requests?limit=0')).status).toBe(400);
  });

  it('filters by status, and says which statuses there are when the filter is wrong', async () => {
    const wrong = await marketer.call('GET', '/api/requests?status=done');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: expect.stringMatching(/^Invalid query: status: .*"new"\|"planned"\|"published"/), code: 'server.invalidRequest' });
  });
});

describe('PATCH /api/requests/:id', () => {
  it('marks a request planned, then published with the catalog item that answers it; the rep who asked sees both, the other rep nothing of it', async () => {
    now = new Date('2026-12-01T10:00:00Z');
    const planned = await patch(marketer, first.id, { status: 'planned', contentId: null });
    expect(planned.status, await planned.clone().text()).toBe(200);
    expect(FieldRequestSchema.parse(await planned.json())).toMatchObject({ id: first.id, status: 'planned', contentId: null, statusChangedAt: '2026-12-01T10:00:00.000Z' });
    expect((await statusesOf(teamA.users.rep.token)).find((status) => status.id === first.id)).toEqual({ id: first.id, status: 'planned', content: null, changedAt: '2026-12-01T10:00:00.000Z' });

    now = new Date('2026-12-01T15:30:00Z');
    const published = await patch(admin, first.id, { status: 'published', contentId: 'bank-case' });
    expect(published.status).toBe(200);
    expect(FieldRequestSchema.parse(await published.json())).toMatchObject({ status: 'published', contentId: 'bank-case', contentTitle: 'How a bank cut fraud', statusChangedAt: '2026-12-01T15:30:00.000Z' });

    expect(await statusesOf(teamA.users.rep.token)).toEqual([
      { id: second.id, status: 'new', content: null, changedAt: null },
      { id: first.id, status: 'published', content: { id: 'bank-case', title: 'How a bank cut fraud', url: 'https://content.example/bank-case' }, changedAt: '2026-12-01T15:30:00.000Z' },
    ]);
    expect(await statusesOf(teamA.users.rep2.token)).toEqual([{ id: fromRep2.id, status: 'new', content: null, changedAt: null }]);
    expect(await statusesOf(teamB.users.rep.token)).toEqual([{ id: otherTeams.id, status: 'new', content: null, changedAt: null }]);

    // The answer the rep sees follows the catalog: an edited title shows on their next read.
    expect((await marketer.call('PATCH', '/api/catalog/bank-case', { title: 'How Northbank cut fraud by 40%' })).status).toBe(200);
    expect((await statusesOf(teamA.users.rep.token)).find((status) => status.id === first.id)?.content?.title).toBe('How Northbank cut fraud by 40%');
    expect((await list(marketer, '?status=published')).map((item) => [item.id, item.contentTitle])).toEqual([[first.id, 'How Northbank cut fraud by 40%']]);
    expect((await list(marketer, '?status=new')).map((item) => item.id)).toEqual([fromRep2.id, second.id]);

    // And back to new: the item no longer answers it.
    const reopened = FieldRequestSchema.parse(await (await patch(marketer, first.id, { status: 'new' })).json());
    expect(reopened).toMatchObject({ status: 'new', contentId: null, contentTitle: null });
  });

  it('refuses a published status without an item, with an unknown, retired or other team item, and an item on an unpublished status, in words', async () => {
    const cases: [unknown, RegExp][] = [
      [{ status: 'published' }, /contentId: A published request names the catalog item that answers it/],
      [{ status: 'published', contentId: null }, /contentId: A published request names the catalog item/],
      [{ status: 'published', contentId: 'nothing-like-it' }, /^No catalog item with id nothing-like-it in your team's catalog/],
      [{ status: 'published', contentId: 'b-only' }, /^No catalog item with id b-only in your team's catalog/],
      [{ status: 'published', contentId: 'old-deck' }, /^The catalog item old-deck \("Title of old-deck"\) is retired, so reps cannot open it/],
      [{ status: 'planned', contentId: 'bank-case' }, /^Only a published request names the catalog item that answers it/],
      [{ status: 'done' }, /^Invalid request body: status: /],
      [{}, /^Invalid request body: status: /],
    ];
    for (const [body, message] of cases) {
      const response = await patch(marketer, second.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
    const notJson = await marketer.call('PATCH', `/api/requests/${second.id}`, 'status=planned');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'Send the body as JSON with "Content-Type: application/json" (got "text/plain").', code: 'server.notJson' });
    // Nothing of that changed the request.
    expect((await list(marketer)).find((item) => item.id === second.id)?.status).toBe('new');
  });

  it("answers 404 for another team's request, a verdict's id and an id never seen", async () => {
    for (const id of [otherTeams.id, aVerdict.id, 'no-such-request']) {
      const response = await patch(marketer, id, { status: 'planned' });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: `No content request or prospect question with id ${id} in your team.` });
    }
    expect(await statusesOf(teamB.users.rep.token)).toEqual([{ id: otherTeams.id, status: 'new', content: null, changedAt: null }]);
  });
});
