import { sql, type Kysely } from 'kysely';

/**
 * A team may read several marketing systems at once (HubSpot beside Mautic): team_sources is keyed
 * by (team, kind), at most one source of each kind, and `position` orders them. The first (lowest
 * position) is the main source: forwarded verdicts go to it, as the extension sends feedback to its
 * main source only. Existing rows become position 0, the main source of their team.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('team_sources').addColumn('position', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('team_sources').dropConstraint('team_sources_pkey').execute();
  await db.schema.alterTable('team_sources').addPrimaryKeyConstraint('team_sources_pkey', ['team_id', 'kind']).execute();
}

/**
 * Back to one source per team. Refused, changing nothing, while a team has several: which one to
 * keep is the admin's choice (`remove-source --team ID --kind …` first), not the migration's.
 */
export async function down(db: Kysely<any>): Promise<void> {
  const crowded = await sql<{ team_id: string; sources: string }>`
    select team_id, count(*)::text as sources from team_sources group by team_id having count(*) > 1 order by team_id
  `.execute(db);
  if (crowded.rows.length > 0) {
    const teams = crowded.rows.map((row) => `${row.team_id} (${row.sources} sources)`).join(', ');
    throw new Error(
      `Cannot go back to one marketing system per team: ${teams}. Remove all but one source of each (remove-source --team ID --kind …), then migrate down again.`,
    );
  }
  await db.schema.alterTable('team_sources').dropConstraint('team_sources_pkey').execute();
  await db.schema.alterTable('team_sources').addPrimaryKeyConstraint('team_sources_pkey', ['team_id']).execute();
  await db.schema.alterTable('team_sources').dropColumn('position').execute();
}
