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
  const { settings, save, loadError } = useSettings();
  useSourceAnchor(settings?.source.kind);
  return (
    <main className="page options">
      <header className="page-header">
        <div>
          <h1>Leadside Options</h1>
          <p className="muted">Connect marketing's data and set up how Leadside works for you.</p>
        </div>
        <a className="btn" href={browser.runtime.getURL('/insights.html')}>
          Open Insights
        </a>
      </header>
      {!settings ? (
        loadError ? (
          <div className="notice notice-danger" role="alert" data-testid="settings-load-error">
            {loadError}
          </div>
        ) : (
          <Spinner label="Loading settings…" />
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
