import type { Glance } from '@/lib/schema/glance';

export interface GlancePill {
  /** The pill's host element on the CRM page. */
  readonly element: Element;
  show(glance: Glance): void;
  hide(): void;
  remove(): void;
}

/** Every word the pill shows or says: the worker sends them in the rep's language with each glance. */
type GlancePillWords = Glance['words'];

/**
 * Sizes are in em of the host's `font-size: medium` (what `all: initial` gives): they follow the
 * browser's zoom and the rep's default font size, never a fixed number of device pixels, and not the
 * CRM's own root font size (a page that sets `html { font-size: 62.5% }` would shrink rem). Light or
 * dark is the rep's theme from Options (`data-theme`, sent by the worker with each glance); 'system'
 * follows the system's setting, as the CRM page's own `prefers-color-scheme` does. Each colour is one
 * `light-dark()` pair and the theme picks the pill's `color-scheme`: ~20 B gzipped less in every
 * content script than the dark palette written out twice (the system's, and forced). Colours meet
 * WCAG AA contrast for the pill's small text in both.
 */
const STYLE = `:host{all:initial;position:fixed;z-index:2147483646;contain:layout style}:host([data-hidden]){visibility:hidden}
.pill{color-scheme:light dark;--bg:light-dark(#fff,#1d2530);--fg:light-dark(#1b2430,#f1f4f8);--muted:light-dark(#4a5563,#c9d3df);--accent:light-dark(#0b5cab,#7cb8ff);--on-accent:light-dark(#fff,#0b1420);--signal:light-dark(#8a4b00,#ffd58a);--focus:light-dark(#0b5cab,#ffd58a);display:flex;align-items:center;gap:.5em;max-width:min(26em,calc(100vw - 2em));padding:.3em;border:1px solid var(--muted);border-radius:99em;background:var(--bg);color:var(--fg);box-shadow:0 .25em 1em #0004;font:500 .8125em/1.3 system-ui,sans-serif}
.pill[data-theme=light]{color-scheme:light}.pill[data-theme=dark]{color-scheme:dark}
.text{display:flex;min-width:0;white-space:nowrap}.who{overflow:hidden;text-overflow:ellipsis}.signal{flex:none;white-space:pre;color:var(--signal)}
button{flex:none;font:inherit;border:0;border-radius:99em;cursor:pointer;margin:0;padding:0;min-width:1.8em;height:1.8em;background:none;color:var(--muted)}
.open{background:var(--accent);color:var(--on-accent);padding:0 .8em}button:focus-visible{outline:.15em solid var(--focus);outline-offset:.15em}`;

/** The longest a pill waits for an idle page to choose its corner (a page that is never idle). */
const PLACE_WAIT_MS = 500;

type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
/** What a rep clicks or types into: a pill over one of these hides a control of the CRM's. */
const CONTROL = 'a[href],button,input,select,textarea,[role=button],[role=link],[role=tab],[contenteditable],[tabindex]:not([tabindex="-1"])';

/**
 * The small pill on the CRM page that offers the brief. Plain DOM in a shadow root: no framework on
 * the CRM page, and the page's CSS cannot reach in (nor ours out). Text only, never HTML.
 *
 * The root is closed and its buttons answer only real clicks and key presses: the pill names the
 * lead, their source and flags marketing holds, which the page's own scripts (and session-replay
 * tools recording it) must not read, and a page script must not be able to press "Open brief".
 *
 * It is cheap on the CRM page: a glance identical to the one shown changes nothing, and hiding it
 * (every record switch) is a visibility flip of a layer that keeps its layout, not a rebuild.
 * Where it sits is chosen once (and again when the window's size changes) among the corners, the
 * first one whose spot covers none of the CRM's own controls; a rep who moves it keeps it there.
 * Choosing waits for the page to be idle: looking at the page while the CRM is still changing it
 * forces the browser to lay out the whole page in the middle of the CRM's work (15–17 ms on the
 * Lightning fixture's load, against ~2 ms once its frame is drawn).
 */
