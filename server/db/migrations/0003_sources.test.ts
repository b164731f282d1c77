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

describe('migration 0003_sources', () => {
  it('keeps every content row from 0002 (as imported: no origin) and adds team_sources; down and up again', async () => {
    database = await openTestDatabase({ migrateTo: '0002_rollups' });
    const { db } = database;
    await db.insertInto('teams').values({ id: 't1', name: 'Team one' }).execute();
    const item = { id: 'c1', title: 'One-pager', type: 'one_pager', url: 'https://example.com/c1' };
    await db.insertInto('content').values({ team_id: 't1', id: 'c1', position: 0, item: jsonb(item), updated_at: '2026-11-30T10:00:00Z', retired_at: null }).execute();

    await migrate(db);
    expect(await db.selectFrom('content').select(['id', 'position', 'item', 'retired_at', 'origin']).execute()).toEqual([
      { id: 'c1', position: 0, item, retired_at: null, origin: null },
    ]);
    await db.insertInto('team_sources').values({ team_id: 't1', kind: 'hubspot', config: jsonb({ kind: 'hubspot' }), secrets: 'v1.x.y.z', updated_at: new Date() }).execute();
    await expect(
      db.insertInto('team_sources').values({ team_id: 't1', kind: 'pipedrive' as 'hubspot', config: jsonb({}), secrets: 'v1.x.y.z', updated_at: new Date() }).execute(),
    ).rejects.toThrow();

    await migrate(db, '0002_rollups');
    expect(await db.selectFrom('content').select(['id', 'position']).execute()).toEqual([{ id: 'c1', position: 0 }]);
    await migrate(db);
    expect(await db.selectFrom('team_sources').select('team_id').execute()).toEqual([]);
  });
});
