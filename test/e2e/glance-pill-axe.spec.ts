import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Glance } from '@/lib/schema/glance';

/**
 * axe on the glance pill. The shipped pill lives in a closed shadow root (the page must not read the
 * lead's name), which axe cannot enter. So this mounts the pill's own code, lib/crm/glance-pill.ts
 * bundled as it is, on a test page with one difference made from outside: the page's attachShadow
 * opens every root. Markup, styles, words and themes are the shipped ones; the build is untouched.
 */
async function pillBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import { createGlancePill } from './lib/crm/glance-pill'; globalThis.createGlancePill = createGlancePill;",
      resolveDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const WORDS: Glance['words'] = { region: 'Leadside', open: 'Open brief', hide: 'Hide Leadside for this record', move: 'Move Leadside to the next corner' };
/** A lead's line that fits the pill, so axe can judge every colour (see below). */
const SHORT: Glance = { name: 'Ana Li', source: 'Event', signal: 'Do not call', words: WORDS };
/** One that does not: the name and source give way with an ellipsis, the signal never. */
const LONG: Glance = { name: 'Priya Raman-Oyelaran de la Fuente', source: 'Paid search – Q3 SOC 2 Readiness', signal: 'Do not call', words: WORDS };

async function mountPill(page: Page, bundle: string, glance: Glance): Promise<void> {
  await page.setContent('<!doctype html><html lang="en"><head><title>Priya Raman | Lead</title></head><body><main><h1>Priya Raman</h1></main></body></html>');
  await page.addScriptTag({
    content: `{
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
    }
    ${bundle}`,
  });
  await page.evaluate((shown) => {
    const pill = (globalThis as unknown as { createGlancePill: typeof import('@/lib/crm/glance-pill').createGlancePill }).createGlancePill(document, () => undefined);
    pill.show(shown);
    // The pill puts itself beside the CRM's <body>, under <html>; axe works out text and background
    // colours only inside <body> (outside it every colour check ends "incomplete"). Its host resets
    // everything it could inherit (`all: initial`) and is fixed to the viewport, so in <body> it
    // paints the same.
    document.body.append(pill.element);
  }, glance);
  await expect(page.locator('leadside-glance')).toBeVisible();
}

const axe = (page: Page) => new AxeBuilder({ page }).include('leadside-glance').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
const serious = (results: Awaited<ReturnType<typeof axe>>) =>
  results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
const seriousViolations = async (page: Page) => serious(await axe(page));

for (const [label, colorScheme, theme] of [
  ['light (system)', 'light', 'system'],
  ['dark (system)', 'dark', 'system'],
  ['dark (chosen in Options, light system)', 'light', 'dark'],
  ['light (chosen in Options, dark system)', 'dark', 'light'],
] as const) {
  test(`axe finds no serious or critical violation in the glance pill: ${label}`, async ({ extension }) => {
    const bundle = await pillBundle();
    const page = await extension.context.newPage();
    await page.emulateMedia({ colorScheme });
    // A long line gives way (ellipsis), never the buttons ("Open brief" stays whole on its own colour)
    // and never the signal ("Do not call" is the one thing the rep must read).
    await mountPill(page, bundle, { ...LONG, theme });
    const fit = await page.evaluate(() => {
      const root = document.querySelector('leadside-glance')!.shadowRoot!;
      const whole = (element: Element) => element.scrollWidth <= element.clientWidth;
      const text = root.querySelector('.text')!.getBoundingClientRect();
      const signal = root.querySelector('.signal')!;
      return {
        buttonsWhole: [...root.querySelectorAll('button')].every(whole),
        nameCut: !whole(root.querySelector('.who')!),
        signalShown: whole(signal) && signal.getBoundingClientRect().right <= text.right + 0.5,
      };
    });
    expect(fit).toEqual({ buttonsWhole: true, nameCut: true, signalShown: true });
    await page.screenshot({ path: `artifacts/pill/long-line-${colorScheme}-${theme}.png`, clip: { x: 0, y: 0, width: 1280, height: 720 } });
    expect(await seriousViolations(page)).toEqual([]);

    // axe's colour check cannot see that clipped text is clipped: the hidden part of a long line
    // counts as covering the button beside it, and that button's contrast ends "incomplete". With
    // a line that fits, every text of the pill gets a verdict.
    await mountPill(page, bundle, { ...SHORT, theme });
    const { background, textFits } = await page.evaluate(() => {
      const root = document.querySelector('leadside-glance')!.shadowRoot!;
      const text = root.querySelector('.text')!;
      return { background: getComputedStyle(root.querySelector('.pill')!).backgroundColor, textFits: text.scrollWidth <= text.clientWidth };
    });
    expect(textFits).toBe(true);
    // The theme this case is about is the one painted.
    const dark = theme === 'dark' || (theme === 'system' && colorScheme === 'dark');
    expect(background).toBe(dark ? 'rgb(29, 37, 48)' : 'rgb(255, 255, 255)');

    const results = await axe(page);
    expect(serious(results)).toEqual([]);
    // axe did look inside the root: the pill's text and buttons had their contrast and names checked.
    const checked = (rule: string) => results.passes.find((pass) => pass.id === rule)?.nodes.map((node) => JSON.stringify(node.target)) ?? [];
    for (const part of ['.who', '.signal', '.open']) expect(checked('color-contrast').join(' ')).toContain(`"${part}"`);
    // Nothing left undecided, but a one-character glyph (grip, close) axe may call too short to be
    // text: its colour pair is the muted one, checked in glance-pill.test.ts.
    const undecided = results.incomplete.filter((rule) => rule.id === 'color-contrast').flatMap((rule) => rule.nodes);
    expect(undecided.filter((node) => node.any[0]?.data?.messageKey !== 'shortTextContent').map((node) => node.target)).toEqual([]);
    expect(checked('button-name')).toHaveLength(3);
  });
}
