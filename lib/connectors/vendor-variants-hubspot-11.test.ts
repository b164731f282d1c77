/**
 * HubSpot vendor variants, eleventh set (H131…H145): contact preferences and the lead's local time as
 * HubSpot really stores them. `hs_timezone` options whose IANA names have inner capitals, hyphens or are
 * one word; a time-zone property an integration writes (an IANA name, "UTC+02:00"-style offsets, Windows
 * zone names, made-up or markup values, a blank beside `hs_timezone`); city/state/country with no zone;
 * `hs_timezone` cleared with older values in `propertiesWithHistory`; `hs_email_optout` and the
 * per-subscription `hs_email_optout_<id>` properties beside the communication-preferences answers; "false"
 * strings; WhatsApp as the preferred method; best times that name their own zone or none.
 *
 * Written from HubSpot's documents, SDK and public integration code without reading the connector: only
 * what must hold for a rep is asserted (a local time for a valid zone and never a wrong one, no zone
 * rather than a guess or a crash, an opted-out lead marked so, the profile still parses). The fake
 * HubSpot answers a contact with only the properties the request names (HubSpot's own behaviour), so
 * a property the connector never asks for is never "seen". Shapes and sources:
 * test/fixtures/api/variants/README.md, section "hubspot11/ (eleventh set)".
 */
import { describe, expect, it, vi } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import eventsEmpty from '@/test/fixtures/api/hubspot/events-empty.json';
import optionSpellings from '@/test/fixtures/api/variants/hubspot11/contacts-71131-option-spellings.json';
import ianaInText from '@/test/fixtures/api/variants/hubspot11/contact-71132-iana-in-text-property.json';
import utcOffsets from '@/test/fixtures/api/variants/hubspot11/contacts-71133-utc-offsets.json';
import windowsZones from '@/test/fixtures/api/variants/hubspot11/contacts-71134-windows-zones.json';
import unknownZones from '@/test/fixtures/api/variants/hubspot11/contacts-71135-unknown-zones.json';
import cityStateCountry from '@/test/fixtures/api/variants/hubspot11/contact-71136-city-state-country.json';
import multiZoneCountries from '@/test/fixtures/api/variants/hubspot11/contacts-71137-multi-zone-countries.json';
import historyBlank from '@/test/fixtures/api/variants/hubspot11/contact-71138-timezone-history-blank.json';
import optedOut from '@/test/fixtures/api/variants/hubspot11/contact-71139-opted-out-prefers-email.json';
import optedOutV3 from '@/test/fixtures/api/variants/hubspot11/subscription-status-v3-71139.json';
import optedOutV4 from '@/test/fixtures/api/variants/hubspot11/subscription-unsubscribe-all-v4-71139.json';
import falseStrings from '@/test/fixtures/api/variants/hubspot11/contact-71140-false-strings-marketing-only.json';
import falseStringsV3 from '@/test/fixtures/api/variants/hubspot11/subscription-status-v3-71140.json';
import whatsapp from '@/test/fixtures/api/variants/hubspot11/contact-71141-whatsapp.json';
import bestTimeEt from '@/test/fixtures/api/variants/hubspot11/contact-71142-best-time-et.json';
import bestTimeCet from '@/test/fixtures/api/variants/hubspot11/contact-71143-best-time-cet.json';
import bestTimeNoZone from '@/test/fixtures/api/variants/hubspot11/contact-71144-best-time-no-zone.json';
import mappedBlank from '@/test/fixtures/api/variants/hubspot11/contact-71145-mapped-blank.json';
import contactTimezoneProperty from '@/test/fixtures/api/variants/hubspot11/property-contact_timezone.json';
import preferredMethodProperty from '@/test/fixtures/api/variants/hubspot11/property-preferred_contact_method.json';
import doNotCallProperty from '@/test/fixtures/api/variants/hubspot11/property-do_not_call.json';
import bestTimeProperty from '@/test/fixtures/api/variants/hubspot11/property-best_time_to_call.json';
import { ConnectorError } from './types';
import { describeOutcome, hub, json, rawServer, rejection, resetBetweenTests, signal, wellFormed, type RawCall , hsContactAnswer, hsListed, hsNotFound } from '@/test/support/vendor-variants';

resetBetweenTests();

type Json = any;


/**
 * A fake HubSpot portal: contacts by id (and by e-mail in a search), property definitions, no page
 * views, and communication preferences (v3 status by address, v4 statuses and the opt-out-of-all answer).
 */
