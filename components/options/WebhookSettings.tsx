import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { request } from '@/lib/messaging/messages';
import { siteOrigin } from '@/lib/schema';
import { deleteSecrets, savedSecrets, saveSecrets } from '@/lib/store/secrets';
import type { Settings } from '@/lib/store/settings';
import { failureWords, useHostAccessSave } from './use-host-access';

const WebhookUrlSchema = z.url({ protocol: /^https$/ });

/** Feedback posted to a team channel too: plain JSON for any receiver, or a Slack incoming webhook. */
export function WebhookSettings({ settings, save }: { settings: Settings; save(patch: Partial<Settings>): Promise<string | undefined> }) {
  const { t, i18n } = useTranslation(['options', 'common']);
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<'json' | 'slack'>(settings.webhook?.format ?? 'slack');
  const [hasSaved, setHasSaved] = useState(false);
  const [status, setStatus] = useState('');
  const { pending, run: saveWithHost } = useHostAccessSave();
  useEffect(() => void savedSecrets('webhook').then((secrets) => setHasSaved(Boolean(secrets.values.url))), []);

  const saveWebhook = () => {
    const parsed = WebhookUrlSchema.safeParse(url.trim());
    if (!parsed.success) return setStatus(t('common:notSaved', { error: t('webhook.needsHttps') }));
    const host = new URL(parsed.data).host;
    setStatus('');
    void saveWithHost(host, async () => {
      await saveSecrets('webhook', parsed.data, { url: parsed.data });
      return save({ webhook: { format, host } });
    }).then((error) => {
      if (error) return setStatus(t('common:notSaved', { error }));
      setUrl('');
      setHasSaved(true);
      setStatus(t('webhook.posted', { host }));
    });
  };

  const remove = async () => {
    // The permission goes back even if the rest fails: a host Leadside no longer posts to is not kept.
    if (settings.webhook) await browser.permissions.remove({ origins: [siteOrigin(settings.webhook.host)] }).catch(() => false);
    try {
      await deleteSecrets('webhook');
      const error = await save({ webhook: null });
      if (error) return setStatus(t('status.notRemoved', { error }));
    } catch (error) {
      return setStatus(t('status.notRemoved', { error: failureWords(error, i18n) }));
    }
    await request({ type: 'source-changed' }).catch(() => undefined);
    setHasSaved(false);
    setStatus(t('webhook.removed'));
  };

  return (
    <section className="card section" aria-labelledby="webhook-title" data-testid="webhook">
      <h2 id="webhook-title">{t('webhook.title')}</h2>
      <p className="small muted">{t('webhook.intro')}</p>
      <fieldset className="plain-fieldset row" aria-label={t('webhook.format')}>
        <label className="row">
          <input type="radio" name="webhook-format" checked={format === 'slack'} onChange={() => setFormat('slack')} /> {t('webhook.slack')}
        </label>
        <label className="row">
          <input type="radio" name="webhook-format" checked={format === 'json'} onChange={() => setFormat('json')} /> {t('webhook.json')}
        </label>
      </fieldset>
      <label className="field">
        <span>{t('webhook.url')}</span>
        <input type="password" autoComplete="off" value={url} onChange={(event) => setUrl(event.target.value)} placeholder={hasSaved && settings.webhook ? t('webhook.savedPlaceholder', { host: settings.webhook.host }) : 'https://hooks.slack.com/services/…'} />
      </label>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={saveWebhook} disabled={pending}>
          {pending ? t('status.saving') : t('webhook.save')}
        </button>
        {settings.webhook && (
          <button type="button" className="btn btn-danger" onClick={() => void remove()}>
            {t('webhook.remove')}
          </button>
        )}
        <span role="status" aria-live="polite" className="small" data-testid="webhook-status">
          {status}
        </span>
      </div>
    </section>
  );
}
