// @vitest-environment node
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreatedTokenSchema, SourceSavedSchema, SourcesSchema, SyncQueuedSchema, TestConnectionSchema, TokensSchema, UserSchema, UsersSchema, WebhookStatusSchema } from '@/lib/schema/dashboard';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { startJobRunner, type JobRunner } from '../jobs/runner';
import { SECRETS_KEY_ENV } from '../sources/secrets-crypto';
import { fakeVendors, HUBSPOT_TABLE, HUBSPOT_TOKEN, MAUTIC_BASE, MAUTIC_PASSWORD, SLACK_WEBHOOK, type FakeVendors } from '../sources/testing/fake-vendors';
import { openTestDatabase } from '../test-support/database';
import { signInToDashboard, type DashboardCaller } from '../test-support/dashboard-session';
import { client } from '../test-support/http';
import { createTestTeam, type TestTeam } from '../test-support/team';

/**
 * The admins' pages: users, tokens, the marketing system and the Slack webhook. Every answer's text is
 * kept, and the last test checks that no secret (vendor token or password, webhook URL, API token or
 * its hash) is in any of them.
 */
let database: Database;
let app: Hono;
let now: Date;
let teamA: TestTeam;
let teamB: TestTeam;
let admin: DashboardCaller;
let vendors: FakeVendors;
let runner: JobRunner | undefined;
const answers: string[] = [];
const issuedSecrets: string[] = [];
const savedKey = process.env[SECRETS_KEY_ENV];

/** Calls as the admin of team A and keeps the answer's text for the no-secrets check. */
async function call(method: string, path: string, body?: unknown, caller: DashboardCaller = admin) {
  const response = await caller.call(method, path, body);
  const text = await response.text();
  answers.push(text);
  return { status: response.status, json: JSON.parse(text) as unknown, error: (JSON.parse(text) as { error?: string }).error };
}

