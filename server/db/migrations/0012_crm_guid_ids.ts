import { sql, type Kysely } from 'kysely';

/**
 * A CRM record id that is a GUID (Dynamics 365's) is keyed by its bare lower-case form, as the CRM's
 * page reports it (normalizeRecordId, lib/import/keys.ts crmKey): ids imported braced or in capitals
 * (`{4E2B…}`, as Dataverse exports and URLs often write them) were stored as written and never matched.
 * They are rewritten here. Where a team holds one id in two forms (the primary key allows that until
 * now), one row is kept: the bare lower-case one, which lookups found so far, else the first of the
 * others in byte order. The GUID pattern is lib/leads/crm-record.ts `GUID`, as SQL.
 */
const GUID = sql.lit('^[{]?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[}]?$');
const canonical = (column: string) => sql`lower(trim(both '{}' from ${sql.ref(column)}))`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    delete from profile_crm_ids as ids
    where ids.record_id ~ ${GUID} and ids.record_id <> ${canonical('ids.record_id')}
      and exists (
        select 1 from profile_crm_ids as kept
        where kept.team_id = ids.team_id and kept.crm = ids.crm and kept.record_id <> ids.record_id
          and kept.record_id ~ ${GUID} and ${canonical('kept.record_id')} = ${canonical('ids.record_id')}
          and (kept.record_id = ${canonical('kept.record_id')} or kept.record_id collate "C" < ids.record_id collate "C")
      )
  `.execute(db);
  await sql`
    update profile_crm_ids set record_id = ${canonical('record_id')}
    where record_id ~ ${GUID} and record_id <> ${canonical('record_id')}
  `.execute(db);
}

/** Nothing to undo: the earlier code looks a record up by the id the CRM's page reports, the bare lower-case form. */
export async function down(): Promise<void> {}
