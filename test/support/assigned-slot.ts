/**
 * happy-dom assigns no slots (`Element.assignedSlot` is missing): given here as Chromium computes it
 * for the content the readers walk, an element's slot is the one of its name in its parent's shadow
 * root, or that root's default slot. Only the unit tests load this; Chromium's own is what the
 * end-to-end tests run against.
 */
export function assignSlotsAsBrowsersDo(): void {
  if ('assignedSlot' in Element.prototype) return;
  Object.defineProperty(Element.prototype, 'assignedSlot', {
    configurable: true,
    get(this: Element): HTMLSlotElement | null {
      const name = this.getAttribute('slot');
      return this.parentElement?.shadowRoot?.querySelector<HTMLSlotElement>(name ? `slot[name="${CSS.escape(name)}"]` : 'slot:not([name])') ?? null;
    },
  });
}
