import type { Brief } from '@/lib/schema';
import { recordKey, type DetectedRecord } from '@/lib/schema/record';
import { suggestContent } from '@/lib/suggest/rank';
import { fieldSignalsFor, type CatalogRead } from './catalog';
import type { Lookup } from './profiles';

/**
 * The brief from a lookup and the catalog, wherever it is built (the worker, or the side panel for a
 * cached lead). `startedAt`: when building began (performance.now()), for the leadside:brief-built
 * measure. `sourceLabel`: the source's name, for a profile that does not say which systems know the lead.
 */
export function assemble(record: DetectedRecord, lookup: Lookup, catalog: CatalogRead, startedAt: number, sourceLabel: string): Brief {
  const cached = lookup.entry;
  if (!cached.profile) return { state: 'not-found', record, asked: askedSystems(sourceLabel) };
  const suggestions = suggestContent(cached.profile, catalog.items, undefined, { field: fieldSignalsFor(catalog.items) });
  // What building costs without any message: half of the benchmark's floor for time to brief.
  performance.measure('leadside:brief-built', { start: startedAt, detail: recordKey(record) });
  return {
    state: 'found',
    record,
    profile: cached.profile,
    from: cached.profile.systems ? cached.profile.systems.filter((system) => system.found).map((system) => system.name) : [sourceLabel],
    suggestions,
    fetchedAt: cached.fetchedAt,
    chosenByRep: Boolean(cached.chosenByRep),
    refreshing: lookup.refreshing,
    warning: lookup.warning,
    ...(lookup.warningCoded ? { warningCoded: lookup.warningCoded } : {}),
    catalogStale: catalog.stale,
  };
}

/** The systems a merged source asked ("HubSpot and Mautic" is the merged connector's label), by name. */
function askedSystems(label: string): string[] {
  return label.split(/, and |, | and /).map((name) => name.trim()).filter(Boolean);
}
