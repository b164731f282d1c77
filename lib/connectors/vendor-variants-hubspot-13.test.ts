/**
 * HubSpot vendor variants, thirteenth set (H146…H160): how warm the lead is, as HubSpot really stores it.
 * `lifecyclestage` with each default internal value beside a lead status that does not match it; custom
 * lifecycle stages (numeric internal values, labels only in the property's options and the contacts'
 * lifecycle pipeline): one labelled "Marketing Qualified" with its `hs_v2_date_entered_<id>`, ones whose
 * labels name no default stage or a former one, one with markup in its label, one whose definitions the
 * token may not read (403 MISSING_SCOPES); a stage cleared ("") with older stages in
 * `propertiesWithHistory`, a stage moved back; `hs_lifecyclestage_<stage>_date`; `hubspotscore` as
 * integer, decimal, negative, zero, blank and null strings; the lead scoring tool's own score properties
 * after the HubSpot score's sunset; `hs_predictivecontactscore_v2` / `hs_predictivescoringtier` beside
 * or instead of `hubspotscore`; default and custom `hs_lead_status` values; an archived contact; a merged
 * survivor (`hs_merged_object_ids`); stage and score values with surrounding whitespace or other case.
 *
 * Written from HubSpot's documents, knowledge base, SDK and public integration code without reading the
 * connector: only what must hold for a rep is asserted. A stage is the one the stored value means, or
 * none (a custom stage maps to nothing or to what its label means, never to another stage); the stage
 * stored now wins over the lead status and over older stages; a score is the stored number or none
 * (never NaN, never another property's number, never a tier read as a number); nothing crashes, no markup
 * reaches the rep, the profile still parses. The fake HubSpot answers a contact with only the properties
 * the request names (HubSpot's own behaviour), so a property the connector never asks for is never
 * "seen" and the assertions allow "none" wherever that does not mislead the rep. Shapes and sources:
 * test/fixtures/api/variants/README.md, section "hubspot13/ (thirteenth set)".
 */
import { describe, expect, it, vi } from 'vitest';
import type { LeadProfile } from '@/lib/schema';
import eventsEmpty from '@/test/fixtures/api/hubspot/events-empty.json';
import standardStages from '@/test/fixtures/api/variants/hubspot13/contacts-72146-standard-stages.json';
import customMql from '@/test/fixtures/api/variants/hubspot13/contact-72147-custom-mql-label.json';
import customOther from '@/test/fixtures/api/variants/hubspot13/contacts-72148-custom-other-labels.json';
import customNoScope from '@/test/fixtures/api/variants/hubspot13/contact-72149-custom-stage-no-scope.json';
import stageCleared from '@/test/fixtures/api/variants/hubspot13/contact-72150-stage-cleared-history.json';
import stageMovedBack from '@/test/fixtures/api/variants/hubspot13/contact-72151-stage-moved-back.json';
import lifecycleDates from '@/test/fixtures/api/variants/hubspot13/contact-72152-lifecycle-dates.json';
import customLeadStatus from '@/test/fixtures/api/variants/hubspot13/contacts-72153-custom-lead-status.json';
import archivedContact from '@/test/fixtures/api/variants/hubspot13/contact-72154-archived.json';
import mergedSurvivor from '@/test/fixtures/api/variants/hubspot13/contact-72155-merged-survivor.json';
import whitespaceCase from '@/test/fixtures/api/variants/hubspot13/contacts-72156-whitespace-case.json';
import scoreSpellings from '@/test/fixtures/api/variants/hubspot13/contacts-72157-score-spellings.json';
import leadScoringTool from '@/test/fixtures/api/variants/hubspot13/contact-72158-lead-scoring-tool.json';
import leadScoringProperties from '@/test/fixtures/api/variants/hubspot13/properties-72158-lead-scoring-tool.json';
import predictiveBeside from '@/test/fixtures/api/variants/hubspot13/contact-72159-predictive-beside-hubspotscore.json';
import predictiveOnly from '@/test/fixtures/api/variants/hubspot13/contact-72160-predictive-only.json';
import lifecycleProperty from '@/test/fixtures/api/variants/hubspot13/property-lifecyclestage.json';
import leadStatusProperty from '@/test/fixtures/api/variants/hubspot13/property-hs_lead_status.json';
import pipelinesContacts from '@/test/fixtures/api/variants/hubspot13/pipelines-contacts.json';
import missingScopes from '@/test/fixtures/api/variants/hubspot13/error-403-missing-scopes.json';
import { ConnectorError } from './types';
import { describeOutcome, hub, instant, json, rawServer, rejection, resetBetweenTests, signal, wellFormed, type RawCall , hsContactAnswer, hsListed, hsNotFound } from '@/test/support/vendor-variants';

