import { postWebhookJson } from '@/lib/connectors/webhook';
import { ConnectorError } from '@/lib/connectors/types';
import type { z } from 'zod';
import type { DigestSentSchema } from '@/lib/schema/dashboard';
import type { Database } from '../db/database';
import { claimDigestWeek, recordManualDigest, settleDigestWeek } from '../db/queries/digests';
import { loadTeamWebhookUrl } from '../forwarding/webhook';
import { buildDigest } from './build';
import { digestSlackMessage } from './slack-message';
import type { DigestWeek } from './week';

/** A refused post of a scheduled digest is tried again at most this many times in all. */
export const DIGEST_MAX_ATTEMPTS = 5;

export const NO_WEBHOOK_MESSAGE =
  'This team has no Slack webhook, so the digest was not posted. An admin sets one with `npm run server -- set-webhook --team <team id> --url https://hooks.slack.com/services/…`; meanwhile the digest page can be printed.';

export interface SendOptions {
  now?: Date;
  env?: NodeJS.ProcessEnv;
}

type PostOutcome = { state: 'sent'; host: string } | { state: 'failed' | 'unclear'; error: string } | { state: 'no-webhook' };

/**
 * Posts a digest to the team's Slack webhook through the forwarding's own sender. Slack answers a
 * 5xx, 429 or 4xx before posting anything ('failed': safe to try again); a post that got no answer
 * may be in the channel ('unclear').
 */
async function post(database: Database, teamId: string, week: DigestWeek, options: SendOptions): Promise<PostOutcome> {
  const url = await loadTeamWebhookUrl(database, teamId, options.env);
  if (!url) return { state: 'no-webhook' };
  const digest = await buildDigest(database, teamId, week, options.now ?? new Date());
  try {
    await postWebhookJson(url, digestSlackMessage(digest), AbortSignal.timeout(15_000));
    return { state: 'sent', host: new URL(url).host };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unclear = !(error instanceof ConnectorError) || error.kind === 'network' || error.kind === 'timeout';
    return { state: unclear ? 'unclear' : 'failed', error: message };
  }
}

export type ScheduledOutcome = 'sent' | 'already-claimed' | 'failed' | 'unclear';

/**
 * The weekly job's send: claims the team's week first, so however many workers, instances or
 * restarts run it, the week is posted at most once. A week whose post was refused is released for
 * the next run (up to DIGEST_MAX_ATTEMPTS); one that got no answer is not, since it may be posted.
 */
export async function sendScheduledDigest(database: Database, teamId: string, week: DigestWeek, options: SendOptions = {}): Promise<ScheduledOutcome> {
  if (!(await claimDigestWeek(database.db, teamId, week.from, { maxAttempts: DIGEST_MAX_ATTEMPTS, trigger: 'schedule' }))) return 'already-claimed';
  let outcome: PostOutcome;
  try {
    outcome = await post(database, teamId, week, options);
  } catch (error) {
    // Building the digest or reading the webhook failed: nothing was posted, so the week may be tried again.
    await settleDigestWeek(database.db, teamId, week.from, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  if (outcome.state === 'no-webhook') {
    await settleDigestWeek(database.db, teamId, week.from, { state: 'failed', error: 'The team no longer has a Slack webhook set (set-webhook).' });
    return 'failed';
  }
  await settleDigestWeek(database.db, teamId, week.from, outcome.state === 'sent' ? { state: 'sent' } : { state: outcome.state, error: outcome.error });
  return outcome.state;
}

/**
 * POST /api/digest/send: a marketer posts the week's digest now, whether or not it went out before
 * (they asked). Once posted, the weekly job does not post that week again.
 */
export async function sendDigestNow(database: Database, teamId: string, week: DigestWeek, options: SendOptions = {}): Promise<ManualSend> {
  const outcome = await post(database, teamId, week, options);
  switch (outcome.state) {
    case 'no-webhook':
      return { outcome: 'no-webhook', sent: false, message: NO_WEBHOOK_MESSAGE };
    case 'sent':
      await recordManualDigest(database.db, teamId, week.from);
      return { outcome: 'sent', sent: true, message: `Posted the digest of the week ${week.from} – ${week.to} to the team's Slack webhook (${outcome.host}).` };
    case 'failed':
      return { outcome: 'failed', sent: false, message: `Slack refused the digest, so nothing was posted: ${outcome.error}` };
    case 'unclear':
      return { outcome: 'unclear', sent: false, message: `Slack did not answer, so the digest may or may not be in the channel; look there before sending again. ${outcome.error}` };
  }
}

/** The answer of POST /api/digest/send (DigestSentSchema), and how it ended for the route's status. */
export type ManualSend = z.infer<typeof DigestSentSchema> & { outcome: 'sent' | 'no-webhook' | 'failed' | 'unclear' };
