import type { TFunction } from 'i18next';
import { DataSourceSchema, HubSpotSourceSchema, mauticMappings, siteOrigin, type DataSource, type SourceSecrets } from '@/lib/schema';
import { describeInvalid, fieldName } from './invalid-words';
import type { SourceDraft } from './source-forms';

/** The secret fields each source kind has, by draft field name. */
export const SECRET_FIELDS: Record<DataSource['kind'], readonly string[]> = {
  demo: [],
  file: [],
  leadside: ['token'],
  rest: ['token'],
  hubspot: ['token'],
  mautic: ['password', 'clientSecret'],
};

/** A fresh form draft for a source kind: its defaults where it has them. */
export function newDraft(kind: DataSource['kind']): SourceDraft {
  if (kind === 'hubspot') return draftFrom(HubSpotSourceSchema.parse({ kind }));
  if (kind === 'mautic') return { ...mauticMappings({}) };
  return {};
}

/** A form draft for a stored source, secrets left empty (they are never shown again). */
export function draftFrom(source: DataSource): SourceDraft {
  switch (source.kind) {
    case 'leadside':
      return { serverUrl: source.serverUrl, timeoutSeconds: String(source.timeoutSeconds) };
    case 'rest':
      return { baseUrl: source.baseUrl, timeoutSeconds: String(source.timeoutSeconds) };
    case 'hubspot':
      return { ...source.mappings, contentTableId: source.contentTableId, timeoutSeconds: String(source.timeoutSeconds) };
    case 'mautic':
      return {
        baseUrl: source.baseUrl,
        method: source.auth.method,
        username: source.auth.method === 'basic' ? source.auth.username : '',
        clientId: source.auth.method === 'oauth2' ? source.auth.clientId : '',
        // Settings saved before the mapping existed show its defaults.
        ...mauticMappings(source),
        timeoutSeconds: String(source.timeoutSeconds),
      };
    default:
      return {};
  }
}

/** A source's saved secrets and the origin they were entered for (lib/store/secrets.ts). */
export interface SavedSecrets {
  values: SourceSecrets;
  origin?: string;
}

export type ParsedSource =
  | { ok: true; source: DataSource; secrets: SourceSecrets; origin?: string; baseUrl?: string }
  | { ok: false; error: string };

/**
 * The saved secrets this draft may use: only those entered for the origin its address points at.
 * `enteredFor` names the other host they were saved for, so the form can ask for them again.
 */
export function usableSecrets(kind: DataSource['kind'], draft: SourceDraft, saved: SavedSecrets): { values: SourceSecrets; enteredFor?: string } {
  if (Object.keys(saved.values).length === 0) return { values: {} };
  const parsed = DataSourceSchema.safeParse(rawSource(kind, draft));
  const base = parsed.success ? remoteBase(parsed.data) : undefined;
  if (base && saved.origin === new URL(base).origin) return { values: saved.values };
  return { values: {}, enteredFor: saved.origin ? new URL(saved.origin).host : undefined };
}

/**
 * Validates a draft into a source config, its secrets and the one origin it may call. A secret left
 * empty keeps the saved one, but only for the host it was entered for: a new address asks for it
 * again rather than send it there. A source that needs one and has none is refused here, not on
 * first use. `t` words the refusal in the UI's language.
 */
export function parseDraft(kind: DataSource['kind'], draft: SourceDraft, saved: SavedSecrets, t: TFunction<'options'>): ParsedSource {
  const parsed = DataSourceSchema.safeParse(rawSource(kind, draft));
  if (!parsed.success) return { ok: false, error: describeInvalid(parsed.error, t) };
  const source = parsed.data;
  const base = remoteBase(source);
  const usable = usableSecrets(kind, draft, saved);

  const needed =
    source.kind === 'mautic' ? [source.auth.method === 'basic' ? 'password' : 'clientSecret'] : SECRET_FIELDS[source.kind];
  const secrets: SourceSecrets = {};
  for (const field of needed) {
    const value = draft[field]?.trim() || usable.values[field];
    if (!value && usable.enteredFor && saved.values[field] && base) {
      return { ok: false, error: t('invalid.secretAgain', { field: fieldName([field], t), savedFor: usable.enteredFor, host: new URL(base).host }) };
    }
    if (!value) return { ok: false, error: t('invalid.field', { field: fieldName([field], t), problem: t('invalid.required') }) };
    secrets[field] = value;
  }
  return { ok: true, source, secrets, origin: base ? siteOrigin(new URL(base).host) : undefined, baseUrl: base };
}

/** The draft's fields in the shape of a source config, for the schema to check. */
function rawSource(kind: DataSource['kind'], draft: SourceDraft): unknown {
  const timeoutSeconds = draft.timeoutSeconds ? Number(draft.timeoutSeconds) : undefined;
  switch (kind) {
    case 'leadside':
      return { kind, serverUrl: draft.serverUrl, timeoutSeconds };
    case 'rest':
      return { kind, baseUrl: draft.baseUrl, timeoutSeconds };
    case 'hubspot':
      return {
        kind,
        // An empty mapping falls back to HubSpot's usual property (the schema's default).
        mappings: {
          problem: draft.problem || undefined,
          preferredChannel: draft.preferredChannel || undefined,
          bestTime: draft.bestTime || undefined,
          timeZone: draft.timeZone || undefined,
          salesforceId: draft.salesforceId || undefined,
          score: draft.score || undefined,
        },
        contentTableId: draft.contentTableId ?? '',
        timeoutSeconds,
      };
    case 'mautic':
      return {
        kind,
        baseUrl: draft.baseUrl,
        auth: draft.method === 'oauth2' ? { method: 'oauth2', clientId: draft.clientId } : { method: 'basic', username: draft.username },
        // An empty alias means "not mapped" (Mautic has no usual field for these); a missing one takes the default.
        mappings: {
          problem: draft.problem,
          preferredChannel: draft.preferredChannel,
          bestTime: draft.bestTime,
          timeZone: draft.timeZone,
          crmIdField: draft.crmIdField,
          crm: draft.crm || undefined,
        },
        timeoutSeconds,
      };
    case 'demo':
    case 'file':
      return { kind };
  }
}

/** The one https address a source calls (the browser must allow its host), or none for local sources. */
function remoteBase(source: DataSource): string | undefined {
  switch (source.kind) {
    case 'leadside':
      return source.serverUrl;
    case 'rest':
    case 'mautic':
      return source.baseUrl;
    case 'hubspot':
      return source.apiBase;
    case 'demo':
    case 'file':
      return undefined;
  }
}