function portal(options: { contacts: Json[]; definitions?: Json[]; v3Status?: Record<string, Json>; v4UnsubscribeAll?: Record<string, Json> }): RawCall[] {
  const byId = new Map(options.contacts.map((contact) => [String(contact.id), contact]));
  const definitions = options.definitions ?? [];
  return rawServer((call) => {
    const path = call.url.pathname;
    const one = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path);
    if (one && call.method === 'GET') {
      const contact = byId.get(decodeURIComponent(one[1]!));
      if (!contact) return hsNotFound();
      return json(200, hsContactAnswer(contact, hsListed(call.url.searchParams.getAll('properties')), hsListed(call.url.searchParams.getAll('propertiesWithHistory'))));
    }
    if (path === '/crm/v3/objects/contacts/batch/read' && call.method === 'POST') {
      const ids: string[] = (call.json?.inputs ?? []).map((input: Json) => String(input?.id));
      const results = ids.flatMap((id) => (byId.has(id) ? [hsContactAnswer(byId.get(id), hsListed(call.json?.properties), hsListed(call.json?.propertiesWithHistory))] : []));
      return json(200, { status: 'COMPLETE', results, startedAt: '2026-12-07T09:00:00.000Z', completedAt: '2026-12-07T09:00:00.050Z' });
    }
    if (path === '/crm/v3/objects/contacts/search' && call.method === 'POST') {
      const wanted = JSON.stringify(call.json ?? {}).toLowerCase();
      const results = options.contacts.filter((contact) => contact.properties.email && wanted.includes(String(contact.properties.email).toLowerCase()));
      return json(200, { total: results.length, results: results.map((contact) => hsContactAnswer(contact, hsListed(call.json?.properties), [])) });
    }
    if (path === '/events/v3/events' && call.method === 'GET') return json(200, eventsEmpty);
    const definition = /^\/crm\/v3\/properties\/contacts\/([^/]+)$/.exec(path);
    if (definition && call.method === 'GET') {
      const found = definitions.find((item) => item.name === decodeURIComponent(definition[1]!));
      return found ? json(200, found) : json(404, { status: 'error', message: `Unable to find property ${definition[1]}`, category: 'OBJECT_NOT_FOUND' });
    }
    if (path === '/crm/v3/properties/contacts' && call.method === 'GET') return json(200, { results: definitions });
    if (path === '/crm/v3/properties/contacts/batch/read' && call.method === 'POST') {
      const names = new Set((call.json?.inputs ?? []).map((input: Json) => input?.name));
      return json(200, { status: 'COMPLETE', results: definitions.filter((item) => names.has(item.name)) });
    }
    const v3 = /^\/communication-preferences\/v3\/status\/email\/([^/]+)$/.exec(path);
    if (v3 && call.method === 'GET') {
      const address = decodeURIComponent(v3[1]!).toLowerCase();
      return json(200, options.v3Status?.[address] ?? { recipient: address, subscriptionStatuses: [] });
    }
    const v4All = /^\/communication-preferences\/v4\/statuses\/([^/]+)\/unsubscribe-all$/.exec(path);
    if (v4All && call.method === 'GET') {
      const address = decodeURIComponent(v4All[1]!).toLowerCase();
      return json(200, options.v4UnsubscribeAll?.[address] ?? { status: 'COMPLETE', results: [], startedAt: '2026-12-07T09:00:00.000Z', completedAt: '2026-12-07T09:00:00.020Z' });
    }
    const v4 = /^\/communication-preferences\/v4\/statuses\/([^/]+)$/.exec(path);
    if (v4 && call.method === 'GET') {
      const address = decodeURIComponent(v4[1]!).toLowerCase();
      const v3Answer = options.v3Status?.[address];
      const results = (v3Answer?.subscriptionStatuses ?? []).map((status: Json) => ({
        subscriberIdString: address,
        subscriptionId: Number(status.id),
        subscriptionName: status.name,
        channel: 'EMAIL',
        status: status.status,
        source: status.sourceOfStatus,
        legalBasis: status.legalBasis,
        legalBasisExplanation: status.legalBasisExplanation,
        timestamp: '2026-11-18T07:30:12.441Z',
      }));
      return json(200, { status: 'COMPLETE', results, startedAt: '2026-12-07T09:00:00.000Z', completedAt: '2026-12-07T09:00:00.020Z' });
    }
    return hsNotFound();
  });
}

