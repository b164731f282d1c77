/** `npm run openapi`: writes docs/api/openapi.json from the zod schemas of the REST gateway contract. */
import { readFileSync, writeFileSync } from 'node:fs';
import { restGatewayOpenApi } from '../lib/schema/openapi';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
writeFileSync('docs/api/openapi.json', `${JSON.stringify(restGatewayOpenApi(version), null, 2)}\n`);
console.log('Wrote docs/api/openapi.json');
