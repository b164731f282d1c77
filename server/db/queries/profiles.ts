import { sql, type Kysely } from 'kysely';
import { crmKey, pageViewOwnerKeys } from '@/lib/import/keys';
import { LeadProfileSchema, type LeadProfile, type PageView } from '@/lib/schema';
import type { Tables } from '../tables';

export interface ProfileSearchResult {
  id: string;
  name?: string;
  email?: string;
  company?: string;
}

/**
 * A CRM record id as lookups key it (Salesforce's 18-character ids stand for their first 15, as in
 * the extension's own import), so a lead imported with either form is found by both.
 */
export const normalizeRecordId = (crm: string, recordId: string): string => crmKey(crm, recordId).slice(`crm:${crm}:`.length);

/** The lead a CRM record belongs to: by the record id when marketing knows it, else by e-mail. */
export async function findProfileForRecord(
  db: Kysely<Tables>,
  teamId: string,
  query: { crm: string; recordId: string; email?: string },
): Promise<LeadProfile | null> {
  const byRecord = await db
    .selectFrom('profile_crm_ids')
    .select('profile_id')
    .where('team_id', '=', teamId)
    .where('crm', '=', query.crm)
    .where('record_id', '=', normalizeRecordId(query.crm, query.recordId))
    .executeTakeFirst();
  if (byRecord) {
    const profile = await getProfile(db, teamId, byRecord.profile_id);
    if (profile) return profile;
  }
  if (!query.email) return null;
  const byEmail = await db
    .selectFrom('profiles')
    .select('profile')
    .where('team_id', '=', teamId)
    .where('email_lower', '=', query.email.trim().toLowerCase())
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return byEmail ? withPageViews(db, teamId, byEmail.profile) : null;
}

export async function getProfile(db: Kysely<Tables>, teamId: string, id: string): Promise<LeadProfile | null> {
  const row = await db.selectFrom('profiles').select('profile').where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
  return row ? withPageViews(db, teamId, row.profile) : null;
}

/** The stored profile with its page views, filed under its id or its e-mail (lib/import/keys.ts). */
async function withPageViews(db: Kysely<Tables>, teamId: string, stored: unknown): Promise<LeadProfile> {
  const profile = LeadProfileSchema.parse(stored);
  const rows = await db
    .selectFrom('page_views')
    .select(['url', 'title', 'viewed_at', 'duration_sec', 'visit_id'])
    .where('team_id', '=', teamId)
    .where('profile_key', 'in', pageViewOwnerKeys(profile))
    .orderBy('viewed_at')
    .orderBy('url')
    .execute();
  const seen = new Set<string>();
  const pageViews: PageView[] = [];
  for (const row of rows) {
    const viewedAt = row.viewed_at.toISOString();
    // The same view filed under the id and under the e-mail is one view.
    const key = `${viewedAt}\n${row.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pageViews.push({
      url: row.url,
      title: row.title,
      viewedAt,
      visitId: row.visit_id,
      ...(row.duration_sec === null ? {} : { durationSec: row.duration_sec }),
    });
  }
  return { ...profile, pageViews };
}

const MAX_RESULTS = 20;

/**
 * Profiles whose name, e-mail or company hold every word of `text`, best first: a name that starts
 * with the text, then an e-mail, then a company, then any other match.
 */
export async function searchProfiles(db: Kysely<Tables>, teamId: string, text: string): Promise<ProfileSearchResult[]> {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const haystack = sql<string>`lower(coalesce(name, '') || ' ' || coalesce(email_lower, '') || ' ' || coalesce(company, ''))`;
  const whole = `${escapeLike(text.trim().toLowerCase())}%`;
  let query = db
    .selectFrom('profiles')
    .select(['id', 'name', 'email_lower', 'company', sql<string | null>`profile->>'email'`.as('email')])
    .where('team_id', '=', teamId);
  for (const word of words) query = query.where(haystack, 'like', `%${escapeLike(word)}%`);
  const rows = await query
    .orderBy(
      sql`case when lower(name) like ${whole} then 0 when email_lower like ${whole} then 1 when lower(company) like ${whole} then 2 else 3 end`,
    )
    .orderBy('name')
    .orderBy('id')
    .limit(MAX_RESULTS)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ...(row.name ? { name: row.name } : {}),
    ...(row.email ? { email: row.email } : {}),
    ...(row.company ? { company: row.company } : {}),
  }));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
