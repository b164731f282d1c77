/**
 * What the panel says about a source by its name: built here from the connector's own label
 * ("HubSpot", "Mautic"), so every system is named the same way and none needs its own sentence.
 */
import { SOURCE_LABELS, type DataSource } from '@/lib/schema/sources';

/** Sources that are a set of records rather than a system with contacts (the connectors' labels). */
const COLLECTIONS = new Set(['Demo data', 'Imported files']);

/** "No HubSpot contact for a@b.co", "Not in Mautic", "Neither HubSpot nor Mautic has a contact for a@b.co". */
export function notFoundMessage(systems: readonly string[], email?: string): string {
  const names = systems.filter((name) => name.trim());
  if (names.length === 0) return email ? `Marketing has no record of ${email}.` : 'Marketing has no record of this person.';
  if (names.length === 1 && COLLECTIONS.has(names[0]!)) return `${email ?? 'This person'} is not in the ${names[0]!.toLowerCase()}.`;
  if (names.length === 1) return email ? `No ${names[0]} contact for ${email}.` : `Not in ${names[0]}.`;
  const listed = new Intl.ListFormat('en', { type: 'disjunction' }).format(names);
  if (names.length === 2) return email ? `Neither ${names[0]} nor ${names[1]} has a contact for ${email}.` : `Not in ${listed}.`;
  return email ? `None of ${listed} has a contact for ${email}.` : `Not in ${listed}.`;
}

/** Sources whose credentials a rep or admin enters in Options, and can enter again. */
const RECONNECTABLE: ReadonlyArray<DataSource['kind']> = ['hubspot', 'mautic', 'leadside', 'rest'];

/** The Options anchor of a source's form: options.html#source-hubspot. */
export const sourceAnchor = (kind: DataSource['kind']): string => `source-${kind}`;

/**
 * The source to reconnect after it refused the credentials: the system the error names (by its label),
 * else the main source. Undefined for sources without credentials (demo, files).
 */
export function reconnectTarget(system: string | undefined, main: { kind: DataSource['kind']; label: string } | undefined): { source: DataSource['kind']; label: string } | undefined {
  // Connectors may add where they are to their name in errors: "Mautic (mautic.example.com)".
  const isNamed = (label: string) => system === label || !!system?.startsWith(`${label} (`);
  const named = system ? (Object.entries(SOURCE_LABELS) as Array<[DataSource['kind'], string]>).find(([, label]) => isNamed(label)) : undefined;
  if (named && RECONNECTABLE.includes(named[0])) return { source: named[0], label: named[1] };
  if (main && RECONNECTABLE.includes(main.kind) && (!system || isNamed(main.label))) return { source: main.kind, label: main.label };
  return undefined;
}
