import { useState } from 'react';
import type { FeedbackView } from '@/lib/messaging/messages';
import type { FeedbackPayload } from '@/lib/schema';

type Kind = 'content_request' | 'prospect_question';

const PLACEHOLDERS: Record<Kind, string> = {
  content_request: 'e.g. Need a fintech case study with audit numbers',
  prospect_question: 'e.g. Do you support Azure AD group sync?',
};

/** Content requests and prospect questions: what the field needs that marketing should write. */
export function TellMarketing({ submit }: { submit(payload: FeedbackPayload): Promise<FeedbackView> }) {
  const [kind, setKind] = useState<Kind>('content_request');
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');

  return (
    <form
      className="card section"
      aria-labelledby="tell-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setStatus('Saving…');
        try {
          await submit({ kind, text: text.trim() });
          setText('');
          setStatus(kind === 'content_request' ? '✓ Content request saved' : '✓ Question saved');
        } catch (error) {
          setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
        }
      }}
    >
      <h2 id="tell-title">Tell marketing</h2>
      <div className="row" role="radiogroup" aria-label="What kind">
        <label className="row">
          <input type="radio" name="tell-kind" checked={kind === 'content_request'} onChange={() => setKind('content_request')} />
          Content request
        </label>
        <label className="row">
          <input type="radio" name="tell-kind" checked={kind === 'prospect_question'} onChange={() => setKind('prospect_question')} />
          Prospect question
        </label>
      </div>
      <label className="visually-hidden" htmlFor="tell-text">
        {kind === 'content_request' ? 'Content you need' : 'What the prospect asked'}
      </label>
      <textarea id="tell-text" rows={2} maxLength={2000} placeholder={PLACEHOLDERS[kind]} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="spread">
        <button type="submit" className="btn" disabled={!text.trim()}>
          Send to marketing
        </button>
        <span className="small muted" role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </form>
  );
}