beforeAll(async () => {
  process.env[SECRETS_KEY_ENV] = randomBytes(32).toString('base64');
  database = await openTestDatabase();
  now = new Date();
  app = createApp({ database, dashboard: { now: () => now }, jobs: async () => runner });
  teamA = await createTestTeam(database, 'Admin A');
  teamB = await createTestTeam(database, 'Admin B');
  admin = await signInToDashboard(app, database, { teamId: teamA.teamId, userId: teamA.users.admin.id, email: 'admin@admin-a.example' });
});
afterAll(async () => {
  await runner?.stop(5_000);
  await database.close();
  if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
  else process.env[SECRETS_KEY_ENV] = savedKey;
});
beforeEach(() => {
  vendors = fakeVendors();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('users', () => {
  it("lists the team's people (only this team's), with whether each can sign in", async () => {
    const { status, json } = await call('GET', '/api/users');
    expect(status).toBe(200);
    const users = UsersSchema.parse(json).users;
    expect(users.map((user) => [user.name, user.role, user.hasPassword, user.disabled])).toEqual([
      ['Admin of Admin A', 'admin', true, false],
      ['Marketer of Admin A', 'marketer', false, false],
      ['Rep of Admin A', 'rep', false, false],
      ['Second rep of Admin A', 'rep', false, false],
    ]);
    expect(users.find((user) => user.role === 'admin')!.lastSeenAt).not.toBeNull();
  });

  it('adds a user, refuses the same e-mail twice and a malformed one, in words', async () => {
    const created = await call('POST', '/api/users', { email: 'new.rep@admin-a.example', name: 'New Rep', role: 'rep' });
    expect(created.status).toBe(201);
    expect(UserSchema.parse(created.json)).toEqual({ id: expect.any(String), email: 'new.rep@admin-a.example', name: 'New Rep', role: 'rep', disabled: false, hasPassword: false, lastSeenAt: null });
    const twice = await call('POST', '/api/users', { email: 'NEW.REP@admin-a.example', name: 'Again', role: 'rep' });
    expect(twice).toMatchObject({ status: 409, error: 'NEW.REP@admin-a.example is already a user of this team.' });
    // The same e-mail in another team is another account.
    expect((await call('POST', '/api/users', { email: 'rep@admin-b.example', name: 'B rep in A', role: 'rep' })).status).toBe(201);
    const bad = await call('POST', '/api/users', { email: 'not-an-email', name: '', role: 'boss' });
    expect(bad.status).toBe(400);
    expect(bad.error).toMatch(/^Invalid request body: email: .*; name: .*; role: /);
  });

  it("changes a role and disables an account (its token stops working at once); another team's user is a 404", async () => {
    const promoted = await call('PATCH', `/api/users/${teamA.users.rep2.id}`, { role: 'marketer' });
    expect(UserSchema.parse(promoted.json)).toMatchObject({ id: teamA.users.rep2.id, role: 'marketer' });
    await call('PATCH', `/api/users/${teamA.users.rep2.id}`, { role: 'rep' });

    expect((await client(app, teamA.users.rep2.token).get('/v1/content')).status).toBe(200);
    const disabled = await call('PATCH', `/api/users/${teamA.users.rep2.id}`, { disabled: true });
    expect(UserSchema.parse(disabled.json).disabled).toBe(true);
    expect(await (await client(app, teamA.users.rep2.token).get('/v1/content')).json()).toEqual({ error: "This token's user account is disabled." });
    await call('PATCH', `/api/users/${teamA.users.rep2.id}`, { disabled: false });
    expect((await client(app, teamA.users.rep2.token).get('/v1/content')).status).toBe(200);

    expect(await call('PATCH', `/api/users/${teamB.users.rep.id}`, { disabled: true })).toMatchObject({ status: 404, error: `No user with id ${teamB.users.rep.id} in your team.` });
    expect((await client(app, teamB.users.rep.token).get('/v1/content')).status).toBe(200);
    expect(await call('PATCH', `/api/users/${teamA.users.rep.id}`, {})).toMatchObject({ status: 400, error: expect.stringContaining('Send "role" (rep, marketer or admin) or "disabled" (true or false)') });
  });

  it('keeps one enabled admin: the last admin cannot disable or demote themselves, until another admin exists', async () => {
    const words = "You are the team's only enabled admin, and a team must keep one: make another user an admin first, then disable or demote this account.";
    expect(await call('PATCH', `/api/users/${teamA.users.admin.id}`, { role: 'marketer' })).toMatchObject({ status: 409, error: words });
    expect(await call('PATCH', `/api/users/${teamA.users.admin.id}`, { disabled: true })).toMatchObject({ status: 409, error: words });
    // Staying an admin is fine.
    expect((await call('PATCH', `/api/users/${teamA.users.admin.id}`, { role: 'admin', disabled: false })).status).toBe(200);

    expect((await call('PATCH', `/api/users/${teamA.users.marketer.id}`, { role: 'admin' })).status).toBe(200);
    const demoted = await call('PATCH', `/api/users/${teamA.users.marketer.id}`, { role: 'marketer' });
    expect(demoted.status).toBe(200);
  });
});

describe('tokens', () => {
  it('issues a token shown once and stored hashed; the list never shows it; revoking stops it at once', async () => {
    const created = await call('POST', '/api/tokens', { userId: teamA.users.rep.id, label: 'Laptop', days: 30 });
    expect(created.status).toBe(201);
    const { token, secret } = CreatedTokenSchema.parse(created.json);
    issuedSecrets.push(secret);
    expect(secret).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ userId: teamA.users.rep.id, user: 'Rep of Admin A', label: 'Laptop', revoked: false, lastUsedAt: null });
    expect(Date.parse(token.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect((await client(app, secret).get('/v1/content')).status).toBe(200);

    const row = await database.db.selectFrom('tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret);

    const listed = TokensSchema.parse((await call('GET', '/api/tokens')).json).tokens;
    expect(listed.map((item) => item.id)).toContain(token.id);
    expect(listed.every((item) => item.userId && item.user)).toBe(true);
    expect(listed.find((item) => item.id === token.id)!.lastUsedAt).not.toBeNull();
    // Only this team's tokens.
    expect(listed.map((item) => item.userId)).not.toContain(teamB.users.rep.id);

    const revoked = await call('DELETE', `/api/tokens/${token.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ token: { id: token.id, revoked: true } });
    expect((await client(app, secret).get('/v1/content')).status).toBe(401);
    expect((await call('DELETE', `/api/tokens/${token.id}`)).status).toBe(200);
  });

  it("refuses a token for another team's user or a disabled one, and cannot revoke another team's token", async () => {
    expect(await call('POST', '/api/tokens', { userId: teamB.users.rep.id })).toMatchObject({ status: 400, error: `No user with id ${teamB.users.rep.id} in your team.` });
    await call('PATCH', `/api/users/${teamA.users.rep2.id}`, { disabled: true });
    expect(await call('POST', '/api/tokens', { userId: teamA.users.rep2.id })).toMatchObject({ status: 400, error: 'rep2@admin-a.example is disabled: enable the account before giving it a token.' });
    await call('PATCH', `/api/users/${teamA.users.rep2.id}`, { disabled: false });
    expect((await call('POST', '/api/tokens', { userId: teamA.users.rep.id, days: 400 })).error).toMatch(/^Invalid request body: days: /);

    const bTokenId = (await database.db.selectFrom('tokens').select('id').where('team_id', '=', teamB.teamId).executeTakeFirstOrThrow()).id;
    expect(await call('DELETE', `/api/tokens/${bTokenId}`)).toMatchObject({ status: 404, error: `No token with id ${bTokenId} in your team.` });
    expect((await client(app, teamB.users.rep.token).get('/v1/content')).status).toBe(200);
  });
});

describe('sources and the Slack webhook', () => {
  it('has no source and no webhook at first', async () => {
    expect(SourcesSchema.parse((await call('GET', '/api/sources')).json)).toEqual({ sources: [], slackWebhookHost: null });
    expect(await call('POST', '/api/sources/hubspot/test')).toMatchObject({ status: 404, error: 'Your team has no marketing system yet: set HubSpot or Mautic first.' });
  });

  it('sets HubSpot with its token (tested, then stored encrypted), shows the settings and never the token', async () => {
    const saved = await call('PUT', '/api/sources/hubspot', { config: { contentTableId: HUBSPOT_TABLE }, secrets: { token: HUBSPOT_TOKEN } });
    expect(saved.status).toBe(200);
    const body = SourceSavedSchema.parse(saved.json);
    expect(body.source).toMatchObject({ kind: 'hubspot', config: { kind: 'hubspot', contentTableId: HUBSPOT_TABLE, apiBase: 'https://api.hubapi.com' }, lastSyncAt: null, syncing: false });
    expect(body.test.ok).toBe(true);
    expect(body.test.message).toContain('✓ auth');

    const listed = SourcesSchema.parse((await call('GET', '/api/sources')).json);
    expect(listed.sources).toEqual([body.source]);

    const tested = TestConnectionSchema.parse((await call('POST', '/api/sources/hubspot/test')).json);
    expect(tested.ok).toBe(true);
    vendors.unauthorized = true;
    const failing = TestConnectionSchema.parse((await call('POST', '/api/sources/hubspot/test')).json);
    expect(failing.ok).toBe(false);
    expect(failing.message).toMatch(/✗ auth: .*401/);
    expect(await call('POST', '/api/sources/mautic/test')).toMatchObject({ status: 404, error: 'Your team has no Mautic source; its marketing system is HubSpot.' });
  });

  it('refuses settings the source schema refuses and a missing or unknown secret, in words', async () => {
    expect(await call('PUT', '/api/sources/mautic', { config: { baseUrl: MAUTIC_BASE, auth: { method: 'basic', username: 'leadside-api' } } })).toMatchObject({
      status: 400,
      error: 'Give the Mautic with basic auth secret: "password" in secrets.',
    });
    expect(await call('PUT', '/api/sources/mautic', { config: { baseUrl: MAUTIC_BASE, auth: { method: 'basic', username: 'x' } }, secrets: { token: 'x' } })).toMatchObject({
      status: 400,
      error: 'Mautic with basic auth takes the secret password, not token.',
    });
    const badUrl = await call('PUT', '/api/sources/mautic', { config: { baseUrl: 'http://mautic.example', auth: { method: 'basic', username: 'x' } }, secrets: { password: MAUTIC_PASSWORD } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.error).toMatch(/^Invalid Mautic settings: baseUrl: /);
    expect((await call('PUT', '/api/sources/pipedrive', { config: {} })).error).toMatch(/^Invalid path: kind: /);
    // Still HubSpot.
    expect(SourcesSchema.parse((await call('GET', '/api/sources')).json).sources.map((source) => source.kind)).toEqual(['hubspot']);
  });

  it('says a server without its secrets key cannot store secrets (503)', async () => {
    const key = process.env[SECRETS_KEY_ENV];
    delete process.env[SECRETS_KEY_ENV];
    try {
      const refused = await call('PUT', '/api/sources/hubspot', { config: {}, secrets: { token: HUBSPOT_TOKEN } });
      expect(refused.status).toBe(503);
      expect(refused.error).toMatch(/^The server cannot store or read secrets: LEADSIDE_SECRETS_KEY is not set/);
    } finally {
      process.env[SECRETS_KEY_ENV] = key;
    }
  });

  it('queues a sync on the job queue, whose outcome then shows as the last sync; without a job queue it says why', async () => {
    const none = await call('POST', '/api/sources/hubspot/sync');
    expect(none.status).toBe(503);
    expect(none.error).toMatch(/^This server instance runs no job queue/);

    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    runner = await startJobRunner(database, { pollingIntervalSeconds: 0.5 });
    const queued = await call('POST', '/api/sources/hubspot/sync');
    expect(queued.status).toBe(202);
    expect(SyncQueuedSchema.parse(queued.json)).toMatchObject({ queued: true });
    const deadline = Date.now() + 30_000;
    let source = SourcesSchema.parse((await call('GET', '/api/sources')).json).sources[0]!;
    while (!source.lastSyncAt && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      source = SourcesSchema.parse((await call('GET', '/api/sources')).json).sources[0]!;
    }
    expect(source).toMatchObject({ lastSyncError: null, syncing: false, catalogCount: expect.any(Number) });
    expect(source.catalogCount).toBeGreaterThan(0);
    expect(await call('POST', '/api/sources/mautic/sync')).toMatchObject({ status: 404 });
  });

  it('sets the Slack webhook (only its host is ever shown) and removes it', async () => {
    const bad = await call('PUT', '/api/webhook', { url: 'http://hooks.slack.example/services/x' });
    expect(bad).toMatchObject({ status: 400, error: expect.stringMatching(/^The Slack webhook must be an https URL/) });
    const set = await call('PUT', '/api/webhook', { url: SLACK_WEBHOOK });
    expect(WebhookStatusSchema.parse(set.json)).toEqual({ slackWebhookHost: 'hooks.slack.example' });
    expect(SourcesSchema.parse((await call('GET', '/api/sources')).json).slackWebhookHost).toBe('hooks.slack.example');
    const stored = await database.db.selectFrom('team_webhooks').select('url').where('team_id', '=', teamA.teamId).executeTakeFirstOrThrow();
    expect(stored.url).not.toContain('fakefakefake');
    expect(WebhookStatusSchema.parse((await call('DELETE', '/api/webhook')).json)).toEqual({ slackWebhookHost: null });
    expect(SourcesSchema.parse((await call('GET', '/api/sources')).json).slackWebhookHost).toBeNull();
    // The other team never had one.
    expect(await database.db.selectFrom('team_webhooks').select('team_id').where('team_id', '=', teamB.teamId).execute()).toEqual([]);
  });
});

describe('secrets', () => {
  it('are in no answer: not the vendor token or password, the webhook URL, an API token or its hash', async () => {
    const tokenHashes = (await database.db.selectFrom('tokens').select('token_hash').execute()).map((row) => row.token_hash);
    const secrets = [HUBSPOT_TOKEN, MAUTIC_PASSWORD, SLACK_WEBHOOK, '/services/T0001', ...issuedSecrets, ...tokenHashes, teamA.users.rep.token];
    expect(answers.length).toBeGreaterThan(30);
    // The one answer that carries a new token is the answer that creates it; no other may.
    const everything = answers.filter((text) => !text.includes('"secret":')).join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
