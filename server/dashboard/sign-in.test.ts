// @vitest-environment node
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../admin/commands';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { setPasswordHash } from '../db/queries/sign-in';
import { setUserDisabled } from '../db/queries/users';
import { openTestDatabase } from '../test-support/database';
import { client } from '../test-support/http';
import { createTestTeam, type TestTeam } from '../test-support/team';
import { hashPassword } from './password';
import { REP_REFUSAL } from './session-auth';

/**
 * Dashboard sign-in against a real database (PGlite, or PostgreSQL with LEADSIDE_TEST_DATABASE_URL):
 * sessions, cookies, CSRF and origin checks, lockout, and who may use /api at all. The clock is
 * injected, so expiry and the lockout window are crossed without sleeping.
 */
let database: Database;
let app: Hono;
let now: Date;
let teamA: TestTeam;
let teamB: TestTeam;
const PASSWORD = 'correct horse battery staple';
const SITE = 'http://localhost';

const email = (team: TestTeam, key: keyof TestTeam['users']) => `${key}@${team === teamA ? 'dash-a' : 'dash-b'}.example`;
const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

/** Runs an admin command on the test database, the password "typed" on stdin. */
const runWithSecret = (line: string, secret: string) =>
  runCommand(line.split(' ')[0]!, line.split(' ').slice(1), async () => ({ ...database, close: async () => undefined }), async () => secret);

async function signIn(who: string, password = PASSWORD, headers: Record<string, string> = {}, target: Hono = app) {
  const response = await target.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email: who, password }),
  });
  const setCookie = response.headers.get('Set-Cookie') ?? '';
  const cookie = setCookie.match(/^leadside_session=([^;]*)/)?.[1];
  return { response, setCookie, cookie: cookie ? `leadside_session=${cookie}` : undefined };
}

/** Signs in and returns what the dashboard page would keep: the cookie and the CSRF token. */
async function session(who: string) {
  const { response, cookie } = await signIn(who);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: cookie!, csrf: body.csrfToken };
}

const api = (path: string, init: { method?: string; cookie?: string; headers?: Record<string, string> } = {}) =>
  app.request(path, { method: init.method ?? 'GET', headers: { ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers } });

async function sessionRows(teamId: string) {
  return database.db.selectFrom('sessions').selectAll().where('team_id', '=', teamId).execute();
}

beforeAll(async () => {
  database = await openTestDatabase();
  teamA = await createTestTeam(database, 'Dash A');
  teamB = await createTestTeam(database, 'Dash B');
  for (const team of [teamA, teamB]) {
    for (const key of ['marketer', 'admin'] as const) await runWithSecret(`set-password --email ${email(team, key)}`, PASSWORD);
  }
});
afterAll(() => database.close());
beforeEach(async () => {
  now = new Date('2026-12-01T09:00:00Z');
  app = createApp({ database, dashboard: { now: () => now } });
  // Each test starts with no lock and no sessions, whatever the one before did.
  await database.db.deleteFrom('sign_in_failures').execute();
  await database.db.deleteFrom('sessions').execute();
});

