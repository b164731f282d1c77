/**
 * Which source a message is about, by the connector's own label ("HubSpot", "Mautic"): the one to
 * reconnect, and where its form is in Options. (The panel words "not found" itself, in the rep's
 * language: components/sidepanel/not-found-text.ts.)
 */
import { SOURCE_LABELS, type DataSource } from '@/lib/schema/sources';

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
