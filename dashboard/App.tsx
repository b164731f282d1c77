import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LocaleProvider } from '@/components/ui/locale-provider';
import { SessionSchema, type Session } from '@/lib/schema/dashboard';
import { Spinner } from '@/components/ui/Spinner';
import { ApiError, call, setApiTranslator, setCsrfToken, whenSignedOut } from './api/client';
import { chartTheme, ChartThemeContext } from './components/chart-colors';
import { LoadError } from './components/Load';
import { useLanguage } from './hooks/use-language';
import { useTheme } from './hooks/use-theme';
import { RepRefused } from './pages/RepRefused';
import { SignIn } from './pages/SignIn';
import { SessionContext } from './session';
import { Shell } from './Shell';

type Auth =
  | { state: 'checking' }
  // The notice is kept as its key, so it follows a change of language on the sign-in page.
  | { state: 'signed-out'; notice?: { key: 'app.sessionEnded' | 'app.signOutUnconfirmed' | 'app.signedOut'; error?: string } }
  | { state: 'rep'; message: string }
  | { state: 'signed-in'; session: Session }
  | { state: 'error'; message: string };

export type Preferences = { theme: ReturnType<typeof useTheme>; language: ReturnType<typeof useLanguage> };

/** The dashboard in the user's language (their choice in this browser, else the browser's). */
export function App() {
  const language = useLanguage();
  return (
    <LocaleProvider locale={language.locale}>
      <Dashboard language={language} />
    </LocaleProvider>
  );
}

/** Who is signed in decides what shows: the sign-in form, the "reps use the extension" page, or the dashboard. */
function Dashboard({ language }: { language: Preferences['language'] }) {
  const theme = useTheme();
  const preferences = { theme, language };
  const { t } = useTranslation('dashboard');
  // Set during render, before any child's effect can call the server and need the words.
  setApiTranslator(t);
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setAuth({ state: 'signed-in', session });
  }, []);

  const check = useCallback(() => {
    setAuth({ state: 'checking' });
    call('GET', '/session', SessionSchema, { what: t('app.checkingSession') }).then(signedIn, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setAuth({ state: 'signed-out' });
      else if (error instanceof ApiError && error.status === 403) setAuth({ state: 'rep', message: error.message });
      else setAuth({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    // Checked once; a new language does not ask the server again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn]);

  useEffect(() => {
    check();
    // A 401 from any later call means the session ended elsewhere (expired, password changed).
    whenSignedOut(() => {
      setCsrfToken(undefined);
      setAuth({ state: 'signed-out', notice: { key: 'app.sessionEnded' } });
    });
    return () => whenSignedOut(undefined);
  }, [check]);

  const signOut = useCallback(async () => {
    try {
      await call('DELETE', '/session', null, { what: t('app.signingOut') });
    } catch (error) {
      // Already signed out is signed out; anything else is said on the sign-in page.
      if (!(error instanceof ApiError && error.status === 401)) {
        setAuth({ state: 'signed-out', notice: { key: 'app.signOutUnconfirmed', error: error instanceof Error ? error.message : String(error) } });
        return;
      }
    }
    setCsrfToken(undefined);
    setAuth({ state: 'signed-out', notice: { key: 'app.signedOut' } });
  }, [t]);

  switch (auth.state) {
    case 'checking':
      return (
        <main className="center-page">
          <Spinner label={t('app.loading')} />
        </main>
      );
    case 'error':
      return (
        <main className="center-page">
          <LoadError what={t('what.dashboard')} message={auth.message} retry={check} />
        </main>
      );
    case 'signed-out':
      return <SignIn notice={auth.notice && t(auth.notice.key, { error: auth.notice.error })} onSignedIn={signedIn} onRep={(message) => setAuth({ state: 'rep', message })} preferences={preferences} />;
    case 'rep':
      return <RepRefused message={auth.message} signOut={signOut} />;
    case 'signed-in':
      return (
        <SessionContext.Provider value={{ session: auth.session, signOut }}>
          <ChartThemeContext.Provider value={chartTheme(theme.theme)}>
            <Shell preferences={preferences} />
          </ChartThemeContext.Provider>
        </SessionContext.Provider>
      );
  }
}
