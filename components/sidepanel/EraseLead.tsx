import { useState } from 'react';
import { request } from '@/lib/messaging/messages';
import { usePanelWords } from './use-panel-words';

/**
 * "Erase this lead": everything this browser holds about the record, after a confirmation that says
 * what goes and what does not (what marketing's systems already received stays there).
 */
export function EraseLead({ leadKey }: { leadKey: string }) {
  const { t } = usePanelWords();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const erase = async () => {
    try {
      const erased = await request({ type: 'erase-lead', leadKey });
      setConfirming(false);
      // The brief on screen stays until the rep leaves the record; opening it again looks the lead up afresh.
      setStatus(t('erase.erased', { feedback: t('erase.feedback', { count: erased.feedback }), events: t('erase.events', { count: erased.events }) }));
    } catch (error) {
      setStatus(t('erase.notErased', { error: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <div className="stack small" data-testid="erase-lead">
      {confirming ? (
        <div className="notice notice-danger stack" role="alertdialog" aria-labelledby="erase-lead-confirm">
          <p id="erase-lead-confirm">{t('erase.confirm')}</p>
          <div className="row">
            <button type="button" className="btn btn-danger" onClick={() => void erase()}>
              {t('erase.erase')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn" onClick={() => setConfirming(true)}>
          {t('erase.button')}
        </button>
      )}
      <span role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
