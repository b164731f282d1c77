import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database';
import { listContentPage, type ContentCursor } from '../db/queries/content';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';

const CursorSchema = z.object({ p: z.number().int(), i: z.string() });

/** The cursor is opaque to clients: where the last page ended, so paging is stable while items are added. */
const encodeCursor = (cursor: ContentCursor) => Buffer.from(JSON.stringify({ p: cursor.position, i: cursor.id })).toString('base64url');

function decodeCursor(text: string): ContentCursor | undefined {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { position: parsed.data.p, id: parsed.data.i } : undefined;
  } catch {
    return undefined;
  }
}

const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(100),
  cursor: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text === '') return undefined;
      const cursor = decodeCursor(text);
      if (!cursor) context.addIssue({ code: 'custom', message: 'Not a cursor this server gave out (pass nextCursor of the previous page)' });
      return cursor;
    }),
});

/** The team's content catalog, page by page, in catalog order; retired items are left out. */
export function contentRoutes(database: Database) {
  return new Hono<AppEnv>().get('/content', validate('query', PageQuerySchema), async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listContentPage(database.db, c.get('caller').teamId, { limit, after: cursor });
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });
  });
}
