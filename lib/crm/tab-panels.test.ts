import { afterEach, describe, expect, it } from 'vitest';
import { deepQueryAll, firstShownEmail, inOneRead, isShown } from './dom';

afterEach(() => document.body.replaceChildren());

/** A record's header, then its sections as tabs with `selected` chosen; the others' panels hidden. */
function recordWithTabs(selected: string, panels: Record<string, string>, header = '<h1>Ada Lovelace</h1>'): void {
  const names = Object.keys(panels);
  document.body.innerHTML = `
    <div id="record">${header}
      <div role="tablist">${names.map((name) => `<button role="tab" id="tab-${name}" aria-controls="panel-${name}" aria-selected="${name === selected}">${name}</button>`).join('')}</div>
      ${names.map((name) => `<section role="tabpanel" id="panel-${name}" aria-labelledby="tab-${name}"${name === selected ? '' : ' style="display:none"'}>${panels[name]}</section>`).join('')}
    </div>`;
}

const EMAIL = '<div class="prop"><label>Email</label><span class="value">ada@analytical.example</span></div>';

describe('a section of the shown record folded behind its tab', () => {
  it('is shown to the readers, found by the panel’s aria-labelledby or by the tab’s aria-controls', () => {
    recordWithTabs('Activity', { Activity: '<p>Called on Monday</p>', Details: EMAIL });
    expect(isShown(document.querySelector('.value')!)).toBe(true);
    expect(inOneRead(() => firstShownEmail(document, ['.value']))).toBe('ada@analytical.example');
    document.querySelector('#panel-Details')!.removeAttribute('aria-labelledby');
    expect(isShown(document.querySelector('.value')!)).toBe(true);
    document.querySelector('#tab-Details')!.removeAttribute('aria-controls');
    expect(isShown(document.querySelector('.value')!)).toBe(false);
  });

  it('is not, when its tab is hidden too: an earlier record’s page kept in the DOM', () => {
    recordWithTabs('Activity', { Activity: '', Details: EMAIL });
    (document.querySelector('#record') as HTMLElement).style.display = 'none';
    expect(isShown(document.querySelector('.value')!)).toBe(false);
  });

  it('is not, when the panels are records of their own: a console’s workspaces, each with its heading', () => {
    recordWithTabs('Grace', { Grace: '<h1>Grace Hopper</h1>', Ada: EMAIL }, '');
    expect(isShown(document.querySelector('.value')!)).toBe(false);
    recordWithTabs('Grace', { Grace: '<p>Grace Hopper</p>', Ada: `<h1>Ada Lovelace</h1>${EMAIL}` }, '');
    expect(isShown(document.querySelector('.value')!)).toBe(false);
  });

  it('is not, when the panel is made invisible rather than taken out of the layout: a console’s parked session', () => {
    recordWithTabs('Activity', { Activity: '', Details: EMAIL });
    const details = document.querySelector<HTMLElement>('#panel-Details')!;
    details.style.display = '';
    details.style.visibility = 'hidden';
    expect(isShown(document.querySelector('.value')!)).toBe(false);
  });

  it('keeps hidden what is hidden inside the panel on its own (a closed menu), and what a shown panel hides', () => {
    recordWithTabs('Activity', { Activity: `<div style="display:none">${EMAIL}</div>`, Details: `<div style="display:none">${EMAIL}</div>` });
    for (const value of document.querySelectorAll('.value')) expect(isShown(value)).toBe(false);
  });

  it('is read in a panel slotted into a tab set whose tabs are in its shadow root (Lightning), shadow roots inside it too', () => {
    document.body.innerHTML = `<h1>Ada Lovelace</h1><flexipage-tabset2 id="tabset">
      <section role="tabpanel" aria-labelledby="activity">Activity</section>
      <section role="tabpanel" aria-labelledby="details" style="display:none"><records-detail-panel id="host"></records-detail-panel></section></flexipage-tabset2>`;
    const tabset = document.querySelector('#tabset')!.attachShadow({ mode: 'open' });
    tabset.innerHTML = '<a role="tab" id="activity" aria-selected="true">Activity</a><a role="tab" id="details" aria-selected="false">Details</a><slot></slot>';
    document.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = EMAIL;
    expect(inOneRead(() => deepQueryAll(document, '.value').map((element) => element.textContent))).toEqual(['ada@analytical.example']);
    expect(inOneRead(() => firstShownEmail(document, ['.value']))).toBe('ada@analytical.example');
  });

  it('is read from a tab set built without ARIA, its tabs and panels keyed by the same values (Zoho’s Lyte tabs, plain buttons)', () => {
    document.body.innerHTML = `<h1>Ada Lovelace</h1><lyte-tabs>
      <lyte-tab-head><span data-tab="overview">Overview</span><span data-tab="timeline" class="active">Timeline</span></lyte-tab-head>
      <lyte-tab-body data-tab="overview" style="display:none">${EMAIL}</lyte-tab-body>
      <lyte-tab-body data-tab="timeline">Called on Monday</lyte-tab-body></lyte-tabs>`;
    expect(isShown(document.querySelector('.value')!)).toBe(true);
    document.body.innerHTML = `<h1>Ada Lovelace</h1><div><button data-tab-id="fields">Fields</button><button data-tab-id="emails">Emails</button></div>
      <div data-tab-content="fields" style="display:none">${EMAIL}</div><div data-tab-content="emails">Threads</div>`;
    expect(isShown(document.querySelector('.value')!)).toBe(true);
  });

  it('is not, for hidden rows keyed by ids, or keyed panels with no row of tabs carrying their keys', () => {
    document.body.innerHTML = `<h1>Ada Lovelace</h1><button data-id="r1">Open</button><ul>
      <li data-id="r1" style="display:none">${EMAIL}</li><li data-id="r2">Grace</li></ul>`;
    expect(isShown(document.querySelector('.value')!)).toBe(false);
    document.body.innerHTML = `<h1>Ada Lovelace</h1><button data-tab="overview">Overview</button>
      <div data-tab="overview" style="display:none">${EMAIL}</div><div data-tab="timeline">Called</div>`;
    expect(isShown(document.querySelector('.value')!)).toBe(false);
  });
});

