import type { LeadsideSource } from '@/lib/schema/sources';
import { createRestConnector } from './rest';
import type { Connector } from './types';

/**
 * Leadside's own team server: the REST contract under `/v1` (the same connector as a team's gateway,
 * so lookups, the catalog and the outbox's deliveries work alike), its team stats for Insights, the
 * status of the rep's own field requests (`/v1/requests/status`, which the server always has), and
 * errors that name the Leadside server rather than "the REST gateway".
 */
export function createLeadsideConnector(source: LeadsideSource, secrets: { token?: string }): Connector {
  return createRestConnector(
    { baseUrl: `${source.serverUrl}/v1`, timeoutSeconds: source.timeoutSeconds },
    secrets,
    { name: 'The Leadside server', idPrefix: 'leadside' },
  );
}
