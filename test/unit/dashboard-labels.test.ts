import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n/create';
import { channelLabel, dayText, deltaText, hoursText, percent, shareText, typeLabel } from '@/dashboard/labels';

// The dashboard's numbers, days and names follow the UI's locale (Intl), not the machine's.
describe('dashboard labels', () => {
  it('writes shares, changes and days as each locale does', () => {
    expect(percent(0.4, 'en')).toBe('40%');
    expect(percent(0.4, 'de')).toBe('40\u00a0%');
    expect(shareText({ share: 0.4, low: 0.12, high: 0.71, count: 4, of: 10, tooFew: false }, 'fr')).toMatch(/^40\s% \(12\s%–71\s%\)$/); // a (narrow) no-break space, by ICU version
    expect(deltaText(3, 'en')).toBe('+3');
    expect(deltaText(0, 'en')).toBe('0');
    expect(dayText('2026-11-12', 'en')).toBe('Nov 12, 2026');
    expect(dayText('2026-11-12', 'de')).toBe('12. Nov. 2026');
    expect(dayText('2026-11-12', 'pt')).toBe('12 de nov. de 2026');
  });

  it('says durations in the locale\'s units, with its decimal sign', () => {
    expect(hoursText(null, 'en')).toBe('—');
    expect(hoursText(0.75, 'en')).toBe('45 min');
    expect(hoursText(5.5, 'de')).toBe('5,5 Std.');
    expect(hoursText(77, 'es')).toMatch(/^3,2\s?d/);
  });

  it('names channels and content types through the messages, and keeps an unknown type as stored', () => {
    const de = createI18n('de').getFixedT<['dashboard', 'common']>('de', ['dashboard', 'common']);
    expect(channelLabel('paid_search', de)).toBe('Bezahlte Suche');
    expect(channelLabel(null, de)).toBe('Keine Quelle');
    expect(typeLabel('case_study', de)).toBe('Fallstudie');
    expect(typeLabel('podcast', de)).toBe('podcast');
  });
});
