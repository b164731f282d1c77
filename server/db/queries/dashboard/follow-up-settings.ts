import type { Kysely } from 'kysely';
import { DEFAULT_FOLLOW_UP_SETTINGS, FollowUpSettingsSchema, type FollowUpSettings } from '@/lib/schema/dashboard';
import { jsonb } from '../../json';
import type { Tables } from '../../tables';

/** The team's definition of a qualified lead and its follow-up SLA; the default until someone sets one. */
export async function getFollowUpSettings(db: Kysely<Tables>, teamId: string): Promise<FollowUpSettings> {
  const row = await db.selectFrom('team_settings').select('follow_up').where('team_id', '=', teamId).executeTakeFirst();
  // A stored value the schema no longer accepts falls back to the default rather than breaking the page.
  return FollowUpSettingsSchema.safeParse(row?.follow_up).data ?? DEFAULT_FOLLOW_UP_SETTINGS;
}

/** Replaces the team's follow-up settings (validated by the caller with FollowUpSettingsSchema). */
export async function saveFollowUpSettings(db: Kysely<Tables>, teamId: string, settings: FollowUpSettings, now: Date = new Date()): Promise<void> {
  await db
    .insertInto('team_settings')
    .values({ team_id: teamId, follow_up: jsonb(settings), updated_at: now })
    .onConflict((oc) => oc.column('team_id').doUpdateSet((eb) => ({ follow_up: eb.ref('excluded.follow_up'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}