export function createGlancePill(doc: Document, onOpen: () => void): GlancePill {
  const win = doc.defaultView ?? window;
  const host = doc.createElement('leadside-glance');
  const root = host.attachShadow({ mode: 'closed' });
  const trusted = (target: EventTarget, action: () => void) =>
    target.addEventListener('click', (event) => {
      if (event.isTrusted) action();
    });
  // Built node by node, no HTML parsed at all: every word and the lead's data go in as text or attributes.
  const make = (tag: string, attributes: Record<string, string>, content = '') => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.textContent = content;
    return element;
  };
  const move = make('button', { type: 'button' }, '⠿');
  const text = make('span', { class: 'text', role: 'status' });
  const open = make('button', { type: 'button', class: 'open' });
  const close = make('button', { type: 'button' }, '×');
  const pill = make('div', { class: 'pill', role: 'group' });
  pill.append(move, text, open, close);
  root.append(make('style', {}, STYLE), pill);
  // The worker sends the words in the rep's language with each glance (the content script holds no
  // translations): the pill, hidden until its first glance, has none before.
  let words: GlancePillWords | undefined;
  const setWords = (next: GlancePillWords) => {
    words = next;
    pill.setAttribute('aria-label', next.region);
    move.setAttribute('aria-label', next.move);
    open.textContent = next.open;
    close.setAttribute('aria-label', next.hide);
    close.title = next.hide;
  };
  trusted(open, onOpen);

  let shown: Glance | undefined;
  /** Where the pill sits: a corner chosen for this window size, or where the rep put it. */
  let placed = false;
  // Asking the window's size forces the page's layout; its resize event says when it changed, and
  // the next show places the pill again for the new size.
  const listening = new AbortController();
  win.addEventListener('resize', () => (placed = false), { passive: true, signal: listening.signal });
  let movedByRep = false;
  let corner: Corner = 'bottom-right';

  const setHidden = (hidden: boolean) => host.toggleAttribute('data-hidden', hidden);
  const toCorner = (next: Corner) => {
    corner = next;
    const [vertical, horizontal] = next.split('-') as ['top' | 'bottom', 'left' | 'right'];
    for (const side of ['top', 'bottom', 'left', 'right']) host.style.removeProperty(side);
    host.style.setProperty(vertical, '1em');
    host.style.setProperty(horizontal, '1em');
  };
  /** While hidden (hit tests pass through a hidden pill): the first corner whose spot is free. */
  const place = () => {
    if (movedByRep || placed) return;
    placed = true;
    toCorner('bottom-right');
    const rect = host.getBoundingClientRect();
    const margin = win.innerWidth - rect.right;
    let best: { corner: Corner; covered: number } | undefined;
    for (const candidate of CORNERS) {
      const left = candidate.endsWith('left') ? margin : rect.left;
      const top = candidate.startsWith('top') ? margin : rect.top;
      const covered = coveredControls(doc, left, top, rect.width, rect.height);
      if (!best || covered < best.covered) best = { corner: candidate, covered };
      if (covered === 0) break;
    }
    toCorner(best!.corner);
  };

  /** The rep closed the pill: it stays hidden until the next record. */
  let closedByRep = false;
  /** A glance is to be shown (between `show` and `hide`). */
  let wanted = false;
  /** The idle callback that will choose the corner and then show the pill. */
  let placing: number | undefined;
  // A timer where the browser has no idle callbacks.
  const idle = win.requestIdleCallback
    ? { start: (run: () => void) => win.requestIdleCallback(run, { timeout: PLACE_WAIT_MS }), stop: (id: number) => win.cancelIdleCallback(id) }
    : { start: (run: () => void) => win.setTimeout(run, 0), stop: (id: number) => win.clearTimeout(id) };
  const placeThenShow = () => {
    placing = undefined;
    if (!wanted || closedByRep) return;
    place();
    setHidden(false);
  };
  trusted(close, () => {
    closedByRep = true;
    setHidden(true);
  });

  // Moving: the grip (a button, so Enter and Space work as a click) sends the pill to the next corner.
  trusted(move, () => {
    movedByRep = true;
    toCorner(CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length]!);
  });
  setHidden(true);
  return {
    element: host,
    show(glance) {
      // The words change only with the rep's language, and every language words "Open" its own way.
      if (glance.words.open !== words?.open) setWords(glance.words);
      const theme = glance.theme ?? 'system';
      if (pill.getAttribute('data-theme') !== theme) pill.setAttribute('data-theme', theme);
      const same = shown && shown.name === glance.name && shown.source === glance.source && shown.signal === glance.signal;
      if (!same) {
        shown = { ...glance };
        // A long name or source is cut short, never the signal: "Do not call" must stay whole.
        text.replaceChildren(
          Object.assign(doc.createElement('span'), { className: 'who', textContent: [glance.name, glance.source].filter(Boolean).join(' · ') }),
          ...(glance.signal ? [Object.assign(doc.createElement('span'), { className: 'signal', textContent: ` · ${glance.signal}` })] : []),
        );
      }
      if (!host.isConnected) doc.documentElement.append(host);
      wanted = true;
      if (!host.hasAttribute('data-hidden') || closedByRep) return;
      if (placed || movedByRep) setHidden(false);
      else placing ??= idle.start(placeThenShow);
    },
    hide() {
      wanted = false;
      closedByRep = false;
      setHidden(true);
    },
    remove() {
      listening.abort();
      if (placing !== undefined) idle.stop(placing);
      host.remove();
    },
  };
}

/**
 * How many points of the rectangle land on one of the page's controls: its corners, just inside,
 * and its middle. Shadow roots are looked into, since a CRM's buttons often live in web components.
 */
function isControl(element: Element): boolean {
  for (let current: Element | undefined = element; current; current = (current.getRootNode() as ShadowRoot).host) {
    if (current.closest(CONTROL)) return true;
  }
  return false;
}

function coveredControls(doc: Document, left: number, top: number, width: number, height: number): number {
  const inset = 2;
  const points = [
    [left + inset, top + inset],
    [left + width - inset, top + inset],
    [left + inset, top + height - inset],
    [left + width - inset, top + height - inset],
    [left + width / 2, top + height / 2],
  ] as const;
  let covered = 0;
  for (const [x, y] of points) {
    let hit: Element | null = doc.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    if (hit && isControl(hit)) covered += 1;
  }
  return covered;
}

/**
 * Where the injected pill script (entrypoints/glance-pill.ts) leaves `createGlancePill` for the CRM's
 * content script: a global of the extension's own world in the tab's frame, which every script the
 * extension runs there shares and the page's own scripts cannot see.
 */
export interface GlancePillHolder {
  leadsideGlancePill?: typeof createGlancePill;
}
