import type { Glance } from '@/lib/schema/glance';

export interface GlancePill {
  /** The pill's host element on the CRM page. */
  readonly element: Element;
  show(glance: Glance): void;
  hide(): void;
  remove(): void;
}

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
.pill { display: flex; align-items: center; gap: 8px; max-width: 420px; padding: 6px 6px 6px 12px;
  border-radius: 999px; background: #0f2a44; color: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.25);
  font: 500 13px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; }
.text { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.signal { color: #ffd58a; }
button { font: inherit; border: 0; border-radius: 999px; cursor: pointer; }
.open { background: #2e8cf0; color: #fff; padding: 4px 10px; }
.close { background: transparent; color: #c9d6e3; width: 24px; height: 24px; }
button:focus-visible { outline: 2px solid #ffd58a; outline-offset: 2px; }
`;

/**
 * The small pill on the CRM page that offers the brief. Plain DOM in a shadow root: no framework on
 * the CRM page, and the page's CSS cannot reach in (nor ours out). Text only, never HTML.
 *
 * The root is closed and its buttons answer only real clicks: the pill names the lead, their source
 * and flags marketing holds, which the page's own scripts (and session-replay tools recording it)
 * must not read, and a page script must not be able to press "Open brief" for the rep.
 */
export function createGlancePill(doc: Document, onOpen: () => void): GlancePill {
  const host = doc.createElement('leadside-glance');
  const root = host.attachShadow({ mode: 'closed' });
  const onTrustedClick = (button: HTMLButtonElement, action: () => void) =>
    button.addEventListener('click', (event) => {
      if (event.isTrusted) action();
    });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const pill = doc.createElement('div');
  pill.className = 'pill';
  pill.setAttribute('role', 'status');
  const text = doc.createElement('span');
  text.className = 'text';
  const open = doc.createElement('button');
  open.className = 'open';
  open.textContent = 'Open brief';
  onTrustedClick(open, onOpen);
  const close = doc.createElement('button');
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Hide Leadside for this record');
  // Hidden, not removed: putting the host back would restyle its shadow tree from scratch each time.
  const setShown = (shown: boolean) => host.style.setProperty('display', shown ? null : 'none');
  onTrustedClick(close, () => setShown(false));
  pill.append(text, open, close);
  root.append(style, pill);

  return {
    element: host,
    show(glance) {
      text.replaceChildren(
        [glance.name, glance.source].filter(Boolean).join(' · '),
        ...(glance.signal ? [' · ', Object.assign(doc.createElement('span'), { className: 'signal', textContent: glance.signal })] : []),
      );
      if (!host.isConnected) doc.documentElement.append(host);
      setShown(true);
    },
    hide: () => setShown(false),
    remove: () => host.remove(),
  };
}
