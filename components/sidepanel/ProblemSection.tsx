import { newestProblemFirst, type StatedProblem } from '@/lib/schema';
import { formatDate } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';
import { usePanelWords } from './use-panel-words';
import { Formatted } from './Formatted';

/** The lead's own words: the best opener a rep can have. Quoted verbatim, as text, even when the source lost their date. */
export function ProblemSection({ problems }: { problems: readonly StatedProblem[] }) {
  const { t, locale } = usePanelWords();
  const newestFirst = [...problems].sort(newestProblemFirst);
  return (
    <Section title={t('problem.title')} testId="brief-problem">
      {newestFirst.length === 0 ? (
        <p className="muted">{t('problem.none')}</p>
      ) : (
        newestFirst.map((problem, index) => (
          <figure key={`${problem.form}-${problem.submittedAt ?? index}`} className="quote">
            <blockquote translate="no">“{problem.text}”</blockquote>
            <figcaption className="small muted" data-testid="problem-caption">
              <span translate="no">{problem.form}</span> · {problem.submittedAt ? <Formatted dateTime={problem.submittedAt} text={formatDate(problem.submittedAt, locale)} /> : t('problem.dateUnknown')}
            </figcaption>
          </figure>
        ))
      )}
    </Section>
  );
}
