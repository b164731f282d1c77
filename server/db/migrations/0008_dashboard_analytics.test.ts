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

const lead = (extra: Record<string, string>) => ({ key: 'k', crm: 'salesforce', recordId: 'r', ...extra });

describe('migration 0008_dashboard_analytics', () => {
  it('backfills verdict reasons, notes and profiles from the stored deliveries, first-seen times and opens by source; down and up again', async () => {
    database = await openTestDatabase({ migrateTo: '0007_dashboard_sign_in' });
    const { db } = database;
    await db.insertInto('teams').values({ id: 't1', name: 'Team one' }).execute();
    const updatedAt = new Date('2026-10-01T08:00:00Z');
    for (const [id, email] of [
      ['p1', 'one@example.com'],
      ['p2', 'two@example.com'],
      ['p3', 'three@example.com'],
    ] as const) {
      await db.insertInto('profiles').values({ team_id: 't1', id, email_lower: email, name: null, company: null, profile: jsonb({ id }), updated_at: updatedAt }).execute();
    }
    // p2 is known by an 18-character Salesforce id, stored as its first 15 characters.
    await db.insertInto('profile_crm_ids').values({ team_id: 't1', crm: 'salesforce', record_id: '00Q8d00000XyZ1a', profile_id: 'p2' }).execute();

    const items = [
      { id: 'v1', kind: 'verdict', verdict: 'good_fit', reasons: ['Budget', 'Clear need'], note: 'Call on Monday', lead: lead({ key: 'a', profileId: 'p1' }) },
      { id: 'v2', kind: 'verdict', verdict: 'not_ready', reasons: [], lead: lead({ key: 'b', recordId: '00Q8d00000XyZ1aAAB' }) },
      { id: 'v3', kind: 'verdict', verdict: 'bad_data', reasons: ['Fake'], lead: lead({ key: 'c', email: 'Three@Example.com' }) },
      { id: 'r1', kind: 'content_request', text: 'A deck', lead: lead({ key: 'd' }) },
    ];
    for (const item of items) {
      await db.insertInto('deliveries').values({ team_id: 't1', id: item.id, kind: 'feedback', user_id: 'u1', payload: JSON.stringify({ ...item, createdAt: '2026-11-01T10:00:00Z', source: {} }) }).execute();
      await db
        .insertInto('feedback')
        .values({
          team_id: 't1',
          id: item.id,
          user_id: 'u1',
          lead_key: item.lead.key,
          lead_label: item.lead.key,
          kind: item.kind as 'verdict',
          verdict: item.verdict ?? null,
          content_id: null,
          useful: null,
          text: item.text ?? null,
          channel: null,
          campaign: null,
          created_at: '2026-11-01T10:00:00Z',
        })
        .execute();
    }
    for (const [id, type, channel] of [
      ['e1', 'opened', 'webinar'],
      ['e2', 'opened', 'webinar'],
      ['e3', 'opened', null],
      ['e4', 'suggested', 'webinar'],
    ] as const) {
      await db.insertInto('content_events').values({ team_id: 't1', id, user_id: 'u1', content_id: 'c1', type, at: '2026-11-02T23:30:00Z', lead_key: null, channel, campaign: null }).execute();
    }

    await migrate(db, '0008_dashboard_analytics');
    const feedback = await db.selectFrom('feedback').select(['id', 'reasons', 'note', 'profile_id']).orderBy('id').execute();
    expect(feedback).toEqual([
      { id: 'r1', reasons: null, note: null, profile_id: null },
      { id: 'v1', reasons: ['Budget', 'Clear need'], note: 'Call on Monday', profile_id: 'p1' },
      { id: 'v2', reasons: [], note: null, profile_id: 'p2' },
      { id: 'v3', reasons: ['Fake'], note: null, profile_id: 'p3' },
    ]);
    const profiles = await db.selectFrom('profiles').select(['id', 'first_seen_at']).execute();
    for (const row of profiles) expect(new Date(row.first_seen_at).toISOString()).toBe(updatedAt.toISOString());
    const bySource = await db.selectFrom('content_source_daily').select(['user_id', 'channel', 'suggested', 'opened', 'link_copied']).orderBy('channel').execute();
    expect(bySource).toEqual([
      { user_id: 'u1', channel: '', suggested: 0, opened: 1, link_copied: 0 },
      { user_id: 'u1', channel: 'webinar', suggested: 1, opened: 2, link_copied: 0 },
    ]);
    await db.insertInto('deliveries').values({ team_id: 't1', id: 'look-1', kind: 'look', user_id: 'u1', payload: '{}' }).execute();
    await expect(db.insertInto('deliveries').values({ team_id: 't1', id: 'x', kind: 'other' as 'look', user_id: 'u1', payload: '{}' }).execute()).rejects.toThrow();

    await migrate(db, '0007_dashboard_sign_in');
    expect(await db.selectFrom('deliveries').select('id').orderBy('id').execute()).toEqual(items.map(({ id }) => ({ id })).toSorted((a, b) => a.id.localeCompare(b.id)));
    await migrate(db, '0008_dashboard_analytics');
    expect(await db.selectFrom('lead_looks').select('profile_id').execute()).toEqual([]);
  });
});
