import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ConnectorError, type CapabilityCheck } from '@/lib/connectors/types';
import { SourceUpdateSchema, WebhookUpdateSchema, type SourceChangedSchema, type SourceSavedSchema, type SourcesSchema, type SyncQueuedSchema, type TestConnectionSchema } from '@/lib/schema/dashboard';
import { AdminError } from '../../admin/accounts';
import type { Database } from '../../db/database';
import { getTeamWebhook } from '../../db/queries/forwards';
import { listTeamSources, type StoredSource } from '../../db/queries/sources';
import { removeTeamWebhook, setTeamWebhook } from '../../forwarding/webhook';
import { jsonError } from '../../http/errors';
import { requireJson, validate } from '../../http/validate';
import { SERVER_SOURCE_KINDS, StoredSourceError, VENDOR_LABELS } from '../../sources/connector';
import { describeCheck, makeMainSource, removeSource, setTeamSource, testTeamSource } from '../../sources/manage';
import { SecretsKeyError } from '../../sources/secrets-crypto';
import { SYNC_LEASE_MS } from '../../sources/sync';
import type { DashboardEnv } from '../env';
import { ADMIN_ROLES } from '../roles';
import type { DashboardAuth } from '../session-auth';

type Answer<Schema extends z.ZodType> = z.input<Schema>;

const KindParamSchema = z.object({ kind: z.enum(SERVER_SOURCE_KINDS) });

/** Queues a sync of one team on the job queue; undefined when this instance runs no job queue. */
export type RequestSync = () => Promise<{ requestSync(teamId: string, kind?: StoredSource['kind']): Promise<string | null> } | undefined>;

/**
 * The team's marketing systems (one per kind, the main one first) and Slack webhook, for admins:
 * GET /api/sources (each source's kind, settings, last sync and its error; never a secret, the
 * webhook only as its host), PUT /api/sources/:kind (settings and secrets, tested then stored
 * encrypted; a new kind is added beside the others), DELETE /api/sources/:kind, POST
 * /api/sources/:kind/main (forwarded verdicts go to the main source), POST /api/sources/:kind/test,
 * POST /api/sources/:kind/sync (that source's sync, queued on the job queue), PUT and DELETE /api/webhook. The work is server/sources' and
 * server/forwarding's, which the admin CLI runs too.
 */
