import type { SystemAnswer } from '@/lib/schema';

/** "and"-joined names, the way the rep would say them ("HubSpot and Mautic"). */
const joinNames = (names: readonly string[]): string => new Intl.ListFormat('en', { type: 'conjunction' }).format(names);

/**
 * Which marketing systems the brief comes from, and, when several are read, what each one that adds
 * nothing said: it does not know the lead, or it could not be asked (so the rep knows the brief may
 * be missing that system's part).
 */
export function SourcesLine({ from, systems }: { from: readonly string[]; systems?: readonly SystemAnswer[] }) {
  const silent = systems?.filter((system) => !system.found) ?? [];
  if (from.length === 0 && silent.length === 0) return null;
  return (
    <div className="small muted stack" data-testid="brief-sources">
      {from.length > 0 && <p data-testid="brief-from">From {joinNames(from)}</p>}
      {silent.map((system) => (
        <p key={system.name} data-testid="system-note" className={system.error ? 'notice notice-warn' : undefined} role={system.error ? 'status' : undefined}>
          {system.error ? `${system.name} could not be read: ${system.error}` : `Not in ${system.name}`}
        </p>
      ))}
    </div>
  );
}
