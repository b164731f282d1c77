/**
 * Runs the CRM detectors, with the generic reader behind them, on every page of the variant corpus
 * (test/fixtures/crm/variants): layouts written from the products' own documentation, not from
 * Leadside's selectors, and again after a release that renames every class.
 * test/e2e/crm-variants-*.spec.ts run the same corpus in Chromium.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assignSlotsAsBrowsersDo } from '@/test/support/assigned-slot';
import { loadCrmVariants, variantHtml } from '@/test/support/crm-variants';
import { DETECTORS } from './registry';
import { readRecordPage } from './read-page';

/**
 * happy-dom neither parses declarative shadow DOM nor runs the pages' scripts: the templates the
 * pages use for both are applied by hand, as Chromium does when it loads them.
 */
function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of [...root.querySelectorAll('template[shadowrootmode]')] as HTMLTemplateElement[]) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

function renderLate(): void {
  for (const template of [...document.querySelectorAll('template[data-late]')] as HTMLTemplateElement[]) {
    // What the late part takes the place of (a skeleton, a loading bar) goes, as the page's script removes it.
    const replaced = template.getAttribute('data-replaces');
    if (replaced) document.getElementById(replaced)?.remove();
    const holder = document.createElement('div');
    holder.append(template.content.cloneNode(true));
    attachDeclarativeShadowRoots(holder);
    template.replaceWith(...holder.childNodes);
  }
  // The page's swap script also gives the tab its title, as a single-page app does once the record
  // is loaded; happy-dom runs no script, so the title it writes is written here.
  for (const script of document.querySelectorAll('script')) {
    const title = /document\.title\s*=\s*(['"])(.*?)\1/.exec(script.textContent ?? '')?.[2];
    if (title) document.title = title;
  }
}

/** happy-dom shows a closed `<details>`' content; a browser shows only its summary. */
function foldClosedDetails(): void {
  for (const details of document.querySelectorAll('details:not([open])')) {
    for (const child of details.children) if (child.tagName !== 'SUMMARY') (child as HTMLElement).style.display = 'none';
  }
}

/** happy-dom has no user-agent rule `[hidden] { display: none }`; a browser renders nothing of such an element. */
function hideHiddenElements(): void {
  for (const element of document.querySelectorAll('[hidden]')) (element as HTMLElement).style.display = 'none';
}

/**
 * happy-dom's `checkVisibility` ignores `content-visibility: hidden` (a cached route, a console's
 * inactive tab); a browser renders none of such an element's content, and says so.
 */
function skipContentVisibilityHidden(html: string): void {
  if (!/content-visibility:\s*hidden/.test(html)) return;
  for (const element of document.querySelectorAll('*')) {
    if (getComputedStyle(element).contentVisibility !== 'hidden') continue;
    for (const child of element.children) (child as HTMLElement).style.display = 'none';
  }
}

function load(html: string): void {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<\/?html[^>]*>/g, '');
  attachDeclarativeShadowRoots(document);
  foldClosedDetails();
  hideHiddenElements();
  skipContentVisibilityHidden(html);
  // A browser focuses a page's autofocus element as it loads it (the input a rep is typing in).
  document.querySelector<HTMLElement>('[autofocus]')?.focus();
}

/** The detector whose URLs include this one, and what it makes of the URL. */
function matchOf(url: string) {
  const parsed = new URL(url);
  const detector = DETECTORS.find((candidate) => candidate.matchUrl(parsed));
  const match = detector?.matchUrl(parsed);
  return detector && match ? { detector, match } : undefined;
}

function reported(url: string) {
  const found = matchOf(url);
  return found ? readRecordPage(found.detector, document, found.match) : null;
}

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

assignSlotsAsBrowsersDo();

const variants = loadCrmVariants().map((variant) => ({ variant, html: variantHtml(variant) }));

describe.each(variants.map(({ variant, html }) => [variant.file, variant, html] as const))('variant %s', (_file, variant, html) => {
  it('reports the record, and the person on it', () => {
    load(html);
    renderLate();
    const { crm, type, id, email, name } = variant.expected;
    expect(reported(variant.url)).toEqual({ crm, type, id, email, name });
  });
});

/**
 * Pages that model an in-app switch drawn late: until their late part renders they are the previous
 * record's page under the next record's URL, with nothing on them that says so. Only the watch, which
 * read that previous record, can tell the two apart (its stale check, lib/crm/watch.test.ts runs it on
 * this page); a fresh load of them has no moment before to judge.
 */
const PREVIOUS_RECORD_UNTIL_LATE: ReadonlySet<string> = new Set(['twenty/batch92-b-person-next-record-arrow-stale-previous-person-shown-until-query-resolves-replaced-late.html']);

// Only the pages that render their details late have a moment before them.
const late = variants.filter(({ variant, html }) => html.includes('data-late=') && !PREVIOUS_RECORD_UNTIL_LATE.has(variant.file));
describe.each(late.map(({ variant, html }) => [variant.file, variant, html] as const))('late variant %s', (_file, variant, html) => {
  it('reports the record before the details render', () => {
    load(html);
    const record = reported(variant.url);
    expect(record?.crm).toBe(variant.expected.crm);
    // The record the URL names, until the page says which person it shows (a Pipedrive deal's or
    // lead's person): never another one.
    expect([variant.expected.id.split('/')[0], matchOf(variant.url)?.match.recordId]).toContain(record?.id.split('/')[0]);
    // Whatever else the page shows meanwhile (a timeline, the signed-in user) is not the person.
    expect([undefined, variant.expected.email]).toContain(record?.email);
  });
});

/**
 * A CRM release that renames every CSS class (a new build's hashed names), in the class attributes and
 * the page's own style sheets alike, so what was hidden stays hidden: the CRM's class-based selectors
 * then match nothing, and the generic layer must still find the record's person.
 */
function renameClasses(html: string): string {
  return html
    .replace(/\bclass="([^"]*)"/g, (_attribute, names: string) => `class="${names.replace(/\S+/g, (name) => `r-${name}`)}"`)
    .replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_style, open: string, css: string, close: string) =>
      // A class selector, compound ones too (".tab.active"), not a number's decimal point (".5em").
      open + css.replace(/\.(-?[A-Za-z_][\w-]*)/g, '.r-$1') + close,
    );
}

/**
 * Pages where only the CRM's class names tell what the page is. Expected to fail: a change that makes
 * one pass fails here, to be taken off this list. None since variant batch 73 (a label/value table's
 * value cells, and a new record's dialog, are told apart without them).
 */
const NEEDS_CLASS_NAMES: ReadonlyMap<string, string> = new Map<string, string>([]);

describe.each(variants.map(({ variant, html }) => [variant.file, variant, html] as const))('variant %s after a release that renames every class', (file, variant, html) => {
  const test = NEEDS_CLASS_NAMES.has(file) ? it.fails : it;
  test('reports the record, and the person on it', () => {
    load(renameClasses(html));
    renderLate();
    const { crm, type, id, email, name } = variant.expected;
    expect(reported(variant.url)).toEqual({ crm, type, id, email, name });
  });
});
