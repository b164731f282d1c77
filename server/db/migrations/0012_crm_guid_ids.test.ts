import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test-support/database';
import type { Database } from '../database';
import { jsonb } from '../json';
import { migrate } from '../migrate';
import { normalizeRecordId } from '../queries/profiles';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const GUID = '4e2b9c1d-7a3f-4e8b-9c2d-1f0a6b5e4d3c';
const OTHER = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const THIRD = '0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f';

describe('migration 0012_crm_guid_ids', () => {
  it('rewrites GUID record ids to bare lower case, keeps one row where a team held two forms of one id, leaves other ids; down and up again', async () => {
    database = await openTestDatabase({ migrateTo: '0011_sources_per_kind' });
    const { db } = database;
    await db.insertInto('teams').values([{ id: 't1', name: 'One' }, { id: 't2', name: 'Two' }]).execute();
    for (const [team, id] of [['t1', 'p1'], ['t1', 'p2'], ['t1', 'p3'], ['t1', 'p4'], ['t1', 'p5'], ['t2', 'p1']] as const) {
      await db.insertInto('profiles').values({ team_id: team, id, email_lower: null, name: null, company: null, profile: jsonb({ id }), updated_at: new Date('2026-12-01T10:00:00Z') }).execute();
    }
    const ids = (team: string, crm: string, record: string, profile: string) => ({ team_id: team, crm, record_id: record, profile_id: profile });
    await db
      .insertInto('profile_crm_ids')
      .values([
        // Braced and upper case: rewritten.
        ids('t1', 'dynamics', `{${GUID.toUpperCase()}}`, 'p1'),
        // Both the bare lower-case form (what lookups found) and another form: the bare one stays.
        ids('t1', 'dynamics', OTHER, 'p2'),
        ids('t1', 'dynamics', `{${OTHER}}`, 'p3'),
        // Two other forms and no bare lower-case one: one row stays, rewritten.
        ids('t1', 'dynamics', THIRD.toUpperCase(), 'p4'),
        ids('t1', 'dynamics', `{${THIRD}}`, 'p5'),
        // A GUID under another CRM is one too; a Salesforce id and a number stay as they are.
        ids('t1', 'custom', `{${GUID}}`, 'p2'),
        ids('t1', 'salesforce', '00Q8d00000XyZ1a', 'p3'),
        ids('t1', 'hubspot', '51001', 'p4'),
        // Another team's same id is its own.
        ids('t2', 'dynamics', GUID.toUpperCase(), 'p1'),
      ])
      .execute();

    await migrate(db);
    const rows = () => db.selectFrom('profile_crm_ids').select(['team_id', 'crm', 'record_id', 'profile_id']).orderBy('team_id').orderBy('crm').orderBy('record_id').orderBy('profile_id').execute();
    const expected = [
      ids('t1', 'custom', GUID, 'p2'),
      ids('t1', 'dynamics', THIRD, 'p4'),
      ids('t1', 'dynamics', GUID, 'p1'),
      ids('t1', 'dynamics', OTHER, 'p2'),
      ids('t1', 'hubspot', '51001', 'p4'),
      ids('t1', 'salesforce', '00Q8d00000XyZ1a', 'p3'),
      ids('t2', 'dynamics', GUID, 'p1'),
    ];
    expect(await rows()).toEqual(expected);
    // What lookups key an id by now finds the rewritten row.
    const found = await db.selectFrom('profile_crm_ids').select('profile_id').where('team_id', '=', 't1').where('crm', '=', 'dynamics').where('record_id', '=', normalizeRecordId('dynamics', `{${GUID.toUpperCase()}}`)).execute();
    expect(found).toEqual([{ profile_id: 'p1' }]);

    await migrate(db, '0011_sources_per_kind');
    expect(await rows()).toEqual(expected);
    await migrate(db);
    expect(await rows()).toEqual(expected);
  });
});
