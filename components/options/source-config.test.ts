import { describe, expect, it } from 'vitest';
import { draftFrom, parseDraft } from './source-config';

describe('source form drafts', () => {
  it('turns a Leadside server draft into a source, its token and the one origin it calls', () => {
    const parsed = parseDraft('leadside', { serverUrl: 'https://leadside.acme.example/v1', token: ' rep-token ', timeoutSeconds: '5' }, {});
    expect(parsed).toEqual({
      ok: true,
      source: { kind: 'leadside', serverUrl: 'https://leadside.acme.example', timeoutSeconds: 5 },
      secrets: { token: 'rep-token' },
      origin: 'https://leadside.acme.example/*',
    });
    if (parsed.ok) expect(draftFrom(parsed.source)).toEqual({ serverUrl: 'https://leadside.acme.example', timeoutSeconds: '5' });
  });

  it('keeps the saved token when the field is left empty, and refuses a server with none', () => {
    expect(parseDraft('leadside', { serverUrl: 'https://leadside.acme.example' }, { token: 'saved' })).toMatchObject({ ok: true, secrets: { token: 'saved' } });
    expect(parseDraft('leadside', { serverUrl: 'https://leadside.acme.example' }, {})).toEqual({ ok: false, error: 'token: required' });
    expect(parseDraft('leadside', { serverUrl: 'http://leadside.acme.example', token: 't' }, {})).toMatchObject({ ok: false, error: expect.stringContaining('https://') });
  });

  it('still reads a REST gateway draft as before', () => {
    expect(parseDraft('rest', { baseUrl: 'https://gateway.acme.example/v1/', token: 't' }, {})).toEqual({
      ok: true,
      source: { kind: 'rest', baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 },
      secrets: { token: 't' },
      origin: 'https://gateway.acme.example/*',
    });
  });
});
