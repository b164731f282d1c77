import { db } from './db';
import { SourceSecretsSchema, type SourceSecrets } from '@/lib/schema/sources';

/**
 * Tokens and passwords for a source. Kept in the extension's IndexedDB, which content scripts and
 * web pages cannot reach (browser.storage.local they can), and never logged or exported.
 */
export async function loadSecrets(source: string): Promise<SourceSecrets> {
  const parsed = SourceSecretsSchema.safeParse((await db.secrets.get(source))?.values);
  return parsed.success ? parsed.data : {};
}

export async function saveSecrets(source: string, values: SourceSecrets): Promise<void> {
  await db.secrets.put({ source, values: SourceSecretsSchema.parse(values) });
}
