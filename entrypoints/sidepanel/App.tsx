import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { BriefPanel } from '@/components/sidepanel/BriefPanel';
import { useBrief } from '@/components/sidepanel/use-brief';
import { useTargetTab } from '@/components/sidepanel/use-target-tab';

/** `?tabId=N` pins the panel to one tab (pop-out window, tests); otherwise it follows the active tab. */
function pinnedTabIdFrom(search: string): number | undefined {
  const value = Number(new URLSearchParams(search).get('tabId'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function App() {
  const tabId = useTargetTab(pinnedTabIdFrom(location.search));
  const { brief, refreshing, reload } = useBrief(tabId);
  const { t } = useTranslation('sidepanel');
  const hasRecord = brief.state !== 'waiting' && brief.state !== 'no-record';
  return (
    <main className="panel">
      <header className="panel-header">
        <span className="brand">
          <img src="/icon/32.png" alt="" /> <span translate="no">Leadside</span>
        </span>
        <nav className="row" aria-label="Leadside">
          {hasRecord && (
            <button type="button" className="btn btn-quiet" onClick={() => void reload(true)} disabled={refreshing}>
              {refreshing ? t('header.refreshing') : t('header.refresh')}
            </button>
          )}
          <a className="btn btn-quiet" href={browser.runtime.getURL('/insights.html')} target="_blank" rel="noreferrer">
            {t('header.insights')}
          </a>
          <a className="btn btn-quiet" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            {t('header.options')}
          </a>
        </nav>
      </header>
      <BriefPanel tabId={tabId} brief={brief} onRetry={() => void reload(true)} />
    </main>
  );
}
