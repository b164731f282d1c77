/**
 * Mautic variants, eleventh set (M130…M144): contact preferences and the lead's local time as Mautic
 * really stores them. The `timezone` field holding legacy tz names (US/Eastern, Asia/Calcutta,
 * Europe/Kiev, Asia/Katmandu: PHP still knows them and Mautic's own guess from a page hit can return
 * them), empty or null beside a country/state/city, garbage typed into a text field or imported,
 * Etc/GMT+5 (whose sign is the reverse of what it reads), a mapped text field holding "GMT-5";
 * preferred_locale values from Symfony's locale list; Do Not Contact entries (a bounce whose comment
 * is an SMTP answer, an entity-encoded comment, the list as an object keyed by index, an unknown
 * reason), frequencyRules keyed by channel; a mapped best-time text stored with HTML entities; a
 * preferred-contact select whose options are no channel; an IP's geo zone beside the contact's own;
 * markup in values. What is asserted is what must hold for a rep: a local time for a valid zone and
 * never a wrong one, no local time for a zone that cannot be known, a do-not-contact lead shown as
 * such, nothing read as markup or entities, the profile valid. Shapes and sources:
 * test/fixtures/api/variants/README.md, section "mautic11/ (eleventh set)".
 */
import { describe, expect, it } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import activityEmpty from '@/test/fixtures/api/mautic/activity-empty.json';
import usEastern from '@/test/fixtures/api/variants/mautic11/contacts-us-eastern.json';
import asiaCalcutta from '@/test/fixtures/api/variants/mautic11/contacts-asia-calcutta.json';
import europeKiev from '@/test/fixtures/api/variants/mautic11/contacts-europe-kiev.json';
import asiaKatmandu from '@/test/fixtures/api/variants/mautic11/contacts-asia-katmandu.json';
import noZoneSanDiego from '@/test/fixtures/api/variants/mautic11/contacts-no-zone-san-diego.json';
import noZoneSpringfield from '@/test/fixtures/api/variants/mautic11/contacts-no-zone-springfield.json';
import timezoneTemplate from '@/test/fixtures/api/variants/mautic11/contacts-timezone-template.json';
import etcGmtPlus5 from '@/test/fixtures/api/variants/mautic11/contacts-etc-gmt-plus5.json';
import textGmtMinus5 from '@/test/fixtures/api/variants/mautic11/contacts-text-tz-gmt-minus5.json';
import dncBounceSmtp from '@/test/fixtures/api/variants/mautic11/contacts-dnc-bounce-smtp.json';
import dncKeyedObject from '@/test/fixtures/api/variants/mautic11/contacts-dnc-keyed-object.json';
import frequencyRules from '@/test/fixtures/api/variants/mautic11/contacts-frequency-rules.json';
import bestTimeEntities from '@/test/fixtures/api/variants/mautic11/contacts-best-time-entities.json';
import channelTemplate from '@/test/fixtures/api/variants/mautic11/contacts-channel-template.json';
import ipZoneDiffers from '@/test/fixtures/api/variants/mautic11/contacts-ip-zone-differs.json';
import markupValues from '@/test/fixtures/api/variants/mautic11/contacts-markup-values.json';
import dncUnknownReason from '@/test/fixtures/api/variants/mautic11/contacts-dnc-unknown-reason.json';
import { instant, mt, mtActivity, mtList, mtQuery, resetBetweenTests, serve, signal, wellFormed, withMappings } from '@/test/support/vendor-variants';
import type { MauticSource } from '@/lib/schema/sources';

resetBetweenTests();

