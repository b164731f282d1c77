import * as z from '../schema/zod-lean';

/** A text field of a CRM API's answer: missing, or null (read as missing, below). */
export const optionalText = z.optional(z.string());

/**
 * GET of the CRM's own API on the CRM page's own origin, with the rep's session cookies, exactly as
 * the CRM's web app calls it. Nothing leaves the origin: no token is read, no other host is asked,
 * so no extension permission is needed. Any failure (signed out, no access, another shape) answers
 * undefined and the page's own reading stands.
 */
export async function getSameOrigin(path: string, signal: AbortSignal, headers: Record<string, string> = {}): Promise<unknown> {
  // Firefox runs content-script fetch() as the extension; `content.fetch` is the page's own, which
  // is what a same-origin, cookie-authenticated call needs. Chrome has only the page's.
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  const pageFetch = typeof page?.fetch === 'function' ? page.fetch.bind(page) : fetch;
  try {
    const response = await pageFetch(`${location.origin}${path}`, {
      signal,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...headers },
    });
    // A null in the answer is read as an absent field: the detectors' schemas take what may be
    // missing or null as optional only, and no content script carries zod's nullable schema (~80 B
    // gzipped). A null in a list leaves a gap there, which a list's schema refuses as it refused null.
    return response.ok ? JSON.parse(await response.text(), (_key, value: unknown) => value ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}
