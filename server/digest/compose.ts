import type { Channel } from '@/lib/schema';
import type { ContentReport, Digest, FieldRequest, FollowUp, Overview } from '@/lib/schema/dashboard';
import type { DigestWeek } from './week';

/** How many items "best content" names: the meeting talks about a handful, not the catalog. */
export const BEST_CONTENT_COUNT = 5;

export interface DigestInputs {
  team: string;
  week: DigestWeek;
  /** The dashboard's overview of the week. */
  overview: Pick<Overview, 'bySource'>;
  /** Demos booked by source the week before (the lead-quality report's demo counts by source: the same leads the overview counts). */
  demosBefore: readonly { channel: Channel | null; demosBooked: number }[];
  content: Pick<ContentReport, 'items' | 'neverUsed'>;
  followUp: Pick<FollowUp, 'pastSla'>;
  /** Field requests, in any order: those sent in the week are kept (the builder asks for just those). */
  requests: readonly FieldRequest[];
}

/**
 * The digest from the dashboard's own reports of the week, so the meeting's summary and the pages
 * it links to can never disagree: the same queries answer both.
 */
export function composeDigest(inputs: DigestInputs): Digest {
  const { week } = inputs;
  const before = new Map(inputs.demosBefore.map((row) => [row.channel, row.demosBooked]));
  const channels = new Set<Channel | null>([...inputs.overview.bySource.map((row) => row.channel), ...before.keys()]);
  const current = new Map(inputs.overview.bySource.map((row) => [row.channel, row.demosBooked]));
  const demosBySource = [...channels]
    .map((channel) => ({ channel, demosBooked: current.get(channel) ?? 0, previous: before.get(channel) ?? 0 }))
    .filter((row) => row.demosBooked + row.previous > 0)
    .sort((a, b) => b.demosBooked - a.demosBooked || b.previous - a.previous || (a.channel ?? '~').localeCompare(b.channel ?? '~'));

  const titleOf = new Map(inputs.content.items.map((item) => [item.contentId, item.title ?? item.contentId]));
  // The report lists items most used first; the best are the most used, ties broken by what reps rated useful.
  const bestContent = inputs.content.items
    .filter((item) => item.opened + item.linkCopied > 0)
    .map((item, rank) => ({ item, rank }))
    .sort((a, b) => usage(b.item) - usage(a.item) || b.item.useful - a.item.useful || a.rank - b.rank)
    .slice(0, BEST_CONTENT_COUNT)
    .map(({ item }) => ({
      contentId: item.contentId,
      title: item.title ?? item.contentId,
      opened: item.opened,
      linkCopied: item.linkCopied,
      useful: item.useful,
      openedForDemoLeads: item.openedForDemoLeads,
    }));

  const start = Date.parse(`${week.from}T00:00:00Z`);
  const end = Date.parse(`${week.to}T00:00:00Z`) + 86_400_000;
  const newRequests = inputs.requests
    .filter((request) => {
      const at = Date.parse(request.createdAt);
      return at >= start && at < end;
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return {
    week: { from: week.from, to: week.to },
    team: inputs.team,
    demosBySource,
    bestContent,
    neverUsed: inputs.content.neverUsed.map((contentId) => ({ contentId, title: titleOf.get(contentId) ?? contentId })),
    newRequests,
    pastSla: inputs.followUp.pastSla,
  };
}

const usage = (item: { opened: number; linkCopied: number }) => item.opened + item.linkCopied;
