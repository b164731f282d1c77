import { useState, type FormEvent } from 'react';
import { SessionSchema, TeamChoiceSchema, type Session } from '@/lib/schema/dashboard';
import { ApiError, call } from '../api/client';
import { ThemeSelect } from '../components/ThemeSelect';
import type { useTheme } from '../hooks/use-theme';

type Teams = { id: string; name: string }[];

/**
 * E-mail and password. Every refusal says what to do: wrong details, locked for N minutes (from
 * Retry-After), a rep's account, or several teams to choose from (the 409).
 */
export function SignIn({
  notice,
  onSignedIn,
  onRep,
  theme,
}: {
  notice?: string;
  onSignedIn(session: Session): void;
  onRep(message: string): void;
  theme: ReturnType<typeof useTheme>;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [teams, setTeams] = useState<Teams | null>(null);
  const [teamId, setTeamId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { email, password, ...(teams && teamId ? { teamId } : {}) };
      onSignedIn(await call('POST', '/session', SessionSchema, { body, what: 'Signing in' }));
    } catch (caught) {
      if (!(caught instanceof ApiError)) setError(caught instanceof Error ? caught.message : String(caught));
      else if (caught.status === 403) onRep(caught.message);
      else if (caught.status === 409) {
        const choice = TeamChoiceSchema.safeParse(caught.body);
        if (choice.success) {
          setTeams(choice.data.teams);
          setTeamId(choice.data.teams[0]?.id ?? '');
          setError('This e-mail and password open accounts in several teams. Choose the team to sign in to.');
        } else setError(caught.message);
      } else if (caught.status === 429) {
        const minutes = caught.retryAfter ? Math.ceil(caught.retryAfter / 60) : undefined;
        setError(minutes ? `Too many failed sign-ins for this e-mail. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` : caught.message);
      } else setError(caught.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center-page" id="main">
      <form className="card stack narrow" onSubmit={submit} data-testid="sign-in" aria-describedby={error ? 'sign-in-error' : undefined}>
        <div className="spread">
          <h1>Sign in to Leadside</h1>
          <ThemeSelect theme={theme} />
        </div>
        <p className="muted">The marketing dashboard: what the field does with your leads and content.</p>
        {notice && (
          <p className="notice" role="status" data-testid="sign-in-notice">
            {notice}
          </p>
        )}
        <label className="field">
          <span>E-mail</span>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {teams && (
          <label className="field">
            <span>Team</span>
            <select value={teamId} onChange={(event) => setTeamId(event.target.value)} data-testid="sign-in-team">
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <p className="notice notice-danger" role="alert" id="sign-in-error" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </main>
  );
}
