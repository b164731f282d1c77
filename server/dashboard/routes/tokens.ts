import { Hono } from 'hono';
import { z } from 'zod';
import { NewTokenSchema, type CreatedTokenSchema, type TokenSchema } from '@/lib/schema/dashboard';
import { AdminError, issueTokenForUser } from '../../admin/accounts';
import type { Database } from '../../db/database';
import { getTokenListing, listTokens, revokeTeamToken, type TokenListing } from '../../db/queries/tokens';
import { findUserById } from '../../db/queries/users';
import { jsonError } from '../../http/errors';
import { requireJson, validate } from '../../http/validate';
import type { DashboardEnv } from '../env';
import { ADMIN_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';
import { serverErrorText } from '@/lib/schema/server-error-codes';

const IdParamSchema = z.object({ id: z.string().min(1) });

const toToken = (token: TokenListing): z.input<typeof TokenSchema> => ({
  id: token.id,
  userId: token.userId,
  user: token.user,
  label: token.label,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt?.toISOString() ?? null,
  revoked: token.revokedAt !== null,
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
});

/**
 * The team's extension tokens, for admins: GET /api/tokens, POST /api/tokens (the token itself is in
 * that answer only: it is stored as its sha256, as the CLI's new-token does), DELETE /api/tokens/:id
 * (revoked at once: the next request with it gets 401).
 */
export function tokenRoutes(database: Database, auth: DashboardAuth, now: () => Date): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  const admins = auth.requireDashboardUser(ADMIN_ROLES);

  routes.get('/tokens', admins, async (c) => c.json({ tokens: (await listTokens(database.db, c.get('session').teamId)).map(toToken) }));

  routes.post('/tokens', admins, requireJson, validate('json', NewTokenSchema), async (c) => {
    const { teamId } = c.get('session');
    const { userId, label, days } = c.req.valid('json');
    const user = await findUserById(database.db, teamId, userId);
    if (!user) return jsonError(c, 400, `No user with id ${userId} in your team.`, undefined, serverErrorText('server.userNotFound', { id: userId }));
    try {
      const issued = await issueTokenForUser(database, user, { days, label });
      const body: z.input<typeof CreatedTokenSchema> = { token: toToken((await getTokenListing(database.db, teamId, issued.tokenId))!), secret: issued.token };
      return c.json(body, 201);
    } catch (error) {
      if (error instanceof AdminError) return jsonError(c, 400, error.message, undefined, serverErrorText('server.accountRefused', {}, error.message));
      throw error;
    }
  });

  routes.delete('/tokens/:id', admins, validate('param', IdParamSchema), async (c) => {
    const { teamId } = c.get('session');
    const { id } = c.req.valid('param');
    await revokeTeamToken(database.db, teamId, id, now());
    // Revoking a revoked token again is no error: the answer is the same.
    const token = await getTokenListing(database.db, teamId, id);
    return token ? c.json({ token: toToken(token) }) : jsonError(c, 404, `No token with id ${id} in your team.`, undefined, serverErrorText('server.tokenNotFound', { id }));
  });

  return routes;
}
