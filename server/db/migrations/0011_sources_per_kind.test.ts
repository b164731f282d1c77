import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test-support/database';
import type { Database } from '../database';
import { jsonb } from '../json';
import { migrate } from '../migrate';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const row = (teamId: string, kind: 'hubspot' | 'mautic') => ({ team_id: teamId, kind, config: jsonb({ kind }), secrets: 'v1.x.y.z', updated_at: new Date('2026-11-30T10:00:00Z') });

describe('migration 0011_sources_per_kind', () => {
  it("keeps a team's source as its main one (position 0), then allows one source per kind; down refuses while a team has two, and works with one", async () => {
    database = await openTestDatabase({ migrateTo: '0010_digests' });
    const { db } = database;
    await db.insertInto('teams').values([{ id: 't1', name: 'One' }, { id: 't2', name: 'Two' }]).execute();
    await db.insertInto('team_sources').values(row('t1', 'hubspot')).execute();

    await migrate(db);
    expect(await db.selectFrom('team_sources').select(['team_id', 'kind', 'position', 'secrets']).execute()).toEqual([
      { team_id: 't1', kind: 'hubspot', position: 0, secrets: 'v1.x.y.z' },
    ]);
    await db.insertInto('team_sources').values({ ...row('t1', 'mautic'), position: 1 }).execute();
    await db.insertInto('team_sources').values(row('t2', 'mautic')).execute();
    // Still one per kind.
    await expect(db.insertInto('team_sources').values({ ...row('t1', 'hubspot'), position: 2 }).execute()).rejects.toThrow();

    await expect(migrate(db, '0010_digests')).rejects.toThrow(/Cannot go back to one marketing system per team: t1 \(2 sources\)\. Remove all but one/);
    // Refused without a change.
    expect(await db.selectFrom('team_sources').select('kind').where('team_id', '=', 't1').orderBy('position').execute()).toEqual([{ kind: 'hubspot' }, { kind: 'mautic' }]);

    await db.deleteFrom('team_sources').where('team_id', '=', 't1').where('kind', '=', 'mautic').execute();
    await migrate(db, '0010_digests');
    expect(await db.selectFrom('team_sources').select(['team_id', 'kind']).orderBy('team_id').execute()).toEqual([
      { team_id: 't1', kind: 'hubspot' },
      { team_id: 't2', kind: 'mautic' },
    ]);
    // Back to one per team.
    await expect(db.insertInto('team_sources').values(row('t1', 'mautic')).execute()).rejects.toThrow();
    await migrate(db);
    expect(await db.selectFrom('team_sources').select(['team_id', 'position']).orderBy('team_id').execute()).toEqual([
      { team_id: 't1', position: 0 },
      { team_id: 't2', position: 0 },
    ]);
  });
});
