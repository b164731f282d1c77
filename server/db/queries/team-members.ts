import { sql, type Kysely } from 'kysely';
import type { Role, Tables } from '../tables';

export interface TeamMember {
  /** The user's id: the dashboard's rep filter names a rep by it. */
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  /** Whether they can sign in to the dashboard (a password was set). */
  hasPassword: boolean;
  /** The latest use of any of their tokens or dashboard sessions; null = never. */
  lastSeenAt: Date | null;
}

/** A team's people for the dashboard, by name. */
export async function listTeamMembers(db: Kysely<Tables>, teamId: string): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('users')
    .select((eb) => [
      'users.id as id',
      'users.name as name',
      'users.email as email',
      'users.role as role',
      'users.disabled_at as disabledAt',
      eb('users.password_hash', 'is not', null).as('hasPassword'),
      eb
        .selectFrom('tokens')
        .select((inner) => inner.fn.max('tokens.last_used_at').as('at'))
        .whereRef('tokens.team_id', '=', 'users.team_id')
        .whereRef('tokens.user_id', '=', 'users.id')
        .as('tokenSeenAt'),
      eb
        .selectFrom('sessions')
        .select((inner) => inner.fn.max('sessions.last_seen_at').as('at'))
        .whereRef('sessions.team_id', '=', 'users.team_id')
        .whereRef('sessions.user_id', '=', 'users.id')
        .as('sessionSeenAt'),
    ])
    .where('users.team_id', '=', teamId)
    .orderBy(sql`lower(users.name)`)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    disabled: row.disabledAt !== null,
    hasPassword: Boolean(row.hasPassword),
    lastSeenAt: latest(row.tokenSeenAt, row.sessionSeenAt),
  }));
}

const latest = (...dates: (Date | string | null)[]): Date | null =>
  dates.reduce<Date | null>((best, value) => {
    if (value === null) return best;
    const date = new Date(value);
    return best === null || date > best ? date : best;
  }, null);
