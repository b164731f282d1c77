import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../tables';

export async function createTeam(db: Kysely<Tables>, name: string): Promise<string> {
  const id = randomUUID();
  await db.insertInto('teams').values({ id, name }).execute();
  return id;
}

export async function findTeamByName(db: Kysely<Tables>, name: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('teams').select(['id', 'name']).where('name', '=', name).orderBy('created_at').limit(1).executeTakeFirst();
}

export async function getTeam(db: Kysely<Tables>, teamId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).executeTakeFirst();
}
