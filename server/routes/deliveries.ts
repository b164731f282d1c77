import { Hono } from 'hono';
import { z } from 'zod';
import { summarizeZodError } from '@/lib/schema';
import { DeliveryRequestSchema } from '@/lib/schema/rest-api';
import { requireRole } from '../auth/authenticate';
import type { Database } from '../db/database';
import { storeDeliveries, type Delivery } from '../db/queries/deliveries';
import { isForwarded } from '../db/queries/forwards';
import { forwardsQueued } from '../forwarding/notify';
import type { AppEnv } from '../http/env';
import { requireJson, validate } from '../http/validate';

/** One item of the contract's request: the same schema the extension's REST connector sends by. */
const DeliveryItemSchema = DeliveryRequestSchema.shape.items.element;

/**
 * The envelope is checked whole (at most 100 items, each with an id to answer for); the items one by
 * one, so one bad item is answered `rejected` and the rest of the batch is still stored.
 */
const EnvelopeSchema = z.object({
  items: z.array(z.looseObject({ id: z.string().min(1) })).max(100, 'At most 100 items per request'),
});

type Result = { id: string; status: 'stored' | 'duplicate' | 'rejected'; error?: string };

/**
 * Feedback, content events and first looks at a lead's record from a rep's outbox. Each item is
 * stored at most once per team (its id is the key), and carries the caller as its rep. Marketers read the team's numbers; they do not
 * give verdicts on leads, so only reps and admins deliver.
 */
export function deliveryRoutes(database: Database) {
  return new Hono<AppEnv>().post('/deliveries', requireRole('rep', 'admin'), requireJson, validate('json', EnvelopeSchema), async (c) => {
    const { teamId, userId } = c.get('caller');
    const valid: Delivery[] = [];
    const rejected = new Map<string, string>();
    for (const raw of c.req.valid('json').items) {
      const parsed = DeliveryItemSchema.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
      else rejected.set(raw.id, summarizeZodError(parsed.error));
    }
    const outcome = await storeDeliveries(database.db, teamId, userId, valid);
    // The forward rows were committed with the items; this only wakes this process's worker now.
    if (valid.some((delivery) => delivery.kind === 'feedback' && outcome.get(delivery.id) === 'stored' && isForwarded(delivery.item))) forwardsQueued(teamId);
    const answered = new Set<string>();
    const results = c.req.valid('json').items.map(({ id }): Result => {
      // An id sent twice in one batch is stored (at most) once: its second copy is a duplicate.
      if (answered.has(id)) return { id, status: 'duplicate' };
      answered.add(id);
      const status = outcome.get(id);
      if (status) return { id, status };
      return { id, status: 'rejected', error: rejected.get(id) ?? 'Not stored' };
    });
    return c.json({ results });
  });
}
