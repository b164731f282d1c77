import { escapeSlackText } from '@/lib/connectors/webhook';
import { CHANNEL_LABELS, type Channel } from '@/lib/schema';
import type { Digest } from '@/lib/schema/dashboard';

/**
 * The weekly digest as a Slack incoming-webhook message: Block Kit sections of mrkdwn, and `text`
 * for notifications and clients that show no blocks. Every value from the data (team and item
 * names, leads, reps, request text, campaigns) is escaped, so a lead called "<!channel>" or a request
 * with "<https://evil|click>" stays text. Long lists are cut (the printable page has all of them).
 */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type SlackBlock = { type: 'section'; text: { type: 'mrkdwn'; text: string } } | { type: 'divider' };

/** At most this many lines per list in Slack. */
export const SLACK_LIST_LIMIT = 10;
/** Slack refuses a section's text over 3,000 characters; a request's text is cut well before. */
const SECTION_LIMIT = 3000;
const TEXT_LIMIT = 200;

const e = (value: string) => escapeSlackText(value);
const cut = (value: string, limit = TEXT_LIMIT) => (value.length > limit ? `${value.slice(0, limit - 1)}…` : value);
const source = (channel: Channel | null) => (channel ? CHANNEL_LABELS[channel] : 'No source');
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function digestSlackMessage(digest: Digest): SlackMessage {
  const total = digest.demosBySource.reduce((sum, row) => sum + row.demosBooked, 0);
  const previous = digest.demosBySource.reduce((sum, row) => sum + row.previous, 0);
  const title = `*Leadside weekly digest: ${e(digest.team)}*, ${day(digest.week.from)} – ${day(digest.week.to)} ${digest.week.to.slice(0, 4)}`;

  const sections = [
    section(
      `*Demos booked: ${total}* (the week before: ${previous})`,
      digest.demosBySource.map((row) => `• ${source(row.channel)}: *${row.demosBooked}* (before: ${row.previous})`),
      'No demos booked in either week.',
    ),
    section(
      '*Best content*',
      digest.bestContent.map(
        (item) =>
          `• ${e(cut(item.title))}: ${plural(item.opened, 'open')}, ${plural(item.linkCopied, 'link copied', 'links copied')}, ${item.useful} rated useful` +
          (item.openedForDemoLeads ? `, opened for ${plural(item.openedForDemoLeads, 'lead')} who booked a demo` : ''),
      ),
      'No content was opened this week.',
    ),
    section(
      `*Never used this week* (${digest.neverUsed.length})`,
      digest.neverUsed.map((item) => `• ${e(cut(item.title))}`),
      'Every catalog item was opened or shared.',
    ),
    section(
      `*New from the field* (${digest.newRequests.length})`,
      digest.newRequests.map(
        (request) => `• _${request.kind === 'content_request' ? 'Content request' : 'Prospect question'}_ from ${e(request.rep)} for ${e(cut(request.lead, 80))}: ${e(cut(request.text))}`,
      ),
      'No content requests or prospect questions.',
    ),
    section(
      `*Leads past the follow-up SLA* (${digest.pastSla.length})`,
      digest.pastSla.map((lead) => {
        const where = [source(lead.channel), lead.campaign].filter(Boolean).map((part) => e(cut(part!, 80))).join(' · ');
        return `• ${e(cut(lead.lead, 80))} (${where}), qualified ${day(lead.qualifiedAt)}: ${lead.missed === 'look' ? 'nobody has opened the record' : 'no verdict yet'}`;
      }),
      'None: every qualified lead was looked at and rated in time.',
    ),
  ];
  const blocks: SlackBlock[] = [mrkdwn(title), ...sections.flatMap((text): SlackBlock[] => [{ type: 'divider' }, mrkdwn(text)])];
  const text = `Leadside weekly digest for ${e(digest.team)}: ${plural(total, 'demo')} booked (the week before: ${previous}), ${plural(digest.newRequests.length, 'new request')}, ${plural(digest.pastSla.length, 'lead')} past the SLA.`;
  return { text, blocks };
}

const mrkdwn = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** A heading and its lines, the first SLACK_LIST_LIMIT of them, kept under Slack's section limit. */
function section(heading: string, lines: string[], empty: string): string {
  if (lines.length === 0) return `${heading}\n${empty}`;
  const shown: string[] = [];
  for (const line of lines.slice(0, SLACK_LIST_LIMIT)) {
    if ([heading, ...shown, line].join('\n').length > SECTION_LIMIT - 40) break;
    shown.push(line);
  }
  const more = lines.length - shown.length;
  return [heading, ...shown, ...(more > 0 ? [`…and ${more} more on the digest page.`] : [])].join('\n');
}
