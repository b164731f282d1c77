import { sql, type Kysely } from 'kysely';

/**
 * Team stats count each lead once with its latest verdict, and each lead's latest rating of an item
 * once (`distinct on … order by created_at desc`). Without these, that meant reading and sorting
 * every verdict or rating of the team (about a second at 300,000 feedback rows on PostgreSQL); with
 * them it is one index-only scan already in that order. Partial: the other kinds never need it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index feedback_latest_verdict on feedback (team_id, lead_key, created_at desc)
    include (verdict, channel, campaign) where kind = 'verdict'
  `.execute(db);
  await sql`
    create index feedback_latest_rating on feedback (team_id, lead_key, content_id, created_at desc)
    include (useful) where kind = 'content_rating'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('feedback_latest_rating').execute();
  await db.schema.dropIndex('feedback_latest_verdict').execute();
}
