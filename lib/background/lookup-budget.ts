/**
 * How many lookups a CRM tab may cause on its own per minute. A record the page reports is looked up
 * at once (for the glance pill and a ready brief) against the team's token, so a page that reports
 * record after record could walk marketing's whole database through the rep's browser. A rep moving
 * through records by hand stays far below this; past it, the lookup waits until the rep opens the
 * side panel, which asks for the lead itself.
 */
export const TAB_LOOKUPS_PER_MINUTE = 12;
const WINDOW_MS = 60_000;

/** When each tab's recent lookups were spent. */
const spent = new Map<number, number[]>();

/** Spends one of the tab's lookups if it has one left this minute. */
export function takeTabLookup(tabId: number, now = Date.now()): boolean {
  const recent = (spent.get(tabId) ?? []).filter((at) => now - at < WINDOW_MS);
  const allowed = recent.length < TAB_LOOKUPS_PER_MINUTE;
  if (allowed) recent.push(now);
  spent.set(tabId, recent);
  return allowed;
}

export function forgetTabLookups(tabId: number): void {
  spent.delete(tabId);
}
