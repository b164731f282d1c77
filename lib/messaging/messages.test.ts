import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { request } from './messages';

/** The worker's side of the runtime channel: answers every message with `answer`. */
function workerAnswers(answer: unknown) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(answer as void); // typed as void by the fake; the real one answers anything
}

describe('page requests', () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads a team-stats failure as an answer, not as the worker's own error", async () => {
    const failed = { outcome: 'failed', reason: 'The Leadside server (leadside.acme.example) answered 503: down', from: 'leadside', host: 'leadside.acme.example' };
    workerAnswers(failed);
    await expect(request({ type: 'team-stats' })).resolves.toEqual(failed);
  });

  it("throws with the worker's words when the request itself failed", async () => {
    workerAnswers({ error: 'Something went wrong in Leadside.' });
    await expect(request({ type: 'team-stats' })).rejects.toThrow('Something went wrong in Leadside.');
  });

  it('refuses an answer that does not fit the request', async () => {
    workerAnswers({ outcome: 'team', stats: { content: 'nope' }, from: 'leadside', host: 'x' });
    await expect(request({ type: 'team-stats', since: '2026-11-01T00:00:00.000Z' })).rejects.toThrow();
  });
});
