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
export class ShadowRoots {
  /** Known roots, in the order found; pruned once their host leaves the page. */
  private readonly roots = new Set<ShadowRoot>();
  /** Elements the page added since the last look: their subtrees may hold new roots. */
  private added: Node[] = [];
  /**
   * Custom elements not defined yet, by tag, with when the tag was first seen waiting: defining a
   * tag upgrades all its elements at once and attaches their roots without any mutation, so one
   * element per tag tells whether to look at the others. Definitions load within seconds; a tag
   * never defined (markup-only custom tags are common in CRM templates) is let go after
   * UPGRADE_WAIT_MS instead of being looked at on every read.
   */
  private readonly waiting = new Map<string, { since: number; hosts: Element[] }>();
  private static readonly UPGRADE_WAIT_MS = 5000;
  /** Past this many pending additions, one walk of the page is cheaper than remembering them. */
  private static readonly MAX_PENDING = 2000;
  private rescan = false;

  constructor(
    private readonly doc: Document,
    /** Called once for each root as it becomes known, so its changes can be observed. */
    private readonly onRoot: (root: ShadowRoot) => void,
    /** Leadside's own elements (the glance pill): never looked into. */
    private readonly isOwn: (node: Node) => boolean = () => false,
  ) {
    this.rescan = true;
  }

  /** Nodes the page added (from a MutationObserver): looked at on the next `list()`. */
  noteAdded(nodes: NodeList): void {
    if (this.rescan) return;
    for (const node of nodes) if (node.nodeType === 1) this.added.push(node);
    if (this.added.length > ShadowRoots.MAX_PENDING) {
      this.added = [];
      this.rescan = true;
    }
  }

  /** A root found by other means (the generic reader's walk). */
  found(root: ShadowRoot): void {
    if (this.roots.has(root) || this.isOwn(root.host)) return;
    this.roots.add(root);
    this.onRoot(root);
  }

  /** Every known open shadow root whose host is still on the page. */
  list(): ShadowRoot[] {
    this.catchUp();
    const connected: ShadowRoot[] = [];
    for (const root of this.roots) {
      if (root.host.isConnected) connected.push(root);
      else this.roots.delete(root);
    }
    return connected;
  }

  private catchUp(): void {
    if (this.rescan) {
      this.rescan = false;
      this.added = [];
      this.look(this.doc.documentElement);
    }
    const added = this.added;
    this.added = [];
    for (const node of added) if (node.isConnected) this.look(node as Element);
    const givenUpBefore = performance.now() - ShadowRoots.UPGRADE_WAIT_MS;
    for (const [tag, group] of this.waiting) {
      const first = group.hosts[0]!;
      // Upgraded: defined now, or (where `:defined` lags, as in some DOM emulations) holding its root.
      if (first.shadowRoot || first.matches(':defined')) {
        this.waiting.delete(tag);
        for (const host of group.hosts) if (host.shadowRoot && host.isConnected) this.look(host);
      } else if (group.since < givenUpBefore) this.waiting.delete(tag);
    }
  }

  /** `element` and its subtree, through the open roots found on the way. */
  private look(element: Element): void {
    const pending: Array<Element | ShadowRoot> = [element];
    while (pending.length) {
      const scope = pending.pop()!;
      if (scope instanceof Element) this.visit(scope, pending);
      const walker = this.doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) this.visit(node, pending);
    }
  }

  private visit(element: Element, pending: Array<Element | ShadowRoot>): void {
    if (this.isOwn(element)) return;
    const root = element.shadowRoot;
    if (root) {
      if (!this.roots.has(root)) {
        this.roots.add(root);
        this.onRoot(root);
        pending.push(root);
      }
    } else if (element.localName.includes('-') && !element.matches(':defined')) {
      const group = this.waiting.get(element.localName);
      if (group) group.hosts.push(element);
      else this.waiting.set(element.localName, { since: performance.now(), hosts: [element] });
    }
  }
}
