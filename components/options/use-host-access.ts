import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { siteOrigin } from '@/lib/schema';
import type { i18n as I18n } from 'i18next';
import { wordError } from '@/components/ui/CodedMessage';

/** What went wrong, in words a rep can act on, in the page's language: the storage's or the source's explanation when it has one. */
export function failureWords(error: unknown, i18n: I18n): string {
  return wordError(i18n, error);
}

/**
 * Asks the browser for access to `host` (none asked when undefined), then runs `save`. Resolves to
 * why nothing was saved, or undefined once saved; it never rejects, so no refusal goes unseen. A
 * browser can refuse in two ways: the rep declines (false), or it will not ask at all, an error
 * (Firefox outside a user's click, a host the manifest does not allow, a policy). The browser's own
 * reason is passed on as it wrote it (in the browser's language), inside our words in the UI's.
 *
 * Call it straight from the click handler: browsers grant permissions only inside the user's
 * gesture, and the request below starts before the first `await`.
 */
export async function requestHostThenSave(
  host: string | undefined,
  save: () => Promise<string | undefined>,
  i18n: I18n,
): Promise<string | undefined> {
  const t = i18n.getFixedT(null, 'options');
  if (host !== undefined) {
    let granted: boolean;
    try {
      granted = await browser.permissions.request({ origins: [siteOrigin(host)] });
    } catch (error) {
      return t('hostAccess.refusedToAsk', { host, reason: failureWords(error, i18n) });
    }
    if (!granted) return t('hostAccess.declined', { host });
  }
  try {
    return await save();
  } catch (error) {
    return failureWords(error, i18n);
  }
}

/**
 * `requestHostThenSave` for a form: `pending` is true from the click until the answer, so the
 * button can say so and not be pressed twice.
 */
export function useHostAccessSave() {
  const { i18n } = useTranslation(['options', 'common']);
  const [pending, setPending] = useState(false);
  const run = useCallback(
    (host: string | undefined, save: () => Promise<string | undefined>) => {
      setPending(true);
      return requestHostThenSave(host, save, i18n).finally(() => setPending(false));
    },
    [i18n],
  );
  return { pending, run };
}
