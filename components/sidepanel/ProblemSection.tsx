import { newestProblemFirst, type StatedProblem } from '@/lib/schema';
import { formatDate } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';

/** The lead's own words: the best opener a rep can have. Quoted verbatim, as text, even when the source lost their date. */
export function ProblemSection({ problems }: { problems: readonly StatedProblem[] }) {
  const newestFirst = [...problems].sort(newestProblemFirst);
  return (
    <Section title="Problem stated" testId="brief-problem">
      {newestFirst.length === 0 ? (
        <p className="muted">They have not described a problem in any form yet.</p>
      ) : (
        newestFirst.map((problem, index) => (
          <figure key={`${problem.form}-${problem.submittedAt ?? index}`} className="quote">
            <blockquote>“{problem.text}”</blockquote>
            <figcaption className="small muted" data-testid="problem-caption">
              {problem.form} · {problem.submittedAt ? formatDate(problem.submittedAt) : 'date unknown'}
            </figcaption>
          </figure>
        ))
      )}
    </Section>
  );
}
