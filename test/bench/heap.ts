import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';

/** Flag for launchWithExtension's extraArgs: lets heapUsedBytes reach targets Playwright cannot (the service worker). */
export const REMOTE_DEBUGGING_ARG = '--remote-debugging-port=0';

/**
 * JavaScript heap in use, after a garbage collection, of each extension target whose URL starts
 * with one of `urlPrefixes`. Playwright offers no CDP session on a service worker, so this connects
 * a second client to the browser's debugging port (written to DevToolsActivePort in the profile)
 * and talks to each target through the browser session (Target.sendMessageToTarget).
 */
export async function heapUsedBytes(userDataDir: string, urlPrefixes: readonly string[]): Promise<Map<string, number>> {
  const port = readFileSync(path.join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; url: string }> };
    const heaps = new Map<string, number>();
    for (const prefix of urlPrefixes) {
      const target = targetInfos.find((info) => info.url.startsWith(prefix));
      if (!target) continue;
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
      const call = sendToTarget(cdp, sessionId);
      await call('HeapProfiler.collectGarbage');
      const { usedSize } = (await call('Runtime.getHeapUsage')) as { usedSize: number };
      heaps.set(prefix, usedSize);
      await cdp.send('Target.detachFromTarget', { sessionId });
    }
    return heaps;
  } finally {
    await browser.close(); // disconnects this client; the browser itself runs on
  }
}

/** A request/answer channel to one target over the browser session's (non-flat) target messages. */
function sendToTarget(cdp: CDPSession, sessionId: string) {
  let nextId = 0;
  return (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (event: { sessionId: string; message: string }) => {
        const answer = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
        if (event.sessionId !== sessionId || answer.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (answer.error) reject(new Error(`${method}: ${answer.error.message}`));
        else resolve(answer.result);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
}
