import type { InsightsView, TeamOrigin } from '@/lib/store/insights-view';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function originName(origin: TeamOrigin): string {
  return origin.from === 'leadside' ? `the Leadside server (${origin.host})` : `your REST gateway (${origin.host})`;
}

/** Whose numbers the page shows, in one line under its title. */
export function scopeLine(view: InsightsView): string {
  if (view.scope === 'browser') return "From this browser's data only.";
  const from = originName(view.origin);
  return view.team ? `Team data: ${view.team.name}, ${plural(view.team.reps, 'rep')}, from ${from}.` : `Team data from ${from}.`;
}

/** Why the team's numbers are missing, for the banner above this browser's; undefined when nothing failed. */
export function fallbackNotice(view: InsightsView): string | undefined {
  if (view.scope !== 'browser' || !view.teamFailure) return undefined;
  // The reason already names the server and its host ("The Leadside server (…) answered 503: …").
  const reason = view.teamFailure.error.trim().replace(/([^.!?])$/, '$1.');
  return `The team's numbers could not be loaded: ${reason} The numbers below are this browser's only.`;
}
