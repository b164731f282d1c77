import { z } from 'zod';
import { CrmIdSchema } from './record';

const TimeoutSchema = z.number().int().min(1, 'Timeout must be at least 1 second').max(60, 'Timeout can be at most 60 seconds');
/**
 * An https base URL without a trailing slash: the only host the connector may call. Paths are
 * appended to it, so a query or fragment would end up in the middle of every request, and a user name
 * or password in it would be sent beside the token and shown wherever the address is.
 */
const BaseUrlSchema = z
  .url({ protocol: /^https$/, message: 'Enter the https:// address of the service' })
  .refine((url) => { const parsed = new URL(url); return !parsed.username && !parsed.password; }, {
    message: 'Leave the user name and password out of the address: Leadside sends the token you enter below',
  })
  .refine((url) => !url.includes('?'), { message: 'Leave the ?query out of the address: enter only https://host/path' })
  .refine((url) => !url.includes('#'), { message: 'Leave the #fragment out of the address: enter only https://host/path' })
  .transform((url) => url.replace(/\/+$/, ''));

/** The bundled demo dataset. */
export const DemoSourceSchema = z.object({ kind: z.literal('demo') });

/**
 * Leadside's own team server (server/): the REST contract under `/v1`, plus the team's numbers for
 * Insights. `serverUrl` is the server's root; an address pasted with the `/v1` the API docs show is
 * taken as the root too, so the connector never calls `/v1/v1`. Secret: `token` (one per rep).
 */
export const LeadsideSourceSchema = z.object({
  kind: z.literal('leadside'),
  serverUrl: BaseUrlSchema.transform((url) => url.replace(/\/v1$/, '')),
  timeoutSeconds: TimeoutSchema.default(8),
});

/** A team's own service implementing Leadside's REST contract (docs/api/openapi.json). Secret: `token`. */
export const RestSourceSchema = z.object({
  kind: z.literal('rest'),
  baseUrl: BaseUrlSchema,
  timeoutSeconds: TimeoutSchema.default(8),
});

/**
 * HubSpot with a private-app token (secret: `token`). Contact properties that hold what HubSpot has
 * no standard property for are mapped by the admin; empty means "not available".
 */
export const HubSpotSourceSchema = z.object({
  kind: z.literal('hubspot'),
  apiBase: BaseUrlSchema.default('https://api.hubapi.com'),
  mappings: z
    .object({
      /** The form field where leads describe their problem, e.g. `message`. */
      problem: z.string().trim().default('message'),
      preferredChannel: z.string().trim().default(''),
      bestTime: z.string().trim().default(''),
      timeZone: z.string().trim().default('hs_timezone'),
      /** Filled by the HubSpot–Salesforce sync, e.g. `salesforceleadid` / `salesforcecontactid`. */
      salesforceId: z.string().trim().default('salesforceleadid'),
      /**
       * The lead's score: the HubSpot score (`hubspotscore`) where a portal still has it, or the score
       * property the lead scoring tool made, named after its score, that replaced it in 2025.
       */
      score: z.string().trim().default('hubspotscore'),
    })
    .default({ problem: 'message', preferredChannel: '', bestTime: '', timeZone: 'hs_timezone', salesforceId: 'salesforceleadid', score: 'hubspotscore' }),
  /** A HubDB table listing the sales content (one row per item); empty means no catalog from HubSpot. */
  contentTableId: z.string().trim().default(''),
  timeoutSeconds: TimeoutSchema.default(8),
});

/** A Mautic contact field alias as Mautic makes them (lower case, digits, underscores); empty means "not mapped". */
const MauticAliasSchema = z
  .string()
  .trim()
  .max(191, 'A Mautic field alias is at most 191 characters')
  .regex(/^[A-Za-z0-9_]*$/, 'Enter the field alias (Mautic → Settings → Custom Fields, e.g. preferred_channel), not its label');

export const MAUTIC_MAPPING_DEFAULTS = { problem: '', preferredChannel: '', bestTime: '', timeZone: 'timezone', crmIdField: '', crm: 'salesforce' } as const;

/**
 * Mautic custom fields holding what Mautic has no core field for, by alias; empty means "not
 * available". `crmIdField` holds the lead's record id in the CRM named by `crm`. Settings saved
 * before the mapping existed parse with these defaults.
 */
