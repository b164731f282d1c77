import { AdminError, findAccount } from '../admin/accounts';
import type { Database } from '../db/database';
import { revokeUserSessions } from '../db/queries/sessions';
import { setPasswordHash } from '../db/queries/sign-in';
import { hashPassword, passwordProblem } from './password';
import { REP_REFUSAL } from './session-auth';

/**
 * Sets a marketer's or admin's dashboard password (the `set-password` command). Every session the
 * user had is signed out: a new password is often set because the old one leaked.
 */
export async function setDashboardPassword(database: Database, options: { email: string; teamId?: string; password: string }, now = new Date()): Promise<string> {
  const problem = passwordProblem(options.password);
  if (problem) throw new AdminError(problem);
  const user = await findAccount(database, options.email, options.teamId);
  if (user.role === 'rep') throw new AdminError(`${user.email} is a rep. ${REP_REFUSAL}`);
  if (user.disabled_at) throw new AdminError(`${user.email} is disabled.`);
  await setPasswordHash(database.db, user.team_id, user.id, await hashPassword(options.password));
  await revokeUserSessions(database.db, user.team_id, user.id, now);
  return `Password set for ${user.email}; their other dashboard sessions are signed out.`;
}
