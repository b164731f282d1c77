import type { Page } from '@playwright/test';

interface CdpNode {
  nodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface ClosedShadowView {
  /** The text shown inside the host's closed shadow root (style sheets left out). */
  text: string;
  /** Clicks a button inside it by its text or aria-label, with the real mouse: a trusted click. */
  click(name: string): Promise<void>;
  /**
   * The browser's computed colours (`color`, `background-color`) of the first element inside with
   * this class, as they were when the root was read (what the rep sees, media queries applied).
   */
  colours: Record<string, { color: string; background: string }>;
}

/**
 * Reads an element's closed shadow root the way only the browser can: over the DevTools protocol,
 * which pierces closed roots. Page scripts (and Playwright locators) cannot see inside, which is the
 * point of closing it; the test still needs to check what the rep sees and click it as the rep would.
 * Chromium only. Null while the host is absent or hidden.
 */
export async function readClosedShadow(page: Page, hostName: string): Promise<ClosedShadowView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // The CSS agent (computed colours) needs the DOM agent; both before the node ids are handed out.
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = find(root, (node) => node.localName === hostName);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const texts: string[] = [];
    const buttons: Array<{ node: CdpNode; name: string }> = [];
    walk(shadow, (node) => {
      if (node.localName === 'style') return false;
      if (node.nodeType === 3) texts.push(node.nodeValue ?? '');
      if (node.localName === 'button') {
        const attributes = Object.fromEntries(pairs(node.attributes ?? []));
        buttons.push({ node, name: attributes['aria-label'] ?? textOf(node) });
      }
      return true;
    });
    const colours: ClosedShadowView['colours'] = {};
    const styled: Array<{ node: CdpNode; className: string }> = [];
    walk(shadow, (node) => {
      const className = Object.fromEntries(pairs(node.attributes ?? []))['class'];
      if (className && !styled.some((seen) => seen.className === className)) styled.push({ node, className });
      return true;
    });
    for (const { node, className } of styled) {
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId })) as {
        computedStyle: Array<{ name: string; value: string }>;
      };
      const value = (name: string) => computedStyle.find((property) => property.name === name)?.value ?? '';
      colours[className] = { color: value('color'), background: value('background-color') };
    }
    const boxes = new Map<string, number[]>();
    for (const button of buttons) {
      const box = (await cdp.send('DOM.getBoxModel', { nodeId: button.node.nodeId }).catch(() => null)) as { model: { content: number[] } } | null;
      if (box) boxes.set(button.name, box.model.content);
    }
    return {
      text: texts.join(''),
      colours,
      async click(name) {
        const quad = boxes.get(name);
        if (!quad) throw new Error(`No shown button "${name}" in <${hostName}>; buttons: ${[...boxes.keys()].join(', ')}`);
        const x = (quad[0]! + quad[2]! + quad[4]! + quad[6]!) / 4;
        const y = (quad[1]! + quad[3]! + quad[5]! + quad[7]!) / 4;
        await page.mouse.click(x, y);
      },
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

function find(node: CdpNode, test: (node: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function walk(node: CdpNode, visit: (node: CdpNode) => boolean): void {
  for (const child of node.children ?? []) if (visit(child)) walk(child, visit);
}

function textOf(node: CdpNode): string {
  const texts: string[] = [];
  walk(node, (child) => (child.nodeType === 3 && texts.push(child.nodeValue ?? ''), true));
  return texts.join('').trim();
}

function pairs(flat: string[]): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let index = 0; index + 1 < flat.length; index += 2) result.push([flat[index]!, flat[index + 1]!]);
  return result;
}
