import type { DataSource } from '@/lib/settings';
import { createDemoConnector } from './demo';
import type { Connector } from './types';

/** The connector for the configured data source. */
export function connectorFor(source: DataSource): Connector {
  switch (source.kind) {
    case 'demo':
      return createDemoConnector();
  }
}
