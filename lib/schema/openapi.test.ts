import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restGatewayOpenApi } from './openapi';

describe('REST gateway OpenAPI document', () => {
  it('is the one generated from the current schemas (run `npm run openapi` after changing them)', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const committed = JSON.parse(readFileSync('docs/api/openapi.json', 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(restGatewayOpenApi(version))));
  });

  it('describes every call the REST connector makes, with bearer auth', () => {
    const doc = restGatewayOpenApi('test');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/profiles', '/profiles/{id}', '/profiles/search', '/content', '/deliveries', '/stats']));
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });
});
