import { useState } from 'react';
import { browser } from 'wxt/browser';
import { DETECTORS } from '@/lib/crm/registry';
import { request } from '@/lib/messaging/messages';
import { CRM_LABELS } from '@/lib/schema/record';
import { CUSTOM_SITE_KIND_LABELS, CustomSiteSchema, siteOrigin, summarizeZodError, type CustomSite } from '@/lib/schema';
import type { Settings } from '@/lib/store/settings';
import { failureWords, useHostAccessSave } from './use-host-access';

type Kind = CustomSite['kind'];
const BUILT_IN = [...new Set(DETECTORS.map((detector) => CRM_LABELS[detector.crm]))];

/**
 * The CRM sites Leadside reads. Built-in CRMs need nothing; an added site asks the browser for that
 * one host, and removing it gives the permission back.
 */
export function CrmSitesSettings({ settings, save }: { settings: Settings; save(patch: Partial<Settings>): Promise<string | undefined> }) {
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
    if (!parsed.success) return setStatus(`Not added: ${summarizeZodError(parsed.error)}`);
    const site = parsed.data;
    if (settings.customSites.some((existing) => existing.host === site.host)) return setStatus(`${site.host} is already added.`);
    setStatus('');
    void saveWithHost(site.host, () => apply([...settings.customSites, site])).then((error) => {
      if (error) return setStatus(`Not added: ${error}`);
      setHost('');
      setStatus(`✓ Added ${site.host}`);
    });
  };

  const remove = async (site: CustomSite) => {
    let error: string | undefined;
    try {
      await browser.permissions.remove({ origins: [siteOrigin(site.host)] });
      error = await apply(settings.customSites.filter((entry) => entry.id !== site.id));
    } catch (thrown) {
      error = failureWords(thrown);
    }
    setStatus(error ? `Not removed: ${error}` : `✓ Removed ${site.host}; Leadside can no longer read it.`);
  };

  return (
    <section className="card section" aria-labelledby="sites-title" data-testid="crm-sites">
      <h2 id="sites-title">CRM sites</h2>
      <p className="small">Built in: {BUILT_IN.join(', ')}.</p>
      {settings.customSites.length > 0 && (
        <ul className="plain-list">
          {settings.customSites.map((site) => (
            <li key={site.id} className="spread">
              <span>
                <strong>{site.host}</strong> <span className="muted small">{CUSTOM_SITE_KIND_LABELS[site.kind]}{site.kind === 'pattern' ? ` · ${site.pathPattern}` : ''}</span>
              </span>
              <button type="button" className="btn btn-danger" onClick={() => void remove(site)}>
                Remove {site.host}
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
            <span>Add a site: host</span>
            <input value={host} onChange={(event) => setHost(event.target.value)} placeholder="crm.example.com" />
          </label>
          <label className="field">
            <span>Kind</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
              {Object.entries(CUSTOM_SITE_KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {kind === 'pattern' && (
            <label className="field">
              <span>Record path pattern</span>
              <input value={pathPattern} onChange={(event) => setPathPattern(event.target.value)} placeholder="/people/:id" />
            </label>
          )}
        </div>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? 'Adding…' : 'Add site'}
          </button>
          <span role="status" aria-live="polite" className="small" data-testid="sites-status">
            {status}
          </span>
        </div>
        <p className="small muted">
          Leadside asks the browser for access to that one host. On a site of kind “Other CRM”, it reads the record id from the path
          pattern and the person from the e-mail shown on the page.
        </p>
      </form>
    </section>
  );
}