resetBetweenTests();

type Json = any;


/**
 * A fake HubSpot portal: contacts by id (an archived one only when `archived=true` is asked, as the v3
 * objects API does), by e-mail in a search (never an archived one), property definitions (or a 403 when
 * the token may not read them), the contacts' lifecycle pipeline, no page views.
 */
function portal(options: { contacts: Json[]; definitions?: Json[]; pipelines?: Json; schemasRefused?: boolean }): RawCall[] {
  const byId = new Map(options.contacts.map((contact) => [String(contact.id), contact]));
  const definitions = options.definitions ?? [lifecycleProperty, leadStatusProperty];
  const pipelines = options.pipelines ?? pipelinesContacts;
  const refused = () => json(403, missingScopes);
  const visible = (contact: Json | undefined, archived: boolean) => (contact && Boolean(contact.archived) === archived ? contact : undefined);
  return rawServer((call) => {
    const path = call.url.pathname;
    const archived = call.url.searchParams.get('archived') === 'true';
    const one = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path);
    if (one && call.method === 'GET') {
      const contact = visible(byId.get(decodeURIComponent(one[1]!)), archived);
      if (!contact) return hsNotFound();
      return json(200, hsContactAnswer(contact, hsListed(call.url.searchParams.getAll('properties')), hsListed(call.url.searchParams.getAll('propertiesWithHistory'))));
    }
    if (path === '/crm/v3/objects/contacts/batch/read' && call.method === 'POST') {
      const ids: string[] = (call.json?.inputs ?? []).map((input: Json) => String(input?.id));
      const results = ids.flatMap((id) => {
        const contact = visible(byId.get(id), archived);
        return contact ? [hsContactAnswer(contact, hsListed(call.json?.properties), hsListed(call.json?.propertiesWithHistory))] : [];
      });
      return json(200, { status: 'COMPLETE', results, startedAt: '2026-12-07T09:00:00.000Z', completedAt: '2026-12-07T09:00:00.050Z' });
    }
    if (path === '/crm/v3/objects/contacts/search' && call.method === 'POST') {
      const wanted = JSON.stringify(call.json ?? {}).toLowerCase();
      const results = options.contacts.filter((contact) => !contact.archived && contact.properties.email && wanted.includes(String(contact.properties.email).toLowerCase()));
      return json(200, { total: results.length, results: results.map((contact) => hsContactAnswer(contact, hsListed(call.json?.properties), [])) });
    }
    if (path === '/events/v3/events' && call.method === 'GET') return json(200, eventsEmpty);
    const definition = /^\/crm\/v3\/properties\/contacts\/([^/]+)$/.exec(path);
    if (definition && call.method === 'GET') {
      if (options.schemasRefused) return refused();
      const found = definitions.find((item) => item.name === decodeURIComponent(definition[1]!));
      return found ? json(200, found) : json(404, { status: 'error', message: `Unable to find property ${definition[1]}`, category: 'OBJECT_NOT_FOUND' });
    }
    if (path === '/crm/v3/properties/contacts' && call.method === 'GET') return options.schemasRefused ? refused() : json(200, { results: definitions });
    if (path === '/crm/v3/properties/contacts/batch/read' && call.method === 'POST') {
      if (options.schemasRefused) return refused();
      const names = new Set((call.json?.inputs ?? []).map((input: Json) => input?.name));
      return json(200, { status: 'COMPLETE', results: definitions.filter((item) => names.has(item.name)) });
    }
    const pipeline = /^\/crm\/v3\/pipelines\/contacts(?:\/([^/]+))?(\/stages)?$/.exec(path);
    if (pipeline && call.method === 'GET') {
      if (options.schemasRefused) return refused();
      if (!pipeline[1]) return json(200, pipelines);
      const found = (pipelines.results as Json[]).find((item) => item.id === decodeURIComponent(pipeline[1]!));
      if (!found) return hsNotFound();
      return json(200, pipeline[2] ? { results: found.stages } : found);
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

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);
const fullName = (contact: Json) => `${contact.properties.firstname} ${contact.properties.lastname}`;
/** No tag, event handler or script of a stored value reaches what the rep is shown. */
const noMarkup = (profile: LeadProfile) => {
  const text = JSON.stringify(profile);
  expect(text).not.toMatch(/<\s*(img|b|script)\b/i);
  expect(text).not.toContain('onerror');
};
/** A score is a finite number or none. */
const sane = (score: number | undefined) => {
  if (score !== undefined) expect(Number.isFinite(score), `score ${score}`).toBe(true);
  return score;
};

// ---------------------------------------------------------------------------------------------

describe('HubSpot variants, thirteenth set: lifecyclestage as stored', () => {
  const meant: Record<string, string> = {
    subscriber: 'subscriber',
    lead: 'lead',
    marketingqualifiedlead: 'mql',
    salesqualifiedlead: 'sql',
    opportunity: 'opportunity',
    customer: 'customer',
    evangelist: 'evangelist',
    other: 'other',
  };
  it.each((standardStages as Json[]).map((contact) => [contact.properties.lifecyclestage as string, contact.properties.hs_lead_status as string, contact] as const))(
    'H146: lifecyclestage "%s" beside hs_lead_status "%s" (a default stage, a lead status that does not match it): that stage, whatever the lead status says; hubspotscore as its number',
    async (stage, _status, contact) => {
      portal({ contacts: [contact] });
      const profile = await profileOf(hub(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      expect(profile.stage, `"${stage}" gave the stage ${profile.stage}`).toBe(meant[stage]);
      expect(profile.score).toBe(Number(contact.properties.hubspotscore));
    },
  );

  it('H147: a custom stage "1099218239" labelled "Marketing Qualified" (hs_v2_date_entered_1099218239 set): no stage or MQL, never another; a qualified time, if any, is the day it entered that stage', async () => {
    portal({ contacts: [customMql] });
    quiet();
    const profile = await profileOf(hub(), '72147');
    expect(profile.name).toBe('Ines Carvalho');
    expect([undefined, 'mql']).toContain(profile.stage);
    expect(profile.score).toBe(52);
    if (profile.qualifiedAt !== undefined) expect(instant(profile.qualifiedAt)).toBe(instant('2026-11-14T09:00:00.000Z'));
  });

  const allowed: Record<string, (string | undefined)[]> = {
    // "Product Qualified Lead": a lead, qualified by product use; never a customer or an opportunity.
    '1099218240': [undefined, 'other', 'lead', 'mql'],
    // "Former Customer": never a customer.
    '1099218241': [undefined, 'other'],
    // "Disqualified": never a lead in the funnel.
    '1099218242': [undefined, 'other'],
    // "<img src=x onerror=alert(1)> Hot": no stage it names.
    '1099218243': [undefined, 'other'],
  };
  it.each((customOther as Json[]).map((contact) => [contact.properties.lifecyclestage as string, contact] as const))(
    'H148: a custom stage "%s" whose label names no default stage (Product Qualified Lead, Former Customer, Disqualified, a label with markup): no stage or one its label really means, never a wrong one; no markup shown',
    async (stage, contact) => {
      portal({ contacts: [contact] });
      quiet();
      const profile = await profileOf(hub(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      expect(allowed[stage], `custom stage ${stage} gave the stage ${profile.stage}`).toContain(profile.stage);
      expect(profile.score).toBe(30);
      noMarkup(profile);
    },
  );

  it('H149: a custom stage "1099218239" while the property definitions and pipelines answer 403 MISSING_SCOPES: the lead still shown, no stage guessed from a bare id', async () => {
    portal({ contacts: [customNoScope], schemasRefused: true });
    quiet();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const profile = await profileOf(hub(), '72149');
    expect(profile.name).toBe('Nadia Haddad');
    expect([undefined, 'other']).toContain(profile.stage);
    expect(profile.score).toBe(47);
  });

  it('H150: lifecyclestage cleared ("") with salesqualifiedlead, marketingqualifiedlead and lead before it in its history: no stage, or at most the newest earlier one (SQL), never an older one', async () => {
    portal({ contacts: [stageCleared] });
    const profile = await profileOf(hub(), '72150');
    expect(profile.name).toBe('Oskar Nowak');
    expect([undefined, 'sql']).toContain(profile.stage);
    expect(profile.score).toBe(33);
  });

  it('H151: lifecyclestage "lead" now, after being cleared from customer (and opportunity before it): lead, the stage stored now, never the furthest one it once reached', async () => {
    portal({ contacts: [stageMovedBack] });
    const profile = await profileOf(hub(), '72151');
    expect(profile.name).toBe('Priya Raman');
    expect(profile.stage).toBe('lead');
    expect(profile.score).toBe(21);
  });

  it('H152: salesqualifiedlead with each hs_lifecyclestage_<stage>_date and hs_v2_date_entered_<stage>: SQL; a qualified time, if any, is when it became MQL or SQL, never when it subscribed or was created', async () => {
    portal({ contacts: [lifecycleDates] });
    const profile = await profileOf(hub(), '72152');
    expect(profile.name).toBe('Rafael Ortega');
    expect(profile.stage).toBe('sql');
    expect(profile.score).toBe(64);
    if (profile.qualifiedAt !== undefined) expect([instant('2026-11-14T09:00:00.000Z'), instant('2026-11-20T14:30:00.000Z')]).toContain(instant(profile.qualifiedAt));
  });
});

describe('HubSpot variants, thirteenth set: hs_lead_status', () => {
  it.each((customLeadStatus as Json[]).map((contact) => [contact.properties.hs_lead_status as string, contact] as const))(
    'H153: a custom hs_lead_status "%s" (an option the portal added, one with markup) on an MQL: the stage still MQL, the score kept, no markup shown, nothing crashes',
    async (_status, contact) => {
      portal({ contacts: [contact] });
      quiet();
      const profile = await profileOf(hub(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      expect(profile.stage).toBe('mql');
      expect(profile.score).toBe(40);
      noMarkup(profile);
    },
  );
});

describe('HubSpot variants, thirteenth set: archived and merged contacts', () => {
  it('H154: an archived contact (404 unless archived=true is asked; then archived: true, archivedAt): no crash; no lead, a connector error, or a well-formed profile whose stage and score are the stored ones', async () => {
    portal({ contacts: [archivedContact] });
    quiet();
    const outcome = await rejection(hub().getProfile('72154', signal));
    if (outcome instanceof ConnectorError) return;
    expect(outcome, `the lookup crashed: ${describeOutcome(outcome)}`).toHaveProperty('resolved');
    const profile = (outcome as { resolved: LeadProfile | null }).resolved;
    if (profile === null) return;
    wellFormed(profile);
    expect([undefined, 'customer']).toContain(profile.stage);
    expect([undefined, 80]).toContain(profile.score);
  });

  it('H155: a merged survivor (hs_merged_object_ids "71955;72055", the stage kept at opportunity, older stages from the merged record in its history): opportunity and the survivor\'s score', async () => {
    portal({ contacts: [mergedSurvivor] });
    const profile = await profileOf(hub(), '72155');
    expect(profile.name).toBe('Wiktor Zielinski');
    expect(profile.stage).toBe('opportunity');
    expect(profile.score).toBe(58);
  });
});

describe('HubSpot variants, thirteenth set: whitespace and case', () => {
  const stageOf: Record<string, string> = { '72156': 'mql', '72256': 'mql', '72356': 'sql', '72456': 'customer' };
  it.each((whitespaceCase as Json[]).map((contact) => [JSON.stringify(contact.properties.lifecyclestage), JSON.stringify(contact.properties.hubspotscore), contact] as const))(
    'H156: lifecyclestage %s, hubspotscore %s (surrounding whitespace, other case): the stage it spells or none, never another; 42 or no score, never NaN',
    async (_stage, _score, contact) => {
      portal({ contacts: [contact] });
      quiet();
      const profile = await profileOf(hub(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      expect([undefined, stageOf[contact.id]]).toContain(profile.stage);
      expect([undefined, 42]).toContain(sane(profile.score));
    },
  );
});

describe('HubSpot variants, thirteenth set: scores', () => {
  const scoreOf: Record<string, (number | undefined)[]> = {
    '37': [37],
    '12.75': [12.75],
    '-15': [-15],
    '': [undefined],
    null: [undefined],
    // A zero is a score; after the HubSpot score's sunset it may also be read as "not scored".
    '0': [0, undefined],
  };
  it.each((scoreSpellings as Json[]).map((contact) => [JSON.stringify(contact.properties.hubspotscore), contact] as const))(
    'H157: hubspotscore %s (a number property answered as a string: integer, decimal, negative, blank, null, zero): that number or, for blank and null, none; never NaN',
    async (_score, contact) => {
      portal({ contacts: [contact] });
      const profile = await profileOf(hub(), contact.id);
      expect(profile.name).toBe(fullName(contact));
      expect(scoreOf[String(contact.properties.hubspotscore)]).toContain(sane(profile.score));
      expect(profile.stage).toBe('lead');
    },
  );

  it('H158: no hubspotscore (sunset), the lead scoring tool\'s fit 35, engagement 22.5, combined 57.5 and threshold "A2": no score or the combined 57.5, never the fit or engagement part alone, never the tier', async () => {
    portal({ contacts: [leadScoringTool], definitions: [lifecycleProperty, leadStatusProperty, ...(leadScoringProperties as Json[])] });
    quiet();
    const profile = await profileOf(hub(), '72158');
    expect(profile.name).toBe('Hugo Lambert');
    expect([undefined, 57.5]).toContain(sane(profile.score));
    expect(profile.stage).toBe('mql');
  });

  it('H159: hubspotscore "12" beside hs_predictivecontactscore_v2 "37.52" and hs_predictivescoringtier "tier_1": the score is 12, not the likelihood to close, not the tier', async () => {
    portal({ contacts: [predictiveBeside] });
    const profile = await profileOf(hub(), '72159');
    expect(profile.name).toBe('Ilse Jansen');
    expect(profile.score).toBe(12);
    expect(profile.stage).toBe('lead');
  });

  it('H160: no hubspotscore, only hs_predictivecontactscore_v2 "37.52" and hs_predictivescoringtier "tier_2": no score or 37.52, never the tier\'s 2, never NaN', async () => {
    portal({ contacts: [predictiveOnly] });
    const profile = await profileOf(hub(), '72160');
    expect(profile.name).toBe('Joao Pereira');
    expect([undefined, 37.52]).toContain(sane(profile.score));
    expect(profile.stage).toBe('lead');
  });
});
