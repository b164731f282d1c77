import type { ContentItem, LeadProfile } from '@/lib/schema';
import { words } from './text';

/**
 * The two baselines the ranker is measured against in the same run (`npm run bench`, the relevance
 * test). Neither is shown to anyone.
 */

/** Plain word overlap: distinct words shared by the lead's text (problem and page titles) and the item's title, topics and summary. */
export function rankByWordOverlap(profile: LeadProfile, catalog: readonly ContentItem[], limit = 3): string[] {
  const said = new Set(words([...profile.problems.map((problem) => problem.text), ...profile.pageViews.map((view) => view.title)].join(' ')));
  return catalog
    .map((item, position) => ({ item, position, overlap: new Set(words(`${item.title} ${item.topics.join(' ')} ${item.summary}`)).values() }))
    .map(({ item, position, overlap }) => ({ id: item.id, position, score: [...overlap].filter((word) => said.has(word)).length }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map((entry) => entry.id);
}

/** Popularity: the items most often useful to other leads, the same list for everyone. */
export function rankByPopularity(popularity: ReadonlyMap<string, number>, limit = 3): string[] {
  return [...popularity]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => id);
}
