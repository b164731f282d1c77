/**
 * A lead's "best time to call" as marketing systems hold it: free text typed by the lead or a
 * marketer ("Mon/Wed mornings, before 11 ET", "after 2pm", "Tuesdays 9-11am CET", "09:00-11:00").
 * The text is always kept and shown as given; this reads a window out of it only when every part it
 * uses is understood, so "now" is never marked good or bad on a guess. Pure and total: it never
 * throws, and a text it cannot read gives undefined.
 *
 * Open ends are closed with the working day (a call "after 2pm" is a call before 18:00, "before 11"
 * one after 08:00), and a part of the day bounds a before/after ("mornings, before 11" = 08:00–11:00).
 * Two windows in one text ("mornings or after 4pm") cannot be one window: undefined.
 */
import { BestTimeWindowSchema, type BestTimeWindow, type Weekday } from '@/lib/schema/lead';

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WORKDAY_START = 8 * 60;
const WORKDAY_END = 18 * 60;
const EVENING_END = 21 * 60;
const MAX_TEXT = 500;

/** Day names as people write them; "thur", "tues", "weds", with or without a plural s or a dot. */
const DAY_WORDS: Record<string, Weekday> = {
  mon: 'mon', monday: 'mon',
  tue: 'tue', tues: 'tue', tuesday: 'tue',
  wed: 'wed', weds: 'wed', wednesday: 'wed',
  thu: 'thu', thur: 'thu', thurs: 'thu', thursday: 'thu',
  fri: 'fri', friday: 'fri',
  sat: 'sat', saturday: 'sat',
  sun: 'sun', sunday: 'sun',
};
const DAY = `(${Object.keys(DAY_WORDS).sort((a, b) => b.length - a.length).join('|')})s?\\.?`;

/** Parts of the day, in minutes from midnight. */
const PARTS: ReadonlyArray<{ pattern: RegExp; from: number; to: number }> = [
  { pattern: /\b(business|office|working|work) hours\b/, from: 9 * 60, to: 17 * 60 },
  { pattern: /\bearly mornings?\b/, from: 7 * 60, to: 9 * 60 },
  { pattern: /\blate mornings?\b/, from: 10 * 60, to: 12 * 60 },
  { pattern: /\bmornings?\b|\bam only\b/, from: 8 * 60, to: 12 * 60 },
  { pattern: /\b(lunch ?time|lunch|noontime)\b/, from: 12 * 60, to: 14 * 60 },
  { pattern: /\blate afternoons?\b/, from: 15 * 60, to: 18 * 60 },
  { pattern: /\b(early afternoons?)\b/, from: 12 * 60, to: 15 * 60 },
  { pattern: /\bafternoons?\b|\bpm only\b/, from: 12 * 60, to: 17 * 60 },
  { pattern: /\b(end of (the )?day|eod)\b/, from: 16 * 60, to: 18 * 60 },
  { pattern: /\bevenings?\b|\bafter work\b/, from: 17 * 60, to: 20 * 60 },
];

/**
 * Zone names people put after a time. The two-letter US ones (and "est", a French word) count only
 * right after a time ("11 ET", "9-11am PT"); the rest count anywhere as a word. Ambiguous ones (IST:
 * India, Ireland or Israel) are left out rather than guessed.
 */
const ZONES_AFTER_TIME: Record<string, string> = {
  et: 'America/New_York', est: 'America/New_York', ct: 'America/Chicago', mt: 'America/Denver', pt: 'America/Los_Angeles',
};
const ZONES_ANYWHERE: Record<string, string> = {
  edt: 'America/New_York', eastern: 'America/New_York',
  cst: 'America/Chicago', cdt: 'America/Chicago', central: 'America/Chicago',
  mst: 'America/Denver', mdt: 'America/Denver', mountain: 'America/Denver',
  pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pacific: 'America/Los_Angeles',
  akst: 'America/Anchorage', akdt: 'America/Anchorage', hst: 'Pacific/Honolulu',
  gmt: 'Europe/London', bst: 'Europe/London', utc: 'UTC',
  wet: 'Europe/Lisbon', west: 'Europe/Lisbon',
  cet: 'Europe/Paris', cest: 'Europe/Paris',
  eet: 'Europe/Athens', eest: 'Europe/Athens',
  jst: 'Asia/Tokyo', kst: 'Asia/Seoul', sgt: 'Asia/Singapore', hkt: 'Asia/Hong_Kong',
  aest: 'Australia/Sydney', aedt: 'Australia/Sydney', awst: 'Australia/Perth',
  nzst: 'Pacific/Auckland', nzdt: 'Pacific/Auckland',
};

