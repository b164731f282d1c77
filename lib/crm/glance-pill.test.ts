import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGlancePill } from './glance-pill';

const GLANCE = { name: 'Priya Raman', source: 'Paid search', signal: 'Do not call' };

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll('leadside-glance').forEach((element) => element.remove());
});

/** The closed root as only the pill itself holds it, caught as it is made. */
function pillWithRoot(onOpen: () => void) {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  const pill = createGlancePill(document, onOpen);
  const root = attach.mock.results[0]!.value as ShadowRoot;
  return { pill, root };
}

describe('glance pill', () => {
  it("keeps the lead's name, source and flags out of the page's reach", () => {
    const { pill, root } = pillWithRoot(() => undefined);
    pill.show(GLANCE);
    expect(pill.element.shadowRoot).toBeNull();
    expect(pill.element.textContent).toBe('');
    expect(root.textContent).toContain('Priya Raman · Paid search · Do not call');
  });

  it('ignores clicks a page script makes on its buttons', () => {
    const onOpen = vi.fn();
    const { pill, root } = pillWithRoot(onOpen);
    pill.show(GLANCE);
    const [open, close] = [...root.querySelectorAll('button')];
    open!.click();
    open!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    close!.click();
    expect(onOpen).not.toHaveBeenCalled();
    expect((pill.element as HTMLElement).style.display).not.toBe('none');
  });
});