/** The profile of one contact from the fake portal, failing with what the lookup did instead when it gave none. */
async function profileOf(connector: ReturnType<typeof hub>, id: string): Promise<LeadProfile> {
  const outcome = await rejection(connector.getProfile(id, signal));
  expect(outcome instanceof ConnectorError || outcome instanceof Error ? describeOutcome(outcome) : 'resolved', 'the lookup failed or crashed instead of giving the lead').toBe('resolved');
  return wellFormed((outcome as { resolved: LeadProfile | null }).resolved);
}

/** The IANA zone a name stands for (links such as "Australia/ACT" resolve to "Australia/Sydney"), so two spellings of one zone compare equal. */
const zoneOf = (zone: string | undefined): string | undefined =>
  zone === undefined ? undefined : new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;

/** The zone's offset from UTC in minutes at an instant ("GMT+05:30" → 330). */
function offsetAt(zone: string, instant: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}
/** A winter and a summer instant: a zone that keeps the lead's clock must agree at both. */
const JANUARY = '2027-01-15T12:00:00Z';
const JULY = '2027-07-15T12:00:00Z';
const clockOf = (zone: string) => [offsetAt(zone, JANUARY), offsetAt(zone, JULY)];

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);
const fullName = (contact: Json) => `${contact.properties.firstname} ${contact.properties.lastname}`;

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, eleventh set: hs_timezone and the lead\'s local time', () => {
  const spelled: Record<string, string> = {
    asia_slash_ust_hyphen_nera: 'Asia/Ust-Nera',
    america_slash_argentina_slash_comodrivadavia: 'America/Argentina/ComodRivadavia',
    australia_slash_act: 'Australia/ACT',
    kwajalein: 'Kwajalein',
    antarctica_slash_troll: 'Antarctica/Troll',
    africa_slash_porto_hyphen_novo: 'Africa/Porto-Novo',
  };
  it.each((optionSpellings as Json[]).map((contact) => [contact.properties.hs_timezone as string, contact] as const))(
    'H131: hs_timezone "%s" (an option whose IANA name has inner capitals, a hyphen beside underscores, or is one word): the lead\'s zone, so the rep sees the right local time',
    async (slug, contact) => {
      portal({ contacts: [contact] });
      const profile = await profileOf(hub(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      expect(profile.contact.timeZone, `${slug} gave no local time`).toBeDefined();
      expect(zoneOf(profile.contact.timeZone)).toBe(zoneOf(spelled[slug]));
      expect(clockOf(profile.contact.timeZone!)).toEqual(clockOf(spelled[slug]!));
    },
  );

  it('H136: no zone anywhere, but city "San Francisco", state "California", country "United States": no local time or Pacific time, never another clock; the country kept', async () => {
    portal({ contacts: [cityStateCountry] });
    const profile = await profileOf(hub(), '71136');
    expect(profile.name).toBe('Ryan Cho');
    expect([undefined, 'America/Los_Angeles']).toContain(zoneOf(profile.contact.timeZone));
    expect(profile.country).toBe('United States');
  });

  it.each((multiZoneCountries as Json[]).map((contact) => [contact.properties.country as string, contact] as const))(
    'H137: only the country "%s" (a country of several zones), no hs_timezone or IP zone: no local time, since any one zone is a wrong clock for much of the country',
    async (country, contact) => {
      portal({ contacts: [contact] });
      const profile = await profileOf(hub(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      expect(profile.contact.timeZone, `${country} alone was given the zone ${profile.contact.timeZone}`).toBeUndefined();
    },
  );

  it('H138: hs_timezone cleared ("") with older values in its history (europe_slash_paris, then america_slash_chicago before it): no local time, or at most the newest non-blank one, never the oldest', async () => {
    portal({ contacts: [historyBlank] });
    const profile = await profileOf(hub(), '71138');
    expect(profile.name).toBe('Claire Moreau');
    expect([undefined, 'Europe/Paris']).toContain(zoneOf(profile.contact.timeZone));
  });
});

describe('HubSpot variants, eleventh set: a time-zone property an integration writes (mapped by the admin)', () => {
  const mapped = () => hub({ mappings: { timeZone: 'contact_timezone' } });
  const definitions = [contactTimezoneProperty];

  it('H132: "America/Sao_Paulo" (an IANA name, as a scheduling integration writes it into a text property): that zone', async () => {
    portal({ contacts: [ianaInText], definitions });
    const profile = await profileOf(mapped(), '71132');
    expect(profile.name).toBe('Beatriz Nogueira');
    expect(profile.contact.timeZone, 'a valid IANA zone gave no local time').toBeDefined();
    expect(zoneOf(profile.contact.timeZone)).toBe('America/Sao_Paulo');
  });

  const offsets: Record<string, number> = { 'UTC+02:00': 120, 'GMT-03:00': -180, 'UTC+05:30': 330 };
  it.each((utcOffsets as Json[]).map((contact) => [contact.properties.contact_timezone as string, contact] as const))(
    'H133: "%s" (a UTC offset, not a zone name): no local time, or a clock at exactly that offset winter and summer (never Etc/GMT with its sign reversed, never a zone with daylight saving)',
    async (value, contact) => {
      portal({ contacts: [contact], definitions });
      quiet();
      const profile = await profileOf(mapped(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      const zone = profile.contact.timeZone;
      if (zone !== undefined) expect(clockOf(zone), `${value} became ${zone}`).toEqual([offsets[value], offsets[value]]);
    },
  );

  const windows: Record<string, string> = { 'W. Europe Standard Time': 'Europe/Berlin', 'Eastern Standard Time': 'America/New_York', 'India Standard Time': 'Asia/Kolkata' };
  it.each((windowsZones as Json[]).map((contact) => [contact.properties.contact_timezone as string, contact] as const))(
    'H134: "%s" (a Windows zone id, as Outlook/Exchange integrations write): no local time, or the clock of the zone CLDR maps it to (daylight saving included: "Eastern Standard Time" is New York, not a fixed UTC-5)',
    async (value, contact) => {
      portal({ contacts: [contact], definitions });
      quiet();
      const profile = await profileOf(mapped(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      const zone = profile.contact.timeZone;
      if (zone !== undefined) expect(clockOf(zone), `${value} became ${zone}`).toEqual(clockOf(windows[value]!));
    },
  );

  it.each((unknownZones as Json[]).map((contact) => [contact.properties.contact_timezone as string, contact] as const))(
    'H135: "%s" (no zone at all: made up, an unknown slug, an impossible offset, markup): no local time, the lead still shown',
    async (value, contact) => {
      portal({ contacts: [contact], definitions });
      quiet();
      const profile = await profileOf(mapped(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      expect(profile.contact.timeZone, `"${value}" gave the zone ${profile.contact.timeZone}`).toBeUndefined();
      expect(JSON.stringify(profile)).not.toContain('onerror');
    },
  );

  it('H145: the mapped property blank (""), hs_timezone "europe_slash_madrid", an IP zone of Denver: no local time or Madrid, never the IP\'s Denver', async () => {
    portal({ contacts: [mappedBlank], definitions });
    const profile = await profileOf(mapped(), '71145');
    expect(profile.name).toBe('Lucía Serrano');
    expect([undefined, 'Europe/Madrid']).toContain(zoneOf(profile.contact.timeZone));
  });
});

describe('HubSpot variants, eleventh set: opt-outs and preferred channels', () => {
  const v3Status = { 'hanne.olsen@fjellbyte.example': optedOutV3, 'paul.kramer@vierkant.example': falseStringsV3 };
  const v4UnsubscribeAll = { 'hanne.olsen@fjellbyte.example': optedOutV4 };
  const definitions = [preferredMethodProperty, doNotCallProperty];

  it('H139: hs_email_optout "true", every hs_email_optout_<id> "true", the preferences API NOT_SUBSCRIBED portal-wide, and a preferred method of "email": the brief says not to e-mail her, whatever she once preferred; nothing said of calls', async () => {
    portal({ contacts: [optedOut], definitions, v3Status, v4UnsubscribeAll });
    const profile = await profileOf(hub({ mappings: { preferredChannel: 'preferred_contact_method' } }), '71139');
    expect(profile.name).toBe('Hanne Olsen');
    expect(profile.contact.doNotEmail, 'an opted-out lead is not marked do-not-email').toBe(true);
    expect(profile.contact.doNotCall).toBe(false);
    expect(zoneOf(profile.contact.timeZone)).toBe('Europe/Oslo');
    for (const entry of profile.contact.optOuts ?? []) expect(entry.channel.toLowerCase()).not.toMatch(/phone|call|sms/);
  });

  it('H140: "false" strings (hs_email_optout "false", a custom bool do_not_call "false") and an opt-out of Marketing Information only: not do-not-email, not do-not-call', async () => {
    portal({ contacts: [falseStrings], definitions, v3Status });
    const profile = await profileOf(hub(), '71140');
    expect(profile.name).toBe('Paul Kramer');
    expect(profile.contact.doNotEmail, 'the string "false", or a marketing-only opt-out, read as "opted out of all email"').toBe(false);
    expect(profile.contact.doNotCall, 'the string "false" read as do-not-call').toBe(false);
    expect(zoneOf(profile.contact.timeZone)).toBe('Europe/Berlin');
  });

  it('H141: a preferred method of "whatsapp" (a radio option, label "WhatsApp") with hs_whatsapp_phone_number set: the phone (a call or a message) or nothing, never e-mail, LinkedIn or a video call', async () => {
    portal({ contacts: [whatsapp], definitions });
    const profile = await profileOf(hub({ mappings: { preferredChannel: 'preferred_contact_method' } }), '71141');
    expect(profile.name).toBe('Thiago Almeida');
    expect([undefined, 'phone', 'sms']).toContain(profile.contact.preferredChannel);
    expect(zoneOf(profile.contact.timeZone)).toBe('America/Sao_Paulo');
    expect(profile.contact.doNotEmail).toBe(false);
  });
});

describe('HubSpot variants, eleventh set: best times and whose clock they are on', () => {
  const mapped = () => hub({ mappings: { bestTime: 'best_time_to_call' } });
  const definitions = [bestTimeProperty];

  it('H142: "Weekdays 9-11am ET" from a lead in Los Angeles: the words kept; a window, when read, is 09:00–11:00 on weekdays on New York\'s clock, the lead\'s own zone still Los Angeles', async () => {
    portal({ contacts: [bestTimeEt], definitions });
    const profile = await profileOf(mapped(), '71142');
    expect(profile.name).toBe('Megan Hollis');
    expect(zoneOf(profile.contact.timeZone)).toBe('America/Los_Angeles');
    expect(profile.contact.bestTimeText).toBe('Weekdays 9-11am ET');
    const window = profile.contact.bestTime;
    if (window !== undefined) {
      expect([window.start, window.end]).toEqual(['09:00', '11:00']);
      expect(window.weekdaysOnly || (window.days !== undefined && window.days.every((day) => !['sat', 'sun'].includes(day)))).toBe(true);
      expect(window.timeZone, 'a window given "ET" read on the lead\'s Pacific clock').toBeDefined();
      expect(clockOf(window.timeZone!)).toEqual(clockOf('America/New_York'));
    }
  });

  it('H143: "Tue/Thu 14:00-16:00 CET" from a lead in New York: a window, when read, is Tuesday and Thursday 14:00–16:00 on Central European time, never New York\'s', async () => {
    portal({ contacts: [bestTimeCet], definitions });
    const profile = await profileOf(mapped(), '71143');
    expect(profile.name).toBe('Daniel Whitaker');
    expect(zoneOf(profile.contact.timeZone)).toBe('America/New_York');
    expect(profile.contact.bestTimeText).toBe('Tue/Thu 14:00-16:00 CET');
    const window = profile.contact.bestTime;
    if (window !== undefined) {
      expect([window.start, window.end]).toEqual(['14:00', '16:00']);
      expect([...(window.days ?? [])].sort()).toEqual(['thu', 'tue']);
      expect(window.timeZone, 'a window given "CET" read on the lead\'s New York clock').toBeDefined();
      expect(clockOf(window.timeZone!)).toEqual(clockOf('Europe/Berlin'));
    }
  });

  it('H144: "2-4pm" (no zone named) from a lead in Tokyo: a window, when read, is 14:00–16:00 on the lead\'s own clock (no other zone attached)', async () => {
    portal({ contacts: [bestTimeNoZone], definitions });
    const profile = await profileOf(mapped(), '71144');
    expect(profile.name).toBe('Haruto Sato');
    expect(zoneOf(profile.contact.timeZone)).toBe('Asia/Tokyo');
    expect(profile.contact.bestTimeText).toBe('2-4pm');
    const window = profile.contact.bestTime;
    if (window !== undefined) {
      expect([window.start, window.end]).toEqual(['14:00', '16:00']);
      expect([undefined, 'Asia/Tokyo']).toContain(zoneOf(window.timeZone));
    }
  });
});
