/**
 * Page-reading helpers shared by the CRM detectors. They search open shadow roots too, because
 * Lightning (LWC), HubSpot and others render record fields inside web components.
 */

import { trackShadowRoots, type ShadowRoots } from './shadow-roots';

type Scope = Document | Element | ShadowRoot;

/** The scopes found under each searched root during the current read; undefined outside one. */
let scopesInRead: WeakMap<Scope, Scope[]> | undefined;
/** The same, less the shadow roots of hidden hosts (see shownScopesUnder). */
let shownScopesInRead: WeakMap<Scope, Scope[]> | undefined;
/** The page's open shadow roots as the content script's page watch keeps them (see shadow-roots.ts). */
let knownRoots: ShadowRoots | undefined;

/**
 * Lets every read on this page take its open shadow roots from `roots` instead of walking the page
 * for them. Until then (unit tests, a detector used on its own) each read walks as before.
 */
export function useKnownShadowRoots(roots: ShadowRoots | undefined): void {
  knownRoots = roots;
}

/** The tracker reads report the roots they pass through to, if any. */
export function knownShadowRoots(): ShadowRoots | undefined {
  return knownRoots;
}

/**
 * Runs one synchronous page read (a detector's readIdentity), finding the open shadow roots under
 * each searched root once instead of once per selector: a read runs a dozen queries. Nothing can
 * change the DOM while the read's synchronous code runs, so the scopes found at its start hold to
 * its end; the next read looks afresh.
 */
export function inOneRead<T>(read: () => T): T {
  const outer = scopesInRead;
  const outerShown = shownScopesInRead;
  scopesInRead ??= new WeakMap();
  shownScopesInRead ??= new WeakMap();
  try {
    return read();
  } finally {
    scopesInRead = outer;
    shownScopesInRead = outerShown;
  }
}

/** Every element under `root` matching `selector`, descending into open shadow roots. */
export function deepQueryAll(root: Scope, selector: string): Element[] {
  return scopesUnder(root).flatMap((scope) => [...scope.querySelectorAll(selector)]);
}

/**
 * `root` and the open shadow roots under it whose host is shown: a hidden host renders nothing of
 * its shadow tree, so a query for shown elements need not look there. On a page that keeps earlier
 * records rendered (Lightning), most shadow roots belong to hidden pages.
 */
function shownScopesUnder(root: Scope): Scope[] {
  const cached = shownScopesInRead?.get(root);
  if (cached) return cached;
  const rendered = rendersContent();
  const scopes = scopesUnder(root).filter((scope) => scope === root || !(scope instanceof ShadowRoot) || rendered(scope.host));
  shownScopesInRead?.set(root, scopes);
  return scopes;
}

/**
 * Whether an element's content can be shown: it is, or it is a `display: contents` wrapper (no box of
 * its own) in a region that is. Kept per element for one call, so the hosts of one hidden page share
 * one look at the page's container instead of one style read each.
 */
function rendersContent(): (element: Element) => boolean {
  const verdicts = new Map<Element, boolean>();
  const rendered = (element: Element): boolean => {
    let verdict = verdicts.get(element);
    if (verdict !== undefined) return verdict;
    if (isShown(element)) verdict = true;
    else {
      const parent = element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);
      verdict = parent !== null && rendered(parent) && getComputedStyle(element).display === 'contents';
    }
    verdicts.set(element, verdict);
    return verdict;
  };
  return rendered;
}

/** Every shown-able element under `root` matching `selector`: the shadow roots of hidden hosts left out. */
function shownQueryAll(root: Scope, selector: string): Element[] {
  return shownScopesUnder(root).flatMap((scope) => [...scope.querySelectorAll(selector)]);
}

/** `root` and every open shadow root under it, however deeply nested. */
function scopesUnder(root: Scope): Scope[] {
  const cached = scopesInRead?.get(root);
  if (cached) return cached;
  // A Document's ownerDocument is null (and a document from another window is no `instanceof Document` here).
  const doc = root.ownerDocument ?? (root as Document);
  // Without the page watch's tracker (unit tests, a detector used on its own), a fresh one finds them all.
  const roots = (knownRoots && doc === document ? knownRoots : trackShadowRoots(doc, () => undefined)).list();
  const scopes = [root, ...roots.filter((shadow) => shadow !== root && composedContains(root, shadow.host))];
  scopesInRead?.set(root, scopes);
  return scopes;
}

/** Whether `node` is inside `ancestor`, crossing the shadow boundaries between them. */
function composedContains(ancestor: Scope, node: Node): boolean {
  for (let current: Node | undefined = node; current; current = (current.getRootNode() as ShadowRoot).host) {
    if (ancestor.contains(current)) return true;
  }
  return false;
}

/**
 * Whether the element is actually rendered. CRMs like Lightning keep previous records' pages in the
 * DOM, hidden, so reading a hidden element would attribute the last record's person to this one.
 */
export function isShown(element: Element): boolean {
  // Every browser Leadside supports has checkVisibility (Chrome 105, Firefox 106; the Firefox build needs 142).
  return element.checkVisibility();
}

/** The first shown element's trimmed text for the first selector that yields one. */
export function firstShownText(root: Document | Element, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const element of shownQueryAll(root, selector)) {
      const text = cleanText(element.textContent);
      if (text && isShown(element)) return text;
    }
  }
  return undefined;
}

/** The local part just before an '@' (RFC 5321 caps it at 64) and the domain just after (253). */
const LOCAL_PART = /[A-Z0-9._%+'-]{1,64}$/i;
const DOMAIN = /^[A-Z0-9.-]{1,253}\.[A-Z]{2,63}/i;
/** Enough '@' signs for any record header; a page of text with thousands is not a person's address. */
const MAX_AT_SIGNS = 100;

/**
 * The first e-mail address in the text. Found from each '@' outwards over bounded windows, not with
 * one RegExp over the whole text: that is quadratic on a long run of letters, and content scripts
 * read whatever text the CRM page holds.
 */
export function findEmail(text: string): string | undefined {
  let at = text.indexOf('@');
  for (let seen = 0; at >= 0 && seen < MAX_AT_SIGNS; seen += 1, at = text.indexOf('@', at + 1)) {
    const local = LOCAL_PART.exec(text.slice(Math.max(0, at - 64), at))?.[0];
    const domain = local && DOMAIN.exec(text.slice(at + 1, at + 1 + 320))?.[0];
    if (domain) return `${local}@${domain}`;
  }
  return undefined;
}

/** decodeURIComponent that leaves a malformed escape ("%E0%A4%A") as it is instead of throwing. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The first shown e-mail address: from a mailto: link first (exact), then from text. */
export function firstShownEmail(root: Document | Element, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const element of shownQueryAll(root, selector)) {
      if (!isShown(element)) continue;
      const href = element.getAttribute('href');
      const fromHref = href?.toLowerCase().startsWith('mailto:')
        ? safeDecode(href.slice('mailto:'.length).split('?')[0] ?? '')
        : undefined;
      const candidate = fromHref || (element as HTMLInputElement).value || element.textContent || '';
      const email = findEmail(candidate);
      if (email) return email.toLowerCase();
    }
  }
  return undefined;
}

export function cleanText(text: string | null | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : undefined;
}
