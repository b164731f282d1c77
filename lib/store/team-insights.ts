import { contentUsage, emptyCounts, neverUsed, qualityGroup, type LeadQualityRow } from '@/lib/insights/aggregate';
import type { ContentItem } from '@/lib/schema';
import type { TeamStats } from '@/lib/schema/rest-api';
import type { Insights } from './insights-load';

/**
 * The team's numbers from the server's `/stats` in the shape this browser's own Insights take, so
 * the page shows both with the same tables. Titles come from the cached catalog; catalog items with
 * no team activity make the never-used list, as they do locally.
 */
export function teamInsights(stats: TeamStats, catalog: readonly ContentItem[]): Insights {
  const usage = contentUsage(catalog, stats.content, []);
  // Ratings arrive counted (each rep's latest per lead and item); they do not change the order.
  const byId = new Map(usage.map((row) => [row.contentId, row]));
  for (const counts of stats.content) {
    const row = byId.get(counts.contentId)!;
    row.useful += counts.useful;
    row.notUseful += counts.notUseful;
  }
  const requests = (stats.requests ?? []).map(({ rep, ...request }) => ({ ...request, rep }));
  const byChannel = qualityRows(stats.leadQuality, 'channel');
  const rated = byChannel.reduce((sum, row) => sum + row.leads, 0);
  const ratings = stats.content.reduce((sum, counts) => sum + counts.useful + counts.notUseful, 0);
  return {
    usage,
    neverUsed: neverUsed(usage),
    byChannel,
    byCampaign: qualityRows(stats.leadQuality, 'campaign'),
    requests,
    totals: {
      catalog: catalog.length,
      events: stats.content.reduce((sum, counts) => sum + counts.suggested + counts.opened + counts.linkCopied, 0),
      // The server sends what feedback amounts to, not each item: verdicts (one per lead), ratings, requests.
      feedback: rated + ratings + requests.length,
    },
  };
}

/**
 * Lead quality per channel or per campaign from the server's (channel, campaign) rows. Every lead
 * sits in exactly one row, with its latest verdict, so adding the rows up per group is exact.
 */
export function qualityRows(rows: TeamStats['leadQuality'], by: 'channel' | 'campaign'): LeadQualityRow[] {
  const groups = new Map<string, LeadQualityRow>();
  for (const row of rows) {
    const { key, label } = qualityGroup(row, by);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label, leads: 0, verdicts: emptyCounts() }));
    group.leads += row.leads;
    for (const verdict of Object.keys(group.verdicts) as Array<keyof LeadQualityRow['verdicts']>) group.verdicts[verdict] += row.verdicts[verdict] ?? 0;
  }
  return [...groups.values()].sort((a, b) => b.leads - a.leads || a.label.localeCompare(b.label));
}
