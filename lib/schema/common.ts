import { z } from 'zod';

/** ISO-8601 timestamp with an offset or `Z`, as every vendor we read sends them. */
export const TimestampSchema = z.iso.datetime({ offset: true });

/**
 * A link we may render or open. Anything but http(s) (javascript:, data:, file:) is refused at the
 * boundary so no component ever has to remember to check.
 */
export const HttpUrlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/** An IANA time zone the runtime actually knows ("Europe/Berlin"), not just any string. */
export const TimeZoneSchema = z.string().refine(isKnownTimeZone, { message: 'Unknown IANA time zone' });

/** Asking Intl costs ~90 µs a call, and the same few zones come back in every brief and import. */
const knownZones = new Map<string, boolean>();

function isKnownTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

/** Turns a zod error into one short line a person can act on ("pageViews.3.url: Invalid URL"). */
export function summarizeZodError(error: z.ZodError, maxIssues = 3): string {
  const lines = error.issues.slice(0, maxIssues).map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length - maxIssues;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}
