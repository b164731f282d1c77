import { useState } from 'react';
import { request } from '@/lib/messaging/messages';

/**
 * "Erase this lead": everything this browser holds about the record, after a confirmation that says
 * what goes and what does not (what marketing's systems already received stays there).
 */
export function EraseLead({ leadKey }: { leadKey: string }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const erase = async () => {
    try {
      const erased = await request({ type: 'erase-lead', leadKey });
      setConfirming(false);
      // The brief on screen stays until the rep leaves the record; opening it again looks the lead up afresh.
      setStatus(`✓ Erased from this browser: ${erased.feedback} feedback item(s), ${erased.events} content event(s)`);
    } catch (error) {
      setStatus(`Not erased: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="stack small" data-testid="erase-lead">
      {confirming ? (
        <div className="notice notice-danger stack" role="alertdialog" aria-labelledby="erase-lead-confirm">
          <p id="erase-lead-confirm">
            Erase this lead from this browser? Its cached brief, your feedback and content events on it go, including any not yet
            delivered. What marketing already received stays in their systems.
          </p>
          <div className="row">
            <button type="button" className="btn btn-danger" onClick={() => void erase()}>
              Erase
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn" onClick={() => setConfirming(true)}>
          Erase this lead from this browser
        </button>
      )}
      <span role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
