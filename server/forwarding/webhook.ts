import { z } from 'zod';
import { AdminError } from '../admin/accounts';
import type { Database } from '../db/database';
import { deleteTeamWebhook, getTeamWebhook, saveTeamWebhook } from '../db/queries/forwards';
import { getTeam } from '../db/queries/teams';
import { decryptSecrets, encryptSecrets, secretsKey } from '../sources/secrets-crypto';

/** The URL is the webhook's only credential: stored as ciphertext under this name, like vendor secrets. */
const SECRET_NAME = 'slackWebhookUrl';

const WebhookUrlSchema = z
  .url({ protocol: /^https$/, error: 'The Slack webhook must be an https URL (Slack shows it as https://hooks.slack.com/services/…).' })
  .max(2000, 'The webhook URL is too long.');

/** Sets (or replaces) the team's Slack incoming webhook; verdicts and field requests stored from now on are posted to it. */
export async function setTeamWebhook(database: Database, teamId: string, url: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const parsed = WebhookUrlSchema.safeParse(url.trim());
  if (!parsed.success) throw new AdminError(parsed.error.issues[0]?.message ?? 'Not a webhook URL.');
  if (!(await getTeam(database.db, teamId))) throw new AdminError(`No team with id ${teamId}.`);
  const host = new URL(parsed.data).host;
  await saveTeamWebhook(database.db, teamId, encryptSecrets({ [SECRET_NAME]: parsed.data }, teamId, secretsKey(env)), host);
  return host;
}

export async function removeTeamWebhook(database: Database, teamId: string): Promise<boolean> {
  return deleteTeamWebhook(database.db, teamId);
}

/** The team's webhook URL in plain text, or undefined when none is set. */
export async function loadTeamWebhookUrl(database: Database, teamId: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const stored = await getTeamWebhook(database.db, teamId);
  if (!stored) return undefined;
  const url = decryptSecrets(stored.url, teamId, secretsKey(env))[SECRET_NAME];
  if (!url) throw new AdminError('The stored webhook does not read. Set it again with `set-webhook`.');
  return url;
}
