import { Hono } from 'hono';
import { z } from 'zod';
import { NewUserSchema, UserUpdateSchema, type UserSchema } from '@/lib/schema/dashboard';
import { addUser, AdminError } from '../../admin/accounts';
import type { Database } from '../../db/database';
import { listTeamMembers, type TeamMember } from '../../db/queries/team-members';
import { findUserById, updateUserUnlessLastAdmin } from '../../db/queries/users';
import { jsonError } from '../../http/errors';
import { requireJson, validate } from '../../http/validate';
import type { DashboardEnv } from '../env';
import { ADMIN_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';
import { serverErrorText } from '@/lib/schema/server-error-codes';

const IdParamSchema = z.object({ id: z.string().min(1) });
const UserChangeSchema = UserUpdateSchema.refine((change) => change.role !== undefined || change.disabled !== undefined, {
  message: 'Send "role" (rep, marketer or admin) or "disabled" (true or false), or both',
});

const toUser = (member: TeamMember): z.input<typeof UserSchema> => ({
  id: member.id,
  email: member.email,
  name: member.name,
  role: member.role,
  disabled: member.disabled,
  hasPassword: member.hasPassword,
  lastSeenAt: member.lastSeenAt?.toISOString() ?? null,
});

/**
 * The team's people, for admins: GET /api/users, POST /api/users (a new account; a marketer or admin
 * then gets a password with `set-password`), PATCH /api/users/:id (role, disabled). The team always
 * keeps one enabled admin: the last one cannot disable or demote themselves.
 */
export function userRoutes(database: Database, auth: DashboardAuth, now: () => Date): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  const admins = auth.requireDashboardUser(ADMIN_ROLES);
  const findMember = async (teamId: string, userId: string) => (await listTeamMembers(database.db, teamId)).find((member) => member.id === userId);

  routes.get('/users', admins, async (c) => c.json({ users: (await listTeamMembers(database.db, c.get('session').teamId)).map(toUser) }));

  routes.post('/users', admins, requireJson, validate('json', NewUserSchema), async (c) => {
    const { teamId } = c.get('session');
    try {
      const id = await addUser(database, teamId, c.req.valid('json'));
      return c.json(toUser((await findMember(teamId, id))!), 201);
    } catch (error) {
      // The admin tool's own words (a duplicate e-mail), quoted after a worded lead-in.
      if (error instanceof AdminError) return jsonError(c, 409, error.message, undefined, serverErrorText('server.accountRefused', {}, error.message));
      throw error;
    }
  });

  routes.patch('/users/:id', admins, requireJson, validate('param', IdParamSchema), validate('json', UserChangeSchema), async (c) => {
    const session = c.get('session');
    const { id } = c.req.valid('param');
    const user = await findUserById(database.db, session.teamId, id);
    if (!user) return jsonError(c, 404, `No user with id ${id} in your team.`, undefined, serverErrorText('server.userNotFound', { id }));
    const outcome = await updateUserUnlessLastAdmin(database.db, session.teamId, id, c.req.valid('json'), now());
    if (outcome === 'last-admin') {
      const who = id === session.userId ? 'You are' : `${user.name} is`;
      return jsonError(
        c,
        409,
        `${who} the team's only enabled admin, and a team must keep one: make another user an admin first, then disable or demote this account.`,
        undefined,
        id === session.userId ? serverErrorText('server.lastAdminSelf', {}) : serverErrorText('server.lastAdmin', { name: user.name }),
      );
    }
    return c.json(toUser((await findMember(session.teamId, id))!));
  });

  return routes;
}
