import { usableExtraSources, type DataSource } from '@/lib/schema/sources';
import type { Settings } from '@/lib/store/settings';
import { lookupTimeoutMs } from '@/lib/brief/profiles';
import { createMergedConnector, mergedTimeoutMs } from '@/lib/connectors/merged';
import { siteOrigin } from '@/lib/schema';
import { loadSecrets } from '@/lib/store/secrets';
import { browser } from 'wxt/browser';
import { createDemoConnector, type DemoFile } from '@/lib/connectors/demo';
import { createFileImportConnector } from '@/lib/store/file-import-connector';
import { createHubSpotConnector } from '@/lib/connectors/hubspot';
import { createMauticConnector } from '@/lib/connectors/mautic';
import { createLeadsideConnector } from '@/lib/connectors/leadside';
import { createRestConnector } from '@/lib/connectors/rest';
import { ConnectorError, type Connector } from '@/lib/connectors/types';
import { connectorText } from '@/lib/connectors/message-codes';

/**
 * One demo connector for the worker's lifetime: it reads and validates the bundled dataset once,
 * instead of on every lookup, search and connection test.
 */
let demo: Connector | undefined;

/**
 * The connector for the configured data source, with its secrets loaded: the one place every
 * connector gets them. They come only for the source's own origin (lib/store/secrets.ts), and only
 * once the browser allows Leadside to reach it. When either is missing the connector is still
 * returned, so cached briefs still show and the webhook still delivers, but every call it would
 * make fails with the reason.
 */
export async function connectorFor(source: DataSource): Promise<Connector> {
  switch (source.kind) {
    case 'demo':
      return (demo ??= createDemoConnector(fetchBundledFile));
    case 'leadside':
      return authenticated(source, source.serverUrl, (secrets) => createLeadsideConnector(source, secrets));
    case 'rest':
      return authenticated(source, source.baseUrl, (secrets) => createRestConnector(source, secrets));
    case 'hubspot':
      return authenticated(source, source.apiBase, (secrets) => createHubSpotConnector(source, secrets));
    case 'mautic':
      return authenticated(source, source.baseUrl, (secrets) => createMauticConnector(source, secrets));
    case 'file':
      return createFileImportConnector();
  }
}

/**
 * The connector that finds leads: the main source's, or, when the admin added systems beside it, one
 * that asks them all and merges their answers (lib/connectors/merged.ts). With the time the whole
 * lookup may take.
 */
export async function leadConnector(settings: Pick<Settings, 'source' | 'alsoFrom'>): Promise<{ connector: Connector; timeoutMs: number }> {
  const main = { connector: await connectorFor(settings.source), timeoutMs: lookupTimeoutMs(settings.source) };
  const extras = usableExtraSources(settings.source, settings.alsoFrom);
  if (extras.length === 0) return main;
  const others = await Promise.all(extras.map(async (extra) => ({ connector: await connectorFor(extra), timeoutMs: lookupTimeoutMs(extra) })));
  return { connector: createMergedConnector(main, others), timeoutMs: mergedTimeoutMs([main, ...others]) };
}

/**
 * The last remote connector built per source kind, kept while its source settings and secrets stay
 * the same: it holds what must outlive one call (Mautic's OAuth2 token, HubSpot's "events API
 * unavailable" memo). Any change to either builds a new one, so nothing learnt under old settings
 * leaks into new ones. Per kind, so a main source and the systems beside it do not evict each other.
 */
const reused = new Map<DataSource['kind'], { key: string; connector: Connector }>();

/** A remote source's connector: its secrets bound to `baseUrl`'s origin, its host allowed by the browser. */
async function authenticated(
  source: DataSource,
  baseUrl: string,
  create: (secrets: Record<string, string>) => Connector,
): Promise<Connector> {
  const host = new URL(baseUrl).host;
  try {
    // Asked on every call, not only when building: access can be taken back at any time.
    if (!(await browser.permissions.contains({ origins: [siteOrigin(host)] }))) {
      throw new ConnectorError(
        'auth',
        `Leadside is not allowed to reach ${host}: open Options → Data source and save the source again, then allow access when the browser asks.`,
        undefined,
        undefined,
        connectorText('access.notGranted', { host }),
      );
    }
    const secrets = await loadSecrets(source.kind, baseUrl);
    const key = JSON.stringify([source, secrets]);
    let kept = reused.get(source.kind);
    if (kept?.key !== key) reused.set(source.kind, (kept = { key, connector: create(secrets) }));
    return kept.connector;
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    return refusingEveryCall(create({}), error);
  }
}

/** The connector (built without secrets: its id and label stay right) with every call failing with `error`. */
function refusingEveryCall(connector: Connector, error: ConnectorError): Connector {
  const refuse = () => Promise.reject(error);
  return {
    id: connector.id,
    label: connector.label,
    findProfile: refuse,
    getProfile: refuse,
    searchProfiles: refuse,
    listContent: refuse,
    deliver: refuse,
    testConnection: refuse,
    ...(connector.teamStats ? { teamStats: refuse } : {}),
    ...(connector.requestStatuses ? { requestStatuses: refuse } : {}),
  };
}

/** Reads a file of the dataset bundled in the extension (public/demo/). */
async function fetchBundledFile(file: DemoFile): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(`/demo/${file}.json`));
  return response.json();
}
