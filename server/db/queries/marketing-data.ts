import { sql, type Kysely, type Transaction } from 'kysely';
import type { ImportedPageView } from '@/lib/import/types';
import type { ContentItem, LeadProfile } from '@/lib/schema';
import { jsonb } from '../json';
import type { Tables } from '../tables';
import { addChanges, batches, countChanges, insertedFlag, NO_CHANGES, type Changes } from './changes';
import { normalizeRecordId } from './profiles';

type Db = Kysely<Tables> | Transaction<Tables>;

/**
 * Profiles in, upserted by id. The profile is stored without page views (those are rows of their own,
 * so a page-view file can add to a lead without rewriting it); a JSON profile's own page views are
 * saved with savePageViews by the caller. A profile equal to the stored one is not written.
 */
export async function saveProfiles(db: Db, teamId: string, profiles: readonly LeadProfile[]): Promise<Changes> {
  let changes = NO_CHANGES;
  // The last of two rows with one id wins, as in the extension's import (and one statement may not
  // touch a row twice).
  const unique = [...new Map(profiles.map((profile) => [profile.id, profile])).values()];
  for (const batch of batches(unique, 1000)) {
    const now = new Date();
    const returned = await db
      .insertInto('profiles')
      .values(
        batch.map(({ pageViews: _views, ...profile }) => ({
          team_id: teamId,
          id: profile.id,
          email_lower: profile.email?.trim().toLowerCase() ?? null,
          name: profile.name ?? null,
          company: profile.company ?? null,
          profile: jsonb(profile),
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['team_id', 'id'])
          .doUpdateSet((eb) => ({
            email_lower: eb.ref('excluded.email_lower'),
            name: eb.ref('excluded.name'),
            company: eb.ref('excluded.company'),
            profile: eb.ref('excluded.profile'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where(sql<boolean>`profiles.profile is distinct from excluded.profile`),
      )
      .returning(['id', insertedFlag])
      .execute();
    changes = addChanges(changes, countChanges(batch.length, returned));
    const changedIds = returned.map((row) => row.id);
    if (changedIds.length > 0) await replaceCrmIds(db, teamId, batch.filter((profile) => changedIds.includes(profile.id)));
  }
  return changes;
}

async function replaceCrmIds(db: Db, teamId: string, profiles: readonly LeadProfile[]): Promise<void> {
  await db
    .deleteFrom('profile_crm_ids')
    .where('team_id', '=', teamId)
    .where(
      'profile_id',
      'in',
      profiles.map((profile) => profile.id),
    )
    .execute();
  // A record id claimed by two leads goes to the later one, as with any re-import.
  const rows = new Map<string, { team_id: string; crm: string; record_id: string; profile_id: string }>();
  for (const profile of profiles) {
    for (const [crm, recordId] of Object.entries(profile.crmIds)) {
      const record_id = normalizeRecordId(crm, recordId);
      rows.set(`${crm}\n${record_id}`, { team_id: teamId, crm, record_id, profile_id: profile.id });
    }
  }
  for (const batch of batches([...rows.values()], 5000)) {
    await db
      .insertInto('profile_crm_ids')
      .values(batch)
      .onConflict((oc) => oc.columns(['team_id', 'crm', 'record_id']).doUpdateSet((eb) => ({ profile_id: eb.ref('excluded.profile_id') })))
      .execute();
  }
}

/** Page views in, by lead key (id or e-mail), instant and URL; equal ones are not written again. */
export async function savePageViews(db: Db, teamId: string, views: readonly ImportedPageView[]): Promise<Changes> {
  let changes = NO_CHANGES;
  const unique = [...new Map(views.map((view) => [`${view.profileKey}\n${view.url}\n${Date.parse(view.viewedAt)}`, view])).values()];
  for (const batch of batches(unique, 5000)) {
    const returned = await db
      .insertInto('page_views')
      .values(
        batch.map((view) => ({
          team_id: teamId,
          profile_key: view.profileKey,
          url: view.url,
          viewed_at: view.viewedAt,
          title: view.title,
          duration_sec: view.durationSec ?? null,
          visit_id: view.visitId,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['team_id', 'profile_key', 'url', 'viewed_at'])
          .doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            duration_sec: eb.ref('excluded.duration_sec'),
            visit_id: eb.ref('excluded.visit_id'),
          }))
          .where(
            sql<boolean>`(page_views.title, page_views.duration_sec, page_views.visit_id) is distinct from (excluded.title, excluded.duration_sec, excluded.visit_id)`,
          ),
      )
      .returning(insertedFlag)
      .execute();
    changes = addChanges(changes, countChanges(batch.length, returned));
  }
  return changes;
}

/**
 * Catalog items in, by id. New items go after the catalog in file order; known ones keep their
 * place. An imported item that had been retired is back in the catalog.
 */
export async function saveContent(db: Db, teamId: string, items: readonly ContentItem[]): Promise<Changes> {
  let changes = NO_CHANGES;
  const unique = [...new Map(items.map((item) => [item.id, item])).values()];
  const { last } = await db
    .selectFrom('content')
    .select(sql<number>`coalesce(max(position), -1)::int`.as('last'))
    .where('team_id', '=', teamId)
    .executeTakeFirstOrThrow();
  let position = last + 1;
  for (const batch of batches(unique, 1000)) {
    const now = new Date();
    const returned = await db
      .insertInto('content')
      .values(batch.map((item) => ({ team_id: teamId, id: item.id, position: position++, item: jsonb(item), updated_at: now, retired_at: null })))
      .onConflict((oc) =>
        oc
          .columns(['team_id', 'id'])
          .doUpdateSet((eb) => ({ item: eb.ref('excluded.item'), updated_at: eb.ref('excluded.updated_at'), retired_at: null }))
          .where(sql<boolean>`content.item is distinct from excluded.item or content.retired_at is not null`),
      )
      .returning(insertedFlag)
      .execute();
    changes = addChanges(changes, countChanges(batch.length, returned));
  }
  return changes;
}
