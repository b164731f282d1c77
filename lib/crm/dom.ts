/**
 * Page-reading helpers shared by the CRM detectors. They search open shadow roots too, because
 * Lightning (LWC), HubSpot and others render record fields inside web components.
 */

import { trackShadowRoots, type ShadowRoots } from './shadow-roots';
import { isHiddenOnlyByTabs } from './tab-panels';

type Scope = Document | Element | ShadowRoot;

/** What one read has learnt of the page; undefined outside a read (see inOneRead). */
interface ReadState {
  /** The scopes that may show something under each searched root. */
  scopes: WeakMap<Scope, Scope[]>;
  /** The open shadow roots whose host renders its content. */
  shownRoots?: ShadowRoot[];
  /** Whether an element renders its content, for every element asked about and its ancestors. */
  rendered: Map<Element, boolean>;
  /** The tab panel each hidden element asked about is in (tab-panels.ts), and its ancestors'. */
  panels?: Map<Element, Element | null>;
}
let inRead: ReadState | undefined;
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
 * Runs one synchronous page read (a detector's readIdentity), finding the open shadow roots and
 * which of them are shown once instead of once per selector: a read runs a dozen queries. Nothing
 * can change the DOM or its styles while the read's synchronous code runs, so what it found at its
 * start holds to its end; the next read looks afresh.
 */
export function inOneRead<T>(read: () => T): T {
  const outer = inRead;
  inRead ??= { scopes: new WeakMap(), rendered: new Map() };
  try {
    return read();
  } finally {
    inRead = outer;
  }
}

/**
 * Every element under `root` matching `selector` that the page may be showing, descending into the
 * open shadow roots of shown hosts. A hidden host renders nothing of its shadow tree, so its matches
 * could never be shown: on a page that keeps earlier records rendered (Lightning), most shadow roots
 * belong to hidden pages, and querying each of them on every read cost more than the read. Matches
 * in the light DOM are all returned: callers keep only the shown ones (isShown).
 */
export function deepQueryAll(root: Scope, selector: string): Element[] {
  return scopesUnder(root).flatMap((scope) => [...scope.querySelectorAll(selector)]);
}

/** `root` and the open shadow roots under it, however deeply nested, whose host is shown. */
function scopesUnder(root: Scope): Scope[] {
  const state: ReadState = inRead ?? { scopes: new WeakMap(), rendered: new Map() };
  const cached = state.scopes.get(root);
  if (cached) return cached;
  // A Document's ownerDocument is null (and a document from another window is no `instanceof Document` here).
  const doc = root.ownerDocument ?? (root as Document);
  if (!state.shownRoots) {
    // Without the page watch's tracker (unit tests, a detector used on its own), a fresh one finds them all.
    const roots = (knownRoots && doc === document ? knownRoots : trackShadowRoots(doc, () => undefined)).list();
    state.shownRoots = roots.filter((shadow) => rendersContent(shadow.host, state.rendered));
  }
  const scopes = [root, ...state.shownRoots.filter((shadow) => shadow !== root && composedContains(root, shadow.host))];
  state.scopes.set(root, scopes);
  return scopes;
}

/**
 * Whether an element's content can be shown: its parent's is, and it has a box or is a
 * `display: contents` wrapper (no box of its own). Decided from the top down and kept for the whole
 * read, so the many hosts of one hidden page share one look at that page's container and need no
 * look of their own.
 */
function rendersContent(element: Element, verdicts: Map<Element, boolean>): boolean {
  let verdict = verdicts.get(element);
  if (verdict !== undefined) return verdict;
  const parent = element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);
  verdict = (parent === null || rendersContent(parent, verdicts)) && (isShown(element) || getComputedStyle(element).display === 'contents');
  verdicts.set(element, verdict);
  return verdict;
}

/** Whether `node` is inside `ancestor`, crossing the shadow boundaries between them. */
function composedContains(ancestor: Scope, node: Node): boolean {
  for (let current: Node | undefined = node; current; current = (current.getRootNode() as ShadowRoot).host) {
    if (ancestor.contains(current)) return true;
  }
  return false;
}

/**
 * Whether the element is actually rendered, or is in a section of the shown record folded away behind
 * its tab (tab-panels.ts). CRMs like Lightning keep previous records' pages in the DOM, hidden, so
 * reading any other hidden element would attribute the last record's person to this one.
 */
export function isShown(element: Element): boolean {
  return isRendered(element) || isHiddenOnlyByTabs(element, isRendered, inRead && (inRead.panels ??= new Map()));
}

