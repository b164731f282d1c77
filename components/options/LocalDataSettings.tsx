import { useCallback, useEffect, useState } from 'react';
import { request } from '@/lib/messaging/messages';
import { downloadText } from '@/components/ui/download';

/**
 * Clears cached briefs, content, imported files and feedback from this browser, after an explicit
 * confirmation that says how many items have not reached marketing yet and offers to deliver or
 * export them first.
 */
export function LocalDataSettings() {
  const [confirming, setConfirming] = useState(false);
  const [undelivered, setUndelivered] = useState<number>();
  const [status, setStatus] = useState('');

  const count = useCallback(async () => {
    const summary = await request({ type: 'local-data-summary' });
    setUndelivered(summary.undelivered);
    return summary.undelivered;
  }, []);

  useEffect(() => {
    if (confirming) void count().catch((error: unknown) => setStatus(`Could not count what is waiting: ${messageOf(error)}`));
  }, [confirming, count]);

  const clear = async (discardUndelivered: boolean) => {
    try {
      await request({ type: 'clear-local-data', discardUndelivered });
      setConfirming(false);
      setStatus('✓ All local data cleared');
    } catch (error) {
      setStatus(`Not cleared: ${messageOf(error)}`);
      void count().catch(() => undefined);
    }
  };
  const deliverNow = async () => {
    setStatus('Delivering…');
    try {
      await request({ type: 'retry-delivery' });
      const left = await count();
      setStatus(left === 0 ? '✓ Everything has reached marketing' : `${left} still waiting: the source may be unreachable (see the side panel for why)`);
    } catch (error) {
      setStatus(`Could not deliver: ${messageOf(error)}`);
    }
  };
  const exportThem = async () => {
    try {
      const items = await request({ type: 'export-undelivered' });
      downloadText(`leadside-undelivered-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(items, null, 2), 'application/json');
      setStatus(`✓ Exported ${items.feedback.length} feedback item(s) and ${items.events.length} content event(s)`);
    } catch (error) {
      setStatus(`Could not export: ${messageOf(error)}`);
    }
  };

  const waiting = undelivered ?? 0;
  return (
    <section className="card section" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy and local data</h2>
      <p className="small">
        Leadside keeps cached briefs, the content catalog, imported files and your feedback in this browser. Clearing
        removes all of it. Your settings and the source's sign-in stay.
      </p>
      {confirming ? (
        <div className="notice notice-danger stack" role="alertdialog" aria-labelledby="confirm-clear" data-testid="confirm-clear">
          <p id="confirm-clear">
            {undelivered === undefined
              ? 'Delete all Leadside data in this browser?'
              : waiting === 0
                ? 'Delete all Leadside data in this browser? Everything you sent has reached marketing.'
                : `Delete all Leadside data in this browser? ${waiting} item${waiting === 1 ? ' has' : 's have'} not reached marketing yet and would be lost.`}
          </p>
          <div className="row">
            {waiting > 0 && (
              <>
                <button type="button" className="btn" onClick={() => void deliverNow()}>
                  Deliver now
                </button>
                <button type="button" className="btn" onClick={() => void exportThem()}>
                  Export them
                </button>
              </>
            )}
            <button type="button" className="btn btn-danger" onClick={() => void clear(waiting > 0)} disabled={undelivered === undefined}>
              {waiting > 0 ? `Clear, losing ${waiting}` : 'Yes, clear everything'}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
          <span role="status" aria-live="polite" className="small">
            {status}
          </span>
        </div>
      ) : (
        <div className="row">
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              setStatus('');
              setConfirming(true);
            }}
          >
            Clear all local data
          </button>
          <span role="status" aria-live="polite" className="small">
            {status}
          </span>
        </div>
      )}
    </section>
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
