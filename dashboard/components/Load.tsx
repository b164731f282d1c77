import type { ReactNode } from 'react';
import { Spinner } from '@/components/ui/Spinner';
import type { Loaded } from '../hooks/use-api';

/**
 * The three states of anything fetched: a spinner while loading, the failure in words with a Retry
 * button, or the content. `what` names it ("the overview") in both messages.
 */
export function Load<T>({ loaded, what, children }: { loaded: Loaded<T> & { reload(): void }; what: string; children(data: T): ReactNode }) {
  if (loaded.state === 'loading') return <Spinner label={`Loading ${what}…`} />;
  if (loaded.state === 'error') return <LoadError what={what} message={loaded.message} retry={loaded.reload} />;
  return <>{children(loaded.data)}</>;
}

export function LoadError({ what, message, retry }: { what: string; message: string; retry(): void }) {
  return (
    <div className="notice notice-danger stack" role="alert" data-testid="load-error">
      <p>
        <strong>Could not load {what}.</strong> {message}
      </p>
      <div>
        <button type="button" className="btn" onClick={retry}>
          Retry
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