function isRendered(element: Element): boolean {
  // Every browser Leadside supports has checkVisibility with `visibilityProperty` (Chrome 121, Firefox
  // 122; the manifest asks for 123 and 142). `visibility: hidden` counts as hidden: a console keeps a
  // parked session's record that way, whose person is not this record's.
  return element.checkVisibility({ visibilityProperty: true });
}

/** The first shown element's trimmed text for the first selector that yields one. */
export function firstShownText(root: Document | Element, selectors: readonly string[], textOf = (element: Element) => element.textContent): string | undefined {
  for (const selector of selectors) {
    for (const element of deepQueryAll(root, selector)) {
      const text = cleanText(textOf(element));
      if (text && isShown(element)) return text;
    }
  }
  return undefined;
}

/**
 * The local part just before an '@' (RFC 5321 caps it at 64) and the domain just after (253). The
 * domain may be internationalised ("café-goa.example"). The local part may hold Latin letters beyond
 * ASCII ("josé.núñez", RFC 6531): read as ASCII only it would be cut to "ez", another person's address.
 * Other scripts stay out of it, so a label written right before an address ("邮箱") is not taken in.
 */
const LOCAL_PART = /[\p{sc=Latn}\p{M}\w.%+'-]{1,64}$/u;
// A top-level domain in ASCII, in punycode ("xn--p1ai", tried first: "xn" alone is no domain's end),
// or in its own letters (".рф", ".中国"), that last only where no ASCII one ends the address first.
const DOMAIN = /^[\p{L}\p{N}.-]{1,253}\.(?:xn--[A-Z0-9-]{1,59}|[A-Z]{2,63}|\p{L}{2,63})/iu;
/** Enough '@' signs for any record header; a page of text with thousands is not a person's address. */
const MAX_AT_SIGNS = 100;
/**
 * What a CRM puts inside an address only so that it can wrap there (a zero-width space, a soft
 * hyphen): invisible, and never part of the address the rep sees.
 */
const WRAP_HINTS = /[\u00ad\u200b]/g;

/**
 * The first e-mail address in the text. Found from each '@' outwards over bounded windows, not with
 * one RegExp over the whole text: that is quadratic on a long run of letters, and content scripts
 * read whatever text the CRM page holds.
 */
export function findEmail(text: string): string | undefined {
  text = text.replace(WRAP_HINTS, '');
  let at = text.indexOf('@');
  for (let seen = 0; at >= 0 && seen < MAX_AT_SIGNS; seen += 1, at = text.indexOf('@', at + 1)) {
    const local = LOCAL_PART.exec(text.slice(Math.max(0, at - 64), at))?.[0];
    const domain = local && DOMAIN.exec(text.slice(at + 1, at + 1 + 320))?.[0];
    // An address cut short on screen ("kwame@regional-procurement.accra-coc…", the domain running
    // on into an ellipsis) is no address: its whole form is elsewhere (a field, a copy button's
    // data) or nowhere.
    if (domain && !/^[\p{L}\p{N}.-]*?(?:…|\.\.)/u.test(text.slice(at + 1 + domain.length))) return `${local}@${domain}`;
  }
  return undefined;
}

/**
 * The address a text with an '@' is part of, and the node that holds it whole: the text itself, or
 * (an address the CRM broke into pieces so it can wrap: a `<wbr>` after each dot, a span per part)
 * the nearest of its two wrappers whose text holds an address that this piece is part of. Never
 * further up than `within`, and never another address beside the piece.
 */
export function emailAt(text: Text, within?: Node): { email: string; holder: Node } | undefined {
  // Compared as findEmail reads the whole: without the wrap hints a piece may carry.
  const piece = text.data.replace(WRAP_HINTS, '').trim();
  for (let holder: Node | null = text, depth = 0; holder && depth < 3; depth += 1) {
    const email = findEmail(holder.textContent!);
    if (email) return email.includes(piece) || !depth ? { email, holder } : undefined;
    holder = holder === within ? null : holder.parentElement;
  }
  return undefined;
}

/**
 * The element that names `element` (its `aria-labelledby`, in its own tree), if any. Of a list of
 * ids ("kind label value": a field's parts named together), the first: the field's kind.
 */
export function labelledBy(element: Element): Element | null | undefined {
  const id = element.getAttribute('aria-labelledby')?.trim().split(/\s+/)[0];
  return id ? (element.getRootNode() as Document).getElementById?.(id) : undefined;
}

/**
 * A dialog for a record not yet made ("Create contact", "New Contact", "Quick Create: Lead", "Neuer
 * Kontakt", "Nouveau contact"), open over the record page: what is typed in it is nobody's yet, or
 * someone else's (a duplicate the CRM warns of), never the open record's person.
 */
export function newRecordDialog(element: Element): boolean {
  if (element.getAttribute('role') !== 'dialog' && element.tagName !== 'DIALOG') return false;
  const name = element.getAttribute('aria-label') ?? labelledBy(element)?.textContent ?? '';
  return /^\s*(?:quick create|new|add|create|neue[rns]?|nouve(?:au|lle)|nuev[oa]|nuov[oa]|nov[oa]|crear|cr[eé]er|criar|ajouter|a[nñ]adir|agregar|aggiungi|anlegen)\b/i.test(name);
}

/** decodeURIComponent that leaves a malformed escape ("%E0%A4%A") as it is instead of throwing. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The first shown e-mail address: from a mailto: link first (exact), then from text. None inside an
 * element matching `outside`, where one is given (another record's card laid out like this one).
 */
export function firstShownEmail(root: Document | Element, selectors: readonly string[], outside?: string): string | undefined {
  for (const selector of selectors) {
    for (const element of deepQueryAll(root, selector)) {
      // A field the rep is typing in is left to the generic reader, which weighs it against the saved
      // address the page shows elsewhere.
      const email = isShown(element) && !(outside && element.closest(outside)) && !isBeingEdited(element) ? emailIn(element) : undefined;
      if (email) return email;
    }
  }
  return undefined;
}

/**
 * The parts of the page that are a person's own, around a link to their record (a deal's contact
 * person, a lead's contact): the link's ancestors, smallest first, up to, not including, the first
 * that also links someone else (`linksOther`) or `view`. The largest is the person's card.
 */
export function ownRegionsOfLink(link: Element, view: Element, linksOther: (region: Element) => boolean): Element[] {
  const regions: Element[] = [];
  for (let region = link.parentElement; region && region !== view && !linksOther(region); region = region.parentElement) regions.push(region);
  return regions;
}

/**
 * The e-mail shown nearest a link to a person's record: in the smallest of its own regions
 * (ownRegionsOfLink) that shows one, by `selectors`, then, with `textToo`, in its text. Nearest, not
 * first on the page: the record's own fields ("Invoice email") may come before its person's block.
 */
export function emailNearLink(
  link: Element,
  view: Element,
  selectors: readonly string[],
  linksOther: (region: Element) => boolean,
  textToo = false,
): string | undefined {
  for (const region of ownRegionsOfLink(link, view, linksOther)) {
    const email = firstShownEmail(region, selectors) ?? (textToo && isShown(region) ? emailIn(region) : undefined);
    if (email) return email;
  }
  return undefined;
}

/** Whether the rep is typing in this element: what it holds may not be saved yet. */
export function isBeingEdited(element: Element): boolean {
  return (element.getRootNode() as Document | ShadowRoot).activeElement === element;
}

/**
 * The address a `mailto:` link's href names (percent-decoded, its query left out), as written. A link
 * to an internationalised domain writes it in ASCII ("xn--…", punycode); the address is then the one
 * the link shows (`link`'s text), when that is the same mailbox in the domain's own letters.
 */
export function mailtoAddress(href: string, link?: Element): string | undefined {
  const address = findEmail(safeDecode(href.slice('mailto:'.length).split('?')[0]!));
  if (!address || !link || !/[@.]xn--/i.test(address)) return address;
  const shown = findEmail(link.textContent ?? '');
  return shown && !/[@.]xn--/i.test(shown) && shown.split('@')[0]!.toLowerCase() === address.split('@')[0]!.toLowerCase() ? shown : address;
}

/** The address an element shows: a mailto link's, an input's value, or its text; in lower case. */
export function emailIn(element: Element): string | undefined {
  const href = element.getAttribute('href');
  const fromHref = href?.toLowerCase().startsWith('mailto:') ? mailtoAddress(href, element) : undefined;
  const given = fromHref || (element as HTMLInputElement).value;
  if (given) return findEmail(given)?.toLowerCase();
  // Text node by text node, not the element's whole text: a label rendered right against its value,
  // as React renders a field ("Email" then "greta@…" with no space between), would read as one word.
  const texts = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    const email = (text as Text).data.includes('@') ? emailAt(text as Text, element)?.email : undefined;
    if (email) return email.toLowerCase();
  }
  return undefined;
}

export function cleanText(text: string | null | undefined): string | undefined {
  // What shows nothing (a soft hyphen, a zero-width space, a word joiner, a byte-order mark pasted in
  // from another program, the direction marks and isolates a right-to-left interface puts around a
  // Latin name or address) is no part of a name.
  const cleaned = text?.replace(/[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : undefined;
}
