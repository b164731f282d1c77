import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentItemSchema } from '@/lib/schema';
import { ContentPageSchema, ErrorBodySchema, ProfileResponseSchema, ProfileSearchResponseSchema } from '@/lib/schema/rest-api';
import { addTeam, addUser, AdminError, issueToken } from '../admin/accounts';
import { runCommand } from '../admin/commands';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { saveContent } from '../db/queries/marketing-data';
import { claimSync, finishSync, getTeamSource } from '../db/queries/sources';
import { openTestDatabase } from '../test-support/database';
import { parseSecretFlags, SOURCE_COMMANDS } from './commands';
import { setTeamSource } from './manage';
import { decryptSecrets, SECRETS_KEY_ENV } from './secrets-crypto';
import { SyncNotStartedError, syncTeamSource } from './sync';
import { fakeVendors, HUBSPOT_TABLE, HUBSPOT_TOKEN, MAUTIC_BASE, MAUTIC_PASSWORD, type FakeVendors } from './testing/fake-vendors';

const KEY = randomBytes(32);
const savedKey = process.env[SECRETS_KEY_ENV];
let database: Database;
let app: Hono;
let vendors: FakeVendors;

beforeAll(async () => {
  process.env[SECRETS_KEY_ENV] = KEY.toString('base64');
  database = await openTestDatabase();
  app = createApp({ database, rateLimit: false });
});
afterAll(async () => {
  await database?.close();
  if (savedKey === undefined) delete process.env[SECRETS_KEY_ENV];
  else process.env[SECRETS_KEY_ENV] = savedKey;
});
beforeEach(() => {
  vendors = fakeVendors();
  // The connectors say on the console which optional data they fell back from.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

let teams = 0;
async function newTeam() {
  const teamId = await addTeam(database, `Team ${++teams}`);
  await addUser(database, teamId, { email: `rep${teams}@example.com`, role: 'rep' });
  const { token } = await issueToken(database, { email: `rep${teams}@example.com`, teamId });
  const get = (path: string) => app.request(path, { headers: { Authorization: `Bearer ${token}` } });
  return { teamId, get };
}

const hubspotSettings = { kind: 'hubspot', config: { contentTableId: HUBSPOT_TABLE }, secrets: { token: HUBSPOT_TOKEN } };
const mauticSettings = { kind: 'mautic', config: { baseUrl: MAUTIC_BASE, auth: { method: 'basic', username: 'leadside-api' } }, secrets: { password: MAUTIC_PASSWORD } };

async function teamWith(settings: typeof hubspotSettings | typeof mauticSettings) {
  const team = await newTeam();
  await setTeamSource(database, team.teamId, settings);
  vendors.calls.length = 0;
  return team;
}

const catalogIds = async (team: { get: (path: string) => Response | Promise<Response> }) =>
  ContentPageSchema.parse(await (await team.get('/v1/content')).json()).items.map((item) => item.id);

describe('a team source: settings and secrets', () => {
  it('stores the vendor secret encrypted under LEADSIDE_SECRETS_KEY: the stored text holds neither the token nor its base64', async () => {
    const { teamId } = await newTeam();
    const { checks } = await setTeamSource(database, teamId, hubspotSettings);
    expect(checks.map((check) => [check.capability, check.ok])).toEqual([
      ['auth', true],
      ['lookup', true],
      ['content', true],
      ['write', true],
    ]);
    const row = await database.db.selectFrom('team_sources').selectAll().where('team_id', '=', teamId).executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    for (const form of [HUBSPOT_TOKEN, Buffer.from(HUBSPOT_TOKEN).toString('base64'), Buffer.from(HUBSPOT_TOKEN).toString('base64url')]) expect(stored).not.toContain(form);
    expect(row.kind).toBe('hubspot');
    expect(row.config).toMatchObject({ kind: 'hubspot', apiBase: 'https://api.hubapi.com', contentTableId: HUBSPOT_TABLE });
    expect(decryptSecrets(row.secrets, teamId, KEY)).toEqual({ token: HUBSPOT_TOKEN });
    // The same secret stored again is new ciphertext (a fresh IV each time).
    await setTeamSource(database, teamId, hubspotSettings);
    expect((await getTeamSource(database.db, teamId))!.secrets).not.toBe(row.secrets);

    const shown = (await SOURCE_COMMANDS.source!(database, { team: teamId })).join('\n');
    expect(shown).toContain('Source: HubSpot');
    expect(shown).toContain('Secrets: token (encrypted; never shown)');
    expect(shown).toContain('Last sync: never');
    expect(shown).not.toContain(HUBSPOT_TOKEN);
  });

  it('refuses to store a secret without LEADSIDE_SECRETS_KEY and says how to make one, before calling the vendor', async () => {
    const { teamId } = await newTeam();
    delete process.env[SECRETS_KEY_ENV];
    try {
      await expect(setTeamSource(database, teamId, hubspotSettings)).rejects.toThrow(/LEADSIDE_SECRETS_KEY is not set.*`openssl rand -base64 32`/);
      process.env[SECRETS_KEY_ENV] = 'too-short';
      await expect(setTeamSource(database, teamId, hubspotSettings)).rejects.toThrow(/must be 32 bytes in base64.*openssl rand -base64 32/);
    } finally {
      process.env[SECRETS_KEY_ENV] = KEY.toString('base64');
    }
    expect(await getTeamSource(database.db, teamId)).toBeUndefined();
    expect(vendors.calls).toHaveLength(0);
  });

  it('set-source validates the settings with the source schema and the secrets with what the connector needs', async () => {
    const { teamId } = await newTeam();
    const setSource = (flags: Record<string, string | string[]>) => SOURCE_COMMANDS['set-source']!(database, { team: teamId, ...flags });
    await expect(setSource({ kind: 'pipedrive', secret: ['token=x'] })).rejects.toThrow(/--kind must be hubspot or mautic/);
    await expect(setSource({ kind: 'mautic', config: '{"baseUrl":"http://mautic.example"}', secret: ['password=x'] })).rejects.toThrow(/Invalid Mautic settings: .*https/);
    await expect(setSource({ kind: 'mautic', config: JSON.stringify(mauticSettings.config), secret: ['token=x'] })).rejects.toThrow(
      'Mautic with basic auth takes the secret password, not token.',
    );
    await expect(setSource({ kind: 'hubspot', config: '{}' })).rejects.toThrow('Give the HubSpot secret: --secret token=….');
    await expect(setSource({ kind: 'hubspot', config: '{nope' })).rejects.toThrow(/--config is not JSON/);
    expect(vendors.calls).toHaveLength(0);
    expect(await getTeamSource(database.db, teamId)).toBeUndefined();
  });

  it('takes --config and repeated --secret flags through the CLI, and `source` shows no secret', async () => {
    const { teamId } = await newTeam();
    const run = (...args: string[]) => runCommand(args[0]!, args.slice(1), async () => ({ ...database, close: async () => undefined }));
    const config = JSON.stringify(mauticSettings.config);
    const lines = await run('set-source', '--team', teamId, '--kind', 'mautic', '--config', config, '--secret', `password=${MAUTIC_PASSWORD}`);
    expect(lines.slice(0, 4).map((line) => line.slice(0, 1))).toEqual(['✓', '✓', '✓', '✓']);
    expect(lines[0]).toMatch(/^✓ auth: Signed in to Mautic \(mautic\.keyline\.example\) as /);
    expect(lines.at(-1)).toBe('The server syncs the catalog within 15 minutes; `sync --team ID` does it now.');
    // Changing a setting keeps the stored secret of the same kind.
    await run('set-source', '--team', teamId, '--kind', 'mautic', '--config', JSON.stringify({ ...mauticSettings.config, timeoutSeconds: 20 }));
    const stored = await getTeamSource(database.db, teamId);
    expect(stored!.config).toMatchObject({ timeoutSeconds: 20 });
    expect(decryptSecrets(stored!.secrets, teamId, KEY)).toEqual({ password: MAUTIC_PASSWORD });
    const shown = (await run('source', '--team', teamId)).join('\n');
    expect(shown).toContain('Secrets: password (encrypted; never shown)');
    expect(shown).not.toContain(MAUTIC_PASSWORD);
    expect(parseSecretFlags(['token=a=b', 'clientSecret= x '])).toEqual({ token: 'a=b', clientSecret: ' x ' });
    expect(() => parseSecretFlags(['token'])).toThrow('Write each secret as --secret NAME=VALUE');
  });

  it("set-source prints each capability's check with the vendor's own error text", async () => {
    const { teamId } = await newTeam();
    vendors.unauthorized = true;
    const lines = await SOURCE_COMMANDS['set-source']!(database, { team: teamId, kind: 'hubspot', config: `{"contentTableId":"${HUBSPOT_TABLE}"}`, secret: [`token=${HUBSPOT_TOKEN}`] });
    expect(lines[0]).toMatch(/^✗ auth: HubSpot answered 401: Authentication credentials not found\./);
    expect(lines.slice(0, 4).map((line) => line.split(':')[0])).toEqual(['✗ auth', '✗ lookup', '✗ content', '✗ write']);
    expect(lines.join('\n')).toContain('4 of 4 checks failed');
    expect(lines.join('\n')).not.toContain(HUBSPOT_TOKEN);
    // test-source fails as a command when a check fails.
    await expect(SOURCE_COMMANDS['test-source']!(database, { team: teamId })).rejects.toThrow(AdminError);
    vendors.unauthorized = false;
    expect((await SOURCE_COMMANDS['test-source']!(database, { team: teamId }))[0]).toBe('✓ auth: Token accepted: contacts are readable.');
  });
});

describe('profile lookups fall through to the team source', () => {
  it('asks HubSpot on a miss, stores the profile, and answers the next lookups without a vendor call', async () => {
    const team = await teamWith(hubspotSettings);
    const first = await team.get('/v1/profiles?crm=hubspot&recordId=51001');
    expect(first.status).toBe(200);
    const { profile } = ProfileResponseSchema.parse(await first.json());
    expect(profile).toMatchObject({ id: '51001', email: 'priya.raman@ledgerly.io', crmIds: { hubspot: '51001', salesforce: '00Q8d00000XyZ1aEAF' } });
    expect(profile.pageViews.length).toBeGreaterThan(0);
    expect(vendors.calls.length).toBeGreaterThan(0);
    for (const call of vendors.calls) expect(call.authorization).toBe(`Bearer ${HUBSPOT_TOKEN}`);

    vendors.calls.length = 0;
    const again = await team.get('/v1/profiles?crm=hubspot&recordId=51001');
    expect(again.status).toBe(200);
    expect(ProfileResponseSchema.parse(await again.json()).profile).toEqual(profile);
    // Stored with its CRM ids and e-mail, as an import would: found by each of them, and by id.
    expect((await team.get('/v1/profiles?crm=salesforce&recordId=00Q8d00000XyZ1aEAF')).status).toBe(200);
    expect((await team.get('/v1/profiles?crm=pipedrive&recordId=999&email=Priya.Raman@ledgerly.io')).status).toBe(200);
    expect((await team.get('/v1/profiles/51001')).status).toBe(200);
    expect(vendors.calls).toHaveLength(0);
  });

  it('searches the vendor when the server has no match, and fetches and stores the chosen profile by id', async () => {
    const team = await teamWith(hubspotSettings);
    const search = await team.get('/v1/profiles/search?q=priya');
    expect(search.status).toBe(200);
    expect(ProfileSearchResponseSchema.parse(await search.json()).results.map((result) => result.id)).toEqual(['51001', '51044']);
    expect(vendors.calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual(['POST /crm/v3/objects/contacts/search']);

    expect((await team.get('/v1/profiles/51001')).status).toBe(200);
    // Known to HubSpot's search, gone from its contacts: the vendor's miss is a 404.
    const gone = await team.get('/v1/profiles/51044');
    expect(gone.status).toBe(404);
    expect(ErrorBodySchema.parse(await gone.json()).error).toBe('No such profile.');

    vendors.calls.length = 0;
    const local = await team.get('/v1/profiles/search?q=priya');
    expect(ProfileSearchResponseSchema.parse(await local.json()).results.map((result) => result.id)).toEqual(['51001']);
    expect(vendors.calls).toHaveLength(0);
  });

  it("answers a vendor failure with 502 and the vendor's own words", async () => {
    const team = await teamWith(hubspotSettings);
    vendors.unauthorized = true;
    for (const path of ['/v1/profiles?crm=salesforce&recordId=00Q8d00000XyZ1aEAF&email=someone@example.com', '/v1/profiles/51001', '/v1/profiles/search?q=someone']) {
      const response = await team.get(path);
      expect(response.status, path).toBe(502);
      const { error } = ErrorBodySchema.parse(await response.json());
      expect(error).toMatch(/^HubSpot answered 401: Authentication credentials not found\./);
      expect(error).not.toContain(HUBSPOT_TOKEN);
    }
  });

  it('asks Mautic by e-mail with basic auth and stores the contact', async () => {
    const team = await teamWith(mauticSettings);
    const path = '/v1/profiles?crm=salesforce&recordId=00Q8d00000XyZ1aEAF&email=priya.raman@ledgerly.io';
    const first = await team.get(path);
    expect(first.status).toBe(200);
    expect(ProfileResponseSchema.parse(await first.json()).profile).toMatchObject({ id: '1042', name: 'Priya Raman', company: 'Ledgerly' });
    expect(vendors.calls[0]!.authorization).toBe(`Basic ${Buffer.from(`leadside-api:${MAUTIC_PASSWORD}`).toString('base64')}`);
    vendors.calls.length = 0;
    expect((await team.get(path)).status).toBe(200);
    expect(vendors.calls).toHaveLength(0);
    // Mautic does not know this one: asked, and a plain miss.
    expect((await team.get('/v1/profiles?crm=salesforce&recordId=00Q000000000001&email=nobody@example.com')).status).toBe(404);
    expect(vendors.calls).toHaveLength(1);
  });
});

describe('catalog sync', () => {
  const imported = ContentItemSchema.parse({ id: 'imported-1', title: 'Pricing one-pager', type: 'one_pager', url: 'https://www.keyline.example/pricing.pdf' });

  it("upserts the vendor's catalog in stable positions and retires only the vendor's items it stopped listing", async () => {
    const team = await teamWith(hubspotSettings);
    await saveContent(database.db, team.teamId, [imported]);

    const first = await syncTeamSource(database, team.teamId);
    expect(first).toMatchObject({ kind: 'hubspot', updated: 0, unchanged: 0, retired: 0 });
    expect(first.items).toBeGreaterThan(2);
    expect(first.added).toBe(first.items);
    const all = await catalogIds(team);
    expect(all[0]).toBe('imported-1');
    const vendorIds = all.slice(1);
    expect(vendorIds).toHaveLength(first.items);

    const again = await syncTeamSource(database, team.teamId);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: first.items, retired: 0 });

    // The first page of the HubDB table is gone: its items are retired, the import's item stays.
    vendors.hubdb = 'second-only';
    const shrunk = await syncTeamSource(database, team.teamId);
    const kept = await catalogIds(team);
    expect(kept[0]).toBe('imported-1');
    expect(kept.length).toBeLessThan(all.length);
    expect(shrunk).toMatchObject({ items: kept.length - 1, added: 0, updated: 0, unchanged: kept.length - 1, retired: all.length - kept.length });
    // Retired, not deleted: the rows stay, marked.
    const rows = await database.db.selectFrom('content').select(['id', 'position', 'retired_at', 'origin']).where('team_id', '=', team.teamId).orderBy('position').execute();
    expect(rows.map((row) => row.id)).toEqual(all);
    expect(rows.filter((row) => row.retired_at !== null).map((row) => row.id)).toEqual(all.filter((id) => !kept.includes(id)));
    expect(rows.map((row) => row.origin)).toEqual([null, ...vendorIds.map(() => 'hubspot')]);

    const stored = await getTeamSource(database.db, team.teamId);
    expect(stored).toMatchObject({ lastSyncError: null, catalogCount: kept.length - 1, syncStartedAt: null });
    expect(stored!.lastSyncAt!.getTime()).toBe(shrunk.at.getTime());

    // Listed again: back in the catalog, in their old places.
    vendors.hubdb = 'both';
    const back = await syncTeamSource(database, team.teamId);
    expect(back).toMatchObject({ added: 0, updated: all.length - kept.length, retired: 0 });
    expect(await catalogIds(team)).toEqual(all);
  });

  it("records a vendor 401 as last_sync_error with the vendor's text, and leaves the catalog as it was", async () => {
    const team = await teamWith(hubspotSettings);
    const synced = await syncTeamSource(database, team.teamId);
    const before = await catalogIds(team);
    vendors.unauthorized = true;
    await expect(syncTeamSource(database, team.teamId)).rejects.toThrow(/HubSpot answered 401/);
    const stored = await getTeamSource(database.db, team.teamId);
    expect(stored!.lastSyncError).toMatch(/^HubSpot answered 401: Authentication credentials not found\. This API supports OAuth 2\.0/);
    expect(stored!.lastSyncError).not.toContain(HUBSPOT_TOKEN);
    expect(stored).toMatchObject({ catalogCount: synced.items, syncStartedAt: null });
    expect(await catalogIds(team)).toEqual(before);
    // The CLI says the same.
    await expect(SOURCE_COMMANDS.sync!(database, { team: team.teamId })).rejects.toThrow(/^HubSpot answered 401: Authentication credentials not found/);
    expect((await SOURCE_COMMANDS.source!(database, { team: team.teamId })).join('\n')).toMatch(/Last sync: \S+, failed: HubSpot answered 401: Authentication credentials not found/);
  });

  it('syncs the Mautic assets', async () => {
    const team = await teamWith(mauticSettings);
    const lines = await SOURCE_COMMANDS.sync!(database, { team: team.teamId });
    expect(lines[0]).toMatch(/^Synced Mautic at \S+: 5 items listed; 5 added, 0 updated, 0 unchanged, 0 retired\.$/);
    expect(await catalogIds(team)).toEqual(['mautic-asset-12', 'mautic-asset-14', 'mautic-asset-15', 'mautic-asset-17', 'mautic-asset-18']);
  });

  it('does not start while another sync of the team holds the lease', async () => {
    const team = await teamWith(hubspotSettings);
    expect(await claimSync(database.db, team.teamId, 'hubspot', 60_000)).toBe(true);
    expect(await claimSync(database.db, team.teamId, 'hubspot', 60_000)).toBe(false);
    await expect(syncTeamSource(database, team.teamId)).rejects.toThrow(SyncNotStartedError);
    expect(vendors.calls).toHaveLength(0);
    await finishSync(database.db, team.teamId, 'hubspot', { at: new Date(), error: null });
    await expect(syncTeamSource(database, team.teamId)).resolves.toMatchObject({ kind: 'hubspot' });
  });
});

describe("a team's source never serves another team", () => {
  it('answers another team from its own data only, and never with the first team’s vendor', async () => {
    const withSource = await teamWith(hubspotSettings);
    const without = await newTeam();
    expect((await withSource.get('/v1/profiles?crm=hubspot&recordId=51001')).status).toBe(200);
    await syncTeamSource(database, withSource.teamId);
    vendors.calls.length = 0;

    expect((await without.get('/v1/profiles?crm=hubspot&recordId=51001')).status).toBe(404);
    expect((await without.get('/v1/profiles/51001')).status).toBe(404);
    expect(ProfileSearchResponseSchema.parse(await (await without.get('/v1/profiles/search?q=priya')).json()).results).toEqual([]);
    expect(await catalogIds(without)).toEqual([]);
    expect(vendors.calls).toHaveLength(0);
  });

  it("does not decrypt one team's secrets for another, even when the row is copied", async () => {
    const owner = await teamWith(hubspotSettings);
    const thief = await newTeam();
    const row = await database.db.selectFrom('team_sources').selectAll().where('team_id', '=', owner.teamId).executeTakeFirstOrThrow();
    await database.db
      .insertInto('team_sources')
      .values({ team_id: thief.teamId, kind: row.kind, config: JSON.stringify(row.config), secrets: row.secrets, updated_at: new Date() })
      .execute();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await thief.get('/v1/profiles?crm=hubspot&recordId=51001');
    expect(response.status).toBe(502);
    expect(ErrorBodySchema.parse(await response.json()).error).toMatch(/cannot be decrypted/);
    await expect(syncTeamSource(database, thief.teamId)).rejects.toThrow(/cannot be decrypted/);
    expect(vendors.calls).toHaveLength(0);
  });
});
