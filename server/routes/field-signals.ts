import { Hono } from 'hono';
import type { FieldSignals } from '@/lib/schema/rest-api';
import type { Database } from '../db/database';
import { fieldSignals } from '../db/queries/field-signals';
import type { AppEnv } from '../http/env';

/**
 * GET /v1/field-signals: the team's ratings and opens per catalog item and segment of leads, which
 * the extension fetches beside the catalog (and keeps with it) so its ranker learns from the field.
 * Counts only; any token of the team may read them, as any may read the catalog.
 */
export function fieldSignalRoutes(database: Database) {
  return new Hono<AppEnv>().get('/field-signals', async (c) => {
    const body: FieldSignals = await fieldSignals(database.db, c.get('caller').teamId);
    return c.json(body);
  });
}
