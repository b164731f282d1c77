// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ContentItemSchema } from '@/lib/schema';
import { CatalogEditSchema, CatalogEntrySchema, CatalogSchema } from '@/lib/schema/dashboard';
import { ContentPageSchema } from '@/lib/schema/rest-api';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { setTeamSource } from '../sources/manage';
import { SECRETS_KEY_ENV } from '../sources/secrets-crypto';
import { syncTeamSource } from '../sources/sync';
import { fakeVendors, HUBSPOT_TABLE, HUBSPOT_TOKEN } from '../sources/testing/fake-vendors';
import { openTestDatabase } from '../test-support/database';
import { signInToDashboard, type DashboardCaller } from '../test-support/dashboard-session';
import { client } from '../test-support/http';
import { contentItem, createTestTeam, storeMarketingData, type TestTeam } from '../test-support/team';

/**
 * The dashboard's catalog: list, edit, retire, restore and import; what a rep's extension then reads on
 * its next catalog refresh (GET /v1/content, the whole catalog without retired items); and a vendor
 * sync that keeps what marketing changed.
 */
let database: Database;
let app: Hono;
let now: Date;
let teamA: TestTeam;
let teamB: TestTeam;
let marketer: DashboardCaller;
let adminB: DashboardCaller;
const savedKey = process.env[SECRETS_KEY_ENV];

const soc2 = contentItem('soc2-guide', { title: 'SOC 2 in 30 days', type: 'guide', summary: 'Audit checklist', topics: ['SOC 2 audit'], industries: ['fintech'] });

/** What a rep's extension gets on its next catalog refresh. */
const repCatalog = async (team: TestTeam = teamA) => ContentPageSchema.parse(await (await client(app, team.users.rep.token).get('/v1/content')).json()).items;
const catalog = async (caller: DashboardCaller = marketer) => CatalogSchema.parse(await (await caller.call('GET', '/api/catalog')).json()).items;
const edit = (id: string, body: unknown, caller: DashboardCaller = marketer) => caller.call('PATCH', `/api/catalog/${id}`, body);
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

beforeAll(async () => {
  process.env[SECRETS_KEY_ENV] = randomBytes(32).toString('base64');
  database = await openTestDatabase();
  now = new Date('2026-12-01T09:00:00Z');
  app = createApp({ database, rateLimit: false, dashboard: { now: () => now } });
  teamA = await createTestTeam(database, 'Catalog A');
  teamB = await createTestTeam(database, 'Catalog B');
  await storeMarketingData(database, teamA.teamId, { content: [soc2, contentItem('pricing'), contentItem('roi-calc', { type: 'roi_calculator' })] });
  await storeMarketingData(database, teamB.teamId, { content: [contentItem('b-item')] });
  marketer = await signInToDashboard(app, database, { teamId: teamA.teamId, userId: teamA.users.marketer.id, email: 'marketer@catalog-a.example' });
  adminB = await signInToDashboard(app, database, { teamId: teamB.teamId, userId: teamB.users.admin.id, email: 'admin@catalog-b.example' });
});
afterAll(async () => {
  await database.close();
  if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
  else process.env[SECRETS_KEY_ENV] = savedKey;
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the catalog contract', () => {
  it('lets an edit name every field of an item but its id and updatedAt', () => {
    expect(Object.keys(CatalogEditSchema.shape).sort()).toEqual(Object.keys(ContentItemSchema.shape).filter((key) => key !== 'id' && key !== 'updatedAt').sort());
  });
});

describe('GET /api/catalog', () => {
  it("lists the team's items in catalog order, retired ones too, marked", async () => {
    const items = await catalog();
    expect(items.map((entry) => [entry.item.id, entry.retired, entry.origin])).toEqual([
      ['soc2-guide', false, null],
      ['pricing', false, null],
      ['roi-calc', false, null],
    ]);
    expect(items[0]!.item).toEqual(soc2);
  });
});

