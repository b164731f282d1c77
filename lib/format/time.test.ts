import { describe, expect, it } from 'vitest';
import { formatDuration, isWithinWindow, localTimeIn, relativeTime } from './time';

// 2026-11-23 is a Monday. 14:30 UTC is 09:30 in New York (EST, UTC-5) and 23:30 in Tokyo.
const mondayAfternoonUtc = new Date('2026-11-23T14:30:00Z');

describe('lead local time', () => {
  it('shows the time in the lead’s zone', () => {
    expect(localTimeIn('America/New_York', mondayAfternoonUtc, 'en-GB')).toBe('Mon 09:30');
    expect(localTimeIn('Asia/Tokyo', mondayAfternoonUtc, 'en-GB')).toBe('Mon 23:30');
  });

  it('knows whether now is inside the best-time window, in their zone', () => {
    const morning = { start: '09:00', end: '11:00', weekdaysOnly: true };
    expect(isWithinWindow(morning, 'America/New_York', mondayAfternoonUtc)).toBe(true);
    expect(isWithinWindow(morning, 'Asia/Tokyo', mondayAfternoonUtc)).toBe(false);
    expect(isWithinWindow(morning, 'America/New_York', new Date('2026-11-22T14:30:00Z'))).toBe(false); // Sunday
    expect(isWithinWindow({ start: '22:00', end: '02:00', weekdaysOnly: false }, 'Asia/Tokyo', mondayAfternoonUtc)).toBe(true);
  });
});

describe('formatting', () => {
  it('formats durations and relative times', () => {
    expect(formatDuration(45, 'en')).toBe('45 sec');
    expect(formatDuration(125, 'de')).toBe('2 Min. 5 Sek.');
    expect(formatDuration(125, 'en')).toBe('2 min 5 sec');
    expect(formatDuration(120, 'en')).toBe('2 min');
    expect(relativeTime('2026-11-20T14:30:00Z', mondayAfternoonUtc, 'en')).toBe('3 days ago');
    expect(relativeTime('2026-11-23T14:29:40Z', mondayAfternoonUtc, 'en')).toBe('now');
    expect(relativeTime('2026-11-23T14:29:40Z', mondayAfternoonUtc, 'de')).toBe('jetzt');
  });
});
