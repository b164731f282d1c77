// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { Database } from '../db/database';
import { openTestDatabase } from '../test-support/database';
import { client } from '../test-support/http';
import { runCommand } from './commands';

/** The admin CLI's commands, run against one test database (the CLI itself only adds argv and printing). */
let database: Database;
const run = (line: string) => runCommand(line.split(' ')[0]!, line.split(' ').slice(1), async () => ({ ...database, close: async () => undefined }));

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('admin commands', () => {
  it('create a team, a user and a token that the API accepts; list and revoke it', async () => {
    const [teamId] = await run('add-team --name Acme');
    expect(teamId).toMatch(/^[0-9a-f-]{36}$/);
    const [userId] = await run(`add-user --team ${teamId} --email Ana@Acme.example --role rep --name Ana`);
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(run(`add-user --team ${teamId} --email ana@acme.example --role rep`)).rejects.toThrow(/already a user/);
    await expect(run(`add-user --team ${teamId} --email x@acme.example --role boss`)).rejects.toThrow(/--role must be one of/);

    const lines = await run('new-token --email ana@acme.example --days 7 --label laptop');
    const token = lines.at(-1)!;
    expect(token).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);
    // Stored only as its hash.
    const stored = await database.db.selectFrom('tokens').select(['token_hash', 'id']).where('team_id', '=', teamId!).executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await database.db.selectFrom('tokens').selectAll().execute())).not.toContain(token);

    const app = createApp({ database });
    expect((await client(app, token).get('/v1/content')).status).toBe(200);
    const [listed] = await run(`list-tokens --team ${teamId}`);
    expect(listed).toMatch(new RegExp(`^${stored.id}\\tAna@Acme.example\\tlaptop\\tactive\\tlast used \\d{4}-`));

    expect(await run(`revoke-token --id ${stored.id}`)).toEqual([`Revoked ${stored.id}.`]);
    await expect(run(`revoke-token --id ${stored.id}`)).rejects.toThrow(/No active token/);
    expect((await client(app, token).get('/v1/content')).status).toBe(401);
    expect((await run(`list-tokens --team ${teamId}`))[0]).toContain('revoked');
  });

  it('import a file for a team and print the row report', async () => {
    const [teamId] = await run('add-team --name Importers');
    const file = path.join(tmpdir(), `leadside-content-${process.pid}.csv`);
    writeFileSync(file, 'id,title,type,url\nok-1,Fine,guide,https://content.example/ok\nbad,,guide,https://content.example/bad\n');
    const lines = await run(`import --team ${teamId} --kind content ${file}`);
    expect(lines[0]).toBe('2 rows: 1 valid, 1 refused; 1 added, 0 updated, 0 unchanged.');
    expect(lines[1]).toMatch(/^row 3, title: /);
  });

  it('seed the demo team idempotently, with fresh tokens for its four users each time', async () => {
    const [first] = await run('seed-demo --json');
    const seed = JSON.parse(first!) as { teamId: string; tokens: Record<string, string> };
    expect(Object.keys(seed.tokens).sort()).toEqual(['admin', 'marketer', 'rep1', 'rep2']);
    const again = JSON.parse((await run('seed-demo --json'))[0]!) as typeof seed;
    expect(again.teamId).toBe(seed.teamId);
    expect(again.tokens.rep1).not.toBe(seed.tokens.rep1);

    const app = createApp({ database });
    const rep = client(app, again.tokens.rep1);
    const lead = (await (await rep.get('/v1/profiles?crm=salesforce&recordId=00Q8d00000XyZ1aEAF')).json()) as { profile: { name: string; pageViews: unknown[] } };
    expect(lead.profile.name).toBe('Priya Raman');
    expect(lead.profile.pageViews.length).toBeGreaterThan(0);
    const content = (await (await rep.get('/v1/content')).json()) as { items: unknown[] };
    // Every item of the bundled demo catalog, none refused on the way in.
    const bundled = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/demo/content.json'), 'utf8')) as { items: unknown[] };
    expect(content.items).toHaveLength(bundled.items.length);
    const stats = (await (await client(app, again.tokens.marketer).get('/v1/stats')).json()) as { team: { name: string } };
    expect(stats.team.name).toBe('Demo team');
    const teams = await database.db.selectFrom('teams').select('id').where('name', '=', 'Demo team').execute();
    expect(teams).toHaveLength(1);
  });

  it('say what is wrong with a command line', async () => {
    await expect(run('frobnicate')).rejects.toThrow(/Unknown command "frobnicate"/);
    await expect(run('add-team')).rejects.toThrow(/Missing --name/);
    await expect(run('add-team --nmae x')).rejects.toThrow(/Unknown option/);
    await expect(run('new-token --email nobody@nowhere.example')).rejects.toThrow(/No user nobody@nowhere.example/);
  });
});
