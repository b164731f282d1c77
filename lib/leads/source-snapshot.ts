import type { LeadProfile, SourceSnapshot } from '@/lib/schema';

/** The lead's first-touch source as marketing reports it, frozen into each feedback item and event. */
export function sourceSnapshot(profile: LeadProfile | null | undefined): SourceSnapshot {
  if (!profile) return {};
  return { channel: profile.source.channel, campaign: profile.source.campaign };
}
