import { Hono } from 'hono';
import { z } from 'zod';
import { DaySchema } from '@/lib/schema/dashboard';
import type { Database } from '../../db/database';
import { buildDigest } from '../../digest/build';
import { sendDigestNow } from '../../digest/send';
import { isMonday, lastFullWeek, mondayOf, weekStarting } from '../../digest/week';
import { jsonError } from '../../http/errors';
import { validate } from '../../http/validate';
import type { DashboardEnv } from '../env';
import type { DashboardOptions } from '../options';
import { DASHBOARD_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';
import { serverErrorText } from '@/lib/schema/server-error-codes';

/** `?week=` names an ISO week by its Monday; absent, the last full week (UTC). */
const WeekQuerySchema = z.object({
  week: DaySchema.refine(isMonday, { message: 'must be a Monday (YYYY-MM-DD): a digest covers one ISO week, Monday to Sunday (UTC)' }).optional(),
});

/**
 * GET /api/digest?week=YYYY-MM-DD: the weekly digest (what the printable page shows and Slack gets).
 * POST /api/digest/send?week=…: posts it to the team's Slack webhook now. Marketers and admins.
 */
export function digestRoutes(database: Database, auth: DashboardAuth, options: Pick<DashboardOptions, 'now'>): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  const guard = auth.requireDashboardUser(DASHBOARD_ROLES);

  const weekOf = (week: string | undefined, now: Date) => {
    if (!week) return { week: lastFullWeek(now) };
    if (week > mondayOf(now)) return { error: `Invalid query: week: the week of ${week} has not started yet.`, coded: serverErrorText('server.weekNotStarted', { week }) };
    return { week: weekStarting(week) };
  };

  routes.get('/digest', guard, validate('query', WeekQuerySchema), async (c) => {
    const now = options.now();
    const chosen = weekOf(c.req.valid('query').week, now);
    if ('error' in chosen) return jsonError(c, 400, chosen.error!, undefined, chosen.coded);
    return c.json(await buildDigest(database, c.get('session').teamId, chosen.week, now));
  });

  routes.post('/digest/send', guard, validate('query', WeekQuerySchema), async (c) => {
    const now = options.now();
    const chosen = weekOf(c.req.valid('query').week, now);
    if ('error' in chosen) return jsonError(c, 400, chosen.error!, undefined, chosen.coded);
    const { outcome, ...answer } = await sendDigestNow(database, c.get('session').teamId, chosen.week, { now });
    // Slack refusing or not answering is a failure upstream (502, with `error` as every error has);
    // no webhook is the team's state, answered as such.
    if (outcome === 'failed' || outcome === 'unclear') return c.json({ ...answer, error: answer.message }, 502);
    return c.json(answer);
  });
  return routes;
}
