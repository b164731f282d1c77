import { createElement } from 'react';
import { renderPanel } from '@/test/support/render-panel';
import { describe, expect, it } from 'vitest';
import type { Brief, ContactPreferences } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';
import { ContactSection } from './ContactSection';
import { ErrorNotice } from './ErrorNotice';
import { GapsNote } from './GapsNote';
import { ProblemSection } from './ProblemSection';

const record = { crm: 'salesforce', objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF', url: 'https://acme.lightning.force.com/x', email: 'mo@brightwave.example' } as unknown as DetectedRecord;
const errorOf = (extra: Partial<Extract<Brief, { state: 'error' }>>) =>
  renderPanel(createElement(ErrorNotice, { brief: { state: 'error', record, error: 'HubSpot answered 401: Authentication credentials not found.', ...extra }, onRetry: () => undefined }));

describe('the panel acts on errors', () => {
  it('refused credentials: "Reconnect HubSpot", and no plain Retry that would fail the same way', () => {
    const html = errorOf({ errorKind: 'auth', reconnect: { source: 'hubspot', label: 'HubSpot' } });
    expect(html).toContain('Reconnect HubSpot');
    expect(html).toContain('HubSpot refused Leadside’s credentials.');
    expect(html).toContain('Reconnected? Try again');
    expect(html).not.toMatch(/>Retry</);
  });

  it('a rate limit: asks again on its own after the window', () => {
    const html = errorOf({ errorKind: 'rate-limited', retryAfterMs: 10_000, error: 'HubSpot answered 429: You have reached your ten_secondly_rolling limit.' });
    expect(html).toContain('Asking again in 10 sec (1 of 3).');
    expect(html).toContain('Retry now');
  });

  it('anything else: Retry', () => {
    expect(errorOf({ errorKind: 'server' })).toMatch(/>Retry</);
  });
});

describe('the brief shows what it has, and says what it lacks', () => {
  it('a problem without a date: the words, "date unknown"', () => {
    const html = renderPanel(createElement(ProblemSection, { problems: [{ text: 'Spreadsheets everywhere', form: 'HubSpot' }] }));
    expect(html).toContain('“Spreadsheets everywhere”');
    expect(html.replace(/<[^>]+>/g, '')).toContain('HubSpot · date unknown');
  });

  it('best time as the lead wrote it; "now" judged only on a window that was understood', () => {
    const render = (contact: Partial<ContactPreferences>) =>
      renderPanel(createElement(ContactSection, { contact: { doNotCall: false, doNotEmail: false, timeZone: 'America/New_York', ...contact } }));
    const understood = render({ bestTimeText: 'Mon/Wed mornings, before 11 ET', bestTime: { start: '08:00', end: '11:00', weekdaysOnly: false, days: ['mon', 'wed'], timeZone: 'America/New_York' } });
    expect(understood).toContain('“Mon/Wed mornings, before 11 ET”');
    expect(understood).toContain('read as 08:00–11:00, Mon, Wed, America/New York time');
    expect(understood).toMatch(/Good time now|Outside best time/);
    const words = render({ bestTimeText: 'Whenever, text first' });
    expect(words).toContain('“Whenever, text first”');
    expect(words).toContain('not read as a time window');
    expect(words).not.toMatch(/Good time now|Outside best time/);
  });

  it('gaps read as quiet sentences', () => {
    const html = renderPanel(createElement(GapsNote, { gaps: [{ what: 'Per-page history', why: 'needs HubSpot’s web-analytics scope or Enterprise.' }] }));
    expect(html).toContain('Per-page history needs HubSpot’s web-analytics scope or Enterprise.');
    expect(renderPanel(createElement(GapsNote, { gaps: undefined }))).toBe('');
  });
});

describe('coded messages are worded in the rep’s language', () => {
  const coded = { code: 'source.unauthorized', params: { system: 'HubSpot', status: 401 }, detail: 'Authentication credentials not found.' };
  const render = (brief: Partial<Extract<Brief, { state: 'error' }>>, locale: 'en' | 'de') =>
    renderPanel(createElement(ErrorNotice, { brief: { state: 'error', record, error: 'HubSpot answered 401: Authentication credentials not found.', ...brief }, onRetry: () => undefined }), locale);

  it('words the code in German with its parameters, and quotes the vendor’s own words untranslated', () => {
    const html = render({ errorKind: 'auth', errorCoded: coded }, 'de');
    expect(html).toContain('HubSpot antwortete mit 401: Das Zugriffstoken fehlt, ist falsch oder abgelaufen.');
    expect(html).toContain('<q translate="no" class="vendor-words">Authentication credentials not found.</q>');
    expect(html).not.toContain('HubSpot answered 401');
  });

  it('words a cause inside its message, and Leadside’s own source names too', () => {
    const html = renderPanel(
      createElement(GapsNote, {
        gaps: [{ what: 'Older activity', why: 'could not be read: …', coded: { code: 'mautic.olderActivityUnread', cause: { code: 'source.timeout', params: { system: 'The Leadside server (leadside.acme.example)', count: 8 } } } }],
      }),
      'fr',
    );
    expect(html).toContain('L’activité plus ancienne n’a pas pu être lue : Le serveur Leadside (leadside.acme.example) n’a pas répondu en 8 secondes.');
  });

  it('shows the English message, plainly, for a code this build does not know or a message stored without one', () => {
    expect(render({ errorCoded: { code: 'source.fromTheFuture' } }, 'de')).toContain('HubSpot answered 401: Authentication credentials not found.');
    expect(render({}, 'de')).toContain('HubSpot answered 401: Authentication credentials not found.');
  });
});
