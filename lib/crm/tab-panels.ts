/**
 * A record page's own tab panels. A narrow window or a compact layout folds a record's sections into
 * tabs (Lightning's Activity / Details / Related, HubSpot's columns under "About"), and a panel once
 * rendered stays in the DOM while another tab is selected: the person's address is then hidden, yet
 * it is this record's. CRMs also keep earlier records' pages hidden (Lightning's cached pages, a
 * console's other workspaces), whose addresses are not this record's. What tells them apart here:
 * an unselected panel of the record has its tab on screen, and holds no record of its own (no
 * level-1 heading, in it or in a panel beside it, as a console's workspaces each have).
 */

/** The element `node` hangs from, crossing out of a shadow root to its host. */
function composedParent(node: Element): Element | null {
  return node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);
}

const RECORD_HEADING = 'h1, [role="heading"][aria-level="1"]';

/** The tab that names `panel`: by its aria-labelledby, or a tab whose aria-controls names it. */
function tabOf(panel: Element): Element | undefined {
  const ids = (panel.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  // A panel slotted into a tab set's shadow root (Lightning's flexipage-tabset2) has its tabs there.
  const roots = [panel.getRootNode(), panel.parentElement?.shadowRoot].filter((root): root is Document | ShadowRoot => !!root && 'getElementById' in root);
  for (const root of roots) {
    for (const id of ids) {
      const labelledBy = root.getElementById(id);
      if (labelledBy?.getAttribute('role') === 'tab') return labelledBy;
    }
    const controlling = panel.id ? root.querySelector(`[role="tab"][aria-controls="${CSS.escape(panel.id)}"]`) : null;
    if (controlling) return controlling;
  }
  return undefined;
}

/**
 * A tab set built without ARIA (Zoho's Lyte tabs, plain buttons): its panels are siblings keyed by one
 * data attribute, each with its own value (`data-tab="overview"`), and its tabs are another row of
 * siblings keyed the same way (`data-tab-id="overview"`). Both rows are required, so a list's rows
 * (keyed by id, with no second row of the same keys) are never taken for panels. Returns `element`'s
 * sibling panels and its tab, when it is such a panel.
 */
function keyedPanel(element: Element, withTab = true): { panels: Element[]; tab?: Element } | undefined {
  const parent = element.parentElement;
  if (!parent || parent.childElementCount < 2) return undefined;
  for (const { name, value } of element.attributes) {
    if (!TAB_KEY.test(name) || !value) continue;
    const panels = [...parent.children].filter((sibling) => sibling.hasAttribute(name));
    const keys = new Set(panels.map((panel) => panel.getAttribute(name)));
    if (panels.length < 2 || keys.size !== panels.length) continue;
    if (!withTab) return { panels };
    const tab = tabKeyedBy(parent.parentElement ?? parent, value, keys, panels);
    if (tab) return { panels, tab };
  }
  return undefined;
}

/**
 * The data attributes a tab set without ARIA keys its tabs and panels by, as the products name them
 * (`data-tab`, `data-tab-id`, `data-tab-content`, `data-pane`): only those, so the ids every element
 * of some frameworks carries (`data-aura-rendered-by`, `data-id`) never make a page's rows look like panels.
 */
const TAB_KEY = /^data-(?:[\w-]*-)?(?:tab|pane)(?:-[\w-]*)?$/i;

/** The tab carrying `key` in `area`: an element outside the panels whose row of siblings carries the other panels' keys too. */
function tabKeyedBy(area: Element, key: string, keys: ReadonlySet<string | null>, panels: readonly Element[]): Element | undefined {
  for (const candidate of area.querySelectorAll('*')) {
    const attribute = [...candidate.attributes].find(({ name, value }) => TAB_KEY.test(name) && value === key);
    if (!attribute || panels.some((panel) => panel.contains(candidate))) continue;
    const row = [...(candidate.parentElement?.children ?? [])].filter((sibling) => sibling !== candidate && keys.has(sibling.getAttribute(attribute.name)));
    if (row.length > 0) return candidate;
  }
  return undefined;
}

/** The panels beside a tab panel and the tab that shows it, however the tab set is built. */
function tabSetOf(panel: Element): { panels: Element[]; tab?: Element } | undefined {
  if (panel.getAttribute('role') !== 'tabpanel') return keyedPanel(panel);
  const tab = tabOf(panel);
  const parent = composedParent(panel);
  return tab && parent ? { panels: [...parent.children].filter((sibling) => sibling.getAttribute('role') === 'tabpanel'), tab } : undefined;
}

/** Whether a hidden tab panel is a section of the record on screen, folded away behind its shown tab. */
function isRecordSection(panel: Element, isShown: (element: Element) => boolean): boolean {
  const set = tabSetOf(panel);
  if (!set?.tab || !isShown(set.tab) || panel.querySelector(RECORD_HEADING)) return false;
  const parent = composedParent(panel);
  if (!parent) return false;
  const besides = set.panels.filter((sibling) => sibling !== panel);
  if (besides.some((sibling) => sibling.querySelector(RECORD_HEADING) || sibling.shadowRoot?.querySelector(RECORD_HEADING))) return false;
  // The tab set itself is on screen, or is a section folded away in turn.
  return isShown(parent) || isHiddenOnlyByTabs(parent, isShown);
}

/**
 * Whether `element`, hidden, is hidden only because it is in a record's unselected tab panel: the
 * panel is a section of the shown record (isRecordSection), and nothing between the panel and the
 * element hides it on its own. `isShown` is the browser's own check of what is rendered.
 */
export function isHiddenOnlyByTabs(element: Element, isShown: (element: Element) => boolean, panels?: Map<Element, Element | null>): boolean {
  // Most hidden elements are in no tab panel at all (an earlier record's page, a closed menu): found
  // out without looking at any style.
  const panel = panelAround(element, panels);
  // A tab set takes an unselected panel out of the layout; a panel kept in it but made invisible
  // (`visibility: hidden`) is how a console parks a whole session, not a tab of the record.
  if (!panel || isShown(panel) || getComputedStyle(panel).display !== 'none' || !isRecordSection(panel, isShown)) return false;
  // Hidden by something of its own (a collapsed menu, a closed section): shown by no tab.
  for (let current = element; current !== panel; current = composedParent(current)!) {
    if (getComputedStyle(current).display === 'none') return false;
  }
  return true;
}

/**
 * The nearest tab panel `element` is in, or null. `panels` keeps each element's answer for one read:
 * a page that keeps earlier records hidden asks about thousands of elements sharing their ancestors,
 * and each ancestor is then looked at once instead of once per element below it.
 */
function panelAround(element: Element, panels?: Map<Element, Element | null>): Element | null {
  const known = panels?.get(element);
  if (known !== undefined) return known;
  const parent = composedParent(element);
  const panel = element.getAttribute('role') === 'tabpanel' || (element.hasAttributes() && keyedPanel(element, false)) ? element : parent ? panelAround(parent, panels) : null;
  panels?.set(element, panel);
  return panel;
}
