import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BestTimeWindowSchema, LeadProfileSchema } from '@/lib/schema/lead';
import { isWithinWindow } from '@/lib/format/time';
import { bestTimeFrom, describeDays, parseBestTime } from './best-time';

type Expected = { start: string; end: string; days?: string[]; weekdaysOnly?: boolean; timeZone?: string } | undefined;

// What leads and marketers type into a "best time to call" field, and the window each one means.
const TABLE: Array<[string, Expected]> = [
  ['Mon/Wed mornings, before 11 ET', { start: '08:00', end: '11:00', days: ['mon', 'wed'], timeZone: 'America/New_York' }],
  ['after 2pm', { start: '14:00', end: '18:00' }],
  ['Tuesdays 9-11am CET', { start: '09:00', end: '11:00', days: ['tue'], timeZone: 'Europe/Paris' }],
  ['09:00-11:00', { start: '09:00', end: '11:00' }],
  ['9:00 – 11:30 weekdays', { start: '09:00', end: '11:30', weekdaysOnly: true }],
  ['Mon-Fri 9-5 PT', { start: '09:00', end: '17:00', weekdaysOnly: true, timeZone: 'America/Los_Angeles' }],
  ['Mon–Thu 8:30 to 10', { start: '08:30', end: '10:00', days: ['mon', 'tue', 'wed', 'thu'] }],
  ['between 2 and 4 in the afternoon', { start: '14:00', end: '16:00' }],
  ['Afternoons', { start: '12:00', end: '17:00' }],
  ['late afternoon (Pacific)', { start: '15:00', end: '18:00', timeZone: 'America/Los_Angeles' }],
  ['11-1pm', { start: '11:00', end: '13:00' }],
  ['10pm-2am', { start: '22:00', end: '02:00' }],
  ['14h–16h30', { start: '14:00', end: '16:30' }],
  ['around 3pm', { start: '14:30', end: '15:30' }],
  ['3pm', { start: '15:00', end: '16:00' }],
  ['Thursdays before noon', { start: '08:00', end: '12:00', days: ['thu'] }],
  ['weekends', { start: '00:00', end: '23:59', days: ['sat', 'sun'] }],
  ['Business hours, Europe/Berlin', { start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' }],
  ['after 4 UTC+2', { start: '16:00', end: '18:00', timeZone: 'Etc/GMT-2' }],
  ['Tue & Thu, 1:30-3 pm EST', { start: '13:30', end: '15:00', days: ['tue', 'thu'], timeZone: 'America/New_York' }],
  ['evenings after 6', { start: '18:00', end: '20:00' }],
  // Not one window, or not a time at all: the text is shown, "now" is not judged.
  ['mornings or after 4pm', undefined],
  ['9-11am or 2-4pm', undefined],
  ['whenever', undefined],
  ['call my assistant first', undefined],
  ['ASAP', undefined],
  ['12', undefined],
  ['weekdays and weekends', undefined],
  ['', undefined],
  ['lundi et mercredi le matin', undefined],
  ['before 7am', undefined],
];

describe('parseBestTime', () => {
  it.each(TABLE)('%j', (text, expected) => {
    const window = parseBestTime(text);
    if (expected === undefined) return expect(window).toBeUndefined();
    expect(window).toEqual({ weekdaysOnly: false, ...expected });
  });

  it('keeps the text as given and adds the window only when it was understood', () => {
    expect(bestTimeFrom('  Mon/Wed mornings,   before 11 ET ')).toEqual({
      bestTimeText: 'Mon/Wed mornings, before 11 ET',
      bestTime: { start: '08:00', end: '11:00', weekdaysOnly: false, days: ['mon', 'wed'], timeZone: 'America/New_York' },
    });
    expect(bestTimeFrom('whenever suits')).toEqual({ bestTimeText: 'whenever suits' });
    expect(bestTimeFrom('   ')).toEqual({});
    expect(bestTimeFrom(undefined)).toEqual({});
  });

  it('says the days in words', () => {
    expect(describeDays({ days: ['mon', 'wed'], weekdaysOnly: false })).toBe('Mon, Wed');
    expect(describeDays({ weekdaysOnly: true })).toBe('weekdays');
    expect(describeDays({ weekdaysOnly: false })).toBeUndefined();
  });

  it('judges "now" in the zone the lead named, on the days they named', () => {
    const window = parseBestTime('Mon/Wed mornings, before 11 ET')!;
    // 2026-11-23 is a Monday; 14:30 UTC is 09:30 in New York.
    expect(isWithinWindow(window, window.timeZone!, new Date('2026-11-23T14:30:00Z'))).toBe(true);
    expect(isWithinWindow(window, window.timeZone!, new Date('2026-11-24T14:30:00Z'))).toBe(false); // Tuesday
    expect(isWithinWindow(window, window.timeZone!, new Date('2026-11-23T16:30:00Z'))).toBe(false); // 11:30 ET
    // A window across midnight belongs to the day it began: 01:00 Saturday is still Friday night.
    const late = { start: '22:00', end: '02:00', weekdaysOnly: false, days: ['fri'] };
    expect(isWithinWindow(late, 'UTC', new Date('2026-11-28T01:00:00Z'))).toBe(true);
    expect(isWithinWindow(late, 'UTC', new Date('2026-11-29T01:00:00Z'))).toBe(false);
  });

  it('profiles stored before best time was text still parse, and keep meaning what they meant', () => {
    const stored = {
      id: 'lead-1',
      source: { channel: 'email', utm: {} },
      problems: [{ text: 'Spreadsheets everywhere', form: 'Contact us', submittedAt: '2026-11-02T10:00:00.000Z' }],
      contact: { bestTime: { start: '09:00', end: '11:00', weekdaysOnly: true }, timeZone: 'America/New_York', doNotCall: false, doNotEmail: false },
    };
    const profile = LeadProfileSchema.parse(stored);
    expect(profile.contact.bestTime).toEqual({ start: '09:00', end: '11:00', weekdaysOnly: true });
    expect(profile.contact.bestTimeText).toBeUndefined();
    expect(isWithinWindow(profile.contact.bestTime!, 'America/New_York', new Date('2026-11-23T14:30:00Z'))).toBe(true);
    // And the new shape: words, a window with days and a zone, an undated problem.
    const now = LeadProfileSchema.parse({
      ...stored,
      problems: [{ text: 'Spreadsheets everywhere', form: 'HubSpot' }],
      contact: { ...stored.contact, bestTimeText: 'Mon/Wed mornings, before 11 ET', bestTime: parseBestTime('Mon/Wed mornings, before 11 ET') },
      gaps: [{ what: 'Per-page history', why: 'needs the web-analytics scope.' }],
    });
    expect(now.problems[0]!.submittedAt).toBeUndefined();
    expect(now.contact.bestTime?.days).toEqual(['mon', 'wed']);
  });

  it('never throws, and anything it answers is a valid window', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const window = parseBestTime(text);
        if (window) expect(BestTimeWindowSchema.safeParse(window).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
    const timeish = fc.array(fc.constantFrom('9', '11', ':30', 'am', 'pm', '-', ' to ', ' ', 'mon', 'fri', 'ET', 'before ', 'after ', 'mornings', '/', ','), { maxLength: 12 });
    fc.assert(
      fc.property(timeish, (parts) => {
        const window = parseBestTime(parts.join(''));
        if (window) expect(BestTimeWindowSchema.safeParse(window).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never invents a window from text with no time, day or part of the day in it', () => {
    // Letters that cannot spell a day, a part of the day or a zone name, with digits that are not clock times.
    const gibberish = fc.array(fc.constantFrom('b', 'c', 'f', 'g', 'j', 'k', 'q', 'v', 'x', 'z', ' ', ',', '!', '?', '#', '12', '7'), { maxLength: 60 });
    fc.assert(
      fc.property(gibberish, (parts) => {
        expect(parseBestTime(parts.join(''))).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
