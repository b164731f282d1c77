import type { LeadProfile } from '@/lib/schema';

/** A lead profile with nothing known but what `extra` says: the smallest valid profile, for pure unit tests. */
export const leadProfile = (extra: Partial<LeadProfile> = {}): LeadProfile => ({
  id: 'lead',
  crmIds: {},
  source: { channel: 'direct', utm: {} },
  pageViews: [],
  problems: [],
  contact: { doNotCall: false, doNotEmail: false },
  highIntent: [],
  ...extra,
});
