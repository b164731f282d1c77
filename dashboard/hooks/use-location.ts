import { useCallback, useSyncExternalStore } from 'react';

/**
 * The browser's address as the dashboard's state: the page is the path, the filters are the query,
 * so a view can be shared as a link and survives a reload. Navigation uses the History API.
 */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

export function navigate(to: string, { replace = false } = {}): void {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

export function useLocation(): { path: string; search: URLSearchParams; navigate: typeof navigate } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams, navigate: useCallback(navigate, []) };
}
