import { afterEach, describe, expect, it } from 'vitest';
import { trackShadowRoots } from './shadow-roots';

function host(tag = 'x-panel', html = '<a>inside</a>'): { element: HTMLElement; root: ShadowRoot } {
  const element = document.createElement(tag);
  const root = element.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return { element, root };
}

/** A tracker fed the way the page observer feeds it: by a MutationObserver's added nodes. */
function track() {
  const observedRoots: ShadowRoot[] = [];
  const roots = trackShadowRoots(document, (root) => void observedRoots.push(root));
  const observer = new MutationObserver((records) => records.forEach((record) => roots.noteAdded(record.addedNodes)));
  observer.observe(document, { childList: true, subtree: true });
  const flush = () => observer.takeRecords().forEach((record) => roots.noteAdded(record.addedNodes));
  return { roots, observedRoots, flush, stop: () => observer.disconnect() };
}

afterEach(() => document.body.replaceChildren());

describe('ShadowRoots', () => {
  it('knows the roots on the page at the start, nested ones too, and each only once', () => {
    const outer = host();
    const inner = host('x-field');
    outer.root.append(inner.element);
    document.body.append(outer.element);
    const { roots, observedRoots, stop } = track();
    expect(roots.list()).toEqual([outer.root, inner.root]);
    expect(roots.list()).toEqual([outer.root, inner.root]);
    expect(observedRoots).toEqual([outer.root, inner.root]);
    stop();
  });

  it('learns the roots of elements the page adds later, without walking the page again', () => {
    const { roots, flush, stop } = track();
    expect(roots.list()).toEqual([]);
    const wrapper = document.createElement('div');
    const added = host();
    wrapper.append(added.element);
    document.body.append(wrapper);
    flush();
    expect(roots.list()).toEqual([added.root]);
    stop();
  });

  it('looks again at a custom element waiting for its definition, whose upgrade attaches a root with no mutation', () => {
    const { roots, flush, stop } = track();
    roots.list();
    const lazy = document.createElement('x-lazy-card');
    document.body.append(lazy);
    flush();
    expect(roots.list()).toEqual([]);
    // The component's code loads: defining the tag upgrades the element, whose constructor attaches its root.
    customElements.define('x-lazy-card', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<a>late</a>';
      }
    });
    expect(lazy.shadowRoot).not.toBeNull();
    expect(roots.list()).toEqual([lazy.shadowRoot]);
    stop();
  });

  it('finds roots on custom elements among many plain ones, and leaves a plain element’s root to the generic reader', () => {
    const { roots, flush, stop } = track();
    roots.list();
    const rows = document.createElement('table');
    rows.innerHTML = '<tbody>' + '<tr><td><span>row</span></td></tr>'.repeat(50) + '</tbody>';
    const field = host('records-record-layout-item');
    rows.querySelector('td')!.append(field.element);
    const plain = host('div');
    rows.querySelectorAll('td')[1]!.append(plain.element);
    document.body.append(rows);
    flush();
    expect(roots.list()).toEqual([field.root]);
    roots.found(plain.root);
    expect(roots.list()).toEqual([field.root, plain.root]);
    stop();
  });

  it('looks at the whole page again, into the roots it knows too, after more additions than it keeps', () => {
    const roots = trackShadowRoots(document, () => undefined);
    const app = host('x-app', '');
    document.body.append(app.element);
    expect(roots.list()).toEqual([app.root]);
    // A card in the app's own root, among more additions than are worth remembering one by one.
    const card = host('x-card');
    app.root.append(card.element);
    const many = document.createElement('div');
    many.append(...Array.from({ length: 2001 }, () => document.createElement('span')));
    roots.noteAdded(many.childNodes);
    expect(roots.list()).toEqual([app.root, card.root]);
  });

  it('forgets roots whose host left the page, and takes roots the generic reader reports', () => {
    const gone = host();
    document.body.append(gone.element);
    const { roots, stop } = track();
    expect(roots.list()).toEqual([gone.root]);
    gone.element.remove();
    expect(roots.list()).toEqual([]);
    const late = document.createElement('div');
    document.body.append(late);
    const lateRoot = late.attachShadow({ mode: 'open' });
    roots.found(lateRoot);
    expect(roots.list()).toEqual([lateRoot]);
    stop();
  });
});
