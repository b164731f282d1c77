import { db } from './db';
import { ConnectorError } from '@/lib/connectors/types';
import { SourceSecretsSchema, type SourceSecrets } from '@/lib/schema/sources';
import { connectorText } from '@/lib/connectors/message-codes';

/**
 * Tokens and passwords for a source. Kept in the extension's IndexedDB, which content scripts and
 * web pages cannot reach (browser.storage.local they can), and never logged or exported. Each is
 * bound to the origin it was entered for and is handed out only for a request to that origin: a
 * source pointed at another host (by a changed setting, or anything that tampered with one) gets
 * no secret, and the admin is asked for it again.
 */

/** The origin (scheme://host[:port]) of an address: what secrets are bound to. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/** What is saved for a source, and the origin it is for: for Options, to say whether it still applies. */
export async function savedSecrets(source: string): Promise<{ values: SourceSecrets; origin?: string }> {
  const row = await db.secrets.get(source);
  const parsed = SourceSecretsSchema.safeParse(row?.values);
  return { values: parsed.success ? parsed.data : {}, origin: row?.origin };
}

/**
 * The secrets saved for `source`, for a request to `url`. None saved: `{}` (the connector says what
 * to enter). Saved for another origin, or before secrets were bound: refused with a ConnectorError
 * that tells the admin to enter them again; they are never attached to a request for `url`.
 */
export async function loadSecrets(source: string, url: string): Promise<SourceSecrets> {
  const { values, origin } = await savedSecrets(source);
  if (Object.keys(values).length === 0) return {};
  const target = originOf(url);
  if (origin === target) return values;
  const host = new URL(target).host;
  throw new ConnectorError(
    'auth',
    origin
      ? `The saved credentials were entered for ${new URL(origin).host}, not ${host}: Leadside does not send them there. Enter them again in Leadside's Options to use ${host}.`
      : `The saved credentials are not yet bound to a server: enter them again in Leadside's Options to use ${host}.`,
    undefined,
    undefined,
    origin ? connectorText('access.credentialsForOtherHost', { host, savedFor: new URL(origin).host }) : connectorText('access.credentialsUnbound', { host }),
  );
}

/** Saves a source's secrets, bound to the origin of `url` (the address they are sent to). */
export async function saveSecrets(source: string, url: string, values: SourceSecrets): Promise<void> {
  await db.secrets.put({ source, values: SourceSecretsSchema.parse(values), origin: originOf(url) });
}

/** Forgets a source's secrets. */
export async function deleteSecrets(source: string): Promise<void> {
  await db.secrets.delete(source);
}