/** HTML entities as Mautic stores them, which a rep must never read. */
const ENTITY = /&(amp|quot|lt|gt|apos|ndash|mdash|eacute|nbsp|#\d+|#x[0-9a-f]+);/i;

/** Instants around the year (both hemispheres' DST, the US and EU switch weeks apart) at which two zones must show the same clock. */
const INSTANTS = ['2026-01-15T12:00:00Z', '2026-03-20T12:00:00Z', '2026-07-15T12:00:00Z', '2026-10-30T12:00:00Z'];

/** The UTC offset a zone shows at an instant ("GMT-05:00"). */
const offsetAt = (zone: string, iso: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(iso)).find((part) => part.type === 'timeZoneName')?.value;

/** Whether `zone` shows the same local time as `expected` all year; `expected` may be a fixed offset ("-05:00"). */
function sameClock(zone: string | undefined, expected: string): boolean {
  if (zone === undefined) return false;
  return INSTANTS.every((iso) => {
    const got = offsetAt(zone, iso);
    const want = /^[+-]\d\d:\d\d$/.test(expected) ? `GMT${expected}` : offsetAt(expected, iso);
    return got === want || (want === 'GMT+00:00' && got === 'GMT');
  });
}

/** The lead's zone may be unknown (no local time shown), or it must show `expected`'s clock: never another one. */
function noneOrClockOf(profile: LeadProfile, expected: string) {
  const zone = profile.contact.timeZone;
  expect.soft(zone === undefined || sameClock(zone, expected), `time zone ${JSON.stringify(zone)} shows a clock other than ${expected}'s`).toBe(true);
}

type Listing = { contacts: Record<string, { fields: Record<string, unknown> }> };

/** The template contact with one field's stored value (and Mautic 5's normalizedValue) replaced, in every group and in `fields.all`. */
function withField<T>(base: T, values: Record<string, string | null>, normalized: Record<string, string | null> = {}): T {
  const copy = structuredClone(base) as unknown as Listing;
  for (const contact of Object.values(copy.contacts)) {
    for (const [alias, value] of Object.entries(values)) {
      for (const [group, fields] of Object.entries(contact.fields)) {
        if (group === 'all') (fields as Record<string, unknown>)[alias] = value;
        else if (fields && !Array.isArray(fields) && typeof (fields as Record<string, unknown>)[alias] === 'object') {
          const field = (fields as Record<string, Record<string, unknown>>)[alias]!;
          field.value = value;
          if ('normalizedValue' in field) field.normalizedValue = alias in normalized ? normalized[alias] : value;
        }
      }
    }
  }
  return copy as unknown as T;
}

/** The lead whose page showed `email`, from a Mautic answering `body` to the search and an empty activity. */
async function lead(body: unknown, email: string, source?: MauticSource): Promise<LeadProfile> {
  serve([...mtList(body), ...mtActivity(activityEmpty)]);
  return wellFormed(await mt(source).findProfile(mtQuery(email), signal));
}

describe('Mautic variants, eleventh set (contact preferences and the lead’s local time)', () => {
  it('M130: timezone "US/Eastern" (a legacy tz link PHP accepts; Mautic 4 field objects without normalizedValue): the lead’s local time is New York’s, never missing', async () => {
    const profile = await lead(usEastern, 'shawna.pruitt@harborline.example');
    expect.soft(profile.contact.timeZone, 'a zone PHP, tzdata and Intl all know').toBeDefined();
    expect.soft(sameClock(profile.contact.timeZone, 'America/New_York'), `time zone ${profile.contact.timeZone}`).toBe(true);
    expect.soft(profile.name).toBe('Shawna Pruitt');
  });

  it.each([
    ['Asia/Calcutta', 'Asia/Kolkata', asiaCalcutta, 'ananya.iyer@northpeak.example'],
    ['Europe/Kiev', 'Europe/Kyiv', europeKiev, 'oksana.melnyk@dniprosoft.example'],
    ['Asia/Katmandu', 'Asia/Kathmandu', asiaKatmandu, 'bikash.shrestha@himal-it.example'],
  ])('M131: timezone "%s" (the pre-rename name Mautic’s own choice list and PHP’s offset guess still give): a local time, and it is %s’s', async (_stored, current, body, email) => {
    const profile = await lead(body, email);
    expect.soft(profile.contact.timeZone, 'a valid (if old) IANA name').toBeDefined();
    expect.soft(sameClock(profile.contact.timeZone, current), `time zone ${profile.contact.timeZone}`).toBe(true);
  });

  it('M132: timezone "" with city San Diego, state California, country United States: no local time, or Los Angeles’ — never another US clock', async () => {
    const profile = await lead(noZoneSanDiego, 'marcus.delgado@pacifica-bio.example');
    noneOrClockOf(profile, 'America/Los_Angeles');
    expect.soft(profile.country).toBe('United States');
  });

  it('M133: timezone null, country United States, no state, city "Springfield" (a town in many states, several zones): no local time is made up', async () => {
    const profile = await lead(noZoneSpringfield, 'kelly.brandt@brandt-hvac.example');
    expect.soft(profile.contact.timeZone, 'a zone guessed for a country spanning six').toBeUndefined();
  });

  it.each([
    ['Europe/Berlin ', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['America/New York', 'America/New_York'],
    ['Berlin', 'Europe/Berlin'],
    ['(GMT+01:00) Amsterdam, Berlin', 'Europe/Berlin'],
    ['-05:00', '-05:00'],
    ['0', 'UTC'],
    ['Mars/Olympus_Mons', undefined],
    ['null', undefined],
  ])('M134: timezone %j (a text field or an import; no city, state or country): the profile parses; no local time, or the clock the value names', async (stored, meant) => {
    const body = withField(timezoneTemplate, { timezone: stored, city: null, state: null, country: null });
    const profile = await lead(body, 'lena.vogt@rheinwerk-labs.example');
    if (meant === undefined) expect.soft(profile.contact.timeZone, 'no zone can be known').toBeUndefined();
    else noneOrClockOf(profile, meant);
  });

  it('M135a: timezone "Etc/GMT+5" (POSIX sign: five hours BEHIND UTC), a lead in Bogotá: no local time, or UTC−5 — never UTC+5', async () => {
    const profile = await lead(etcGmtPlus5, 'diego.ramirez@andes-cargo.example');
    noneOrClockOf(profile, '-05:00');
  });

  it('M135b: the mapped time zone is a text field holding "GMT-5" as the lead typed it (five hours behind UTC): no local time, or UTC−5 — never Etc/GMT-5 (UTC+5)', async () => {
    const profile = await lead(textGmtMinus5, 'tamika.greene@lakeshore-cu.example', withMappings({ timeZone: 'lead_timezone' }));
    noneOrClockOf(profile, '-05:00');
  });

  it('M136: a bounce (reason 2, email) whose comment is the SMTP answer "550 5.1.1 <address>: Recipient address rejected…" and a manual SMS entry whose comment holds "&ndash;": do not e-mail, bounced, when; the comments read as text; calls still allowed', async () => {
    const profile = await lead(dncBounceSmtp, 'nadia.haddad@cedarpoint-law.example');
    expect.soft(profile.contact.doNotEmail).toBe(true);
    expect.soft(profile.contact.doNotCall, 'no entry on the phone channel').toBe(false);
    const optOuts = profile.contact.optOuts ?? [];
    const email = optOuts.find((entry) => entry.channel === 'email');
    expect.soft(email?.reason).toBe('bounced');
    expect.soft(instant(email?.at)).toBe(Date.parse('2026-11-03T10:12:44Z'));
    expect.soft(email?.comment ?? '', 'the bounce text, not an HTML tag to strip').toContain('Recipient address rejected');
    expect.soft(email?.comment ?? '', 'the address in angle brackets is text').toContain('nadia.haddad@cedarpoint-law.example');
    const sms = optOuts.find((entry) => entry.channel === 'sms');
    expect.soft(sms?.reason).toBe('manual');
    expect.soft(sms?.comment ?? '').toContain('calls are fine');
    expect.soft(sms?.comment ?? '').not.toMatch(ENTITY);
    expect.soft(sameClock(profile.contact.timeZone, 'America/Toronto')).toBe(true);
  });

  it('M137: doNotContact serialized as an object keyed by index ({"1": {reason 1, email}}: a PHP array with a gap in its keys): do not e-mail, unsubscribed', async () => {
    const profile = await lead(dncKeyedObject, 'henrik.lund@fjordkraft-data.example');
    expect.soft(profile.contact.doNotEmail).toBe(true);
    const email = (profile.contact.optOuts ?? []).find((entry) => entry.channel === 'email');
    expect.soft(email?.reason).toBe('unsubscribed');
    expect.soft(instant(email?.at)).toBe(Date.parse('2026-10-28T07:45:10Z'));
    expect.soft(sameClock(profile.contact.timeZone, 'Europe/Oslo')).toBe(true);
  });

  it('M138: frequencyRules keyed by channel (indexBy channel: e-mail paused for three months, SMS the preferred channel) beside an e-mail unsubscribe: do not e-mail; a preferred channel, if shown, is SMS', async () => {
    const profile = await lead(frequencyRules, 'priya.natarajan@quillfin.example');
    expect.soft(profile.contact.doNotEmail).toBe(true);
    expect.soft([undefined, 'sms'], `preferred channel ${profile.contact.preferredChannel}`).toContain(profile.contact.preferredChannel);
    expect.soft(sameClock(profile.contact.timeZone, 'Europe/London')).toBe(true);
  });

  it.each([
    ['sr_Latn_BA', 'sr'],
    ['en_001', 'en'],
    ['ca_ES_VALENCIA', 'ca'],
  ])('M139a: preferred_locale %j (one of the Symfony Intl locales Mautic’s locale field offers): the lead’s language, primary subtag %s', async (locale, primary) => {
    const profile = await lead(withField(timezoneTemplate, { preferred_locale: locale }), 'lena.vogt@rheinwerk-labs.example');
    expect.soft(profile.language, 'a locale Mautic itself offers').toBeDefined();
    expect.soft(profile.language?.split(/[-_]/)[0]?.toLowerCase()).toBe(primary);
  });

  it.each(['', 'Deutsch', '<b>de</b>'])('M139b: preferred_locale %j (empty, or typed into an import): the profile parses; the language is unknown or the country’s (German), nothing else', async (locale) => {
    const profile = await lead(withField(timezoneTemplate, { preferred_locale: locale }), 'lena.vogt@rheinwerk-labs.example');
    expect.soft([undefined, 'de'], `language ${profile.language}`).toContain(profile.language?.split(/[-_]/)[0]?.toLowerCase());
  });

  it('M140: the mapped best-time text field stored with entities ("Tue &amp; Thu, 9&ndash;11 am &ndash; not Mondays"; Mautic 4 field objects): the rep reads "Tue & Thu, 9–11 am", no entity', async () => {
    const profile = await lead(bestTimeEntities, 'emilie.laurent@alpes-medical.example', withMappings({ bestTime: 'best_time_to_call' }));
    const bestTime = profile.contact.bestTimeText ?? '';
    expect.soft(bestTime).toContain('Tue & Thu');
    expect.soft(bestTime).toContain('9–11 am');
    expect.soft(bestTime).toContain('not Mondays');
    expect.soft(bestTime).not.toMatch(ENTITY);
    expect.soft(profile.company).toBe('Alpes Médical');
    expect.soft(sameClock(profile.contact.timeZone, 'Europe/Paris')).toBe(true);
  });

  it.each([
    ['email', 'E-mail', (channel: string | undefined) => channel === 'email'],
    ['phone', 'Phone call', (channel: string | undefined) => channel === 'phone'],
    ['whatsapp', 'WhatsApp', (channel: string | undefined) => channel === undefined || channel === 'sms' || channel === 'phone'],
    ['none', 'No preference', (channel: string | undefined) => channel === undefined],
    ['no_call', 'Please don’t call me', (channel: string | undefined) => channel !== 'phone'],
  ])('M141: the mapped preferred-contact select holds %j (label %j): the preferred channel is one that option means, never another', async (value, label, allowed) => {
    const body = withField(channelTemplate, { preferred_contact: value }, { preferred_contact: label });
    const profile = await lead(body, 'grace.okafor@lagosline.example', withMappings({ preferredChannel: 'preferred_contact' }));
    expect.soft(allowed(profile.contact.preferredChannel), `preferred channel ${profile.contact.preferredChannel} for "${label}"`).toBe(true);
  });

  it('M142: the contact’s timezone is Europe/Lisbon while its IP’s geo lookup (a VPN exit in Chicago) says America/Chicago: the lead’s local time is Lisbon’s', async () => {
    const profile = await lead(ipZoneDiffers, 'ines.carvalho@tejo-energia.example');
    expect.soft(sameClock(profile.contact.timeZone, 'Europe/Lisbon'), `time zone ${profile.contact.timeZone}`).toBe(true);
  });

  it('M143: markup in the values ("<img src=x onerror=…>" as timezone, a "<script>" in the best time, a javascript: link in a DNC comment): no local time, no markup carried to the panel, do not e-mail', async () => {
    const profile = await lead(markupValues, 'jordan.wells@brightforge.example', withMappings({ bestTime: 'best_time_to_call' }));
    expect.soft(profile.contact.timeZone).toBeUndefined();
    expect.soft(JSON.stringify(profile.contact)).not.toMatch(/<script|<img|onerror|javascript:|<a\s/i);
    if (profile.contact.bestTimeText !== undefined) expect.soft(profile.contact.bestTimeText).toContain('Weekday mornings');
    expect.soft(profile.contact.doNotEmail).toBe(true);
    const email = (profile.contact.optOuts ?? []).find((entry) => entry.channel === 'email');
    expect.soft(email?.reason).toBe('manual');
    if (email?.comment !== undefined) expect.soft(email.comment).toContain('asked to stop');
  });

  it('M144: a DNC entry with reason 4 (no Mautic constant; the API stores the int it is given, a plugin’s suppression): do not e-mail, reason "other"', async () => {
    const profile = await lead(dncUnknownReason, 'yuki.mori@kansai-robotics.example');
    expect.soft(profile.contact.doNotEmail).toBe(true);
    const email = (profile.contact.optOuts ?? []).find((entry) => entry.channel === 'email');
    expect.soft(email?.reason).toBe('other');
    expect.soft(email?.comment).toBe('Suppressed by the compliance plugin');
    expect.soft(sameClock(profile.contact.timeZone, 'Asia/Tokyo')).toBe(true);
  });
});