export const MauticMappingsSchema = z.object({
  problem: MauticAliasSchema.default(MAUTIC_MAPPING_DEFAULTS.problem),
  preferredChannel: MauticAliasSchema.default(MAUTIC_MAPPING_DEFAULTS.preferredChannel),
  bestTime: MauticAliasSchema.default(MAUTIC_MAPPING_DEFAULTS.bestTime),
  timeZone: MauticAliasSchema.default(MAUTIC_MAPPING_DEFAULTS.timeZone),
  crmIdField: MauticAliasSchema.default(MAUTIC_MAPPING_DEFAULTS.crmIdField),
  crm: CrmIdSchema.default(MAUTIC_MAPPING_DEFAULTS.crm),
});
export type MauticMappings = z.infer<typeof MauticMappingsSchema>;

/** A Mautic source's field mapping, the defaults where none was saved. */
export function mauticMappings(source: { mappings?: MauticMappings }): MauticMappings {
  return source.mappings ?? { ...MAUTIC_MAPPING_DEFAULTS };
}

/** Mautic (open source) with basic auth (secret: `password`) or OAuth2 client credentials (secret: `clientSecret`). */
export const MauticSourceSchema = z.object({
  kind: z.literal('mautic'),
  baseUrl: BaseUrlSchema,
  auth: z.discriminatedUnion('method', [
    z.object({ method: z.literal('basic'), username: z.string().trim().min(1, 'Enter the Mautic user name') }),
    z.object({ method: z.literal('oauth2'), clientId: z.string().trim().min(1, 'Enter the OAuth2 client id') }),
  ]),
  /** Absent in settings saved before the mapping existed: read through mauticMappings(). */
  mappings: MauticMappingsSchema.optional(),
  timeoutSeconds: TimeoutSchema.default(8),
});

/** Profiles, page views and content imported from CSV or JSON files into this browser. */
export const FileSourceSchema = z.object({ kind: z.literal('file') });

export const DataSourceSchema = z.discriminatedUnion('kind', [
  DemoSourceSchema,
  LeadsideSourceSchema,
  RestSourceSchema,
  HubSpotSourceSchema,
  MauticSourceSchema,
  FileSourceSchema,
]);
export type DataSource = z.infer<typeof DataSourceSchema>;

/**
 * A system read beside the main source (lib/connectors/merged.ts): one that knows leads on its own.
 * The demo and the Leadside server are main sources only; the server merges its own sources.
 */
export const ExtraSourceSchema = z.discriminatedUnion('kind', [RestSourceSchema, HubSpotSourceSchema, MauticSourceSchema, FileSourceSchema]);
export type ExtraSource = z.infer<typeof ExtraSourceSchema>;
export const EXTRA_SOURCE_KINDS = ['hubspot', 'mautic', 'rest', 'file'] as const satisfies readonly ExtraSource['kind'][];
export const MAX_EXTRA_SOURCES = 3;

/** Main sources that take no systems beside them: the demo stands alone, and the Leadside server merges its own sources. */
export const takesExtraSources = (main: DataSource): boolean => main.kind !== 'demo' && main.kind !== 'leadside';

/**
 * The extra sources that count beside `main`: one per kind (secrets are kept per kind), none of the
 * main source's kind, in the admin's order.
 */
export function usableExtraSources(main: DataSource, extras: readonly ExtraSource[]): ExtraSource[] {
  const kinds = new Set<string>([main.kind]);
  if (!takesExtraSources(main)) return [];
  return extras.filter((extra) => !kinds.has(extra.kind) && Boolean(kinds.add(extra.kind))).slice(0, MAX_EXTRA_SOURCES);
}
export type LeadsideSource = z.infer<typeof LeadsideSourceSchema>;
export type RestSource = z.infer<typeof RestSourceSchema>;
export type HubSpotSource = z.infer<typeof HubSpotSourceSchema>;
export type MauticSource = z.infer<typeof MauticSourceSchema>;

export const SOURCE_LABELS: Record<DataSource['kind'], string> = {
  demo: 'Demo data',
  leadside: 'Leadside server (recommended)',
  rest: 'REST gateway (your own service)',
  hubspot: 'HubSpot',
  mautic: 'Mautic',
  file: 'File import (CSV / JSON)',
};

/** The secrets each source needs: kept in IndexedDB, where content scripts and pages of sites cannot read. */
export const SourceSecretsSchema = z.record(z.string(), z.string());
export type SourceSecrets = z.infer<typeof SourceSecretsSchema>;
