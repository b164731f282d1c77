import type { DataSource } from '@/lib/schema/sources';
import { createDemoConnector } from './demo';
import { ConnectorError, type Connector } from './types';

/** The connector for the configured data source, with its secrets loaded. */
export async function connectorFor(source: DataSource): Promise<Connector> {
  switch (source.kind) {
    case 'demo':
      return createDemoConnector();
    default:
      throw new ConnectorError('rejected', `The ${source.kind} connector is not part of this build.`);
  }
}
