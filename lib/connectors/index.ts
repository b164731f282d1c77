import type { DataSource } from '@/lib/schema/sources';
import { loadSecrets } from '@/lib/secrets';
import { createDemoConnector } from './demo';
import { createFileImportConnector } from './file-import';
import { createHubSpotConnector } from './hubspot';
import { createMauticConnector } from './mautic';
import { createRestConnector } from './rest';
import type { Connector } from './types';

/**
 * One demo connector for the worker's lifetime: it reads and validates the bundled dataset once,
 * instead of on every lookup, search and connection test.
 */
let demo: Connector | undefined;

/** The connector for the configured data source, with its secrets loaded. */
export async function connectorFor(source: DataSource): Promise<Connector> {
  switch (source.kind) {
    case 'demo':
      return (demo ??= createDemoConnector());
    case 'rest':
      return createRestConnector(source, await loadSecrets('rest'));
    case 'hubspot':
      return createHubSpotConnector(source, await loadSecrets('hubspot'));
    case 'mautic':
      return createMauticConnector(source, await loadSecrets('mautic'));
    case 'file':
      return createFileImportConnector();
  }
}
