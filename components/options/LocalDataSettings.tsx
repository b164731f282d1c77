import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '@/lib/messaging/messages';
import { downloadText } from '@/components/ui/download';

/**
 * Clears cached briefs, content, imported files and feedback from this browser, after an explicit
 * confirmation that says how many items have not reached marketing yet and offers to deliver or
 * export them first.
 */
export function LocalDataSettings() {
  const { t } = useTranslation(['options', 'common']);
  const [confirming, setConfirming] = useState(false);
  const [undelivered, setUndelivered] = useState<number>();
  const [status, setStatus] = useState('');

  const count = useCallback(async () => {
    const summary = await request({ type: 'local-data-summary' });
    setUndelivered(summary.undelivered);
    return summary.undelivered;
  }, []);

  useEffect(() => {
    if (confirming) void count().catch((error: unknown) => setStatus(t('privacy.countFailed', { error: messageOf(error) })));
  }, [confirming, count, t]);

  const clear = async (discardUndelivered: boolean) => {
    try {
      await request({ type: 'clear-local-data', discardUndelivered });
      setConfirming(false);
      setStatus(t('privacy.cleared'));
    } catch (error) {
      setStatus(t('privacy.notCleared', { error: messageOf(error) }));
      void count().catch(() => undefined);
    }
  };
  const deliverNow = async () => {
    setStatus(t('privacy.delivering'));
    try {
      await request({ type: 'retry-delivery' });
      const left = await count();
      setStatus(left === 0 ? t('privacy.allDelivered') : t('privacy.stillWaiting', { count: left }));
    } catch (error) {
      setStatus(t('privacy.deliverFailed', { error: messageOf(error) }));
    }
  };
  const exportThem = async () => {
    try {
      const items = await request({ type: 'export-undelivered' });
      downloadText(`leadside-undelivered-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(items, null, 2), 'application/json');
      setStatus(
        t('privacy.exported', {
          feedback: t('privacy.feedbackItems', { count: items.feedback.length }),
          events: t('privacy.contentEvents', { count: items.events.length }),
        }),
      );
    } catch (error) {
      setStatus(t('privacy.exportFailed', { error: messageOf(error) }));
    }
  };

  const waiting = undelivered ?? 0;
  return (
    <section className="card section" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('privacy.title')}</h2>
      <p className="small">{t('privacy.intro')}</p>
      {confirming ? (
        <div className="notice notice-danger stack" role="alertdialog" aria-labelledby="confirm-clear" data-testid="confirm-clear">
          <p id="confirm-clear">
            {undelivered === undefined ? t('privacy.ask') : waiting === 0 ? t('privacy.askAllDelivered') : t('privacy.askWaiting', { count: waiting })}
          </p>
          <div className="row">
            {waiting > 0 && (
              <>
                <button type="button" className="btn" onClick={() => void deliverNow()}>
                  {t('privacy.deliverNow')}
                </button>
                <button type="button" className="btn" onClick={() => void exportThem()}>
                  {t('privacy.exportThem')}
                </button>
              </>
            )}
            <button type="button" className="btn btn-danger" onClick={() => void clear(waiting > 0)} disabled={undelivered === undefined}>
              {waiting > 0 ? t('privacy.clearLosing', { count: waiting }) : t('privacy.clearEverything')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              {t('common:cancel')}
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
            {t('privacy.clearAll')}
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
