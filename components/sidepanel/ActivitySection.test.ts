import { createElement } from 'react';
import { renderPanel } from '@/test/support/render-panel';
import { describe, expect, it } from 'vitest';
import type { Activity, ContactPreferences, LeadSource } from '@/lib/schema';
import { ACTIVITIES_SHOWN, ActivitySection } from './ActivitySection';
import { createI18n } from '@/lib/i18n/create';
import { activitySentence, formatElapsed } from './activity-text';
import { PANEL_NAMESPACES } from './use-panel-words';

const english = createI18n('en').getFixedT('en', PANEL_NAMESPACES);
const german = createI18n('de').getFixedT('de', PANEL_NAMESPACES);
import { DoNotContactAlert } from './DoNotContactAlert';
import { SourceSection } from './SourceSection';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const open: Activity = { kind: 'email_open', title: 'Fleet newsletter #4', at: '2026-11-17T11:20:00.000Z', sentAt: '2026-11-17T09:20:00.000Z', subject: "Q's answered" };
const download: Activity = { kind: 'download', title: 'Pricing & Plans', url: 'https://crm.velotrail.example/asset/4:pricing-plans', at: '2026-11-16T15:00:00.000Z' };
const form: Activity = { kind: 'form_submission', title: 'Talk to sales', at: '2026-11-16T14:58:00.000Z' };

describe('activity sentences', () => {
  it('says what the lead did, with the e-mail subject and how long after sending it was opened', () => {
    expect(activitySentence(open, english, 'en')).toBe("Opened the e-mail 'Fleet newsletter #4' (sent with the subject 'Q's answered'), 2 hr after it was sent");
    expect(activitySentence(download, english)).toBe('Downloaded Pricing & Plans');
    expect(activitySentence(form, english)).toBe("Submitted the form 'Talk to sales'");
    expect(activitySentence({ ...open, sentAt: undefined, subject: 'Fleet newsletter #4' }, english)).toBe("Opened the e-mail 'Fleet newsletter #4'");
  });

  it('says it in the rep’s language, the title kept as marketing wrote it', () => {
    expect(activitySentence(open, german, 'de')).toContain('Fleet newsletter #4');
    expect(activitySentence(open, german, 'de')).not.toContain('Opened');
  });

  it('words the time between sending and opening', () => {
    expect(formatElapsed('2026-11-17T09:00:00Z', '2026-11-17T09:00:40Z', 'en')).toBe('40 sec');
    expect(formatElapsed('2026-11-17T09:00:00Z', '2026-11-17T09:12:00Z', 'en')).toBe('12 min');
    expect(formatElapsed('2026-11-17T09:00:00Z', '2026-11-18T10:00:00Z', 'en')).toBe('25 hr');
    expect(formatElapsed('2026-11-17T09:00:00Z', '2026-11-20T09:00:00Z', 'en')).toBe('3 days');
    expect(formatElapsed('2026-11-17T09:00:00Z', '2026-11-20T09:00:00Z', 'de')).toBe('3 Tage');
    expect(formatElapsed('2026-11-17T09:00:00Z', '2026-11-17T08:00:00Z')).toBeUndefined();
  });
});

