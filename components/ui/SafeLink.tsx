import type { ReactNode } from 'react';

/**
 * A link to a URL from outside data. Only http(s) is ever made clickable (schemas already refuse the
 * rest; this is the second lock), and it always opens in a new tab without an opener.
 */
export function SafeLink({ href, children, onOpen }: { href: string; children: ReactNode; onOpen?: () => void }) {
  let safe = false;
  try {
    safe = ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    safe = false;
  }
  if (!safe) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" onClick={onOpen}>
      {children}
    </a>
  );
}
