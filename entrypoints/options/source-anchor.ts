import { useEffect, useRef } from 'react';
import { SOURCE_LABELS, type DataSource } from '@/lib/schema/sources';

/**
 * Options opened at a source (options.html#source-hubspot, from the panel's "Reconnect HubSpot"):
 * once the settings have rendered, scroll to that source's form and put the cursor in its first
 * secret field, so reconnecting is one paste. An element with the anchor's id wins; otherwise the
 * main source's form when it is that source, the entry among the systems read beside it, or the
 * source picker switched to it.
 */
export function useSourceAnchor(mainKind: DataSource['kind'] | undefined): void {
  const done = useRef(false);
  useEffect(() => {
    if (!mainKind) return;
    const go = () => requestAnimationFrame(() => focusSource(location.hash, mainKind));
    if (!done.current) {
      done.current = true;
      go();
    }
    window.addEventListener('hashchange', go);
    return () => window.removeEventListener('hashchange', go);
  }, [mainKind]);
}

function focusSource(hash: string, mainKind: DataSource['kind']): void {
  const kind = /^#source-([a-z]+)$/.exec(hash)?.[1] as DataSource['kind'] | undefined;
  if (!kind || !(kind in SOURCE_LABELS)) return;
  const own = document.getElementById(`source-${kind}`);
  if (own) return land(own);
  const main = document.querySelector<HTMLElement>('[data-testid="data-source"]');
  if (kind !== mainKind) {
    // By its kind, not its name: the name is in the rep's language.
    const extra = document.querySelector<HTMLElement>(`[data-testid="extra-source"][data-kind="${kind}"]`);
    if (extra) return land(extra);
    main?.querySelector<HTMLInputElement>(`input[name="source"][value="${kind}"]`)?.click();
  }
  // The picker re-renders the form for the chosen source before it can be focused.
  if (main) requestAnimationFrame(() => land(main));
}

function land(element: HTMLElement): void {
  element.scrollIntoView({ block: 'start' });
  const field =
    element.querySelector<HTMLElement>('input[type="password"]') ??
    element.querySelector<HTMLElement>('input:not([type="radio"]), select, button') ??
    element;
  if (field === element && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  field.focus({ preventScroll: true });
}