describe('the activity section', () => {
  it('lists each activity as text with a relative time, the download as a link', () => {
    const html = renderPanel(createElement(ActivitySection, { activities: [open, download, form], now: NOW }));
    expect(html.match(/data-testid="activity"/g)).toHaveLength(3);
    expect(text(html)).toContain("Opened the e-mail 'Fleet newsletter #4' (sent with the subject 'Q's answered'), 2 hr after it was sent");
    expect(text(html)).toContain('3 days ago');
    expect(html).toContain('href="https://crm.velotrail.example/asset/4:pricing-plans"');
    // Text from marketing is escaped, never rendered as HTML.
    expect(html).toContain('Pricing &amp; Plans');
  });

  it('renders a title holding markup as text', () => {
    const html = renderPanel(createElement(ActivitySection, { activities: [{ ...form, title: '<img src=x onerror=alert(1)>' }], now: NOW }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });

  it('says so when the source reports none, and shows nothing when it reports no such activity at all', () => {
    expect(text(renderPanel(createElement(ActivitySection, { activities: [], now: NOW })))).toContain('No downloads, e-mail opens or form submissions recorded.');
    expect(renderPanel(createElement(ActivitySection, { activities: undefined, now: NOW }))).toBe('');
  });

  it('shows the latest few and a "Show all" for a long history', () => {
    const many = Array.from({ length: 30 }, (_, index) => ({ ...form, at: new Date(Date.UTC(2026, 10, 1, index)).toISOString() }));
    const html = renderPanel(createElement(ActivitySection, { activities: many, now: NOW }));
    expect(html.match(/data-testid="activity"/g)).toHaveLength(ACTIVITIES_SHOWN);
    expect(text(html)).toContain('Show all 30');
  });
});

describe('do-not-contact with when and why', () => {
  const contact: ContactPreferences = {
    doNotCall: false,
    doNotEmail: true,
    optOuts: [
      { channel: 'email', reason: 'unsubscribed', at: '2026-11-18T16:45:00.000Z', comment: 'Unsubscribed from "Spring tune-up"' },
      { channel: 'sms', reason: 'bounced' },
    ],
  };

  it('names each channel, reason, date and comment', () => {
    const shown = text(renderPanel(createElement(DoNotContactAlert, { contact, now: NOW })));
    expect(shown).toContain('Do not email');
    expect(shown).toMatch(/E-mail: unsubscribed on 18 Nov 2026|E-mail: unsubscribed on Nov 18, 2026/);
    expect(shown).toContain('Unsubscribed from "Spring tune-up"');
    expect(shown).toContain('SMS: bounced (date not given)');
  });

  it('a stop on text messages alone: do not text, with its reason, and calls not forbidden', () => {
    const shown = text(renderPanel(createElement(DoNotContactAlert, { contact: { doNotCall: false, doNotEmail: false, doNotText: true, optOuts: [{ channel: 'sms', reason: 'unsubscribed' }] }, now: NOW })));
    expect(shown).toContain('Do not text');
    expect(shown).toContain('SMS: unsubscribed');
    expect(shown).not.toContain('Do not call');
    // A stop on push notifications alone is nothing a rep acts on.
    expect(renderPanel(createElement(DoNotContactAlert, { contact: { doNotCall: false, doNotEmail: false, optOuts: [{ channel: 'notification', reason: 'unsubscribed' }] } }))).toBe('');
  });

  it('keeps the plain warning when the source gives no details, and nothing when contact is allowed', () => {
    expect(text(renderPanel(createElement(DoNotContactAlert, { contact: { doNotCall: true, doNotEmail: false } })))).toContain('the lead asked marketing not to be contacted this way');
    expect(renderPanel(createElement(DoNotContactAlert, { contact: { doNotCall: false, doNotEmail: false } }))).toBe('');
    // A stop on texts from a file import (no entry to explain it) still warns.
    expect(text(renderPanel(createElement(DoNotContactAlert, { contact: { doNotCall: false, doNotEmail: false, doNotText: true } })))).toContain('Do not text');
  });
});

describe('the latest touch', () => {
  it("shows its keyword and date, not only its campaign", () => {
    const source: LeadSource = {
      channel: 'email',
      campaign: 'spring-tune-up',
      utm: { campaign: 'spring-tune-up' },
      latest: { channel: 'paid_search', campaign: 'fleet-q4', term: 'fleet service software', at: '2026-11-16T14:49:00.000Z' },
    };
    const html = renderPanel(createElement(SourceSection, { source }));
    const latest = text(html.slice(html.indexOf('data-testid="source-latest"')));
    expect(latest).toContain('Paid search · fleet-q4 · keyword');
    expect(latest).toContain('fleet service software');
    expect(latest).toMatch(/16 Nov 2026|Nov 16, 2026/);
  });
});
