// @vitest-environment node
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestLog } from './request-log';

describe('the request log', () => {
  it('writes method, path, status and time, never the query, token or body', async () => {
    const lines: string[] = [];
    const app = new Hono().use(requestLog((line) => lines.push(line))).post('/v1/deliveries', (c) => c.json({ ok: true }, 201));
    await app.request('/v1/deliveries?email=jane@example.com', { method: 'POST', headers: { Authorization: 'Bearer lsk_secret' }, body: '{"note":"private"}' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^POST \/v1\/deliveries 201 \d+ms$/);
  });
});
