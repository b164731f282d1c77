import type { Channel, ContentEvent, ContentItem, FeedbackItem, Verdict } from '@/lib/schema';
import { CHANNEL_LABELS, VerdictSchema } from '@/lib/schema';

export interface ContentUsageRow {
  contentId: string;
  title: string;
  type?: ContentItem['type'];
  suggested: number;
  opened: number;
  linkCopied: number;
  useful: number;
  notUseful: number;
}

/** How often one content item was suggested, opened and copied (in some stretch of time). */
export interface ContentCounts {
  contentId: string;
  suggested: number;
  opened: number;
  linkCopied: number;
}

/** The counts of some events, one entry per content item. */
export function countEvents(events: Iterable<Pick<ContentEvent, 'type' | 'contentId'>>): ContentCounts[] {
  const counts = new Map<string, ContentCounts>();
  for (const event of events) {
    let entry = counts.get(event.contentId);
    if (!entry) counts.set(event.contentId, (entry = { contentId: event.contentId, suggested: 0, opened: 0, linkCopied: 0 }));
    if (event.type === 'suggested') entry.suggested++;
    else if (event.type === 'opened') entry.opened++;
    else entry.linkCopied++;
  }
  return [...counts.values()];
}

/**
 * Per content item: how often it was suggested, opened, copied and rated. Items from the catalog
 * appear even with no activity (that is the never-used list); events for items no longer in the
 * catalog keep their counts under the id. `counts` may hold an item several times (one per day, as
 * the stored rollups do): they add up.
 */
export function contentUsage(
  catalog: readonly ContentItem[],
  counts: readonly ContentCounts[],
  feedback: readonly FeedbackItem[],
): ContentUsageRow[] {
  const rows = new Map<string, ContentUsageRow>();
  const row = (contentId: string) => {
    let entry = rows.get(contentId);
    if (!entry) {
      entry = { contentId, title: contentId, suggested: 0, opened: 0, linkCopied: 0, useful: 0, notUseful: 0 };
      rows.set(contentId, entry);
    }
    return entry;
  };
  for (const item of catalog) Object.assign(row(item.id), { title: item.title, type: item.type });
  for (const count of counts) {
    const entry = row(count.contentId);
    entry.suggested += count.suggested;
    entry.opened += count.opened;
    entry.linkCopied += count.linkCopied;
  }
  // A rep who changes their rating counts once, with the latest rating.
  for (const rating of latestPer(feedback, (item) => (item.kind === 'content_rating' ? `${item.lead.key}|${item.contentId}` : undefined))) {
    if (rating.kind !== 'content_rating') continue;
    if (rating.useful) row(rating.contentId).useful++;
    else row(rating.contentId).notUseful++;
  }
  return [...rows.values()].sort(
    (a, b) => b.opened + b.linkCopied - (a.opened + a.linkCopied) || b.suggested - a.suggested || a.title.localeCompare(b.title),
  );
}

/** Catalog items nobody opened, copied or rated: marketing's unused content. */
export function neverUsed(rows: readonly ContentUsageRow[]): ContentUsageRow[] {
  return rows.filter((row) => row.opened + row.linkCopied + row.useful + row.notUseful === 0);
}

export type VerdictCounts = Record<Verdict, number>;

export interface LeadQualityRow {
  key: string;
  label: string;
  leads: number;
  verdicts: VerdictCounts;
}

export const emptyCounts = (): VerdictCounts =>
  Object.fromEntries(VerdictSchema.options.map((verdict) => [verdict, 0])) as VerdictCounts;

/**
 * Lead verdicts grouped by the source snapshot the feedback carries. Each lead counts once, with the
 * rep's latest verdict, so changing "Good fit" to "Demo booked" does not count the lead twice.
 */
export function leadQuality(feedback: readonly FeedbackItem[], by: 'channel' | 'campaign'): LeadQualityRow[] {
  const rows = new Map<string, LeadQualityRow>();
  for (const item of latestPer(feedback, (entry) => (entry.kind === 'verdict' ? entry.lead.key : undefined))) {
    if (item.kind !== 'verdict') continue;
    const { key, label } = qualityGroup(item.source, by);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, label, leads: 0, verdicts: emptyCounts() }));
    row.leads++;
    row.verdicts[item.verdict]++;
  }
  return [...rows.values()].sort((a, b) => b.leads - a.leads || a.label.localeCompare(b.label));
}

/** The lead-quality row a lead's source falls in: its channel or its campaign, "Unknown" when it has none. */
export function qualityGroup(source: { channel?: Channel; campaign?: string }, by: 'channel' | 'campaign'): { key: string; label: string } {
  const key = (by === 'channel' ? source.channel : source.campaign) ?? '(unknown)';
  const label = by === 'channel' && source.channel ? CHANNEL_LABELS[source.channel] : key === '(unknown)' ? 'Unknown' : key;
  return { key, label };
}

/** Content requests and prospect questions, newest first. */
export function fieldRequests(feedback: readonly FeedbackItem[]) {
  return feedback
    .flatMap((item) =>
      item.kind === 'content_request' || item.kind === 'prospect_question'
        ? [{ id: item.id, kind: item.kind, text: item.text, createdAt: item.createdAt, lead: item.lead.name ?? item.lead.email ?? item.lead.recordId, rep: item.rep }]
        : [],
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The newest item for each key (items without a key are skipped). */
function latestPer<T extends { createdAt: string }>(items: readonly T[], keyOf: (item: T) => string | undefined): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const seen = latest.get(key);
    if (!seen || item.createdAt > seen.createdAt) latest.set(key, item);
  }
  return [...latest.values()];
}
