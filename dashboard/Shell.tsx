import { useEffect, useRef, type MouseEvent } from 'react';
import { FilterBar } from './components/FilterBar';
import { ThemeSelect } from './components/ThemeSelect';
import { useFilters } from './hooks/use-filters';
import { useLocation } from './hooks/use-location';
import type { useTheme } from './hooks/use-theme';
import { ROUTES } from './routes';
import { isAdmin, useSession } from './session';

/** Header (team, user, theme, sign-out), the pages' menu, the filters where they apply, and the page. */
export function Shell({ theme }: { theme: ReturnType<typeof useTheme> }) {
  const { session, signOut } = useSession();
  const { path, navigate } = useLocation();
  const { search } = useFilters();
  const routes = ROUTES.filter((route) => !route.adminOnly || isAdmin(session));
  const route = ROUTES.find((candidate) => candidate.path === path);
  const allowed = route && routes.includes(route);
  const mainRef = useRef<HTMLElement>(null);

  // After moving to another page, focus its heading so keyboard and screen reader users start there.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('[data-page-title]')?.focus();
  }, [path]);

  useEffect(() => {
    document.title = `${route?.label ?? 'Not found'} · Leadside dashboard`;
  }, [route]);

  const follow = (event: MouseEvent<HTMLAnchorElement>, to: string) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand">
          <strong>Leadside</strong>
          <span className="muted">{session.team.name}</span>
        </div>
        <div className="row header-tools">
          <span className="small" data-testid="signed-in-as">
            {session.user.name} <span className="muted">({session.user.role})</span>
          </span>
          <ThemeSelect theme={theme} />
          <button type="button" className="btn" onClick={() => void signOut()} data-testid="sign-out">
            Sign out
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label="Dashboard pages">
        <ul>
          {routes.map((item) => {
            // The filters travel with the menu, so moving between analytics pages keeps the view.
            const to = `${item.path}${item.filtered ? search : ''}`;
            return (
              <li key={item.id}>
                <a href={to} onClick={(event) => follow(event, to)} aria-current={item === route ? 'page' : undefined} data-testid={`nav-${item.id}`}>
                  {item.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {route?.filtered && <FilterBar />}
      <main id="main" ref={mainRef} className="page" tabIndex={-1}>
        {allowed ? (
          <route.Page />
        ) : (
          <div className="stack" data-testid="page-not-found">
            <h1 tabIndex={-1} data-page-title>
              {route ? 'For admins only' : 'No such page'}
            </h1>
            <p>{route ? 'Sources, users and tokens are managed by your team’s admins.' : `Nothing lives at ${path}.`}</p>
            <p>
              <a href="/" onClick={(event) => follow(event, '/')}>
                Go to the overview
              </a>
            </p>
          </div>
        )}
      </main>
    </>
  );
}
