import { useEffect, useState } from 'react';
import { request, type PageResponse } from '@/lib/messaging/messages';

type Result = PageResponse<'search-profiles'>['results'][number];

/**
 * Lets the rep fix a wrong or missing match: search marketing's data, pick the person, and the
 * choice is remembered for this CRM record.
 */
export function MatchPicker({ tabId, leadKey, chosenByRep, found }: { tabId: number; leadKey: string; chosenByRep: boolean; found: boolean }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [results, setResults] = useState<Result[]>();
  const [error, setError] = useState('');

  useEffect(() => {
    if (!open || !text.trim()) return setResults(undefined);
    let current = true;
    const timer = setTimeout(() => {
      request({ type: 'search-profiles', text })
        .then((reply) => current && setResults(reply.results))
        .catch((caught: unknown) => current && setError(caught instanceof Error ? caught.message : String(caught)));
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
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  if (!open) {
    return (
      <div className="row small">
        {chosenByRep && <span className="badge">Matched by you</span>}
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(true)}>
          {found ? 'Wrong person?' : 'Find them in marketing data'}
        </button>
        {chosenByRep && (
          <button type="button" className="btn btn-quiet" onClick={() => void choose(null)}>
            Use automatic match
          </button>
        )}
      </div>
    );
  }
  return (
    <section className="card section" aria-labelledby="match-title" data-testid="match-picker">
      <div className="spread">
        <h2 id="match-title">Pick the right person</h2>
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <label className="visually-hidden" htmlFor="match-search">
        Search marketing data by name, e-mail or company
      </label>
      <input
        id="match-search"
        className="search"
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
        placeholder="Name, e-mail or company"
      />
      {error && <p className="error small">{error}</p>}
      {results && results.length === 0 && <p className="muted small">No one in marketing's data matches “{text}”.</p>}
      {results && results.length > 0 && (
        <ul className="plain-list">
          {results.map((result) => (
            <li key={result.id}>
              <button type="button" className="btn result" onClick={() => void choose(result.id)}>
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
