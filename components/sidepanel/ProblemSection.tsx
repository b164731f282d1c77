import type { StatedProblem } from '@/lib/schema';
import { formatDate } from '@/lib/format/time';
import { Section } from '@/components/ui/Section';

/** The lead's own words: the best opener a rep can have. Quoted verbatim, as text. */
export function ProblemSection({ problems }: { problems: readonly StatedProblem[] }) {
  const newestFirst = [...problems].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  return (
    <Section title="Problem stated" testId="brief-problem">
      {newestFirst.length === 0 ? (
        <p className="muted">They have not described a problem in any form yet.</p>
      ) : (
        newestFirst.map((problem) => (
          <figure key={`${problem.form}-${problem.submittedAt}`} className="quote">
            <blockquote>“{problem.text}”</blockquote>
            <figcaption className="small muted">
              {problem.form} · {formatDate(problem.submittedAt)}
            </figcaption>
          </figure>
        ))
      )}
    </Section>
  );
}
