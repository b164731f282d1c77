import Dexie from 'dexie';
import { db } from './db';
import { contentUsage, countEvents, fieldRequests, leadQuality, neverUsed, type ContentCounts } from '@/lib/insights/aggregate';

export interface InsightsPeriod {
  /** ISO timestamp; events and feedback before it are left out. Undefined means all time. */
  since?: string;
}

/** Everything the Insights page shows, computed from what this browser stored. */
export async function loadInsights(period: InsightsPeriod = {}) {
  const startedAt = performance.now();
  const since = period.since ?? '';
  const [catalog, counts, feedback] = await Promise.all([
    db.content.toArray(),
    contentCountsSince(since),
    since ? db.feedback.where('createdAt').aboveOrEqual(since).toArray() : db.feedback.toArray(),
  ]);
  const usage = contentUsage(catalog, counts, feedback);
  const events = counts.reduce((sum, count) => sum + count.suggested + count.opened + count.linkCopied, 0);
  const insights = {
    usage,
    neverUsed: neverUsed(usage),
    byChannel: leadQuality(feedback, 'channel'),
    byCampaign: leadQuality(feedback, 'campaign'),
    requests: fieldRequests(feedback),
    totals: { catalog: catalog.length, events, feedback: feedback.length },
  };
  // A user-timing measure, so the benchmark reads how long reading and counting took in the page.
  performance.measure('leadside:insights-loaded', { start: startedAt, detail: { since: period.since ?? null, events } });
  return insights;
}
export type Insights = Awaited<ReturnType<typeof loadInsights>>;

/**
 * Event counts from `since` on (all time when empty): the daily rollups of the days after since's
 * day, and that first day's own events from `since` on, so the period starts at the exact instant
 * as it did when every event was read.
 */
async function contentCountsSince(since: string): Promise<ContentCounts[]> {
  if (!since) return db.contentRollups.toArray();
  // Events are stamped with toISOString(): compared as strings, `since` must be in that form too.
  const start = new Date(since).toISOString();
  const day = start.slice(0, 10);
  const nextDay = new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
  const [firstDay, laterDays] = await Promise.all([
    db.contentEvents.where('at').between(start, nextDay, true, false).toArray(),
    db.contentRollups.where('[day+contentId]').above([day, Dexie.maxKey]).toArray(),
  ]);
  return [...countEvents(firstDay), ...laterDays];
}
