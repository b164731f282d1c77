import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGlancePill } from './glance-pill';

const WORDS = { region: 'Leadside', open: 'Open brief', hide: 'Hide Leadside for this record', move: 'Move Leadside to the next corner' };
const GLANCE = { name: 'Priya Raman', source: 'Paid search', signal: 'Do not call', words: WORDS };

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll('leadside-glance').forEach((element) => element.remove());
  document.body.replaceChildren();
});

/** The closed root as only the pill itself holds it, caught as it is made. */
function pillWithRoot(onOpen: () => void = () => undefined) {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  const pill = createGlancePill(document, onOpen);
  const root = attach.mock.results[0]!.value as ShadowRoot;
  attach.mockRestore();
  const button = (name: string) => [...root.querySelectorAll('button')].find((element) => (element.getAttribute('aria-label') ?? element.textContent) === name)!;
  return { pill, root, button, host: pill.element as HTMLElement };
}

const isHidden = (host: HTMLElement) => host.hasAttribute('data-hidden');
/** The page's next idle moment, where the pill's first showing chooses its corner (a timer where the DOM has no idle callbacks). */
const idle = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('glance pill', () => {
  it("keeps the lead's name, source and flags out of the page's reach", () => {
    const { pill, root } = pillWithRoot();
    pill.show(GLANCE);
    expect(pill.element.shadowRoot).toBeNull();
    expect(pill.element.textContent).toBe('');
    expect(root.textContent).toContain('Priya Raman · Paid search · Do not call');
  });

  it('ignores clicks a page script makes on its buttons', async () => {
    const onOpen = vi.fn();
    const { pill, button, host } = pillWithRoot(onOpen);
    pill.show(GLANCE);
    await idle();
    button(WORDS.open).click();
    button(WORDS.open).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    button(WORDS.hide).click();
    button(WORDS.move).click();
    expect(onOpen).not.toHaveBeenCalled();
    expect(isHidden(host)).toBe(false);
    expect(host.style.right).toBe('1em');
  });

  it('does not touch its text again for the glance it already shows, and shows the next lead’s', () => {
    const { pill, root } = pillWithRoot();
    pill.show(GLANCE);
    const textNode = root.querySelector('.text')!.firstChild;
    pill.show({ ...GLANCE });
    expect(root.querySelector('.text')!.firstChild).toBe(textNode);
    pill.show({ name: 'Marcus Oyelaran', source: 'Webinar', words: WORDS });
    expect(root.querySelector('.text')!.textContent).toBe('Marcus Oyelaran · Webinar');
  });

  it('hides on a record switch by visibility (keeping its layout) and shows again with the next glance', async () => {
    const { pill, host } = pillWithRoot();
    expect(isHidden(host)).toBe(true);
    pill.show(GLANCE);
    await idle();
    expect(isHidden(host)).toBe(false);
    pill.hide();
    expect(isHidden(host)).toBe(true);
    expect(host.isConnected).toBe(true);
    pill.show(GLANCE);
    expect(isHidden(host)).toBe(false);
  });

  it('is sized in em, so it follows the page zoom and the rep’s font size, and has a dark theme', () => {
    const { root, host } = pillWithRoot();
    const css = root.querySelector('style')!.textContent!;
    expect(css).toContain('--bg:light-dark(#fff,#1d2530)');
    // No pixel sizes but hairline borders: everything else scales.
    expect(css.match(/\d+px/g)?.filter((size) => size !== '1px') ?? []).toEqual([]);
    expect(host.style.right).toBe('');
  });

  it('has text colours with at least WCAG AA contrast on its background, in both themes', () => {
    const { root } = pillWithRoot();
    const css = root.querySelector('style')!.textContent!;
    // Each colour is `--name:light-dark(light,dark)`: the light palette is the first of each pair, the dark the second.
    const pairs = new Map([...css.matchAll(/--([a-z-]+):light-dark\((#[0-9a-f]{3,6}),(#[0-9a-f]{3,6})\)/g)].map(([, name, light, dark]) => [name!, [light!, dark!]]));
    expect([...pairs.keys()].sort()).toEqual(['accent', 'bg', 'fg', 'focus', 'muted', 'on-accent', 'signal']);
    for (const theme of [0, 1]) {
      const colour = (name: string) => pairs.get(name)![theme]!;
      for (const [fg, bg] of [['fg', 'bg'], ['muted', 'bg'], ['signal', 'bg'], ['on-accent', 'accent']] as const) {
        expect(contrast(colour(fg), colour(bg)), `${fg} on ${bg} in ${theme}`).toBeGreaterThanOrEqual(4.5);
      }
      // The focus ring against the pill (WCAG 1.4.11: 3:1 for what shows focus).
      expect(contrast(colour('focus'), colour('bg'))).toBeGreaterThanOrEqual(3);
    }
  });

  it('sits in the first corner that covers none of the CRM’s controls', async () => {
    // The CRM has a button bar along the bottom right of the window.
    const bar = document.createElement('button');
    document.body.append(bar);
    vi.spyOn(document, 'elementFromPoint').mockImplementation((x, y) => (x > window.innerWidth / 2 && y > window.innerHeight / 2 ? bar : document.body));
    const { pill, host } = pillWithRoot();
    vi.spyOn(host, 'getBoundingClientRect').mockImplementation(() => {
      const right = host.style.right ? window.innerWidth - 16 : 16 + 300;
      return { left: right - 300, right, top: window.innerHeight - 56, bottom: window.innerHeight - 16, width: 300, height: 40, x: right - 300, y: window.innerHeight - 56, toJSON: () => ({}) };
    });
    pill.show(GLANCE);
    await idle();
    expect([host.style.left, host.style.bottom, host.style.right]).toEqual(['1em', '1em', '']);
  });

  it('chooses its corner when the page is idle, not in the CRM’s task that brought the glance, and shows only then', async () => {
    const probe = vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.body);
    const { pill, host } = pillWithRoot();
    const measure = vi.spyOn(host, 'getBoundingClientRect');
    pill.show(GLANCE);
    // Looking at the page here would force its layout in the middle of the CRM's rendering.
    expect(probe).not.toHaveBeenCalled();
    expect(measure).not.toHaveBeenCalled();
    expect(isHidden(host)).toBe(true);
    await idle();
    expect(probe).toHaveBeenCalled();
    expect(isHidden(host)).toBe(false);
    // A record left before the page was idle shows no pill for it.
    const second = pillWithRoot();
    second.pill.show(GLANCE);
    second.pill.hide();
    await idle();
    expect(isHidden(second.host)).toBe(true);
    second.pill.remove();
    // A pill taken off the page (an updated extension's script takes over) looks at nothing after.
    const third = pillWithRoot();
    probe.mockClear();
    third.pill.show(GLANCE);
    third.pill.remove();
    await idle();
    expect(probe).not.toHaveBeenCalled();
  });

  it('looks for its corner once, and again only after the window is resized', async () => {
    const probe = vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.body);
    const { pill, host } = pillWithRoot();
    pill.show(GLANCE);
    await idle();
    const firstLook = probe.mock.calls.length;
    expect(firstLook).toBeGreaterThan(0);
    // Every record switch hides the pill and the next glance shows it: no new look at the page, and
    // not even at the window's size (reading it forces the page's layout).
    const size = vi.spyOn(window, 'innerWidth', 'get');
    for (const name of ['Ada Lovelace', 'Grace Hopper']) {
      pill.hide();
      pill.show({ ...GLANCE, name });
      // Placed already: shown in the task of the glance, in the frame the CRM draws the record in.
      expect(isHidden(host)).toBe(false);
    }
    expect(probe.mock.calls.length).toBe(firstLook);
    expect(size).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('resize'));
    pill.hide();
    pill.show(GLANCE);
    await idle();
    expect(probe.mock.calls.length).toBeGreaterThan(firstLook);
  });
});

/** WCAG 2 contrast ratio of two #rrggbb (or #rgb) colours. */
function contrast(a: string, b: string): number {
  const luminance = (short: string) => {
    const hex = short.length === 4 ? short.replace(/[0-9a-f]/g, (digit) => digit + digit) : short;
    const [r, g, b] = [1, 3, 5].map((at) => {
      const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('glance pill words', () => {
  it("takes the rep's theme from each glance: forced light or dark, else the system's", () => {
    const { pill, root } = pillWithRoot();
    const css = root.querySelector('style')!.textContent!;
    const group = root.querySelector('.pill')!;
    // The system's scheme applies unless the rep chose one (each colour is a light-dark() pair).
    expect(css).toContain('.pill{color-scheme:light dark;');
    expect(css).toContain('.pill[data-theme=light]{color-scheme:light}.pill[data-theme=dark]{color-scheme:dark}');
    pill.show(GLANCE);
    expect(group.getAttribute('data-theme')).toBe('system');
    pill.show({ ...GLANCE, theme: 'dark' });
    expect(group.getAttribute('data-theme')).toBe('dark');
    const setAttribute = vi.spyOn(group, 'setAttribute');
    pill.show({ ...GLANCE, theme: 'dark' });
    expect(setAttribute).not.toHaveBeenCalled();
    pill.show({ ...GLANCE, theme: 'light' });
    expect(group.getAttribute('data-theme')).toBe('light');
    // Kept out of the page's reach with the rest: the host says nothing of it.
    expect(pill.element.getAttributeNames()).not.toContain('data-theme');
  });

  it("speaks the rep's language its glances bring, and changes with them", () => {
    const { pill, root, host } = pillWithRoot();
    // Hidden, and wordless, until its first glance: the content script holds no translations.
    expect(isHidden(host)).toBe(true);
    pill.show({ ...GLANCE, words: { region: 'Leadside', open: 'Briefing öffnen', hide: 'Ausblenden', move: 'Verschieben' } });
    expect(root.querySelector('.open')!.textContent).toBe('Briefing öffnen');
    expect([...root.querySelectorAll('button')].map((button) => button.getAttribute('aria-label'))).toEqual(['Verschieben', null, 'Ausblenden']);
    pill.show(GLANCE);
    expect(root.querySelector('.open')!.textContent).toBe('Open brief');
    expect(root.querySelector('.pill')!.getAttribute('aria-label')).toBe('Leadside');
  });
});
