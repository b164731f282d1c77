import type { ReactNode } from 'react';

/** A titled block of the brief. `testId` lets end-to-end tests find it the way a rep scans for it. */
export function Section({ title, testId, children, aside }: { title: string; testId: string; children: ReactNode; aside?: ReactNode }) {
  const headingId = `${testId}-title`;
  return (
    <section className="card section" aria-labelledby={headingId} data-testid={testId}>
      <div className="spread">
        <h2 id={headingId}>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
