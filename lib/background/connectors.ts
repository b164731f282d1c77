import type { DataSource } from '@/lib/schema/sources';
import { loadSecrets } from '@/lib/store/secrets';
import { browser } from 'wxt/browser';
import { createDemoConnector, type DemoFile } from '@/lib/connectors/demo';
import { createFileImportConnector } from '@/lib/store/file-import-connector';
import { createHubSpotConnector } from '@/lib/connectors/hubspot';
import { createMauticConnector } from '@/lib/connectors/mautic';
import { createLeadsideConnector } from '@/lib/connectors/leadside';
import { createRestConnector } from '@/lib/connectors/rest';
import type { Connector } from '@/lib/connectors/types';

/**
 * One demo connector for the worker's lifetime: it reads and validates the bundled dataset once,
 * instead of on every lookup, search and connection test.
 */
let demo: Connector | undefined;

/** The connector for the configured data source, with its secrets loaded. */
export async function connectorFor(source: DataSource): Promise<Connector> {
  switch (source.kind) {
    case 'demo':
      return (demo ??= createDemoConnector(fetchBundledFile));
    case 'leadside':
      return createLeadsideConnector(source, await loadSecrets('leadside'));
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

/** Reads a file of the dataset bundled in the extension (public/demo/). */
async function fetchBundledFile(file: DemoFile): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(`/demo/${file}.json`));
  return response.json();
}
