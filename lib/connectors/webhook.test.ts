import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackItem } from '@/lib/schema';
import { createWebhookDelivery, slackText } from './webhook';
import { ConnectorError, type OutboxEntry } from './types';

const item = {
  id: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  createdAt: '2026-11-20T10:00:00.000Z',
  lead: { key: 'salesforce:00Q1', crm: 'salesforce', recordId: '00Q1', name: 'Priya <Raman>' },
  source: { channel: 'webinar', campaign: 'Oct webinar' },
  rep: 'Dana',
  kind: 'verdict',
  verdict: 'not_a_fit',
  reasons: ['Too small'],
} as FeedbackItem;
const entry = (id: string): OutboxEntry => ({ kind: 'feedback', item, id, attempts: 0, unclear: false });

describe('webhook delivery', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('words a Slack message, escaping what reps typed', () => {
    expect(slackText(item)).toBe('*Not a fit* (Too small) for Priya &lt;Raman&gt; (Webinar · Oct webinar) — Dana');
  });

  it('posts JSON batches with the items (ids included) and Slack messages one by one', async () => {
    const fetch = vi.fn(async () => new Response('ok'));
    vi.stubGlobal('fetch', fetch);
    await createWebhookDelivery('https://hooks.example/in', 'json').deliver([entry('a'), entry('b')], new AbortController().signal);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string).items[0].id).toBe(item.id);
    fetch.mockClear();
    const results = await createWebhookDelivery('https://hooks.example/in', 'slack').deliver([entry('a'), entry('b')], new AbortController().signal);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(results).toEqual([{ id: 'a', outcome: 'delivered' }, { id: 'b', outcome: 'delivered' }]);
  });

  it('keeps what Slack took when a later message fails, and reports a dead webhook as needing a person', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(new Response('ok')).mockResolvedValueOnce(new Response('busy', { status: 503 })));
    const results = await createWebhookDelivery('https://hooks.example/in', 'slack').deliver([entry('a'), entry('b')], new AbortController().signal);
    expect(results).toEqual([
      { id: 'a', outcome: 'delivered' },
      { id: 'b', outcome: 'retry', error: expect.stringContaining('503'), coded: { code: 'webhook.refused', params: { host: 'hooks.example', status: 503 }, detail: 'busy' } },
    ]);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('no_service', { status: 404 })));
    const failure = await createWebhookDelivery('https://hooks.example/in', 'slack').deliver([entry('a')], new AbortController().signal).catch((error) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure.kind).toBe('auth');
  });

  it('does not follow a redirect: the payload goes to the address the admin saved or nowhere', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(null, { status: 307, headers: { Location: 'https://elsewhere.example/in' } }));
    vi.stubGlobal('fetch', fetch);
    const delivery = createWebhookDelivery('https://hooks.example/in', 'json').deliver([entry('a')], new AbortController().signal);
    await expect(delivery).rejects.toThrow(/redirect to https:\/\/elsewhere\.example\/in/);
    expect(fetch.mock.calls[0]![1]).toMatchObject({ redirect: 'manual' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
