import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from './App';
import { FilterBar } from './components/FilterBar';
import { LanguageSelect } from './components/LanguageSelect';
import { ThemeSelect } from './components/ThemeSelect';
import { useFilters } from './hooks/use-filters';
import { useLocation } from './hooks/use-location';
import { ROUTES } from './routes';
import { isAdmin, useSession } from './session';

/** Header (team, user, language, theme, sign-out), the pages' menu, the filters where they apply, and the page. */
export function Shell({ preferences }: { preferences: Preferences }) {
  const { t } = useTranslation('dashboard');
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
    document.title = t('shell.windowTitle', { page: route ? t(`nav.${route.id}`) : t('shell.notFoundTitle') });
  }, [route, t]);

  const follow = (event: MouseEvent<HTMLAnchorElement>, to: string) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <strong translate="no">Leadside</strong>
          <span className="muted" translate="no">
            {session.team.name}
          </span>
        </div>
        <div className="row header-tools">
          <span className="small" data-testid="signed-in-as">
            <span translate="no">{session.user.name}</span> <span className="muted">({t(`role.${session.user.role}`)})</span>
          </span>
          <LanguageSelect language={preferences.language} />
          <ThemeSelect theme={preferences.theme} />
          <button type="button" className="btn" onClick={() => void signOut()} data-testid="sign-out">
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label={t('shell.pages')}>
        <ul>
          {routes.map((item) => {
            // The filters travel with the menu, so moving between analytics pages keeps the view.
            const to = `${item.path}${item.filtered ? search : ''}`;
            return (
              <li key={item.id}>
                <a href={to} onClick={(event) => follow(event, to)} aria-current={item === route ? 'page' : undefined} data-testid={`nav-${item.id}`}>
                  {t(`nav.${item.id}`)}
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
              {route ? t('shell.adminsOnly') : t('shell.notFoundTitle')}
            </h1>
            <p>{route ? t('shell.adminsOnlyText') : t('shell.notFoundText', { path })}</p>
            <p>
              <a href="/" onClick={(event) => follow(event, '/')}>
                {t('shell.toOverview')}
              </a>
            </p>
          </div>
        )}
      </main>
    </>
  );
}
