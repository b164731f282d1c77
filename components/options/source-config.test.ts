import { describe, expect, it } from 'vitest';
import { draftFrom, parseDraft, usableSecrets } from './source-config';

const NONE = { values: {} };

describe('source form drafts', () => {
  it('turns a Leadside server draft into a source, its token and the one origin it calls', () => {
    const parsed = parseDraft('leadside', { serverUrl: 'https://leadside.acme.example/v1', token: ' rep-token ', timeoutSeconds: '5' }, NONE);
    expect(parsed).toEqual({
      ok: true,
      source: { kind: 'leadside', serverUrl: 'https://leadside.acme.example', timeoutSeconds: 5 },
      secrets: { token: 'rep-token' },
      origin: 'https://leadside.acme.example/*',
      baseUrl: 'https://leadside.acme.example',
    });
    if (parsed.ok) expect(draftFrom(parsed.source)).toEqual({ serverUrl: 'https://leadside.acme.example', timeoutSeconds: '5' });
  });

  it('keeps the saved token when the field is left empty, and refuses a server with none', () => {
    const saved = { values: { token: 'saved' }, origin: 'https://leadside.acme.example' };
    expect(parseDraft('leadside', { serverUrl: 'https://leadside.acme.example' }, saved)).toMatchObject({ ok: true, secrets: { token: 'saved' } });
    expect(parseDraft('leadside', { serverUrl: 'https://leadside.acme.example' }, NONE)).toEqual({ ok: false, error: 'token: required' });
    expect(parseDraft('leadside', { serverUrl: 'http://leadside.acme.example', token: 't' }, NONE)).toMatchObject({ ok: false, error: expect.stringContaining('https://') });
  });

  it('still reads a REST gateway draft as before', () => {
    expect(parseDraft('rest', { baseUrl: 'https://gateway.acme.example/v1/', token: 't' }, NONE)).toEqual({
      ok: true,
      source: { kind: 'rest', baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 },
      secrets: { token: 't' },
      origin: 'https://gateway.acme.example/*',
      baseUrl: 'https://gateway.acme.example/v1',
    });
  });

  it('never carries a saved token over to a new host: the form asks for it again and says why', () => {
    const saved = { values: { token: 'gateway-token' }, origin: 'https://gateway.acme.example' };
    // Another path on the same host keeps it.
    expect(parseDraft('rest', { baseUrl: 'https://gateway.acme.example/v2' }, saved)).toMatchObject({ ok: true, secrets: { token: 'gateway-token' } });
    expect(usableSecrets('rest', { baseUrl: 'https://gateway.acme.example/v2' }, saved)).toEqual({ values: saved.values });

    const moved = { baseUrl: 'https://new-gateway.example/v1' };
    expect(usableSecrets('rest', moved, saved)).toEqual({ values: {}, enteredFor: 'gateway.acme.example' });
    expect(parseDraft('rest', moved, saved)).toEqual({
      ok: false,
      error: 'token: enter it again. The saved one was for gateway.acme.example, and Leadside does not send it to new-gateway.example.',
    });
    expect(parseDraft('rest', { ...moved, token: 'new-token' }, saved)).toMatchObject({ ok: true, secrets: { token: 'new-token' }, baseUrl: moved.baseUrl });
    // A token saved before tokens were bound to a host is asked for again too.
    expect(parseDraft('rest', { baseUrl: 'https://gateway.acme.example/v1' }, { values: { token: 'old' } })).toEqual({ ok: false, error: 'token: required' });
  });
});
