import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectorError } from '@/lib/connectors/types';
import type { DataSource } from '@/lib/schema/sources';
import { db } from '@/lib/store/db';
import { connectorFor } from './connectors';

const TOKEN = 'gateway-token-7d2e';
const GATEWAY: DataSource = { kind: 'rest', baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 };
const signal = new AbortController().signal;
const lookup = { crm: 'salesforce' as const, recordId: '00Q1', email: 'a@b.example' };

/** Every request the connector makes, with the Authorization it carried; each answered 404 (not found). */
function recordRequests() {
  const requests: Array<{ url: string; auth: string | null }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      requests.push({ url, auth: new Headers(init.headers).get('Authorization') });
      return Response.json({ error: 'No such profile' }, { status: 404 });
    }),
  );
  return requests;
}

/** The hosts the browser lets Leadside reach, and what the worker asked about. */
function allowHosts(...hosts: string[]) {
  const asked: string[][] = [];
  fakeBrowser.permissions.contains = async (permissions) => {
    asked.push(permissions.origins ?? []);
    return (permissions.origins ?? []).every((origin) => hosts.some((host) => origin === `https://${host}/*`));
  };
  return asked;
}

describe('the secrets the worker attaches to a source', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
    // As the Options page saves them: bound to the gateway's origin.
    await db.secrets.put({ source: 'rest', values: { token: TOKEN }, origin: 'https://gateway.acme.example' });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the token to the host it was entered for, once the browser allows that host', async () => {
    const requests = recordRequests();
    const asked = allowHosts('gateway.acme.example');
    expect(await (await connectorFor(GATEWAY)).findProfile(lookup, signal)).toBeNull();
    expect(requests).toEqual([{ url: expect.stringMatching(/^https:\/\/gateway\.acme\.example\/v1\/profiles\?/), auth: `Bearer ${TOKEN}` }]);
    expect(asked).toEqual([['https://gateway.acme.example/*']]);
  });

  it('never sends it to another host the settings name, and says to enter it again', async () => {
    const requests = recordRequests();
    // The other host is one the browser does allow (a CRM's, say): the binding alone must refuse.
    allowHosts('gateway.acme.example', 'acme.my.salesforce.com');
    const elsewhere = await connectorFor({ ...GATEWAY, baseUrl: 'https://acme.my.salesforce.com/x' });
    const failure = await elsewhere.findProfile(lookup, signal).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('were entered for gateway.acme.example, not acme.my.salesforce.com'),
    });
    await expect(elsewhere.deliver([], signal)).rejects.toThrow('Enter them again');
    await expect(elsewhere.testConnection(signal)).rejects.toThrow('Enter them again');
    expect(requests).toEqual([]);
  });

  it('makes no authenticated call to a host the browser does not allow', async () => {
    const requests = recordRequests();
    allowHosts();
    const connector = await connectorFor(GATEWAY);
    await expect(connector.findProfile(lookup, signal)).rejects.toThrow(
      'Leadside is not allowed to reach gateway.acme.example: open Options → Data source and save the source again',
    );
    await expect(connector.listContent(signal)).rejects.toBeInstanceOf(ConnectorError);
    expect(connector.id).toBe('rest:https://gateway.acme.example/v1');
    expect(requests).toEqual([]);
  });

  it('does not use a token saved before tokens were bound to a host', async () => {
    const requests = recordRequests();
    allowHosts('gateway.acme.example');
    await db.secrets.put({ source: 'rest', values: { token: TOKEN } });
    await expect((await connectorFor(GATEWAY)).findProfile(lookup, signal)).rejects.toThrow('not yet bound to a server');
    expect(requests).toEqual([]);
  });
});

describe('one connector per source setting', () => {
  const MAUTIC: DataSource = { kind: 'mautic', baseUrl: 'https://mautic.acme.example', auth: { method: 'oauth2', clientId: 'leadside' }, timeoutSeconds: 8 };

  beforeEach(async () => {
    await db.delete();
    await db.open();
    await db.secrets.put({ source: 'mautic', values: { clientSecret: 'client-secret-1' }, origin: 'https://mautic.acme.example' });
  });
  afterEach(() => vi.unstubAllGlobals());

  /** Mautic answering a token and empty contact searches; counts token requests. */
  function mauticAnswers() {
    const calls = { token: 0, api: 0 };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.endsWith('/oauth/v2/token')) {
          calls.token += 1;
          return Response.json({ access_token: `access-${calls.token}`, expires_in: 3600, token_type: 'bearer' });
        }
        calls.api += 1;
        return Response.json({ total: 0, contacts: {} });
      }),
    );
    return calls;
  }

  it("keeps Mautic's OAuth2 token across lookups instead of asking for a new one each call", async () => {
    const calls = mauticAnswers();
    allowHosts('mautic.acme.example');
    for (let lookupNumber = 0; lookupNumber < 3; lookupNumber += 1) await (await connectorFor(MAUTIC)).findProfile(lookup, signal);
    expect(calls.api).toBeGreaterThanOrEqual(3);
    expect(calls.token).toBe(1);
  });

  it('builds a new connector when the settings or the secret change', async () => {
    const calls = mauticAnswers();
    allowHosts('mautic.acme.example');
    // Another client than the test before, whose connector (and token) the worker still holds.
    const source: DataSource = { ...MAUTIC, auth: { method: 'oauth2', clientId: 'leadside-2' } };
    await (await connectorFor(source)).findProfile(lookup, signal);
    await db.secrets.put({ source: 'mautic', values: { clientSecret: 'client-secret-2' }, origin: 'https://mautic.acme.example' });
    await (await connectorFor(source)).findProfile(lookup, signal);
    await (await connectorFor({ ...source, timeoutSeconds: 9 })).findProfile(lookup, signal);
    expect(calls.token).toBe(3);
  });
});
