import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Role, Tables, User } from '../tables';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
}

export async function createUser(db: Kysely<Tables>, teamId: string, user: NewUser): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({ team_id: teamId, id, email: user.email.trim(), name: user.name, role: user.role })
    .execute();
  return id;
}

/** A user of one team by e-mail, ignoring case. */
export async function findUserByEmail(db: Kysely<Tables>, teamId: string, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('team_id', '=', teamId)
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** Every team's users with this e-mail (new-token without --team: fine when there is exactly one). */
export async function findUsersByEmailAnyTeam(db: Kysely<Tables>, email: string): Promise<User[]> {
  return db.selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.trim().toLowerCase()).execute();
}

export async function setUserDisabled(db: Kysely<Tables>, teamId: string, userId: string, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabled ? new Date() : null })
    .where('team_id', '=', teamId)
    .where('id', '=', userId)
    .execute();
}

export async function findUserById(db: Kysely<Tables>, teamId: string, userId: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('team_id', '=', teamId).where('id', '=', userId).executeTakeFirst();
}

/**
 * Changes a user's role or disabled state, unless that leaves the team without an enabled admin: the
 * team's enabled admins are locked first, so two admins demoting each other at once cannot both win.
 */
export async function updateUserUnlessLastAdmin(
  db: Kysely<Tables>,
  teamId: string,
  userId: string,
  change: { role?: Role; disabled?: boolean },
  at: Date,
): Promise<'updated' | 'last-admin'> {
  return db.transaction().execute(async (trx) => {
    const admins = await trx
      .selectFrom('users')
      .select('id')
      .where('team_id', '=', teamId)
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .forUpdate()
      .execute();
    const staysAdmin = (change.role ?? 'admin') === 'admin' && change.disabled !== true;
    if (!staysAdmin && admins.length === 1 && admins[0]!.id === userId) return 'last-admin';
    await trx
      .updateTable('users')
      .set({
        ...(change.role ? { role: change.role } : {}),
        // Disabling again keeps the first date; enabling clears it.
        ...(change.disabled === undefined ? {} : { disabled_at: change.disabled ? sql<Date>`coalesce(disabled_at, ${at})` : null }),
      })
      .where('team_id', '=', teamId)
      .where('id', '=', userId)
      .execute();
    return 'updated';
  });
}
