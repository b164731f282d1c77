/**
 * The open shadow roots on a CRM page, known as they appear instead of found by walking the whole
 * page on each read. Walking every element of a page that keeps earlier records rendered (Lightning)
 * costs more than reading the person does; the elements the page adds are a small part of it.
 *
 * No script in the page's own world (which could see attachShadow calls) is needed: a root attached
 * in a custom element's constructor or when it is inserted (LWC, Lit, Stencil's eager builds) is there
 * by the time the page's task ends and the mutation is seen; a custom element still waiting for its
 * definition (lazy-loaded components) is looked at again until it is defined; and the generic
 * reader's walk, which passes through every open root, reports the rare root attached later to a
 * plain element.
 */
export interface ShadowRoots {
  /** Nodes the page added (from a MutationObserver): looked at on the next `list()`. */
  noteAdded(nodes: NodeList): void;
  /** A root found by other means (the generic reader's walk). */
  found(root: ShadowRoot): void;
  /** Every known open shadow root whose host is still on the page. */
  list(): ShadowRoot[];
}

/**
 * The elements looked at for a root: all but the standard ones a page adds in bulk. CRMs' shadow
 * roots are on custom elements (LWC, Lit, Stencil, Crayons); most tags skipped here cannot host one
 * at all, and a root on a plain `div`, `span` or `p` is rare and reported by the generic reader's
 * walk (see `found`). The browser's selector engine skips them, so a page that adds thousands of
 * rows costs no script (and no wrapper object) per element.
 */
const MAY_HOST = ':not(div,span,p,a,li,tr,td,img,svg,path,button,input,i,b)';

/** Past this many pending additions, one walk of the page is cheaper than remembering them. */
const MAX_PENDING = 2000;
/**
 * Custom elements wait for their definition by tag: defining a tag upgrades all its elements at
 * once and attaches their roots without any mutation, so one element per tag tells whether to look
 * at the others. A tag never defined (markup-only custom tags are common in CRM templates) is let
 * go after this long instead of being looked at on every read.
 */
const UPGRADE_WAIT_MS = 5000;

/**
 * Starts knowing `doc`'s open shadow roots: all of them on the first `list()`, then those under
 * what the page adds. `onRoot` is called once per root as it becomes known, so its changes can be
 * observed; Leadside's own elements (`isOwn`) are never looked into.
 */
export function trackShadowRoots(doc: Document, onRoot: (root: ShadowRoot) => void, isOwn: (node: Node) => boolean = () => false): ShadowRoots {
  const roots = new Set<ShadowRoot>();
  let added: Node[] = [];
  let rescan = true;
  const waiting = new Map<string, { since: number; hosts: Element[] }>();

  const know = (root: ShadowRoot) => {
    if (roots.has(root)) return false;
    roots.add(root);
    onRoot(root);
    return true;
  };
  /**
   * `element` and its subtree, through the open roots found on the way. Roots already known are
   * gone into only when looking at the whole page (`whole`): what the page adds in them is noted as
   * it comes (their own observer), but a look at the whole page is one because some of it was not.
   */
  const look = (element: Element, whole?: boolean) => {
    const pending: Array<Element | ShadowRoot> = [element];
    const visit = (node: Element) => {
      if (isOwn(node)) return;
      const root = node.shadowRoot;
      if (root) {
        if (know(root) || whole) pending.push(root);
      } else if (node.localName.includes('-') && !node.matches(':defined')) {
        const group = waiting.get(node.localName);
        if (group) group.hosts.push(node);
        else waiting.set(node.localName, { since: performance.now(), hosts: [node] });
      }
    };
    while (pending.length) {
      const scope = pending.pop()!;
      if (scope instanceof Element) visit(scope);
      // One call for the whole subtree, then plain script: cheaper than a TreeWalker step per element.
      for (const node of scope.querySelectorAll(MAY_HOST)) visit(node);
    }
  };

  return {
    noteAdded(nodes) {
      if (rescan) return;
      for (const node of nodes) if (node.nodeType === 1) added.push(node);
      if (added.length > MAX_PENDING) rescan = true;
    },
    found(root) {
      if (!isOwn(root.host)) know(root);
    },
    list() {
      const whole = rescan;
      const pending = whole ? [doc.documentElement] : added;
      rescan = false;
      added = [];
      for (const node of pending) if (node.isConnected) look(node as Element, whole);
      const givenUpBefore = performance.now() - UPGRADE_WAIT_MS;
      for (const [tag, group] of waiting) {
        const first = group.hosts[0]!;
        // Upgraded: defined now, or (where `:defined` lags, as in some DOM emulations) holding its root.
        if (first.shadowRoot || first.matches(':defined')) {
          waiting.delete(tag);
          for (const host of group.hosts) if (host.shadowRoot && host.isConnected) look(host);
        } else if (group.since < givenUpBefore) waiting.delete(tag);
      }
      const connected: ShadowRoot[] = [];
      for (const root of roots) {
        if (root.host.isConnected) connected.push(root);
        else roots.delete(root);
      }
      return connected;
    },
  };
}
