import type { ReactNode } from 'react';

/** The page's one h1, which the shell focuses after navigation so screen readers hear where they are. */
export function PageHeader({ title, testId, children }: { title: string; testId: string; children?: ReactNode }) {
  return (
    <div className="page-header" data-testid={testId}>
      <h1 tabIndex={-1} data-page-title>
        {title}
      </h1>
      {children}
    </div>
  );
}
