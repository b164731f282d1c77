import { useState } from 'react';
import type { FeedbackView } from '@/lib/messaging/messages';
import type { FeedbackPayload } from '@/lib/schema';
import { usePanelWords } from './use-panel-words';

type Kind = 'content_request' | 'prospect_question';

/** Content requests and prospect questions: what the field needs that marketing should write. */
export function TellMarketing({ submit }: { submit(payload: FeedbackPayload): Promise<FeedbackView> }) {
  const { t } = usePanelWords();
  const [kind, setKind] = useState<Kind>('content_request');
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const isRequest = kind === 'content_request';

  return (
    <form
      className="card section"
      aria-labelledby="tell-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setStatus(t('tell.saving'));
        try {
          await submit({ kind, text: text.trim() });
          setText('');
          setStatus(isRequest ? t('tell.contentSaved') : t('tell.questionSaved'));
        } catch (error) {
          setStatus(t('common:notSaved', { error: error instanceof Error ? error.message : String(error) }));
        }
      }}
    >
      <h2 id="tell-title">{t('tell.title')}</h2>
      <div className="row" role="radiogroup" aria-label={t('tell.kind')}>
        <label className="row">
          <input type="radio" name="tell-kind" checked={isRequest} onChange={() => setKind('content_request')} />
          {t('tell.contentRequest')}
        </label>
        <label className="row">
          <input type="radio" name="tell-kind" checked={!isRequest} onChange={() => setKind('prospect_question')} />
          {t('tell.prospectQuestion')}
        </label>
      </div>
      <label className="visually-hidden" htmlFor="tell-text">
        {isRequest ? t('tell.contentLabel') : t('tell.questionLabel')}
      </label>
      <textarea
        id="tell-text"
        rows={2}
        maxLength={2000}
        placeholder={isRequest ? t('tell.contentPlaceholder') : t('tell.questionPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="spread">
        <button type="submit" className="btn" disabled={!text.trim()}>
          {t('tell.send')}
        </button>
        <span className="small muted" role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </form>
  );
}
