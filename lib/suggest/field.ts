import type { LeadProfile, ReasonPart } from '@/lib/schema';
import { MAX_FIELD_SIGNALS, type FieldSignal } from '@/lib/schema/rest-api';
import { canonicalPersona } from './catalog-index';
import { personaOfTitle } from './persona';

export type { FieldSignal } from '@/lib/schema/rest-api';

/**
 * Learning from the field: the team's useful / not useful ratings and opens of an item, for leads
 * like this one (same industry or persona), nudge its rank. The nudge is bounded (never more than
 * FIELD_CAP, a lone rating counts for nothing, several for a part of it) so a single rating never
 * flips a result and only items that were close trade places; and it is explained ("rated useful for 4 leads in
 * Logistics"). The team server and the extension's local fallback both count with fieldSignalsBySegment.
 */

/** What makes leads alike for the field: their industry and their persona (canonical, as the ranker compares personas). */
export interface LeadSegment {
  industry?: string;
  persona?: string;
}

/** How far back ratings and opens count, on the team server and in the browser: older ones speak of a catalog and a market that have moved on. */
export const FIELD_WINDOW_DAYS = 180;

/** The most the field may move an item, on the ranker's scale (a strong match is about 1): it reorders close items only. */
export const FIELD_CAP = 0.15;
/**
 * How many agreeing ratings from leads of the same segment it takes to get most of FIELD_CAP: two get
 * under half of it (tanh(2/4)), five most, ten about all of it.
 */
const SATURATION = 4;
/** An open is a weak "useful": reps open what is shown first, so opens partly echo the ranking itself. */
const OPEN_VALUE = 0.25;
/** Opens never count for more than one useful rating, so the ranking cannot feed its own order back into itself. */
const MAX_OPENS_VALUE = 1;
/**
 * A lone rating (or a lone open) moves nothing: it may be one rep's mood or one odd lead. Only when at
 * least this many similar leads' ratings (or opens) agree on the item does the field count.
 */
const MIN_LEADS = 2;
/** Below this an adjustment moves nothing worth saying. */
const EXPLAINED = 0.01;

export interface FieldAdjustment {
  delta: number;
  /** Leads (of similar ones) whose latest rating said useful / not useful, and leads it was opened for. */
  useful: number;
  notUseful: number;
  opened: number;
  /** Every counted lead shared the lead's industry / persona: the reason can name it. */
  sameIndustry: boolean;
  samePersona: boolean;
}

const key = (value: string | undefined) => value?.trim().toLowerCase() || undefined;

/** The segment of a lead: its industry, and its persona from the persona field or else the job title. */
export function segmentOf(profile: Pick<LeadProfile, 'industry' | 'persona' | 'title'>): LeadSegment {
  const persona = profile.persona?.trim() || personaOfTitle(profile.title);
  return { industry: profile.industry?.trim() || undefined, persona: persona ? canonicalPersona(persona) : undefined };
}

/** One lead's (or a group of alike leads') ratings and opens of one item. */
export interface FieldObservation {
  contentId: string;
  segment: LeadSegment;
  useful: number;
  notUseful: number;
  opened: number;
}

/**
 * Sums observations per item and segment, the strongest first, at most MAX_FIELD_SIGNALS. A lead with
 * neither industry nor persona is like no other lead, so it is left out.
 */
export function fieldSignalsBySegment(observations: Iterable<FieldObservation>): FieldSignal[] {
  const sums = new Map<string, FieldSignal>();
  for (const { contentId, segment, useful, notUseful, opened } of observations) {
    const industry = key(segment.industry);
    const persona = key(segment.persona);
    if ((!industry && !persona) || useful + notUseful + opened === 0) continue;
    const id = `${contentId}\n${industry ?? ''}\n${persona ?? ''}`;
    let sum = sums.get(id);
    if (!sum) {
      sum = { contentId, useful: 0, notUseful: 0, opened: 0 };
      if (segment.industry?.trim()) sum.industry = segment.industry.trim();
      if (persona) sum.persona = persona;
      sums.set(id, sum);
    }
    sum.useful += useful;
    sum.notUseful += notUseful;
    sum.opened += opened;
  }
  const strength = (signal: FieldSignal) => signal.useful + signal.notUseful + OPEN_VALUE * signal.opened;
  return [...sums.values()].sort((a, b) => strength(b) - strength(a) || (a.contentId < b.contentId ? -1 : a.contentId > b.contentId ? 1 : 0)).slice(0, MAX_FIELD_SIGNALS);
}

interface IndexedSignal {
  signal: FieldSignal;
  industry?: string;
  persona?: string;
}

interface SegmentIndex {
  byIndustry: Map<string, IndexedSignal[]>;
  byPersona: Map<string, IndexedSignal[]>;
  /** The adjustments worked out per lead segment: every lead of one industry and persona gets the same. */
  adjustments: Map<string, Map<string, FieldAdjustment>>;
}

