import { z } from 'zod';
import {
  ContentPageSchema,
  DeliveryResponseSchema,
  ErrorBodySchema,
  FieldSignalsSchema,
  ProfileResponseSchema,
  ProfileSearchResponseSchema,
  TeamStatsSchema,
} from '@/lib/schema/rest-api';
import { RequestStatusesResponseSchema } from '@/lib/schema/dashboard';
import type { ContentItem } from '@/lib/schema';
import type { RestSource } from '@/lib/schema/sources';
import { fetchJson, type HttpRequest } from './http';
import { check } from './capability';
import { redactSecrets } from './redact';
import { ConnectorError, type Connector, type DeliveryResult } from './types';
import { connectorText, said } from './message-codes';

const MAX_CONTENT_PAGES = 200;

/** Who speaks the contract, as errors and the catalog cache name it. */
export interface RestService {
  /** "The REST gateway", "The Leadside server": errors read "<name> (<host>) answered 401: …". */
  name: string;
  /** Prefix of the connector id, which keys the cached catalog to its source. */
  idPrefix: string;
}

const TEAM_GATEWAY: RestService = { name: 'The REST gateway', idPrefix: 'rest' };

/**
 * The REST gateway: a team's own service in front of its warehouse or marketing tools, speaking the
 * contract in docs/api/openapi.json. It dedups deliveries by id, so delivery here is exactly-once by
 * construction. Leadside's own server speaks the same contract (lib/connectors/leadside.ts).
 */
export function createRestConnector(
  source: Pick<RestSource, 'baseUrl' | 'timeoutSeconds'>,
  secrets: { token?: string },
  service: RestService = TEAM_GATEWAY,
): Connector {
  const vendor = `${service.name} (${new URL(source.baseUrl).host})`;
  // A gateway that echoes the bearer token back never gets it into an error, lastError or the console.
  const options = { vendor, errorText: (body: unknown) => ErrorBodySchema.safeParse(body).data?.error, secrets: [secrets.token] };
  const call = (path: string, signal: AbortSignal, extra: Partial<HttpRequest> = {}): HttpRequest => ({
    url: `${source.baseUrl}${path}`,
    headers: secrets.token ? { Authorization: `Bearer ${secrets.token}` } : {},
    timeoutMs: source.timeoutSeconds * 1000,
    signal,
    ...extra,
  });

  const connector: Connector = {
    id: `${service.idPrefix}:${source.baseUrl}`,
    label: service.name,

    async findProfile(query, signal) {
      const params = new URLSearchParams({ crm: query.crm, recordId: query.recordId });
      if (query.email) params.set('email', query.email);
      const found = await fetchJson(call(`/profiles?${params}`, signal), ProfileResponseSchema, { ...options, notFoundAsNull: true });
      return found?.profile ?? null;
    },

    async getProfile(id, signal) {
      const found = await fetchJson(call(`/profiles/${encodeURIComponent(id)}`, signal), ProfileResponseSchema, {
        ...options,
        notFoundAsNull: true,
      });
      return found?.profile ?? null;
    },

    async searchProfiles(text, signal) {
      const found = await fetchJson(call(`/profiles/search?${new URLSearchParams({ q: text })}`, signal), ProfileSearchResponseSchema, options);
      return found.results;
    },

    async listContent(signal) {
      const items: ContentItem[] = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < MAX_CONTENT_PAGES; page++) {
        const params = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
        const answer = await fetchJson(call(`/content?${params}`, signal), ContentPageSchema, options);
        items.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) return items;
      }
      throw new ConnectorError(
        'malformed',
        `${vendor} kept answering with more content pages after ${MAX_CONTENT_PAGES}.`,
        undefined,
        undefined,
        connectorText('source.tooManyPages', { system: vendor, count: MAX_CONTENT_PAGES }),
      );
    },

    async deliver(entries, signal) {
      const body = { items: entries.map((entry) => ({ kind: entry.kind, id: entry.id, item: entry.item })) };
      const answer = await fetchJson(call('/deliveries', signal, { method: 'POST', body }), DeliveryResponseSchema, options);
      const byId = new Map(answer.results.map((result) => [result.id, result]));
      return entries.map((entry): DeliveryResult => {
        const result = byId.get(entry.id);
        if (!result) return { id: entry.id, outcome: 'retry', error: `${vendor} did not answer for this item`, coded: connectorText('delivery.noAnswerFrom', { system: vendor }) };
        if (result.status === 'rejected') {
          // The receiver's own reason is quoted after our sentence, as it wrote it.
          const reason = redactSecrets(result.error ?? 'rejected', options.secrets);
          return { id: entry.id, outcome: 'rejected', error: reason, coded: connectorText('delivery.refused', { system: vendor }, result.error ? reason : undefined) };
        }
        return { id: entry.id, outcome: 'delivered' };
      });
    },

    async teamStats(since, signal) {
      const query = since ? `?${new URLSearchParams({ since })}` : '';
      // A gateway that does not collect the team's events answers 404: no team numbers, not an error.
      return fetchJson(call(`/stats${query}`, signal), TeamStatsSchema, { ...options, notFoundAsNull: true });
    },

    async requestStatuses(signal) {
      // A gateway that does not track marketing's answers to the field answers 404: no statuses, not an error.
      return fetchJson(call('/requests/status', signal), RequestStatusesResponseSchema, { ...options, notFoundAsNull: true });
    },

    async fieldSignals(signal) {
      // A gateway that does not collect the team's ratings answers 404: the rep's own stand in, not an error.
      return fetchJson(call('/field-signals', signal), FieldSignalsSchema, { ...options, notFoundAsNull: true });
    },

    async testConnection(signal) {
      return [
        await check('auth', () => fetchJson(call('/profiles/search?q=', signal), z.unknown(), options), said('Token accepted', connectorText('rest.check.auth', {}))),
        await check(
          'lookup',
          () => connector.findProfile({ crm: 'custom', recordId: 'leadside-connection-test', email: 'connection-test@leadside.invalid' }, signal),
          said('Profile lookup answers', connectorText('rest.check.lookup', {})),
        ),
        await check('content', async () => {
          const count = (await connector.listContent(signal)).length;
          return said(`${count} content items`, connectorText('rest.check.content', { count }));
        }),
        await check(
          'write',
          () => fetchJson(call('/deliveries', signal, { method: 'POST', body: { items: [] } }), DeliveryResponseSchema, options),
          said('Accepts deliveries', connectorText('rest.check.write', {})),
        ),
      ];
    },
  };
  return connector;
}
