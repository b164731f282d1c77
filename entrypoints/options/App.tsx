import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { CrmSitesSettings } from '@/components/options/CrmSitesSettings';
import { DataSourceSettings } from '@/components/options/DataSourceSettings';
import { ExtraSourcesSettings } from '@/components/options/ExtraSourcesSettings';
import { LocalDataSettings } from '@/components/options/LocalDataSettings';
import { ProfileSettings } from '@/components/options/ProfileSettings';
import { useSettings } from '@/components/options/use-settings';
import { WebhookSettings } from '@/components/options/WebhookSettings';
import { Spinner } from '@/components/ui/Spinner';
import { useSourceAnchor } from './source-anchor';

export function App() {
  const { t } = useTranslation('options');
  const { settings, save, loadError } = useSettings();
  useEffect(() => {
    document.title = t('page.title');
  }, [t]);
  useSourceAnchor(settings?.source.kind);
  return (
    <main className="page options">
      <header className="page-header">
        <div>
          <h1>{t('page.title')}</h1>
          <p className="muted">{t('page.intro')}</p>
        </div>
        <a className="btn" href={browser.runtime.getURL('/insights.html')}>
          {t('page.openInsights')}
        </a>
      </header>
      {!settings ? (
        loadError ? (
          <div className="notice notice-danger" role="alert" data-testid="settings-load-error">
            {loadError}
          </div>
        ) : (
          <Spinner label={t('page.loadingSettings')} />
        )
      ) : (
        <>
          <DataSourceSettings settings={settings} save={save} />
          <ExtraSourcesSettings settings={settings} save={save} />
          <WebhookSettings settings={settings} save={save} />
          <CrmSitesSettings settings={settings} save={save} />
          <ProfileSettings settings={settings} save={save} />
          <LocalDataSettings />
        </>
      )}
    </main>
  );
}
