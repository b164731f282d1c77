import { CHANNEL_LABELS, VERDICT_LABELS, type FeedbackItem } from '@/lib/schema';
import { refuseRedirect, retryAfterMs } from './http';
import { ConnectorError, type Connector, type DeliveryResult, type OutboxEntry } from './types';
import { asConnectorError, connectorText } from './message-codes';

export type WebhookFormat = 'json' | 'slack';

/** One line a marketing channel can read at a glance. Plain text: Slack's mrkdwn only for bold. */
export function slackText(item: FeedbackItem): string {
  const who = item.lead.name ?? item.lead.email ?? item.lead.recordId;
  const source = [item.source.channel && CHANNEL_LABELS[item.source.channel], item.source.campaign].filter(Boolean).join(' · ');
  const by = item.rep ? ` — ${item.rep}` : '';
  const what = (() => {
    switch (item.kind) {
      case 'verdict':
        return `*${VERDICT_LABELS[item.verdict]}*${item.reasons.length ? ` (${item.reasons.join(', ')})` : ''}${item.note ? `: ${item.note}` : ''}`;
      case 'content_rating':
        return `Content ${item.contentId} rated *${item.useful ? 'useful' : 'not useful'}*`;
      case 'content_request':
        return `*Content request*: ${item.text}`;
      case 'prospect_question':
        return `*Prospect question*: ${item.text}`;
    }
  })();
  return escapeSlackText(`${what} for ${who}${source ? ` (${source})` : ''}${by}`);
}

/** Slack treats <, > and & as markup (links, mentions); text from reps and leads must stay text. */
export const escapeSlackText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * POSTs one JSON body to a webhook: no redirect followed, the answer's status mapped to a
 * ConnectorError ('network' when no answer came: it may have been posted; 'rate-limited' and
 * 'server' answered before anything was posted). The feedback forwarding and the weekly digest both
 * send through it.
 */
export async function postWebhookJson(url: string, body: unknown, signal: AbortSignal, timeoutMs = 8_000): Promise<void> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      credentials: 'omit',
      redirect: 'manual',
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ConnectorError('network', `The webhook at ${host} did not answer: ${why}`, undefined, undefined, connectorText('webhook.unreachable', { host }, why));
  }
  refuseRedirect(response, `The webhook at ${host}`, connectorText('webhook.redirect', { host }));
  if (response.ok) return;
  const answer = (await response.text().catch(() => '')).slice(0, 120);
  const said = `The webhook at ${host} answered ${response.status}: ${answer}`;
  const codedText = connectorText('webhook.refused', { host, status: response.status }, answer);
  if (response.status === 429 || response.status >= 500) {
    throw new ConnectorError(response.status === 429 ? 'rate-limited' : 'server', said, retryAfterMs(response.headers.get('Retry-After')), undefined, codedText);
  }
  throw new ConnectorError(response.status === 401 || response.status === 403 || response.status === 404 ? 'auth' : 'rejected', said, undefined, undefined, codedText);
}

/**
 * Posts feedback to the team's webhook as well as to the source: plain JSON (one POST per batch,
 * each item with its idempotency id so the receiver can drop repeats) or Slack's incoming-webhook
 * format (one message per item). Content events are not posted.
 */
export function createWebhookDelivery(url: string, format: WebhookFormat, timeoutMs = 8_000): Pick<Connector, 'deliver'> {
  const post = (body: unknown, signal: AbortSignal) => postWebhookJson(url, body, signal, timeoutMs);

  return {
    async deliver(entries: readonly OutboxEntry[], signal: AbortSignal): Promise<DeliveryResult[]> {
      const feedback = entries.filter((entry): entry is Extract<OutboxEntry, { kind: 'feedback' }> => entry.kind === 'feedback');
      const results: DeliveryResult[] = entries.filter((entry) => entry.kind !== 'feedback').map((entry) => ({ id: entry.id, outcome: 'unsupported' }));
      if (format === 'json') {
        if (feedback.length) await post({ source: 'leadside', items: feedback.map((entry) => entry.item) }, signal);
        return [...results, ...feedback.map((entry): DeliveryResult => ({ id: entry.id, outcome: 'delivered' }))];
      }
      for (const [index, entry] of feedback.entries()) {
        try {
          await post({ text: slackText(entry.item) }, signal);
          results.push({ id: entry.id, outcome: 'delivered' });
        } catch (error) {
          // What was posted stays posted; the rest of the batch waits for the next attempt.
          if (index === 0) throw error;
          const failure = asConnectorError(error);
          for (const rest of feedback.slice(index)) results.push({ id: rest.id, outcome: 'retry', error: failure.message, ...(failure.coded ? { coded: failure.coded } : {}) });
          break;
        }
      }
      return results;
    },
  };
}
