import { Hono } from 'hono';
import { z } from 'zod';
import { CrmIdSchema } from '@/lib/schema';
import type { Database } from '../db/database';
import { findProfileForRecord, getProfile, searchProfiles } from '../db/queries/profiles';
import type { AppEnv } from '../http/env';
import { jsonError } from '../http/errors';
import { validate } from '../http/validate';

const LookupQuerySchema = z.object({ crm: CrmIdSchema, recordId: z.string().min(1), email: z.string().optional() });
const SearchQuerySchema = z.object({ q: z.string() });
const IdParamSchema = z.object({ id: z.string().min(1) });

/** Lead profiles: by CRM record (else e-mail), by id, and search. Always within the caller's team. */
export function profileRoutes(database: Database) {
  return new Hono<AppEnv>()
    .get('/profiles', validate('query', LookupQuerySchema), async (c) => {
      const profile = await findProfileForRecord(database.db, c.get('caller').teamId, c.req.valid('query'));
      return profile ? c.json({ profile }) : jsonError(c, 404, 'Marketing does not know this person.');
    })
    .get('/profiles/search', validate('query', SearchQuerySchema), async (c) => {
      return c.json({ results: await searchProfiles(database.db, c.get('caller').teamId, c.req.valid('query').q) });
    })
    .get('/profiles/:id', validate('param', IdParamSchema), async (c) => {
      const profile = await getProfile(database.db, c.get('caller').teamId, c.req.valid('param').id);
      return profile ? c.json({ profile }) : jsonError(c, 404, 'No such profile.');
    });
}
