import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { DETECTORS } from '@/lib/crm/registry';
import { request } from '@/lib/messaging/messages';
import { CRM_LABELS } from '@/lib/schema/record';
import { CUSTOM_SITE_KIND_LABELS, CustomSiteSchema, siteOrigin, type CustomSite } from '@/lib/schema';
import { useIntlLocale } from '@/components/ui/i18n';
import { describeInvalid } from './invalid-words';
import type { Settings } from '@/lib/store/settings';
import { failureWords, useHostAccessSave } from './use-host-access';

type Kind = CustomSite['kind'];
const BUILT_IN = [...new Set(DETECTORS.map((detector) => CRM_LABELS[detector.crm]))];

/**
 * The CRM sites Leadside reads. Built-in CRMs need nothing; an added site asks the browser for that
 * one host, and removing it gives the permission back.
 */
export function CrmSitesSettings({ settings, save }: { settings: Settings; save(patch: Partial<Settings>): Promise<string | undefined> }) {
  const { t, i18n } = useTranslation(['options', 'common']);
  const locale = useIntlLocale();
  const [host, setHost] = useState('');
  const [kind, setKind] = useState<Kind>('pattern');
  const [pathPattern, setPathPattern] = useState('/people/:id');
  const [status, setStatus] = useState('');

  const { pending, run: saveWithHost } = useHostAccessSave();

  /** Saves the list and has the worker register the sites' scripts; resolves to why not, or undefined. */
  const apply = async (customSites: CustomSite[]): Promise<string | undefined> => {
    const error = await save({ customSites });
    if (error) return error;
    await request({ type: 'sync-custom-sites' });
    return undefined;
  };

  const add = () => {
    const parsed = CustomSiteSchema.safeParse({ id: crypto.randomUUID(), host, kind, ...(kind === 'pattern' ? { pathPattern } : {}) });
    if (!parsed.success) return setStatus(t('status.notAdded', { error: describeInvalid(parsed.error, t) }));
    const site = parsed.data;
    if (settings.customSites.some((existing) => existing.host === site.host)) return setStatus(t('sites.alreadyAdded', { host: site.host }));
    setStatus('');
    void saveWithHost(site.host, () => apply([...settings.customSites, site])).then((error) => {
      if (error) return setStatus(t('status.notAdded', { error }));
      setHost('');
      setStatus(t('sites.added', { host: site.host }));
    });
  };

  const remove = async (site: CustomSite) => {
    let error: string | undefined;
    try {
      await browser.permissions.remove({ origins: [siteOrigin(site.host)] });
      error = await apply(settings.customSites.filter((entry) => entry.id !== site.id));
    } catch (thrown) {
      error = failureWords(thrown, i18n);
    }
    setStatus(error ? t('status.notRemoved', { error }) : t('sites.removed', { host: site.host }));
  };

  return (
    <section className="card section" aria-labelledby="sites-title" data-testid="crm-sites">
      <h2 id="sites-title">{t('sites.title')}</h2>
      <p className="small">{t('sites.builtIn', { list: new Intl.ListFormat(locale, { type: 'unit' }).format(BUILT_IN) })}</p>
      {settings.customSites.length > 0 && (
        <ul className="plain-list">
          {settings.customSites.map((site) => (
            <li key={site.id} className="spread">
              <span>
                <strong translate="no">{site.host}</strong>{' '}
                <span className="muted small">
                  {t(`sites.kind.${site.kind}`)}
                  {site.kind === 'pattern' && <span translate="no"> · {site.pathPattern}</span>}
                </span>
              </span>
              <button type="button" className="btn btn-danger" onClick={() => void remove(site)}>
                {t('sites.remove', { host: site.host })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <div className="row">
          <label className="field">
            <span>{t('sites.host')}</span>
            <input value={host} onChange={(event) => setHost(event.target.value)} placeholder="crm.example.com" />
          </label>
          <label className="field">
            <span>{t('sites.kindLabel')}</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
              {(Object.keys(CUSTOM_SITE_KIND_LABELS) as Kind[]).map((value) => (
                <option key={value} value={value}>
                  {t(`sites.kind.${value}`)}
                </option>
              ))}
            </select>
          </label>
          {kind === 'pattern' && (
            <label className="field">
              <span>{t('sites.pathPattern')}</span>
              <input value={pathPattern} onChange={(event) => setPathPattern(event.target.value)} placeholder="/people/:id" />
            </label>
          )}
        </div>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t('status.adding') : t('sites.add')}
          </button>
          <span role="status" aria-live="polite" className="small" data-testid="sites-status">
            {status}
          </span>
        </div>
        <p className="small muted">{t('sites.hint')}</p>
      </form>
    </section>
  );
}
