import { Hono } from 'hono';
import { z } from 'zod';
import { TimestampSchema } from '@/lib/schema';
import type { Database } from '../db/database';
import { teamStats } from '../db/queries/stats';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';

const StatsQuerySchema = z.object({ since: TimestampSchema.optional() });

/** The team's numbers for Insights: every rep's content use, ratings, verdicts and requests. */
export function statsRoutes(database: Database) {
  return new Hono<AppEnv>().get('/stats', validate('query', StatsQuerySchema), async (c) => {
    const { since } = c.req.valid('query');
    return c.json(await teamStats(database.db, c.get('caller').teamId, since ? new Date(since) : undefined));
  });
}