/** One clock time: "9", "9am", "9:30", "9.30 p.m.", "14h", "14h30", "noon", "midnight". */
const TIME = String.raw`(?:\b(noon|midday|midnight)\b|(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|h(?!\w))?)(?![\d:])`;
const RANGE = new RegExp(String.raw`(?:\b(?:between|from)\s+)?(?<![\d\-/.:])${TIME}\s*(?:-|to|till|until|til|and)\s*${TIME}`, 'g');
const BOUND = new RegExp(String.raw`\b(before|by|until|till|after|from|around|about|at)\s+(?<!\d)${TIME}`, 'g');
const LONE = new RegExp(String.raw`(?<![\d:.])${TIME}`, 'g');

interface Clock {
  minutes: number;
  /** Written with am/pm, a 24-hour form (14, 09:00, 14h) or as noon/midnight: not to be moved. */
  fixed: boolean;
  /** Where it ended in the text, to find a zone written after it. */
  end: number;
}

/** A window from the text, or undefined when any part of it is not understood. Never throws. */
export function parseBestTime(value: string | undefined): BestTimeWindow | undefined {
  try {
    return read(value);
  } catch {
    return undefined;
  }
}

/** The text and, when it could be read, its window: what a connector stores on the profile. */
export function bestTimeFrom(value: string | undefined): { bestTimeText?: string; bestTime?: BestTimeWindow } {
  const text = value?.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  if (!text) return {};
  const window = parseBestTime(text);
  return { bestTimeText: text, ...(window ? { bestTime: window } : {}) };
}

