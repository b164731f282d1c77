/** What stands in for a secret cut out of a text the rep or admin sees. */
export const REDACTED = '•••';

/** Very short strings would blank out ordinary words; a real token or password is longer. */
const MIN_SECRET_LENGTH = 4;

/**
 * The text with every occurrence of each secret replaced by {@link REDACTED}. Vendors and gateways
 * sometimes echo the credentials they were sent (a bearer token in "Token … is expired", a password
 * in a validation error); no such echo reaches an error, `lastError`, a connection test line or the
 * console. Apply it to a whole text before cutting it short: a secret cut in half is not found.
 */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out;
}