export function sourceRoutes(database: Database, auth: DashboardAuth, options: { now: () => Date; jobs?: RequestSync; env?: NodeJS.ProcessEnv }): Hono<DashboardEnv> {
  const routes = new Hono<DashboardEnv>();
  const admins = auth.requireDashboardUser(ADMIN_ROLES);
  const env = options.env ?? process.env;

  routes.get('/sources', admins, async (c) => {
    const { teamId } = c.get('session');
    const [stored, webhook] = await Promise.all([listTeamSources(database.db, teamId), getTeamWebhook(database.db, teamId)]);
    const body: Answer<typeof SourcesSchema> = { sources: stored.map((source, index) => sourceStatus(source, index === 0, options.now())), slackWebhookHost: webhook?.host ?? null };
    return c.json(body);
  });

  routes.put('/sources/:kind', admins, requireJson, validate('param', KindParamSchema), validate('json', SourceUpdateSchema), async (c) => {
    const { teamId } = c.get('session');
    const { kind } = c.req.valid('param');
    const { config, secrets, main } = c.req.valid('json');
    return withSourceErrors(c, async () => {
      const { checks } = await setTeamSource(database, teamId, { kind, config, secrets, main }, { env, secretHint: (name) => `"${name}" in secrets` });
      const sources = await listTeamSources(database.db, teamId);
      const stored = sources.find((source) => source.kind === kind)!;
      const body: Answer<typeof SourceSavedSchema> = { source: sourceStatus(stored, sources[0] === stored, options.now()), test: summarize(checks) };
      return c.json(body);
    });
  });

  routes.delete('/sources/:kind', admins, validate('param', KindParamSchema), async (c) => {
    const { teamId } = c.get('session');
    const stored = await requireKind(c, teamId, c.req.valid('param').kind);
    if (stored instanceof Response) return stored;
    return withSourceErrors(c, async () => {
      const { kind, retired, main } = await removeSource(database, teamId, stored.kind);
      const then = main ? `${VENDOR_LABELS[main]} is the main source now.` : 'Lookups now answer from the server’s own data only.';
      const body: Answer<typeof SourceChangedSchema> = {
        message: `${VENDOR_LABELS[kind]} removed; ${retired} of its synced catalog item${retired === 1 ? '' : 's'} retired. ${then}`,
      };
      return c.json(body);
    });
  });

  routes.post('/sources/:kind/main', admins, validate('param', KindParamSchema), async (c) => {
    const { teamId } = c.get('session');
    const stored = await requireKind(c, teamId, c.req.valid('param').kind);
    if (stored instanceof Response) return stored;
    return withSourceErrors(c, async () => {
      const kind = await makeMainSource(database, teamId, stored.kind);
      const body: Answer<typeof SourceChangedSchema> = { message: `${VENDOR_LABELS[kind]} is the main source: verdicts are forwarded to it from now on.` };
      return c.json(body);
    });
  });

  routes.post('/sources/:kind/test', admins, validate('param', KindParamSchema), async (c) => {
    const { teamId } = c.get('session');
    const stored = await requireKind(c, teamId, c.req.valid('param').kind);
    if (stored instanceof Response) return stored;
    return withSourceErrors(c, async () => {
      const body: Answer<typeof TestConnectionSchema> = summarize(await testTeamSource(database, teamId, { kind: stored.kind, env }));
      return c.json(body);
    });
  });

  routes.post('/sources/:kind/sync', admins, validate('param', KindParamSchema), async (c) => {
    const { teamId } = c.get('session');
    const stored = await requireKind(c, teamId, c.req.valid('param').kind);
    if (stored instanceof Response) return stored;
    const jobs = await options.jobs?.();
    if (!jobs) return jsonError(c, 503, 'This server instance runs no job queue (LEADSIDE_JOBS=off, or the queue failed to start), so it cannot queue a sync; the scheduled sync still runs every 15 minutes on the instances that do.');
    const jobId = await jobs.requestSync(teamId, stored.kind);
    const label = VENDOR_LABELS[stored.kind];
    const body: Answer<typeof SyncQueuedSchema> = jobId
      ? { queued: true, message: `A sync from ${label} is queued; it starts within seconds, and its outcome shows here as the last sync.` }
      : { queued: false, message: `A sync from ${label} is already waiting to run.` };
    return c.json(body, 202);
  });

  routes.put('/webhook', admins, requireJson, validate('json', WebhookUpdateSchema), async (c) => {
    const { teamId } = c.get('session');
    return withSourceErrors(c, async () => c.json({ slackWebhookHost: await setTeamWebhook(database, teamId, c.req.valid('json').url, env) }));
  });

  routes.delete('/webhook', admins, async (c) => {
    await removeTeamWebhook(database, c.get('session').teamId);
    return c.json({ slackWebhookHost: null });
  });

  /** The team's stored source of this kind; else the 404 that says what the team has. */
  async function requireKind(c: Context<DashboardEnv>, teamId: string, kind: StoredSource['kind']): Promise<StoredSource | Response> {
    const sources = await listTeamSources(database.db, teamId);
    const stored = sources.find((source) => source.kind === kind);
    if (stored) return stored;
    if (sources.length === 0) return jsonError(c, 404, 'Your team has no marketing system yet: set HubSpot or Mautic first.');
    return jsonError(c, 404, `Your team has no ${VENDOR_LABELS[kind]} source; its marketing system${sources.length === 1 ? ' is' : 's are'} ${sources.map((source) => VENDOR_LABELS[source.kind]).join(' and ')}.`);
  }

  return routes;
}

/** What the dashboard may see of a stored source: never its secrets (they stay ciphertext in the row). */
function sourceStatus(stored: StoredSource, main: boolean, now: Date): Answer<typeof SourcesSchema>['sources'][number] {
  return {
    kind: stored.kind,
    main,
    config: stored.config && typeof stored.config === 'object' ? (stored.config as Record<string, unknown>) : {},
    lastSyncAt: stored.lastSyncAt?.toISOString() ?? null,
    lastSyncError: stored.lastSyncError,
    catalogCount: stored.catalogCount,
    // A sync older than its lease died with its process: not running any more.
    syncing: stored.syncStartedAt !== null && now.getTime() - stored.syncStartedAt.getTime() < SYNC_LEASE_MS,
  };
}

const summarize = (checks: CapabilityCheck[]): Answer<typeof TestConnectionSchema> => ({
  ok: checks.length > 0 && checks.every((check) => check.ok),
  message: checks.length > 0 ? checks.map(describeCheck).join('\n') : 'The connector has nothing to test.',
});

/** The admin's mistakes as 400, a server without its secrets key as 503, a vendor's failure as 502. */
async function withSourceErrors(c: Context<DashboardEnv>, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AdminError) return jsonError(c, 400, error.message);
    if (error instanceof SecretsKeyError) return jsonError(c, 503, `The server cannot store or read secrets: ${error.message}`);
    if (error instanceof StoredSourceError) return jsonError(c, 409, error.message.replace('with `set-source`', 'here'));
    if (error instanceof ConnectorError) return jsonError(c, 502, error.message);
    throw error;
  }
}
