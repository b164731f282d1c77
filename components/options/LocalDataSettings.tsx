import { useState } from 'react';
import { request } from '@/lib/messaging/messages';

/** Clears cached briefs, content and feedback from this browser, after an explicit confirmation. */
export function LocalDataSettings() {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const clear = async () => {
    setConfirming(false);
    try {
      await request({ type: 'clear-local-data' });
      setStatus('✓ All local data cleared');
    } catch (error) {
      setStatus(`Not cleared: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section className="card section" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy and local data</h2>
      <p className="small">
        Leadside keeps cached briefs, the content catalog and your feedback in this browser. Clearing removes all of it,
        including feedback not yet delivered. Your settings stay.
      </p>
      {confirming ? (
        <div className="notice notice-danger row" role="alertdialog" aria-labelledby="confirm-clear">
          <span id="confirm-clear">Delete all Leadside data in this browser?</span>
          <button type="button" className="btn btn-danger" onClick={() => void clear()}>
            Yes, clear everything
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </button>
        </div>
      ) : (
        <div className="row">
          <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
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
