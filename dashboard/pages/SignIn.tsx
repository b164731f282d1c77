import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionSchema, TeamChoiceSchema, type Session } from '@/lib/schema/dashboard';
import type { Preferences } from '../App';
import { ApiError, call } from '../api/client';
import { LanguageSelect } from '../components/LanguageSelect';
import { ThemeSelect } from '../components/ThemeSelect';

type Teams = { id: string; name: string }[];

/**
 * E-mail and password. Every refusal says what to do: wrong details, locked for N minutes (from
 * Retry-After), a rep's account, or several teams to choose from (the 409).
 */
export function SignIn({
  notice,
  onSignedIn,
  onRep,
  preferences,
}: {
  notice?: string;
  onSignedIn(session: Session): void;
  onRep(message: string): void;
  preferences: Preferences;
}) {
  const { t } = useTranslation('dashboard');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [teams, setTeams] = useState<Teams | null>(null);
  const [teamId, setTeamId] = useState('');
  const [busy, setBusy] = useState(false);
  // Our own refusals are kept as keys (they follow a change of language); the server's words as they came.
  const [error, setError] = useState<{ text: string } | { key: 'signIn.severalTeams' } | { key: 'signIn.locked'; count: number } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { email, password, ...(teams && teamId ? { teamId } : {}) };
      onSignedIn(await call('POST', '/session', SessionSchema, { body, what: t('signIn.signingIn') }));
    } catch (caught) {
      if (!(caught instanceof ApiError)) setError({ text: caught instanceof Error ? caught.message : String(caught) });
      else if (caught.status === 403) onRep(caught.message);
      else if (caught.status === 409) {
        const choice = TeamChoiceSchema.safeParse(caught.body);
        if (choice.success) {
          setTeams(choice.data.teams);
          setTeamId(choice.data.teams[0]?.id ?? '');
          setError({ key: 'signIn.severalTeams' });
        } else setError({ text: caught.message });
      } else if (caught.status === 429) {
        const minutes = caught.retryAfter ? Math.ceil(caught.retryAfter / 60) : undefined;
        setError(minutes ? { key: 'signIn.locked', count: minutes } : { text: caught.message });
      } else setError({ text: caught.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center-page" id="main">
      <form className="card stack narrow" onSubmit={submit} data-testid="sign-in" aria-describedby={error ? 'sign-in-error' : undefined}>
        <div className="spread">
          <h1>{t('signIn.title')}</h1>
          <div className="row">
            <LanguageSelect language={preferences.language} />
            <ThemeSelect theme={preferences.theme} />
          </div>
        </div>
        <p className="muted">{t('signIn.intro')}</p>
        {notice && (
          <p className="notice" role="status" data-testid="sign-in-notice">
            {notice}
          </p>
        )}
        <label className="field">
          <span>{t('signIn.email')}</span>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {teams && (
          <label className="field">
            <span>{t('signIn.team')}</span>
            <select value={teamId} onChange={(event) => setTeamId(event.target.value)} data-testid="sign-in-team">
              {teams.map((team) => (
                <option key={team.id} value={team.id} translate="no">
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <p className="notice notice-danger" role="alert" id="sign-in-error" data-testid="sign-in-error">
            {'text' in error ? <span>{error.text}</span> : error.key === 'signIn.locked' ? t(error.key, { count: error.count }) : t(error.key)}
          </p>
        )}
        <div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
