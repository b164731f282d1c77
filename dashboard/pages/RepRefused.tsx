import { useTranslation } from 'react-i18next';
import { EN } from '@/lib/i18n/resources';

/** A rep signed in with a password: the dashboard is not for them, and the page says what is. */
export function RepRefused({ message, signOut }: { message: string; signOut(): Promise<void> }) {
  const { t } = useTranslation('dashboard');
  return (
    <main className="center-page" id="main">
      <div className="card stack narrow" data-testid="rep-refused" role="alert">
        <h1>{t('repRefused.title')}</h1>
        {/* The server's refusal, worded by its code in the UI's language (dashboard/api/client.ts); the
            server's English refusal from before codes existed is known too. */}
        {message === EN.dashboard.repRefused.message ? <p>{t('repRefused.message')}</p> : <p>{message}</p>}
        <p className="muted">{t('repRefused.text')}</p>
        <div>
          <button type="button" className="btn" onClick={() => void signOut()}>
            {t('repRefused.back')}
          </button>
        </div>
      </div>
    </main>
  );
}
