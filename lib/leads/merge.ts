import { LEAD_LIMITS, type ContactPreferences, type LeadProfile, type LeadSource, type PageView, type SystemAnswer } from '@/lib/schema/lead';
import type { CodedText } from '@/lib/schema/coded-text';

/** What one marketing system answered for a lead: its profile, null when it does not know the lead, or its failure. */
export interface SourceAnswer {
  /** The system's name as the rep knows it ("HubSpot", "Mautic"). */
  system: string;
  profile: LeadProfile | null;
  error?: string;
  /** The failure as a code, for the panel to word. */
  errorCoded?: CodedText;
}

/** Two page views of the same URL this close together describe one visit seen by two systems. */
const SAME_VIEW_WINDOW_MS = 60_000;

/**
 * One brief's profile from several systems' answers, given in the admin's order (the first is the
 * main source). Who the lead is comes from the first system that says; facts that add up (pages,
 * stated problems, moments) are joined without repeats; a do-not-contact flag from any system
 * holds; scores and stages stay each system's own, in `systems`, never added together. Null when no
 * system knows the lead.
 */
export function mergeProfiles(answers: readonly SourceAnswer[]): LeadProfile | null {
  const found = answers.filter((answer): answer is SourceAnswer & { profile: LeadProfile } => answer.profile !== null);
  const [first] = found;
  if (!first) return null;
  const profiles = found.map((answer) => answer.profile);
  const base = first.profile;
  const firstDefined = <K extends keyof LeadProfile>(key: K): LeadProfile[K] => profiles.find((profile) => profile[key] !== undefined)?.[key] ?? base[key];
  const ranked = profiles.find((profile) => profile.score !== undefined || profile.stage !== undefined);
  const qualified = profiles.map((profile) => profile.qualifiedAt).filter((at): at is string => at !== undefined).sort();
  return {
    ...base,
    email: firstDefined('email'),
    name: firstDefined('name'),
    company: firstDefined('company'),
    title: firstDefined('title'),
    industry: firstDefined('industry'),
    persona: firstDefined('persona'),
    // The main source's ids win where two systems name a different record in the same CRM.
    crmIds: Object.assign({}, ...[...profiles].reverse().map((profile) => profile.crmIds)) as Record<string, string>,
    source: mergeSource(profiles),
    pageViews: mergePageViews(profiles.flatMap((profile) => profile.pageViews)),
    problems: uniqueBy(profiles.flatMap((profile) => profile.problems), (problem) => normalizeText(problem.text)).slice(0, LEAD_LIMITS.problems),
    contact: mergeContact(profiles.map((profile) => profile.contact)),
    // The top-level score and stage are the first system's that has one (ranking's stage fit reads them);
    // the panel shows every system's beside its name.
    score: ranked?.score,
    stage: ranked?.stage,
    qualifiedAt: qualified[0],
    highIntent: uniqueBy(profiles.flatMap((profile) => profile.highIntent), (moment) => `${normalizeText(moment.label)}\n${moment.at}`).slice(0, LEAD_LIMITS.moments),
    activities: optionalList(
      uniqueBy(profiles.flatMap((profile) => profile.activities ?? []), (activity) => `${activity.kind}\n${normalizeText(activity.title)}\n${activity.at}`)
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, LEAD_LIMITS.activities),
    ),
    gaps: optionalList(uniqueBy(profiles.flatMap((profile) => profile.gaps ?? []), (gap) => `${gap.what}\n${gap.why}`)),
    systems: answers.map(systemAnswer),
  };
}

function systemAnswer({ system, profile, error, errorCoded }: SourceAnswer): SystemAnswer {
  if (!profile) return { name: system, found: false, doNotContact: false, ...(error ? { error } : {}), ...(errorCoded ? { errorCoded } : {}) };
  return {
    name: system,
    found: true,
    ...(profile.score !== undefined ? { score: profile.score } : {}),
    ...(profile.stage !== undefined ? { stage: profile.stage } : {}),
    doNotContact: profile.contact.doNotCall || profile.contact.doNotEmail || profile.contact.doNotText === true,
  };
}

/** The first system that knows where the lead came from; "other" with nothing else is not knowing. */
function mergeSource(profiles: readonly LeadProfile[]): LeadSource {
  const knows = (source: LeadSource) =>
    source.channel !== 'other' || Boolean(source.campaign || source.firstPage || source.referrer || Object.values(source.utm).some(Boolean));
  return profiles.map((profile) => profile.source).find(knows) ?? profiles[0]!.source;
}

/**
 * Every system's page views, a view seen by two systems (same URL, within a minute) kept once, newest
 * first within the cap. The first system's copy is kept: it comes first in the list.
 */
export function mergePageViews(views: readonly PageView[]): PageView[] {
  const kept: PageView[] = [];
  const byUrl = new Map<string, number[]>();
  for (const view of views) {
    const url = normalizeUrl(view.url);
    const at = Date.parse(view.viewedAt);
    const seen = byUrl.get(url) ?? [];
    if (seen.some((other) => Math.abs(other - at) <= SAME_VIEW_WINDOW_MS)) continue;
    byUrl.set(url, [...seen, at]);
    kept.push(view);
  }
  return kept.sort((a, b) => b.viewedAt.localeCompare(a.viewedAt)).slice(0, LEAD_LIMITS.pageViews);
}

/**
 * Contact preferences from the first system that gives each one; a do-not-contact flag set by any
 * system holds, since honouring it is never wrong and ignoring it can be unlawful, and every system's
 * record of when and why it was set is kept.
 */
function mergeContact(contacts: readonly ContactPreferences[]): ContactPreferences {
  const merged: Record<string, unknown> = {};
  for (const contact of contacts) {
    for (const [key, value] of Object.entries(contact)) {
      if (typeof value === 'boolean') merged[key] = merged[key] === true || value;
      else if (merged[key] === undefined && value !== undefined) merged[key] = value;
    }
  }
  const optOuts = contacts.flatMap((contact) => contact.optOuts ?? []).slice(0, LEAD_LIMITS.optOuts);
  return { ...(merged as ContactPreferences), optOuts: optionalList(optOuts) };
}

/** An optional list stays absent rather than empty, as the single system's profile had it. */
const optionalList = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);

/** The same address written two ways (case of the host, a trailing slash, a fragment) is one page. */
function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url;
  }
}

const normalizeText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
