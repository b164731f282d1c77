import { useState } from 'react';
import type { FeedbackView } from '@/lib/messaging/messages';
import { verdictReasonWords } from './verdict-words';
import { VERDICT_REASONS, VerdictSchema, type FeedbackPayload, type Verdict } from '@/lib/schema';
import { usePanelWords } from './use-panel-words';

interface Props {
  feedback: readonly FeedbackView[];
  submit(payload: FeedbackPayload, id?: string): Promise<FeedbackView>;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving'; verdict: Verdict }
  | { kind: 'saved'; verdict: Verdict }
  | { kind: 'failed'; verdict: Verdict; id: string; payload: FeedbackPayload; message: string };

/**
 * The lead verdict in one click. It confirms only once the background has stored the item in
 * IndexedDB; reason chips and a note are optional and go with a second click.
 */
export function VerdictBar({ feedback, submit }: Props) {
  const { t } = usePanelWords();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [reasons, setReasons] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const current = feedback.find((item) => item.payload.kind === 'verdict');
  const currentVerdict = current?.payload.kind === 'verdict' ? current.payload.verdict : undefined;

  const send = async (payload: FeedbackPayload, id: string = crypto.randomUUID()) => {
    if (payload.kind !== 'verdict') return;
    setStatus({ kind: 'saving', verdict: payload.verdict });
    try {
      await submit(payload, id);
      setStatus({ kind: 'saved', verdict: payload.verdict });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ kind: 'failed', verdict: payload.verdict, id, payload, message });
    }
  };

  const choose = (verdict: Verdict) => {
    setReasons([]);
    setNote('');
    void send({ kind: 'verdict', verdict, reasons: [] });
  };

  const detailVerdict = status.kind === 'saved' ? status.verdict : undefined;
  return (
    <section className="card section verdict-bar" aria-labelledby="verdict-title" data-testid="verdict-bar">
      <h2 id="verdict-title">{t('verdict.title')}</h2>
      <div className="row" role="group" aria-label={t('verdict.group')}>
        {VerdictSchema.options.map((verdict) => (
          <button
            key={verdict}
            type="button"
            className="btn"
            aria-pressed={currentVerdict === verdict}
            disabled={status.kind === 'saving'}
            onClick={() => choose(verdict)}
          >
            {t(`common:verdict.${verdict}`)}
          </button>
        ))}
      </div>
      <p className="small" role="status" aria-live="polite" data-testid="verdict-status">
        {status.kind === 'saving' && <span className="muted">{t('verdict.saving')}</span>}
        {status.kind === 'saved' && <span className="saved">{t('verdict.saved', { verdict: t(`common:verdict.${status.verdict}`) })}</span>}
        {status.kind === 'failed' && (
          <span className="error">
            {t('common:notSaved', { error: status.message })}{' '}
            <button type="button" className="btn" onClick={() => void send(status.payload, status.id)}>
              {t('error.retry')}
            </button>
          </span>
        )}
      </p>
      {detailVerdict && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void send({ kind: 'verdict', verdict: detailVerdict, reasons, note: note.trim() || undefined });
          }}
        >
          <div className="row" role="group" aria-label={t('verdict.reasons')}>
            {VERDICT_REASONS[detailVerdict].map((reason) => (
              <button
                key={reason}
                type="button"
                className="btn btn-quiet chip"
                aria-pressed={reasons.includes(reason)}
                onClick={() => setReasons((list) => (list.includes(reason) ? list.filter((r) => r !== reason) : [...list, reason]))}
              >
                {verdictReasonWords(reason, t)}
              </button>
            ))}
          </div>
          <label className="visually-hidden" htmlFor="verdict-note">
            {t('verdict.note')}
          </label>
          <textarea
            id="verdict-note"
            rows={2}
            maxLength={2000}
            placeholder={t('verdict.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <div>
            <button type="submit" className="btn" disabled={reasons.length === 0 && !note.trim()}>
              {t('verdict.addDetails')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
