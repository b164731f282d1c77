import { browser } from 'wxt/browser';
import { connectorFor } from './connectors';
import { drainOutbox, nextDueAt } from '@/lib/delivery/outbox';
import { loadSettings } from '@/lib/store/settings';
import { loadSecrets } from '@/lib/store/secrets';
import { createWebhookDelivery } from '@/lib/connectors/webhook';

export const DELIVERY_ALARM = 'leadside-outbox';

/**
 * Delivers what is due now, then sets an alarm for the next retry: the alarm wakes a stopped worker
 * (or a restarted browser) so queued feedback always goes out without anyone opening anything.
 */
export async function deliverDue(): Promise<void> {
  try {
    const settings = await loadSettings();
    const connector = await connectorFor(settings.source);
    // A webhook URL saved before secrets were bound to their host waits until it is entered again;
    // the source's own delivery goes on meanwhile.
    const webhookUrl = settings.webhook
      ? (await loadSecrets('webhook', `https://${settings.webhook.host}`).catch((error: unknown) => void console.warn('Leadside: webhook paused:', error instanceof Error ? error.message : error)))?.url
      : undefined;
    const webhook = settings.webhook && webhookUrl ? createWebhookDelivery(webhookUrl, settings.webhook.format) : undefined;
    await drainOutbox({ connector, webhook, webhookHost: settings.webhook?.host ?? null });
  } catch (error) {
    console.warn('Leadside: delivery paused:', error instanceof Error ? error.message : error);
  } finally {
    await scheduleNextAttempt();
  }
}

let soon: ReturnType<typeof setTimeout> | undefined;
/**
 * Every message starts a delivery, so several finish at once. Each sets the alarm from what it read
 * of the outbox; run side by side, a "nothing due" read before a row backed off could clear the alarm
 * after the later read had set it, and the row would wait for the next message, maybe forever. One
 * at a time, each reading the outbox when its turn comes, the last one standing saw the latest state.
 */
let scheduling: Promise<void> = Promise.resolve();

function scheduleNextAttempt(): Promise<void> {
  scheduling = scheduling.then(setAlarmForNextDue).catch((error: unknown) => console.warn('Leadside: next delivery not scheduled:', error instanceof Error ? error.message : error));
  return scheduling;
}

async function setAlarmForNextDue(): Promise<void> {
  const due = await nextDueAt();
  clearTimeout(soon);
  if (due === undefined) {
    await browser.alarms.clear(DELIVERY_ALARM);
    return;
  }
  // The alarm survives the worker; browsers clamp it to about 30 s. A retry due sooner is also
  // timed here, for as long as the worker lives.
  await browser.alarms.create(DELIVERY_ALARM, { when: Math.max(due, Date.now() + 1_000) });
  const wait = due - Date.now();
  if (wait < 20_000) soon = setTimeout(() => void deliverDue(), Math.max(0, wait));
}
