import { db } from '@/lib/db';
import { contentUsage, fieldRequests, leadQuality, neverUsed } from './aggregate';

export interface InsightsPeriod {
  /** ISO timestamp; events and feedback before it are left out. Undefined means all time. */
  since?: string;
}

/** Everything the Insights page shows, computed from what this browser stored. */
export async function loadInsights(period: InsightsPeriod = {}) {
  const since = period.since ?? '';
  const [catalog, events, feedback] = await Promise.all([
    db.content.toArray(),
    since ? db.contentEvents.where('at').aboveOrEqual(since).toArray() : db.contentEvents.toArray(),
    since ? db.feedback.where('createdAt').aboveOrEqual(since).toArray() : db.feedback.toArray(),
  ]);
  const usage = contentUsage(catalog, events, feedback);
  return {
    usage,
    neverUsed: neverUsed(usage),
    byChannel: leadQuality(feedback, 'channel'),
    byCampaign: leadQuality(feedback, 'campaign'),
    requests: fieldRequests(feedback),
    totals: { catalog: catalog.length, events: events.length, feedback: feedback.length },
  };
}
export type Insights = Awaited<ReturnType<typeof loadInsights>>;