describe('PATCH /api/catalog/:id', () => {
  it("changes only the fields sent, moves updatedAt, and a rep's next catalog refresh has the edit", async () => {
    now = new Date('2026-12-01T10:15:00Z');
    const response = await edit('soc2-guide', { title: 'SOC 2 in 21 days', reviewBy: '2027-03-31' });
    expect(response.status).toBe(200);
    const entry = CatalogEntrySchema.parse(await response.json());
    expect(entry).toEqual({
      item: { ...soc2, title: 'SOC 2 in 21 days', reviewBy: '2027-03-31', updatedAt: '2026-12-01T10:15:00.000Z' },
      retired: false,
      updatedAt: '2026-12-01T10:15:00.000Z',
      origin: null,
    });
    // The topics, summary and industries the edit did not name are still there.
    expect((await repCatalog()).find((item) => item.id === 'soc2-guide')).toEqual(entry.item);

    // null takes the review date off again; a replacement must be another item of the catalog.
    const cleared = CatalogEntrySchema.parse(await (await edit('soc2-guide', { reviewBy: null, replacedBy: 'pricing' })).json());
    expect(cleared.item.reviewBy).toBeUndefined();
    expect(cleared.item.replacedBy).toBe('pricing');
    expect(cleared.item.title).toBe('SOC 2 in 21 days');
  });

  it('refuses an edit that would make the item invalid, or a replacement that is itself or not in the catalog, in words', async () => {
    const cases: [unknown, RegExp][] = [
      [{ url: 'ftp://files.example/soc2.pdf' }, /^Invalid request body: url: /],
      [{ type: 'podcast' }, /^Invalid request body: type: /],
      [{ title: '' }, /^Invalid request body: title: /],
      [{ reviewBy: '31/03/2027' }, /^Invalid request body: reviewBy: /],
      [{ stages: ['hot'] }, /^Invalid request body: stages\.0: /],
      [{ replacedBy: 'soc2-guide' }, /^An item cannot replace itself/],
      [{ replacedBy: 'b-item' }, /^replacedBy names b-item, which is not in your team's catalog/],
    ];
    const before = (await catalog()).find((entry) => entry.item.id === 'soc2-guide');
    for (const [body, message] of cases) {
      const response = await edit('soc2-guide', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await errorOf(response)).toMatch(message);
    }
    expect((await catalog()).find((entry) => entry.item.id === 'soc2-guide')).toEqual(before);
  });

  it("answers 404 for another team's item and an unknown id, and leaves the other team's item alone", async () => {
    for (const id of ['b-item', 'nothing']) {
      const response = await edit(id, { title: 'Mine now' });
      expect(response.status).toBe(404);
      expect(await errorOf(response)).toBe(`No catalog item with id ${id} in your team's catalog.`);
      for (const action of ['retire', 'restore']) expect((await marketer.call('POST', `/api/catalog/${id}/${action}`)).status).toBe(404);
    }
    expect((await catalog(adminB)).map((entry) => [entry.item.title, entry.retired])).toEqual([['Title of b-item', false]]);
  });
});

describe('POST /api/catalog/:id/retire and /restore', () => {
  it("takes an item out of the reps' catalog and brings it back; retiring twice is no error", async () => {
    now = new Date('2026-12-01T11:00:00Z');
    const retired = CatalogEntrySchema.parse(await (await marketer.call('POST', '/api/catalog/pricing/retire')).json());
    expect(retired).toMatchObject({ retired: true, updatedAt: '2026-12-01T11:00:00.000Z' });
    expect((await repCatalog()).map((item) => item.id)).toEqual(['soc2-guide', 'roi-calc']);
    expect((await marketer.call('POST', '/api/catalog/pricing/retire')).status).toBe(200);
    expect((await catalog()).map((entry) => [entry.item.id, entry.retired])).toEqual([
      ['soc2-guide', false],
      ['pricing', true],
      ['roi-calc', false],
    ]);

    const restored = CatalogEntrySchema.parse(await (await marketer.call('POST', '/api/catalog/pricing/restore')).json());
    expect(restored.retired).toBe(false);
    expect((await repCatalog()).map((item) => item.id)).toEqual(['soc2-guide', 'pricing', 'roi-calc']);
  });
});

describe('POST /api/import/:kind', () => {
  it('takes the same files and gives the same row report as the admin-token import', async () => {
    const file = readFileSync('public/templates/content.csv', 'utf8');
    const dashboard = await marketer.call('POST', '/api/import/content', file, { 'Content-Type': 'text/csv' });
    expect(dashboard.status).toBe(200);
    const viaToken = await app.request('/v1/import/content', { method: 'POST', headers: { Authorization: `Bearer ${teamB.users.admin.token}`, 'Content-Type': 'text/csv' }, body: file });
    const report = await dashboard.json();
    expect(report).toEqual(await viaToken.json());
    expect(report).toMatchObject({ kind: 'content', format: 'csv', total: 1, valid: 1, rejected: 0, added: 1 });
    const templateId = (await repCatalog()).at(-1)!.id;
    expect((await catalog()).map((entry) => entry.item.id)).toContain(templateId);

    const json = [
      { id: 'json-ok', title: 'Fine', type: 'guide', url: 'https://content.example/ok' },
      { id: 'json-bad', title: 'Bad', type: 'nonsense', url: 'https://content.example/bad' },
    ];
    const mixed = (await (await marketer.call('POST', '/api/import/content', json)).json()) as { valid: number; rejected: number; errors: { row: number; column: string }[] };
    expect(mixed).toMatchObject({ format: 'json', valid: 1, rejected: 1, errors: [expect.objectContaining({ row: 2, column: 'type' })] });

    const nothing = await marketer.call('POST', '/api/import/content', 'just,some,columns\n1,2,3\n', { 'Content-Type': 'text/csv' });
    expect(nothing.status).toBe(400);
    expect(await errorOf(nothing)).toMatch(/^Nothing to import: /);
    const unknownKind = await marketer.call('POST', '/api/import/leads', file, { 'Content-Type': 'text/csv' });
    expect(unknownKind.status).toBe(400);
    expect(await errorOf(unknownKind)).toMatch(/^Invalid path: kind: /);
    // Nothing of that reached the other team.
    expect((await repCatalog(teamB)).map((item) => item.id)).toEqual(['b-item', templateId]);
  });

  it('takes a file over the 1 MiB API limit', async () => {
    const rows = Array.from({ length: 12_000 }, (_, index) => `big-${index},Item number ${index} with a long enough title to add up,guide,https://content.example/big/${index}`);
    const file = `id,title,type,url\n${rows.join('\n')}\n`;
    expect(file.length).toBeGreaterThan(1024 * 1024);
    const response = await marketer.call('POST', '/api/import/content', file, { 'Content-Type': 'text/csv' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ valid: 12_000, added: 12_000 });
  });
});

describe('a vendor sync after marketing changed the catalog', () => {
  it("keeps marketing's edits over the vendor's items, and an item marketing retired stays retired", async () => {
    fakeVendors();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await setTeamSource(database, teamB.teamId, { kind: 'hubspot', config: { contentTableId: HUBSPOT_TABLE }, secrets: { token: HUBSPOT_TOKEN } });
    const first = await syncTeamSource(database, teamB.teamId);
    const vendorItems = (await catalog(adminB)).filter((entry) => entry.origin === 'hubspot');
    expect(vendorItems).toHaveLength(first.items);
    const [edited, retired, untouched] = vendorItems.map((entry) => entry.item);

    expect((await edit(edited!.id, { title: 'Our own title', topics: ['procurement'] }, adminB)).status).toBe(200);
    expect((await edit(edited!.id, { reviewBy: '2027-06-30' }, adminB)).status).toBe(200);
    expect((await adminB.call('POST', `/api/catalog/${retired!.id}/retire`)).status).toBe(200);

    const again = await syncTeamSource(database, teamB.teamId);
    expect(again).toMatchObject({ items: first.items, added: 0, retired: 0 });
    const after = new Map((await catalog(adminB)).map((entry) => [entry.item.id, entry]));
    expect(after.get(edited!.id)!.item).toMatchObject({ title: 'Our own title', topics: ['procurement'], reviewBy: '2027-06-30', url: edited!.url });
    expect(after.get(retired!.id)!.retired).toBe(true);
    expect(after.get(untouched!.id)!.item).toEqual(untouched);

    const reps = new Map((await repCatalog(teamB)).map((item) => [item.id, item]));
    expect(reps.get(edited!.id)?.title).toBe('Our own title');
    expect(reps.has(retired!.id)).toBe(false);
  });
});
