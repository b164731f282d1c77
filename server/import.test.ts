// @vitest-environment node
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, ProfileResponseSchema } from '@/lib/schema/rest-api';
import { createApp } from './app';
import type { Database } from './db/database';
import { openTestDatabase } from './test-support/database';
import { client } from './test-support/http';
import { createTestTeam, type TestTeam } from './test-support/team';

/** The admin file import: the extension's templates go in, with the extension's row report. */
let database: Database;
let app: Hono;
let team: TestTeam;

const template = (file: string) => readFileSync(`public/templates/${file}`, 'utf8');

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({ database, rateLimit: false });
  team = await createTestTeam(database, 'Importers');
});
afterAll(() => database.close());

const upload = (kind: string, body: string, type = 'text/csv', token = team.users.admin.token) =>
  app.request(`/v1/import/${kind}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body });

describe('POST /v1/import/{kind}', () => {
  it('imports the profile and page-view templates, and a lookup finds the lead with its page views', async () => {
    const profiles = await upload('profiles', template('profiles.csv'));
    expect(await profiles.json()).toMatchObject({ kind: 'profiles', format: 'csv', unit: 'row', total: 1, valid: 1, rejected: 0, errors: [], added: 1, updated: 0, unchanged: 0 });
    const views = await upload('page_views', template('page-views.csv'));
    expect(await views.json()).toMatchObject({ kind: 'pageViews', total: 1, valid: 1, added: 1 });

    const found = ProfileResponseSchema.parse(await (await client(app, team.users.rep.token).get('/v1/profiles?crm=hubspot&recordId=51001')).json());
    expect(found.profile).toMatchObject({ id: 'lead-0001', name: 'Jane Doe', pageViews: [{ url: 'https://www.example.com/pricing', title: 'Pricing', durationSec: 88, visitId: 'v4' }] });
  });

  it('finds a lead uploaded with a braced, upper-case Dynamics id by the bare lower-case id the Dynamics page reports', async () => {
    const guid = '4e2b9c1d-7a3f-4e8b-9c2d-1f0a6b5e4d3c';
    const report = await upload('profiles', `id,email,name,dynamics_id\nlead-dyn,dana@example.com,Dana Whit,{${guid.toUpperCase()}}\n`);
    expect(await report.json()).toMatchObject({ valid: 1, added: 1 });
    const rep = client(app, team.users.rep.token);
    for (const recordId of [guid, `{${guid}}`, guid.toUpperCase()]) {
      const found = ProfileResponseSchema.parse(await (await rep.get(`/v1/profiles?crm=dynamics&recordId=${encodeURIComponent(recordId)}`)).json());
      expect(found.profile).toMatchObject({ id: 'lead-dyn', name: 'Dana Whit' });
    }
  });

  it('says re-importing the same file changed nothing, and counts an edited row as updated', async () => {
    expect(await (await upload('profiles', template('profiles.csv'))).json()).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    const edited = template('profiles.csv').replace('Jane Doe', 'Jane Q. Doe');
    expect(await (await upload('profiles', edited)).json()).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
  });

  it('imports JSON content and reports refused rows with their row and column, storing the valid ones', async () => {
    const items = [
      { id: 'json-1', title: 'One', type: 'guide', url: 'https://content.example/1' },
      { id: 'json-2', title: '', type: 'nonsense', url: 'ftp://content.example/2' },
    ];
    const report = (await (await upload('content', JSON.stringify(items), 'application/json')).json()) as { errors: { row: number; column: string }[] };
    expect(report).toMatchObject({ kind: 'content', format: 'json', unit: 'item', total: 2, valid: 1, rejected: 1, added: 1 });
    expect(report.errors.every((error) => error.row === 2)).toBe(true);
    expect(report.errors.map((error) => error.column)).toEqual(expect.arrayContaining(['type']));
    const catalog = (await (await client(app, team.users.rep.token).get('/v1/content')).json()) as { items: { id: string }[] };
    expect(catalog.items.map((item) => item.id)).toEqual(['json-1']);
  });

  it('answers 400 with the report when nothing in the file is importable', async () => {
    const response = await upload('content', 'just,some,columns\n1,2,3\n');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; report: { fatal: string } };
    expect(ErrorBodySchema.parse(body).error).toMatch(/^Nothing to import: /);
    expect(body.report.fatal).toBeTruthy();
  });

  it('is for admins only (403), and an unknown kind is a 400', async () => {
    const response = await upload('content', template('content.csv'), 'text/csv', team.users.marketer.token);
    expect(response.status).toBe(403);
    expect(ErrorBodySchema.parse(await response.json()).error).toMatch(/admin/);
    const unknown = await upload('leads', template('content.csv'));
    expect(unknown.status).toBe(400);
    expect(ErrorBodySchema.parse(await unknown.json()).error).toMatch(/kind/);
  });

  it('takes files far over the API limit, and refuses one over 50 MiB with 413', async () => {
    const header = 'id,title,type,url\n';
    const rows = Array.from({ length: 20_000 }, (_, index) => `big-${index},Big item number ${index} with a long title to fill the file up,guide,https://content.example/big/${index}`).join('\n');
    const body = header + rows;
    expect(body.length).toBeGreaterThan(1024 * 1024);
    expect(await (await upload('content', body)).json()).toMatchObject({ valid: 20_000, added: 20_000 });
    const tooBig = await upload('content', header + 'x'.repeat(50 * 1024 * 1024 + 1));
    expect(tooBig.status).toBe(413);
    expect(ErrorBodySchema.parse(await tooBig.json()).error).toMatch(/too large/);
  });
});