describe('dashboard sign-in', () => {
  it('signs a marketer in with a cookie and CSRF token, answers who is signed in, and signs out', async () => {
    const { response, setCookie, cookie } = await signIn(email(teamA, 'marketer').toUpperCase());
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: unknown; team: unknown; csrfToken: string };
    expect(body).toEqual({
      user: { name: 'Marketer of Dash A', email: email(teamA, 'marketer'), role: 'marketer' },
      team: { name: 'Dash A' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=604800/);
    expect(setCookie).not.toMatch(/Secure/);

    // Only the hash of the cookie's secret is stored.
    const [row] = await sessionRows(teamA.teamId);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(cookie!.split('=')[1]);

    const who = await api('/api/session', { cookie });
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual(body);

    const out = await api('/api/session', { method: 'DELETE', cookie, headers: { 'X-CSRF-Token': body.csrfToken, Origin: SITE } });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^leadside_session=; Max-Age=0/);
    expect((await sessionRows(teamA.teamId))[0]!.revoked_at).not.toBeNull();
    const after = await api('/api/session', { cookie });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: 'This session was signed out; sign in again.' });
  });

  it('marks the cookie Secure over https, directly or behind a proxy that says so', async () => {
    const direct = await app.request('https://leadside.example/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: email(teamA, 'admin'), password: PASSWORD }),
    });
    expect(direct.status).toBe(200);
    expect(direct.headers.get('Set-Cookie')).toMatch(/; Secure/);
    const proxied = await signIn(email(teamA, 'admin'), PASSWORD, { 'X-Forwarded-Proto': 'https' });
    expect(proxied.response.status).toBe(200);
    expect(proxied.setCookie).toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown e-mail the same way, in similar time', async () => {
    const timed = async (who: string) => {
      const started = performance.now();
      const { response, cookie } = await signIn(who, 'not the password at all');
      return { status: response.status, body: await response.json(), cookie, ms: performance.now() - started };
    };
    const wrong = [await timed(email(teamA, 'marketer')), await timed(email(teamA, 'marketer'))];
    const unknown = [await timed('nobody@dash-a.example'), await timed('nobody@dash-a.example')];
    // A rep has no password: the same answer again, no hint that the account exists.
    const passwordless = await timed(email(teamA, 'rep'));
    for (const attempt of [...wrong, ...unknown, passwordless]) {
      expect(attempt.status).toBe(401);
      expect(attempt.body).toEqual({ error: 'Wrong e-mail or password.', code: 'server.wrongPassword' });
      expect(attempt.cookie).toBeUndefined();
    }
    // An unknown e-mail still costs a scrypt check (a dummy hash), so it is not answered much faster.
    const fastestWrong = Math.min(...wrong.map((attempt) => attempt.ms));
    const slowestUnknown = Math.max(...unknown.map((attempt) => attempt.ms));
    expect(slowestUnknown).toBeGreaterThan(fastestWrong * 0.4);
    expect(passwordless.ms).toBeGreaterThan(fastestWrong * 0.4);
    expect(await sessionRows(teamA.teamId)).toEqual([]);
  });

  it('locks an e-mail for 15 minutes after 5 failures within 15 minutes, on every instance, then lets it in', async () => {
    const who = email(teamA, 'marketer');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn(who, 'wrong password')).response.status).toBe(401);
      advance(minutes(1));
    }
    // Even the right password is refused while locked, and by another instance on the same database.
    const otherInstance = createApp({ database, dashboard: { now: () => now } });
    for (const target of [app, otherInstance]) {
      const locked = await signIn(who, PASSWORD, {}, target);
      expect(locked.response.status).toBe(429);
      // Locked 15 minutes from the fifth failure, which was a minute ago.
      expect(await locked.response.json()).toEqual({ error: 'Too many failed sign-ins for this e-mail: try again in 14 minutes.', code: 'server.lockedOut', params: { count: 14 } });
      expect(locked.response.headers.get('Retry-After')).toBe(String(14 * 60));
      expect(locked.cookie).toBeUndefined();
    }
    // The address's case does not get around it.
    expect((await signIn(who.toUpperCase())).response.status).toBe(429);
    expect(await sessionRows(teamA.teamId)).toEqual([]);

    advance(minutes(14) - 1000);
    expect((await signIn(who)).response.status).toBe(429);
    advance(1000);
    expect((await signIn(who)).response.status).toBe(200);
  });

  it('does not lock for 5 failures spread over more than 15 minutes, and a success forgives earlier failures', async () => {
    const who = email(teamA, 'admin');
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await signIn(who, 'wrong password')).response.status).toBe(401);
    advance(minutes(16));
    expect((await signIn(who, 'wrong password')).response.status).toBe(401);
    expect((await signIn(who)).response.status).toBe(200);
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await signIn(who, 'wrong password')).response.status).toBe(401);
    expect((await signIn(who)).response.status).toBe(200);
  });

  it('locks an unknown e-mail exactly like a known one', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await signIn('ghost@dash-a.example', 'guess')).response.status).toBe(401);
    const locked = await signIn('ghost@dash-a.example', 'guess');
    expect(locked.response.status).toBe(429);
    expect(await locked.response.json()).toMatchObject({ error: 'Too many failed sign-ins for this e-mail: try again in 15 minutes.' });
  });

  it('refuses state changes without the CSRF token, with a wrong one, or from another origin, and changes nothing', async () => {
    const { cookie, csrf } = await session(email(teamA, 'marketer'));
    const attempts: Record<string, string>[] = [
      {},
      { 'X-CSRF-Token': 'x'.repeat(43) },
      { 'X-CSRF-Token': `${csrf}x` },
      { 'X-CSRF-Token': csrf, Origin: 'https://evil.example' },
      { 'X-CSRF-Token': csrf, Origin: 'null' },
      { 'X-CSRF-Token': csrf, Referer: 'https://evil.example/page' },
      { 'X-CSRF-Token': csrf, Origin: 'http://localhost:8080' },
    ];
    for (const headers of attempts) {
      const response = await api('/api/session', { method: 'DELETE', cookie, headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(/X-CSRF-Token|Cross-site request refused/);
    }
    // Still signed in: nothing was revoked.
    expect((await sessionRows(teamA.teamId)).map((row) => row.revoked_at)).toEqual([null]);
    expect((await api('/api/session', { cookie })).status).toBe(200);
    // The same request from the dashboard's own page goes through (Referer alone is enough, too).
    const own = await api('/api/session', { method: 'DELETE', cookie, headers: { 'X-CSRF-Token': csrf, Referer: `${SITE}/overview` } });
    expect(own.status).toBe(204);
  });

  it('refuses a sign-in posted from another site (login CSRF) and one that is not JSON', async () => {
    const crossSite = await signIn(email(teamA, 'marketer'), PASSWORD, { Origin: 'https://evil.example' });
    expect(crossSite.response.status).toBe(403);
    expect(crossSite.cookie).toBeUndefined();
    const form = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=a&password=b' });
    expect(form.status).toBe(400);
    const empty = await signIn(email(teamA, 'marketer'), '');
    expect(empty.response.status).toBe(400);
    expect(await empty.response.json()).toMatchObject({ error: 'Invalid request body: password: Enter your password.' });
    expect(await sessionRows(teamA.teamId)).toEqual([]);
  });

  it("keeps reps out: a rep's password sign-in is refused, and no bearer token opens /api", async () => {
    // set-password refuses reps; a rep with a password is one who was a marketer once.
    await expect(runWithSecret(`set-password --email ${email(teamA, 'rep')}`, PASSWORD)).rejects.toThrow(REP_REFUSAL);
    await setPasswordHash(database.db, teamA.teamId, teamA.users.rep.id, await hashPassword(PASSWORD));
    const rep = await signIn(email(teamA, 'rep'));
    expect(rep.response.status).toBe(403);
    expect(await rep.response.json()).toEqual({ error: REP_REFUSAL, code: 'server.repRefused' });
    expect(rep.cookie).toBeUndefined();

    for (const token of [teamA.users.rep.token, teamA.users.admin.token]) {
      for (const path of ['/api/session', '/api/team']) {
        const response = await client(app, token).get(path);
        expect(response.status).toBe(401);
        expect(((await response.json()) as { error: string }).error).toMatch(/^The dashboard uses sign-in .*not API tokens/);
      }
    }
    // Not even beside a marketer's valid cookie.
    const { cookie } = await session(email(teamA, 'marketer'));
    expect((await api('/api/team', { cookie, headers: { Authorization: `Bearer ${teamA.users.rep.token}` } })).status).toBe(401);
  });

  it('refuses a session cookie on /v1, which takes bearer tokens only', async () => {
    const { cookie } = await session(email(teamA, 'admin'));
    for (const path of ['/v1/content', '/v1/stats']) expect((await api(path, { cookie })).status).toBe(401);
  });

  it('ends a session after 12 idle hours, after 7 days however active, and when the password changes', async () => {
    const idle = await session(email(teamA, 'marketer'));
    advance(minutes(12 * 60) - 1000);
    expect((await api('/api/session', { cookie: idle.cookie })).status).toBe(200);
    // Twelve hours after that last use.
    advance(minutes(12 * 60));
    const idleEnd = await api('/api/session', { cookie: idle.cookie });
    expect(idleEnd.status).toBe(401);
    expect(await idleEnd.json()).toMatchObject({ error: 'This session ended after 12 hours without use; sign in again.' });
    expect(idleEnd.headers.get('Set-Cookie')).toMatch(/^leadside_session=; Max-Age=0/);

    const busy = await session(email(teamA, 'marketer'));
    for (let hours = 11; hours < 7 * 24; hours += 11) {
      advance(minutes(11 * 60));
      const response = await api('/api/team', { cookie: busy.cookie });
      expect(response.status, `after ${hours} hours`).toBe(200);
    }
    advance(minutes(11 * 60));
    const absoluteEnd = await api('/api/team', { cookie: busy.cookie });
    expect(absoluteEnd.status).toBe(401);
    expect(await absoluteEnd.json()).toMatchObject({ error: 'This session expired (a sign-in lasts at most 168 hours); sign in again.' });

    const revoked = await session(email(teamA, 'marketer'));
    const lines = await runWithSecret(`set-password --email ${email(teamA, 'marketer')} --team ${teamA.teamId}`, PASSWORD);
    expect(lines).toEqual([`Password set for ${email(teamA, 'marketer')}; their other dashboard sessions are signed out.`]);
    expect((await api('/api/session', { cookie: revoked.cookie })).status).toBe(401);

    expect((await api('/api/session', { cookie: 'leadside_session=made-up' })).status).toBe(401);
    const none = await api('/api/team');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: 'Not signed in: sign in with your e-mail and password (POST /api/session).' });
  });

  it("shows a marketer only their own team's people, with when each was last seen", async () => {
    // Team B's rep used their token: last seen is recorded.
    expect((await client(app, teamB.users.rep.token).get('/v1/content')).status).toBe(200);
    const { cookie } = await session(email(teamB, 'marketer'));
    const response = await api('/api/team', { cookie });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { team: { name: string }; users: { name: string; email: string; role: string; lastSeenAt: string | null }[] };
    expect(body.team).toEqual({ name: 'Dash B' });
    expect(body.users.map((user) => user.email).sort()).toEqual(['admin', 'marketer', 'rep', 'rep2'].map((key) => `${key}@dash-b.example`).sort());
    expect(body.users.find((user) => user.role === 'marketer')!.lastSeenAt).toBe(now.toISOString());
    expect(body.users.find((user) => user.email === 'rep@dash-b.example')!.lastSeenAt).not.toBeNull();
    expect(body.users.find((user) => user.email === 'rep2@dash-b.example')!.lastSeenAt).toBeNull();
    expect(JSON.stringify(body)).not.toContain('Dash A');
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('refuses a session whose user became a rep or was disabled, but lets them sign out', async () => {
    const { cookie, csrf } = await session(email(teamB, 'admin'));
    await database.db.updateTable('users').set({ role: 'rep' }).where('team_id', '=', teamB.teamId).where('id', '=', teamB.users.admin.id).execute();
    try {
      const team = await api('/api/team', { cookie });
      expect(team.status).toBe(403);
      expect(await team.json()).toMatchObject({ error: REP_REFUSAL });
      expect((await api('/api/session', { method: 'DELETE', cookie, headers: { 'X-CSRF-Token': csrf } })).status).toBe(204);
    } finally {
      await database.db.updateTable('users').set({ role: 'admin' }).where('team_id', '=', teamB.teamId).where('id', '=', teamB.users.admin.id).execute();
    }

    const again = await session(email(teamB, 'admin'));
    await setUserDisabled(database.db, teamB.teamId, teamB.users.admin.id, true);
    try {
      expect(await (await api('/api/team', { cookie: again.cookie })).json()).toMatchObject({ error: 'This account is disabled; ask an admin.' });
      expect((await signIn(email(teamB, 'admin'))).response.status).toBe(401);
    } finally {
      await setUserDisabled(database.db, teamB.teamId, teamB.users.admin.id, false);
    }
  });

  it('asks which team when one e-mail and password open accounts in several', async () => {
    const shared = 'shared@both.example';
    for (const team of [teamA, teamB]) {
      await runCommand('add-user', ['--team', team.teamId, '--email', shared, '--role', 'marketer'], async () => ({ ...database, close: async () => undefined }));
      await runWithSecret(`set-password --email ${shared} --team ${team.teamId}`, PASSWORD);
    }
    await expect(runWithSecret(`set-password --email ${shared}`, PASSWORD)).rejects.toThrow(/user of 2 teams: say which with --team/);
    const ambiguous = await signIn(shared);
    expect(ambiguous.response.status).toBe(409);
    expect(((await ambiguous.response.json()) as { teams: unknown }).teams).toEqual([
      { id: teamA.teamId, name: 'Dash A' },
      { id: teamB.teamId, name: 'Dash B' },
    ]);
    const chosen = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: shared, password: PASSWORD, teamId: teamB.teamId }),
    });
    expect(chosen.status).toBe(200);
    expect(((await chosen.json()) as { team: unknown }).team).toEqual({ name: 'Dash B' });
  });
});

describe('set-password', () => {
  it('reads the password it is given (stdin), refuses a short one, and stores only a salted scrypt hash', async () => {
    await expect(runWithSecret(`set-password --email ${email(teamA, 'admin')}`, 'short')).rejects.toThrow(
      'The password must be at least 12 characters long (it has 5).',
    );
    await expect(runWithSecret('set-password --email nobody@dash-a.example', PASSWORD)).rejects.toThrow('No user nobody@dash-a.example.');
    await runWithSecret(`set-password --email ${email(teamA, 'admin')}`, PASSWORD);
    await runWithSecret(`set-password --email ${email(teamB, 'admin')}`, PASSWORD);
    const hashes = await database.db.selectFrom('users').select('password_hash').where(sql`lower(email)`, 'like', 'admin@dash-%').execute();
    expect(hashes).toHaveLength(2);
    for (const { password_hash } of hashes) expect(password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    // Same password, different salts.
    expect(hashes[0]!.password_hash).not.toBe(hashes[1]!.password_hash);
    expect((await signIn(email(teamA, 'admin'))).response.status).toBe(200);
  });
});
