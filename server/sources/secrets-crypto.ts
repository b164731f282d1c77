import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SourceSecretsSchema, type SourceSecrets } from '@/lib/schema/sources';

/** The environment variable holding the key that vendor secrets are encrypted under. */
export const SECRETS_KEY_ENV = 'LEADSIDE_SECRETS_KEY';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

/** The key is missing, malformed, or not the one the secrets were stored with. */
export class SecretsKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretsKeyError';
  }
}

const HOW_TO_MAKE_ONE = `Make one with \`openssl rand -base64 32\` and set it as ${SECRETS_KEY_ENV} in the server's environment (every instance needs the same key; keep a copy: without it the stored secrets cannot be read).`;

/** The 32-byte AES key from the environment, or an error that says how to make one. */
export function secretsKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const text = env[SECRETS_KEY_ENV]?.trim();
  if (!text) throw new SecretsKeyError(`${SECRETS_KEY_ENV} is not set, and vendor secrets are never stored in plain text. ${HOW_TO_MAKE_ONE}`);
  const key = Buffer.from(text, 'base64');
  // Buffer.from ignores what is not base64; re-encoding tells a real key from a typo.
  if (key.length !== KEY_BYTES || key.toString('base64') !== text) {
    throw new SecretsKeyError(`${SECRETS_KEY_ENV} must be ${KEY_BYTES} bytes in base64 (44 characters). ${HOW_TO_MAKE_ONE}`);
  }
  return key;
}

/**
 * A team's vendor secrets as `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM with a fresh IV.
 * The team id is the associated data: a row copied to another team does not decrypt, so one team's
 * secrets can never serve another.
 */
export function encryptSecrets(secrets: SourceSecrets, teamId: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(teamId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function decryptSecrets(stored: string, teamId: string, key: Buffer): SourceSecrets {
  const [format, iv, tag, ciphertext] = stored.split('.');
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) throw new SecretsKeyError('The stored vendor secrets are not in a format this server reads. Set the source again with `set-source`.');
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(teamId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretsKeyError(
      `The team's vendor secrets cannot be decrypted with this ${SECRETS_KEY_ENV} (was the key changed, or the row copied from another team?). Set the source again with \`set-source\`.`,
    );
  }
  return SourceSecretsSchema.parse(JSON.parse(plain));
}
