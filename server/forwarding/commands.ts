import { AdminError } from '../admin/accounts';
import type { Database } from '../db/database';
import { listForwards, retryFailedForwards, type ForwardState } from '../db/queries/forwards';
import { getTeam } from '../db/queries/teams';
import { SecretsKeyError } from '../sources/secrets-crypto';
import { describeForward } from './describe';
import { removeTeamWebhook, setTeamWebhook } from './webhook';

export const FORWARD_USAGE = `  forwards --team ID [--all]                     verdicts and field requests not (yet) forwarded to the
                                                 team's HubSpot/Mautic and Slack, with why (--all: sent ones too)
  retry-forwards --team ID                       tries the failed ones again (after fixing what refused them)
  set-webhook --team ID --url URL                the team's Slack incoming webhook (stored encrypted)
  remove-webhook --team ID`;

export const FORWARD_FLAGS = {
  url: { type: 'string' },
  all: { type: 'boolean' },
} as const;

type Flags = Record<string, string | boolean | string[] | undefined>;

async function team(database: Database, flags: Flags): Promise<string> {
  const value = typeof flags.team === 'string' ? flags.team.trim() : '';
  if (!value) throw new AdminError('Missing --team.');
  if (!(await getTeam(database.db, value))) throw new AdminError(`No team with id ${value}.`);
  return value;
}

export const FORWARD_COMMANDS: Record<string, (database: Database, flags: Flags) => Promise<string[]>> = {
  forwards: async (database, flags) => {
    const teamId = await team(database, flags);
    const states: ForwardState[] = flags.all ? ['pending', 'failed', 'sent'] : ['pending', 'failed'];
    const rows = await listForwards(database.db, teamId, states);
    if (rows.length === 0) return [flags.all ? 'Nothing forwarded yet.' : 'Nothing waiting: every verdict and field request was forwarded.'];
    return rows.map(describeForward);
  },

  'retry-forwards': async (database, flags) => {
    const count = await retryFailedForwards(database.db, await team(database, flags));
    return [count === 0 ? 'No failed forwards.' : `${count} failed forward${count === 1 ? '' : 's'} queued again; the server sends them within a minute.`];
  },

  'set-webhook': async (database, flags) => {
    const teamId = await team(database, flags);
    if (typeof flags.url !== 'string' || !flags.url.trim()) throw new AdminError('Missing --url (the Slack incoming webhook, https://hooks.slack.com/services/…).');
    try {
      const host = await setTeamWebhook(database, teamId, flags.url);
      return [`Saved the Slack webhook of team ${teamId} (${host}, encrypted). Verdicts and field requests stored from now on are posted to it.`];
    } catch (error) {
      if (error instanceof SecretsKeyError) throw new AdminError(error.message);
      throw error;
    }
  },

  'remove-webhook': async (database, flags) => {
    const teamId = await team(database, flags);
    return [(await removeTeamWebhook(database, teamId)) ? `Removed the Slack webhook of team ${teamId}.` : `Team ${teamId} has no Slack webhook.`];
  },
};
