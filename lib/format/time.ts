/** Date and time formatting for the brief, always in the rep's locale and the lead's time zone. */

export interface ClockWindow {
  start: string;
  end: string;
  weekdaysOnly: boolean;
  /** The days it holds on ("mon", "wed"); absent means any day. */
  days?: readonly string[];
}

function partsIn(zone: string, now: Date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { weekday: get('weekday'), hour: Number(get('hour')), minute: Number(get('minute')) };
}

/** "Tue 14:05" in the lead's zone, in the rep's locale. */
export function localTimeIn(zone: string, now: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(now);
}

/** Whether `now`, seen in the lead's zone, falls inside their best-time window (which may cross midnight). */
export function isWithinWindow(best: ClockWindow, zone: string, now: Date): boolean {
  const { weekday, hour, minute } = partsIn(zone, now);
  const minutes = hour * 60 + minute;
  const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  const start = toMinutes(best.start);
  const end = toMinutes(best.end);
  const inHours = start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  // After midnight in a window that crosses it, the window began on the day before.
  const day = start > end && minutes < end ? WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7]! : weekday;
  if (best.weekdaysOnly && (day === 'Sat' || day === 'Sun')) return false;
  if (best.days && !best.days.includes(day.toLowerCase())) return false;
  return inHours;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "12 Nov 2026" */
export function formatDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** "12 Nov, 14:05" */
export function formatDateTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** "3 days ago", "now" ("vor 3 Tagen", "jetzt"): Intl's words in the rep's locale. */
export function relativeTime(iso: string, now: Date, locale?: string): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['week', 7 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** "2 min 5 sec", "45 sec" ("2 Min. 5 Sek."): Intl's unit words in the rep's locale. */
export function formatDuration(totalSeconds: number, locale?: string): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = Math.round(totalSeconds % 60);
  const unit = (value: number, name: 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (minutes === 0) return unit(seconds, 'second');
  return seconds ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}` : unit(minutes, 'minute');
}
