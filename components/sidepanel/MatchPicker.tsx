import { useEffect, useState } from 'react';
import { request, type PageResponse } from '@/lib/messaging/messages';
import { ErrorMessage } from '@/components/ui/CodedMessage';
import { usePanelWords } from './use-panel-words';

type Result = PageResponse<'search-profiles'>['results'][number];

/**
 * Lets the rep fix a wrong or missing match: search marketing's data, pick the person, and the
 * choice is remembered for this CRM record.
 */
export function MatchPicker({ tabId, leadKey, chosenByRep, found }: { tabId: number; leadKey: string; chosenByRep: boolean; found: boolean }) {
  const { t } = usePanelWords();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [results, setResults] = useState<Result[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!open || !text.trim()) return setResults(undefined);
    let current = true;
    const timer = setTimeout(() => {
      request({ type: 'search-profiles', text })
        .then((reply) => current && setResults(reply.results))
        .catch((caught: unknown) => current && setError(caught));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, text]);

  const choose = async (profileId: string | null) => {
    try {
      await request({ type: 'choose-profile', tabId, leadKey, profileId });
      setOpen(false);
      setText('');
    } catch (caught) {
      setError(caught);
    }
  };

  if (!open) {
    return (
      <div className="row small">
        {chosenByRep && <span className="badge">{t('match.chosenByYou')}</span>}
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(true)}>
          {found ? t('match.wrongPerson') : t('match.find')}
        </button>
        {chosenByRep && (
          <button type="button" className="btn btn-quiet" onClick={() => void choose(null)}>
            {t('match.useAutomatic')}
          </button>
        )}
      </div>
    );
  }
  return (
    <section className="card section" aria-labelledby="match-title" data-testid="match-picker">
      <div className="spread">
        <h2 id="match-title">{t('match.title')}</h2>
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
          {t('common:cancel')}
        </button>
      </div>
      <label className="visually-hidden" htmlFor="match-search">
        {t('match.searchLabel')}
      </label>
      <input
        id="match-search"
        className="search"
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
        placeholder={t('match.searchPlaceholder')}
      />
      {error !== undefined && (
        <p className="error small">
          <ErrorMessage error={error} />
        </p>
      )}
      {results && results.length === 0 && <p className="muted small">{t('match.noResults', { text })}</p>}
      {results && results.length > 0 && (
        <ul className="plain-list">
          {results.map((result) => (
            <li key={result.id}>
              <button type="button" className="btn result" translate="no" onClick={() => void choose(result.id)}>
                <strong>{result.name ?? result.email ?? result.id}</strong>
                <span className="muted small">{[result.email, result.company].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
