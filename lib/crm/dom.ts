/**
 * Page-reading helpers shared by the CRM detectors. They search open shadow roots too, because
 * Lightning (LWC), HubSpot and others render record fields inside web components.
 */

/** Every element under `root` matching `selector`, descending into open shadow roots. */
export function deepQueryAll(root: Document | Element | ShadowRoot, selector: string): Element[] {
  const found: Element[] = [];
  const pending: Array<Document | Element | ShadowRoot> = [root];
  while (pending.length) {
    const scope = pending.pop()!;
    found.push(...scope.querySelectorAll(selector));
    // Shadow hosts are rare, so one walk per scope to find them is cheaper than querying each element.
    const walker = (scope instanceof Document ? scope : scope.ownerDocument ?? document).createTreeWalker(
      scope,
      NodeFilter.SHOW_ELEMENT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const shadow = (node as Element).shadowRoot;
      if (shadow) pending.push(shadow);
    }
  }
  return found;
}

/**
 * Whether the element is actually rendered. CRMs like Lightning keep previous records' pages in the
 * DOM, hidden, so reading a hidden element would attribute the last record's person to this one.
 */
export function isShown(element: Element): boolean {
  if (typeof element.checkVisibility === 'function') return element.checkVisibility();
  return (element as HTMLElement).offsetParent !== null || element.getClientRects().length > 0;
}

/** The first shown element's trimmed text for the first selector that yields one. */
export function firstShownText(root: Document | Element, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const element of deepQueryAll(root, selector)) {
      const text = cleanText(element.textContent);
      if (text && isShown(element)) return text;
    }
  }
  return undefined;
}

const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/** The first shown e-mail address: from a mailto: link first (exact), then from text. */
export function firstShownEmail(root: Document | Element, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const element of deepQueryAll(root, selector)) {
      if (!isShown(element)) continue;
      const href = element.getAttribute('href');
      const fromHref = href?.toLowerCase().startsWith('mailto:')
        ? decodeURIComponent(href.slice('mailto:'.length).split('?')[0] ?? '')
        : undefined;
      const candidate = fromHref || (element as HTMLInputElement).value || element.textContent || '';
      const email = EMAIL.exec(candidate)?.[0];
      if (email) return email.toLowerCase();
    }
  }
  return undefined;
}

export function cleanText(text: string | null | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : undefined;
}
