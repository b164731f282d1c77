import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sourceAnchor } from '@/lib/connectors/source-messages';
import type { Brief } from '@/lib/schema';
import type { DataSource } from '@/lib/schema/sources';
import { recordKey } from '@/lib/schema/record';
import { CodedMessage } from '@/components/ui/CodedMessage';
import type { PanelWords } from './use-panel-words';
import { usePanelWords } from './use-panel-words';

/** A rate-limited lookup is asked again on its own at most this many times in a row, then waits for the rep. */
export const AUTO_RETRIES = 3;
/** A run of automatic retries older than this is forgotten: the next rate limit starts a new one. */
const RUN_RESET_MS = 10 * 60_000;

/** Automatic retries per lead, kept across the notice's remounts (each retry shows "loading" between). */
const autoRetries = new Map<string, { count: number; at: number }>();

/**
 * Why the brief could not be built, and what helps: "Reconnect HubSpot" when the source refused the
 * credentials (a plain Retry would send the same ones and fail the same way), an automatic retry
 * after a rate limit's window, Retry for the rest.
 */
export function ErrorNotice({ brief, onRetry }: { brief: Extract<Brief, { state: 'error' }>; onRetry(): void }) {
  const { t } = usePanelWords();
  const key = recordKey(brief.record);
  const autoRetryIn = brief.errorKind === 'rate-limited' ? nextAutoRetry(key, brief.retryAfterMs) : undefined;
  return (
    <div className="notice notice-danger" role="alert" data-testid="state-error">
      <p>
        <strong>{headline(brief, t)}</strong> <CodedMessage coded={brief.errorCoded} fallback={brief.error} />
      </p>
      {brief.reconnect ? (
        <>
          <div className="row">
            <button type="button" className="btn btn-primary" onClick={() => void openOptionsAt(brief.reconnect!.source)} data-testid="reconnect">
              {t('error.reconnect', { system: brief.reconnect.label })}
            </button>
            <button type="button" className="btn btn-quiet" onClick={onRetry} data-testid="retry-after-reconnect">
              {t('error.reconnectedRetry')}
            </button>
          </div>
          <p className="small muted">{t('error.reconnectHint', { system: brief.reconnect.label })}</p>
        </>
      ) : autoRetryIn !== undefined ? (
        <AutoRetry leadKey={key} waitMs={autoRetryIn} onRetry={onRetry} />
      ) : (
        <button type="button" className="btn" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}

/** What went wrong, in the panel's words: the kind of failure, the vendor's own message follows it. */
function headline(brief: Extract<Brief, { state: 'error' }>, t: PanelWords): string {
  if (brief.reconnect) return t('error.refused', { system: brief.reconnect.label });
  if (brief.errorKind === 'rate-limited') return t('error.rateLimited');
  if (brief.errorKind === 'timeout') return t('error.timeout');
  return t('error.unreachable');
}

/** The wait before the next automatic retry, or undefined when this lead's run of them is used up. */
function nextAutoRetry(key: string, retryAfterMs: number | undefined): number | undefined {
  const run = autoRetries.get(key);
  const count = run && Date.now() - run.at < RUN_RESET_MS ? run.count : 0;
  if (count >= AUTO_RETRIES) return undefined;
  // A window longer than a few minutes (a daily limit) is not waited out in an open panel.
  const wait = retryAfterMs ?? 10_000;
  return wait <= 5 * 60_000 ? wait : undefined;
}

function AutoRetry({ leadKey, waitMs, onRetry }: { leadKey: string; waitMs: number; onRetry(): void }) {
  const { t, locale } = usePanelWords();
  const [left, setLeft] = useState(Math.ceil(waitMs / 1000));
  const attempt = (autoRetries.get(leadKey)?.count ?? 0) + 1;
  useEffect(() => {
    const started = Date.now();
    const tick = setInterval(() => setLeft(Math.max(0, Math.ceil((waitMs - (Date.now() - started)) / 1000))), 1000);
    const timer = setTimeout(() => {
      autoRetries.set(leadKey, { count: attempt, at: Date.now() });
      onRetry();
    }, waitMs);
    return () => {
      clearInterval(tick);
      clearTimeout(timer);
    };
  }, [leadKey, waitMs, attempt, onRetry]);
  return (
    <div className="row">
      <span className="small muted" role="status" data-testid="auto-retry">
        {t('error.autoRetry', {
          wait: new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(left),
          attempt: new Intl.NumberFormat(locale).format(attempt),
          max: new Intl.NumberFormat(locale).format(AUTO_RETRIES),
        })}
      </span>
      <button type="button" className="btn btn-quiet" onClick={onRetry}>
        {t('error.retryNow')}
      </button>
    </div>
  );
}

/** Options, scrolled to the source's form (entrypoints/options reads the anchor). */
async function openOptionsAt(kind: DataSource['kind'] | string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${sourceAnchor(kind as DataSource['kind'])}`) });
}
