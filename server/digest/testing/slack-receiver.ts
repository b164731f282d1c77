import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../../db/database';
import { saveTeamWebhook } from '../../db/queries/forwards';
import { encryptSecrets, secretsKey } from '../../sources/secrets-crypto';

export interface ReceivedPost {
  path: string;
  body: { text?: string; blocks?: { type: string; text?: { text: string } }[] };
}

export interface SlackReceiver {
  /** Every post that was answered 200, in order. */
  posts: ReceivedPost[];
  /** Statuses to answer the next posts with instead of 200 (a 5xx or 429 posts nothing, as Slack does). */
  refusals: number[];
  urlFor(path: string): string;
  close(): Promise<void>;
}

/**
 * A Slack incoming webhook on 127.0.0.1 for tests: a real HTTP server, so the digest goes through the
 * same fetch and status handling as in production.
 */
export async function startSlackReceiver(): Promise<SlackReceiver> {
  const posts: ReceivedPost[] = [];
  const refusals: number[] = [];
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const refusal = refusals.shift();
    if (refusal !== undefined) {
      response.writeHead(refusal, { 'Content-Type': 'text/plain' }).end('refused by the test');
      return;
    }
    posts.push({ path: request.url ?? '', body: JSON.parse(body) as ReceivedPost['body'] });
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    posts,
    refusals,
    urlFor: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Stores a webhook URL for a team as `set-webhook` does (encrypted), without its https check: the
 * local receiver speaks plain http. `setAt`: when it was set (the weekly job posts only weeks that
 * ended after that).
 */
export async function setLocalWebhook(database: Database, teamId: string, url: string, setAt?: Date): Promise<void> {
  await saveTeamWebhook(database.db, teamId, encryptSecrets({ slackWebhookUrl: url }, teamId, secretsKey()), new URL(url).host);
  if (setAt) await database.db.updateTable('team_webhooks').set({ updated_at: setAt }).where('team_id', '=', teamId).execute();
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
