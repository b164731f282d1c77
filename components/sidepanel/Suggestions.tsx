import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { request, type FeedbackView } from '@/lib/messaging/messages';
import type { FeedbackPayload, Suggestion } from '@/lib/schema';
import { reasonSentence } from '@/lib/suggest/reason-words';
import { Section } from '@/components/ui/Section';
import { usePanelWords } from './use-panel-words';

interface Props {
  tabId: number;
  /** The record the panel shows: events are filed against it, never against whatever the tab shows by then. */
  leadKey: string;
  suggestions: readonly Suggestion[];
  feedback: readonly FeedbackView[];
  submit(payload: FeedbackPayload): Promise<FeedbackView>;
}

/** What to send: the best-fitting content, each with its reason, one click to open, copy or rate. */
export function Suggestions({ tabId, leadKey, suggestions, feedback, submit }: Props) {
  const { t } = usePanelWords();
  return (
    <Section title={t('suggestions.title')} testId="suggestions">
      {suggestions.length === 0 ? (
        <p className="muted">{t('suggestions.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {suggestions.map((suggestion) => (
            <SuggestionRow
              key={suggestion.item.id}
              tabId={tabId}
              leadKey={leadKey}
              suggestion={suggestion}
              rating={latestRating(feedback, suggestion.item.id)}
              submit={submit}
            />
          ))}
        </ul>
      )}
    </Section>
  );
}

function latestRating(feedback: readonly FeedbackView[], contentId: string): boolean | undefined {
  for (const item of feedback) {
    if (item.payload.kind === 'content_rating' && item.payload.contentId === contentId) return item.payload.useful;
  }
  return undefined;
}

function SuggestionRow({
  tabId,
  leadKey,
  suggestion,
  rating,
  submit,
}: {
  tabId: number;
  leadKey: string;
  suggestion: Suggestion;
  rating: boolean | undefined;
  submit: Props['submit'];
}) {
  const { item } = suggestion;
  const { t, locale } = usePanelWords();
  const { t: reasonWords } = useTranslation('sidepanel');
  const [status, setStatus] = useState<string>('');
  const record = (eventType: 'opened' | 'link_copied') =>
    request({ type: 'record-content-event', tabId, leadKey, eventType, contentId: item.id });

  // Counting an open or a copy never stands between the rep and the content; a refusal is said.
  const count = (eventType: 'opened' | 'link_copied') =>
    record(eventType).then(
      () => true,
      (error: unknown) => (setStatus(t('suggestions.notCounted', { error: error instanceof Error ? error.message : String(error) })), false),
    );
  const open = async () => {
    await count('opened');
    await browser.tabs.create({ url: item.url });
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(item.url);
    } catch {
      return setStatus(t('suggestions.copyRefused'));
    }
    if (await count('link_copied')) setStatus(t('suggestions.linkCopied'));
  };
  const rate = async (useful: boolean) => {
    setStatus(t('suggestions.saving'));
    try {
      await submit({ kind: 'content_rating', contentId: item.id, useful });
      setStatus(useful ? t('suggestions.savedUseful') : t('suggestions.savedNotUseful'));
    } catch (error) {
      setStatus(t('common:notSaved', { error: error instanceof Error ? error.message : String(error) }));
    }
  };

  const titleId = `suggestion-${item.id}`;
  return (
    <li className="suggestion" data-testid="suggestion" data-content-id={item.id} aria-labelledby={titleId}>
      <div className="row">
        <span className="badge">{t(`common:contentType.${item.type}`)}</span>
        <h3 id={titleId} translate="no">
          {item.title}
        </h3>
      </div>
      <p className="small reason" data-testid="suggestion-reason">
        {/* A suggestion stored before reasons had parts shows its English reason, as it was worded then. */}
        {suggestion.reasonParts ? reasonSentence(suggestion.reasonParts, reasonWords, locale) : suggestion.reason}
      </p>
      <div className="spread">
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => void open()} aria-describedby={titleId}>
            {t('suggestions.open')}
          </button>
          <button type="button" className="btn" onClick={() => void copy()} aria-describedby={titleId}>
            {t('suggestions.copyLink')}
          </button>
        </div>
        <div className="row" role="group" aria-label={t('suggestions.rate', { title: item.title })}>
          <button type="button" className="btn btn-quiet" aria-pressed={rating === true} onClick={() => void rate(true)}>
            {t('suggestions.useful')}
          </button>
          <button type="button" className="btn btn-quiet" aria-pressed={rating === false} onClick={() => void rate(false)}>
            {t('suggestions.notUseful')}
          </button>
        </div>
      </div>
      <p className="small muted" role="status" aria-live="polite">
        {status}
      </p>
    </li>
  );
}
