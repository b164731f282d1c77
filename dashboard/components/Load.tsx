import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '@/components/ui/Spinner';
import type { Loaded } from '../hooks/use-api';

/**
 * The three states of anything fetched: a spinner while loading, the failure in words with a Retry
 * button, or the content. `what` names it ("the overview", in the UI's language) in both messages.
 */
export function Load<T>({ loaded, what, children }: { loaded: Loaded<T> & { reload(): void }; what: string; children(data: T): ReactNode }) {
  const { t } = useTranslation('dashboard');
  if (loaded.state === 'loading') return <Spinner label={t('load.loading', { what })} />;
  if (loaded.state === 'error') return <LoadError what={what} message={loaded.message} retry={loaded.reload} />;
  return <>{children(loaded.data)}</>;
}

export function LoadError({ what, message, retry }: { what: string; message: string; retry(): void }) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="notice notice-danger stack" role="alert" data-testid="load-error">
      <p>
        {/* The server's own words stay English (see api/client.ts); the pseudo-locale check skips them. */}
        <strong>{t('load.failed', { what })}</strong> <span>{message}</span>
      </p>
      <div>
        <button type="button" className="btn" onClick={retry}>
          {t('load.retry')}
        </button>
      </div>
    </div>
  );
}

/** What an empty page or section says: why it is empty and what would fill it. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="muted empty" data-testid="empty">
      {children}
    </p>
  );
}
