import { mergeProfiles, type SourceAnswer } from '@/lib/leads/merge';
import type { ContentItem, LeadProfile } from '@/lib/schema';
import { type CapabilityCheck, type Connector, type LookupQuery } from './types';
import { timedOut } from './http';
import { asConnectorError, connectorText } from './message-codes';

/**
 * Several marketing systems as one connector (HubSpot beside Mautic, a form tool beside marketing
 * automation). Every system is asked for the lead at once and the answers merge into one profile
 * (lib/leads/merge.ts); one that fails or does not know the lead leaves a note, not a blank brief.
 * Everything that writes or belongs to one place stays with the main system: the rep's verdicts and
 * content use go there, its catalog comes first, and a rep's corrected match is searched there.
 */
export function createMergedConnector(mainSystem: MergedSystem, otherSystems: readonly MergedSystem[]): Connector {
  const main = mainSystem.connector;
  const others = otherSystems.map((system) => system.connector);
  const all = [main, ...others];
  const deadlines = [mainSystem, ...otherSystems].map((system) => system.timeoutMs);
  const label = new Intl.ListFormat('en', { type: 'conjunction' }).format(all.map((connector) => connector.label));
  // Ids of other systems' profiles carry the system's name, so a chosen match is asked of the right one.
  const otherIdPrefix = (index: number) => `${others[index]!.label}:`;

  return {
    id: all.map((connector) => connector.id).join('+'),
    label,
    resendSettleMs: main.resendSettleMs,

    async findProfile(query: LookupQuery, signal: AbortSignal): Promise<LeadProfile | null> {
      const ask = (index: number, asked: LookupQuery) => withDeadline(all[index]!, deadlines[index]!, signal, (inner) => all[index]!.findProfile(asked, inner));
      const settled = await Promise.allSettled(all.map((_, index) => ask(index, query)));
      // A system that knows leads only by e-mail cannot find one from a record id alone; when another
      // system found the lead and knows the address, it is asked again with it.
      const email = query.email ? undefined : settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value?.email : undefined)).find(Boolean);
      if (email) {
        await Promise.all(
          settled.map(async (outcome, index) => {
            if (outcome.status === 'fulfilled' && outcome.value === null) settled[index] = (await Promise.allSettled([ask(index, { ...query, email })]))[0]!;
          }),
        );
      }
      const answers: SourceAnswer[] = settled.map((outcome, index) => {
        const system = all[index]!.label;
        if (outcome.status === 'rejected') return { system, profile: null, error: messageOf(outcome.reason), errorCoded: asConnectorError(outcome.reason).coded };
        const profile = outcome.value && index > 0 ? { ...outcome.value, id: `${otherIdPrefix(index - 1)}${outcome.value.id}` } : outcome.value;
        return { system, profile };
      });
      const merged = mergeProfiles(answers);
      if (merged) return merged;
      // Nobody knows the lead: that is only an answer when every system answered.
      const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failure) throw asConnectorError(failure.reason);
      return null;
    },

    async getProfile(id: string, signal: AbortSignal): Promise<LeadProfile | null> {
      const index = others.findIndex((_, at) => id.startsWith(otherIdPrefix(at)));
      if (index < 0) return main.getProfile(id, signal);
      const profile = await others[index]!.getProfile(id.slice(otherIdPrefix(index).length), signal);
      return profile && { ...profile, id };
    },

    searchProfiles: (text, signal) => main.searchProfiles(text, signal),

    async listContent(signal: AbortSignal): Promise<ContentItem[]> {
      // The main system's list must come: without it there is nothing to suggest. The others add what it lacks.
      const [mainItems, ...otherLists] = await Promise.all([
        main.listContent(signal),
        ...others.map((connector) => connector.listContent(signal).catch(() => [] as ContentItem[])),
      ]);
      const urls = new Set(mainItems.map((item) => item.url));
      const ids = new Set(mainItems.map((item) => item.id));
      const added = otherLists.flat().filter((item) => {
        if (urls.has(item.url) || ids.has(item.id)) return false;
        urls.add(item.url);
        ids.add(item.id);
        return true;
      });
      return [...mainItems, ...added];
    },

    deliver: (entries, signal) => main.deliver(entries, signal),

    async testConnection(signal: AbortSignal): Promise<CapabilityCheck[]> {
      const results = await Promise.all(
        all.map(async (connector, index) => {
          const checks: CapabilityCheck[] = await connector
            .testConnection(signal)
            .catch((error: unknown) => [{ capability: 'auth' as const, ok: false, message: messageOf(error), coded: asConnectorError(error).coded }]);
          // Only the main system receives feedback, so only its write check counts.
          return checks
            .filter((check) => index === 0 || check.capability !== 'write')
            .map((check) => ({
              ...check,
              message: `${connector.label}: ${check.message}`,
              ...(check.coded ? { coded: connectorText('source.checkOf', { system: connector.label }, undefined, check.coded) } : {}),
            }));
        }),
      );
      return results.flat();
    },

    ...(main.teamStats ? { teamStats: main.teamStats.bind(main) } : {}),
    ...(main.requestStatuses ? { requestStatuses: main.requestStatuses.bind(main) } : {}),
    ...(main.fieldSignals ? { fieldSignals: main.fieldSignals.bind(main) } : {}),
  };
}

/** A system in a merged connector, with how long its lookup may take before the others show without it. */
export interface MergedSystem {
  connector: Connector;
  timeoutMs: number;
}

/** The time a merged lookup may take in all: its slowest system's, and a moment to merge. */
export const mergedTimeoutMs = (systems: readonly MergedSystem[]): number => Math.max(...systems.map((system) => system.timeoutMs)) + 1_000;

/** One system's call, given up after its own time limit so a slow system never holds back the others. */
function withDeadline<T>(connector: Connector, timeoutMs: number, signal: AbortSignal, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', abort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = timedOut(connector.label, timeoutMs / 1000);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  return Promise.race([call(controller.signal), expired]).finally(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  });
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
