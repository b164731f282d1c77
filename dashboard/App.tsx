import { useCallback, useEffect, useState } from 'react';
import { SessionSchema, type Session } from '@/lib/schema/dashboard';
import { Spinner } from '@/components/ui/Spinner';
import { ApiError, call, setCsrfToken, whenSignedOut } from './api/client';
import { chartTheme, ChartThemeContext } from './components/chart-colors';
import { LoadError } from './components/Load';
import { useTheme } from './hooks/use-theme';
import { RepRefused } from './pages/RepRefused';
import { SignIn } from './pages/SignIn';
import { SessionContext } from './session';
import { Shell } from './Shell';

type Auth =
  | { state: 'checking' }
  | { state: 'signed-out'; notice?: string }
  | { state: 'rep'; message: string }
  | { state: 'signed-in'; session: Session }
  | { state: 'error'; message: string };

/** Who is signed in decides what shows: the sign-in form, the "reps use the extension" page, or the dashboard. */
export function App() {
  const theme = useTheme();
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setAuth({ state: 'signed-in', session });
  }, []);

  const check = useCallback(() => {
    setAuth({ state: 'checking' });
    call('GET', '/session', SessionSchema, { what: 'Checking your session' }).then(signedIn, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setAuth({ state: 'signed-out' });
      else if (error instanceof ApiError && error.status === 403) setAuth({ state: 'rep', message: error.message });
      else setAuth({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    });
  }, [signedIn]);

  useEffect(() => {
    check();
    // A 401 from any later call means the session ended elsewhere (expired, password changed).
    whenSignedOut(() => {
      setCsrfToken(undefined);
      setAuth({ state: 'signed-out', notice: 'Your session ended. Sign in again to go on.' });
    });
    return () => whenSignedOut(undefined);
  }, [check]);

  const signOut = useCallback(async () => {
    try {
      await call('DELETE', '/session', null, { what: 'Signing out' });
    } catch (error) {
      // Already signed out is signed out; anything else is said on the sign-in page.
      if (!(error instanceof ApiError && error.status === 401)) {
        setAuth({ state: 'signed-out', notice: `The server did not confirm the sign-out: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
    }
    setCsrfToken(undefined);
    setAuth({ state: 'signed-out', notice: 'You are signed out.' });
  }, []);

  switch (auth.state) {
    case 'checking':
      return (
        <main className="center-page">
          <Spinner label="Loading the Leadside dashboard…" />
        </main>
      );
    case 'error':
      return (
        <main className="center-page">
          <LoadError what="the dashboard" message={auth.message} retry={check} />
        </main>
      );
    case 'signed-out':
      return <SignIn notice={auth.notice} onSignedIn={signedIn} onRep={(message) => setAuth({ state: 'rep', message })} theme={theme} />;
    case 'rep':
      return <RepRefused message={auth.message} signOut={signOut} />;
    case 'signed-in':
      return (
        <SessionContext.Provider value={{ session: auth.session, signOut }}>
          <ChartThemeContext.Provider value={chartTheme(theme.theme)}>
            <Shell theme={theme} />
          </ChartThemeContext.Provider>
        </SessionContext.Provider>
      );
  }
}