/** The most lead segments whose adjustments are kept per list of signals (a few industries times a dozen personas fit). */
const MAX_KEPT_SEGMENTS = 256;

/** Signals by industry and by persona, built once per list: the brief passes the same list until the next download, and a team's may hold thousands. */
const segmentIndexes = new WeakMap<readonly FieldSignal[], SegmentIndex>();

function segmentIndex(signals: readonly FieldSignal[]): SegmentIndex {
  let index = segmentIndexes.get(signals);
  if (index) return index;
  index = { byIndustry: new Map(), byPersona: new Map(), adjustments: new Map() };
  for (const signal of signals) {
    const entry: IndexedSignal = { signal, industry: key(signal.industry), persona: key(signal.persona) };
    for (const [map, segment] of [[index.byIndustry, entry.industry], [index.byPersona, entry.persona]] as const) {
      if (!segment) continue;
      const list = map.get(segment);
      if (list) list.push(entry);
      else map.set(segment, [entry]);
    }
  }
  segmentIndexes.set(signals, index);
  return index;
}

/**
 * The adjustment for each item the field has signals on: segments sharing the lead's industry or
 * persona count (fully when both match, half when one does), others not at all; the sum is squashed
 * so it approaches ±FIELD_CAP only with many agreeing ratings. Items with too little evidence (a lone
 * rating) get no entry.
 */
export function fieldAdjustments(lead: LeadSegment, signals: readonly FieldSignal[]): ReadonlyMap<string, FieldAdjustment> {
  const industry = key(lead.industry);
  const persona = key(lead.persona);
  if (!industry && !persona) return new Map();
  const index = segmentIndex(signals);
  const segment = `${industry ?? ''}\n${persona ?? ''}`;
  let adjustments = index.adjustments.get(segment);
  if (!adjustments) {
    if (index.adjustments.size >= MAX_KEPT_SEGMENTS) index.adjustments.clear();
    index.adjustments.set(segment, (adjustments = adjustmentsFor(industry, persona, index)));
  }
  return adjustments;
}

function adjustmentsFor(industry: string | undefined, persona: string | undefined, index: SegmentIndex): Map<string, FieldAdjustment> {
  const totals = new Map<string, { net: number; opens: number; useful: number; notUseful: number; opened: number; sameIndustry: boolean; samePersona: boolean }>();
  const add = ({ signal, industry: itsIndustry, persona: itsPersona }: IndexedSignal) => {
    const sameIndustry = industry !== undefined && itsIndustry === industry;
    const samePersona = persona !== undefined && itsPersona === persona;
    const weight = (Number(sameIndustry) + Number(samePersona)) / 2;
    let total = totals.get(signal.contentId);
    if (!total) totals.set(signal.contentId, (total = { net: 0, opens: 0, useful: 0, notUseful: 0, opened: 0, sameIndustry: true, samePersona: true }));
    total.net += weight * (signal.useful - signal.notUseful);
    total.opens += weight * signal.opened;
    total.useful += signal.useful;
    total.notUseful += signal.notUseful;
    total.opened += signal.opened;
    total.sameIndustry &&= sameIndustry;
    total.samePersona &&= samePersona;
  };
  if (industry) for (const entry of index.byIndustry.get(industry) ?? []) add(entry);
  // Those of the same industry too were added above.
  if (persona) for (const entry of index.byPersona.get(persona) ?? []) if (entry.industry !== industry) add(entry);
  const adjustments = new Map<string, FieldAdjustment>();
  for (const [contentId, { net, opens, ...counts }] of totals) {
    const rated = counts.useful + counts.notUseful >= MIN_LEADS ? net : 0;
    const opened = counts.opened >= MIN_LEADS ? Math.min(MAX_OPENS_VALUE, OPEN_VALUE * opens) : 0;
    if (rated === 0 && opened === 0) continue;
    adjustments.set(contentId, { delta: FIELD_CAP * Math.tanh((rated + opened) / SATURATION), ...counts });
  }
  return adjustments;
}

/**
 * The reason line's clause, naming what made those leads alike: "rated useful for 4 leads in
 * Logistics", "rated not useful for 2 Finance leads", "opened for 5 leads in Logistics" (worded by
 * reason-words.ts in the rep's language).
 */
export function explainField(adjustment: FieldAdjustment, lead: { industry?: string; persona?: string }): ReasonPart | undefined {
  const who = (count: number) => ({
    count,
    ...(adjustment.samePersona && lead.persona ? { persona: lead.persona } : {}),
    ...(adjustment.sameIndustry && lead.industry ? { industry: lead.industry } : {}),
  });
  if (adjustment.delta > EXPLAINED && adjustment.useful > 0) return { key: 'fieldUseful', values: who(adjustment.useful) };
  if (adjustment.delta > EXPLAINED && adjustment.opened > 0) return { key: 'fieldOpened', values: who(adjustment.opened) };
  if (adjustment.delta < -EXPLAINED && adjustment.notUseful > 0) return { key: 'fieldNotUseful', values: who(adjustment.notUseful) };
  return undefined;
}