function read(value: string | undefined): BestTimeWindow | undefined {
  if (!value) return undefined;
  const text = value.slice(0, MAX_TEXT).toLowerCase().replace(/[–—−]/g, '-').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;

  const days = readDays(text);
  if (days === null) return undefined;
  const parts = PARTS.filter((part) => part.pattern.test(text));
  const partsMatched = dropContained(text, parts);
  if (partsMatched.length > 1) return undefined;
  const part = partsMatched[0];

  const times = readTimes(text, part);
  if (times === null) return undefined;

  let from: number;
  let to: number;
  if (times) ({ from, to } = times);
  else if (part) ({ from, to } = part);
  else if (days.days || days.weekdaysOnly) [from, to] = [0, 24 * 60 - 1];
  else return undefined;
  if (from === to || from < 0 || to < 0 || from >= 24 * 60 || to >= 24 * 60) return undefined;

  const zone = times?.zone ?? zoneAnywhere(text);
  const candidate = {
    start: clock(from),
    end: clock(to),
    weekdaysOnly: days.weekdaysOnly,
    ...(days.days ? { days: days.days } : {}),
    ...(zone ? { timeZone: zone } : {}),
  };
  const parsed = BestTimeWindowSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** "mornings" also matches inside "early mornings": only the most specific part counts. */
function dropContained(text: string, parts: typeof PARTS): typeof PARTS {
  const spans = parts.map((part) => {
    const match = part.pattern.exec(text);
    return { part, start: match?.index ?? 0, end: (match?.index ?? 0) + (match?.[0].length ?? 0) };
  });
  return spans
    .filter((span) => !spans.some((other) => other !== span && other.start <= span.start && other.end >= span.end && other.end - other.start > span.end - span.start))
    .map((span) => span.part);
}

/** Named days, day ranges ("mon-fri"), "weekdays", "weekends"; null when they contradict each other. */
function readDays(text: string): { days?: Weekday[]; weekdaysOnly: boolean } | null {
  const weekdaysOnly = /\b(week ?days?|business days?|working days?|work ?days?)\b/.test(text);
  const weekend = /\bweek ?ends?\b/.test(text);
  if (weekdaysOnly && weekend) return null;
  const found = new Set<Weekday>();
  const range = new RegExp(String.raw`\b${DAY}\s*(?:-|to|through|thru|till|until)\s*${DAY}(?!\w)`, 'g');
  let rest = text;
  for (const match of text.matchAll(range)) {
    const from = WEEK.indexOf(DAY_WORDS[match[1]!]!);
    const to = WEEK.indexOf(DAY_WORDS[match[2]!]!);
    for (let day = from; ; day = (day + 1) % 7) {
      found.add(WEEK[day]!);
      if (day === to) break;
    }
    rest = rest.replace(match[0], ' ');
  }
  for (const match of rest.matchAll(new RegExp(String.raw`\b${DAY}(?!\w)`, 'g'))) found.add(DAY_WORDS[match[1]!]!);
  if (weekend) {
    found.add('sat');
    found.add('sun');
  }
  if (found.size === 0 || found.size === 7) return { weekdaysOnly };
  const days = WEEK.filter((day) => found.has(day));
  if (weekdaysOnly && days.some((day) => day === 'sat' || day === 'sun')) return null;
  // "Mon-Fri" is what weekdaysOnly has always meant (and how older profiles hold it).
  if (days.join() === 'mon,tue,wed,thu,fri') return { weekdaysOnly: true };
  return { days, weekdaysOnly };
}

/**
 * The window the times give, bounded by the part of the day when one is named; undefined when the
 * text names no time, null when it names times this cannot make one window of.
 */
function readTimes(text: string, part: { from: number; to: number } | undefined): { from: number; to: number; zone?: string } | undefined | null {
  const ranges = [...text.matchAll(RANGE)];
  const bounds = [...text.matchAll(BOUND)];
  if (ranges.length > 1) return null;
  if (ranges.length === 1) {
    const match = ranges[0]!;
    const first = clockOf(match, 1, match.index!);
    const second = clockOf(match, 5, match.index! + match[0].length);
    if (!first || !second) return null;
    // A lone time elsewhere ("9-11 or 3pm") makes a second window
    if (countTimes(text.replace(match[0], ' ')) > 0) return null;
    const [from, to] = settleRange(first, second, part);
    return { from, to, ...zoneAfter(text, match.index! + match[0].length) };
  }
  if (bounds.length > 2) return null;
  if (bounds.length > 0) {
    let from = part?.from;
    let to = part?.to;
    let end = 0;
    for (const match of bounds) {
      const word = match[1]!;
      const time = clockOf(match, 2, match.index! + match[0].length);
      if (!time) return null;
      const minutes = settle(time, part);
      end = Math.max(end, time.end);
      if (word === 'before' || word === 'by' || word === 'until' || word === 'till') to = minutes;
      else if (word === 'after' || word === 'from') from = minutes;
      else {
        // "around 2pm", "at 10": half an hour either side.
        from = Math.max(0, minutes - 30);
        to = Math.min(24 * 60 - 1, minutes + 30);
      }
    }
    let rest = text;
    for (const match of bounds) rest = rest.replace(match[0], ' ');
    if (countTimes(rest) > 0) return null;
    if (from === undefined) from = to !== undefined && to > WORKDAY_START ? WORKDAY_START : undefined;
    if (to === undefined) to = from !== undefined ? (from < WORKDAY_END ? WORKDAY_END : from < EVENING_END ? EVENING_END : undefined) : undefined;
    if (from === undefined || to === undefined || from >= to) return null;
    return { from, to, ...zoneAfter(text, end) };
  }
  const lone = [...text.matchAll(LONE)].filter((match) => isTimeLike(match));
  if (lone.length > 1) return null;
  if (lone.length === 1) {
    const match = lone[0]!;
    const time = clockOf(match, 1, match.index! + match[0].length);
    // Only what reads as a clock ("3pm", "15:00", "noon"; not a bare "3") got here: an hour from then.
    if (!time) return null;
    const from = settle(time, part);
    return { from, to: Math.min(24 * 60 - 1, from + 60), ...zoneAfter(text, time.end) };
  }
  return undefined;
}

/** How many clock times a piece of text holds (bare numbers count only with am/pm or minutes). */
function countTimes(text: string): number {
  return [...text.matchAll(LONE)].filter(isTimeLike).length;
}

function isTimeLike(match: RegExpMatchArray): boolean {
  return Boolean(match[1] || match[3] || match[4]);
}

/** The clock at groups [index..index+3] (word, hour, minute, meridiem) of a match. */
function clockOf(match: RegExpMatchArray, index: number, end: number): Clock | undefined {
  const word = match[index];
  if (word) return { minutes: word === 'midnight' ? 0 : 12 * 60, fixed: true, end };
  const hour = Number(match[index + 1]);
  const minute = match[index + 2] === undefined ? 0 : Number(match[index + 2]);
  const meridiem = match[index + 3]?.replace(/\./g, '');
  if (!Number.isInteger(hour) || minute > 59) return undefined;
  if (meridiem === 'am' || meridiem === 'pm') {
    if (hour < 1 || hour > 12) return undefined;
    return { minutes: ((hour % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + minute, fixed: true, end };
  }
  if (hour > 23 && !(hour === 24 && minute === 0)) return undefined;
  const minutes = (hour % 24) * 60 + minute;
  // "14", "09:00", "14h" are 24-hour clock; a bare 1–12 may still mean the afternoon.
  const fixed = hour === 0 || hour > 12 || meridiem === 'h' || /^0\d/.test(match[index + 1] ?? '');
  return { minutes, fixed, end };
}

/** A bare hour (no am/pm) read as the part of the day says, else as a working-day hour (2 = 14:00). */
function settle(time: Clock, part: { from: number; to: number } | undefined): number {
  if (time.fixed || time.minutes >= 12 * 60) return time.minutes;
  const afternoon = time.minutes + 12 * 60;
  if (part) return time.minutes >= part.from || afternoon > part.to ? time.minutes : afternoon;
  return time.minutes < 7 * 60 ? afternoon : time.minutes;
}

/** "9-11am": the am carries back; "11-1pm": it does not (11 am to 1 pm); "9-5": 9 to 17. */
function settleRange(first: Clock, second: Clock, part: { from: number; to: number } | undefined): [number, number] {
  let to = second.fixed ? second.minutes : settle(second, part);
  let from: number;
  if (first.fixed) from = first.minutes;
  else if (second.fixed && second.minutes >= 12 * 60 && first.minutes + 12 * 60 <= second.minutes) from = first.minutes + 12 * 60;
  else if (second.fixed) from = first.minutes;
  else from = settle(first, part);
  if (!second.fixed && to < from && to + 12 * 60 > from && to < 12 * 60) to += 12 * 60;
  return [from, to];
}

/** A zone named right after the time ("11 ET", "9-11am (CET)"). */
function zoneAfter(text: string, at: number): { zone?: string } {
  const match = /^\s*\(?\s*((?:utc|gmt) ?[+-] ?\d{1,2}|[a-z]{2,5})\b/.exec(text.slice(at));
  const word = match?.[1]?.replace(/\s/g, '');
  const zone = word ? (ZONES_AFTER_TIME[word] ?? ZONES_ANYWHERE[word] ?? offsetZone(word)) : undefined;
  return zone ? { zone } : zoneAnywhere(text) ? { zone: zoneAnywhere(text)! } : {};
}

/** An unambiguous zone named anywhere ("Pacific", "CET", "Europe/Berlin", "UTC+2"). */
function zoneAnywhere(text: string): string | undefined {
  const iana = /\b([a-z]+\/[a-z_]+(?:\/[a-z_]+)?)\b/.exec(text)?.[1];
  if (iana) {
    const known = canonicalZone(iana);
    if (known) return known;
  }
  for (const match of text.matchAll(/\b([a-z]{3,8})\b/g)) {
    const zone = ZONES_ANYWHERE[match[1]!];
    if (zone) return zone;
  }
  const offset = /\b(utc|gmt) ?([+-]) ?(\d{1,2})\b/.exec(text);
  return offset ? offsetZone(`${offset[1]}${offset[2]}${offset[3]}`) : undefined;
}

/** "utc+2" → Etc/GMT-2 (the tz database's signs are inverted); whole hours only. */
function offsetZone(word: string): string | undefined {
  const match = /^(?:utc|gmt)([+-])(\d{1,2})$/.exec(word);
  if (!match) return undefined;
  const hours = Number(match[2]);
  if (hours > 14) return undefined;
  if (hours === 0) return 'UTC';
  return canonicalZone(`Etc/GMT${match[1] === '+' ? '-' : '+'}${hours}`);
}

function canonicalZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "Mon, Wed", "weekdays": the window's days in words, for the panel. */
export function describeDays(best: Pick<BestTimeWindow, 'days' | 'weekdaysOnly'>): string | undefined {
  if (best.days) return best.days.map((day) => day[0]!.toUpperCase() + day.slice(1)).join(', ');
  return best.weekdaysOnly ? 'weekdays' : undefined;
}
