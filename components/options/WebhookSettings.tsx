import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { request } from '@/lib/messaging/messages';
import { siteOrigin } from '@/lib/schema';
import { deleteSecrets, savedSecrets, saveSecrets } from '@/lib/store/secrets';
import type { Settings } from '@/lib/store/settings';
import { failureWords, useHostAccessSave } from './use-host-access';

const WebhookUrlSchema = z.url({ protocol: /^https$/, message: 'Enter the https:// address of the webhook' });

/** Feedback posted to a team channel too: plain JSON for any receiver, or a Slack incoming webhook. */
export function WebhookSettings({ settings, save }: { settings: Settings; save(patch: Partial<Settings>): Promise<string | undefined> }) {
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<'json' | 'slack'>(settings.webhook?.format ?? 'slack');
  const [hasSaved, setHasSaved] = useState(false);
  const [status, setStatus] = useState('');
  const { pending, run: saveWithHost } = useHostAccessSave();
  useEffect(() => void savedSecrets('webhook').then((secrets) => setHasSaved(Boolean(secrets.values.url))), []);

  const saveWebhook = () => {
    const parsed = WebhookUrlSchema.safeParse(url.trim());
    if (!parsed.success) return setStatus(`Not saved: ${parsed.error.issues[0]?.message}`);
    const host = new URL(parsed.data).host;
    setStatus('');
    void saveWithHost(host, async () => {
      await saveSecrets('webhook', parsed.data, { url: parsed.data });
      return save({ webhook: { format, host } });
    }).then((error) => {
      if (error) return setStatus(`Not saved: ${error}`);
      setUrl('');
      setHasSaved(true);
      setStatus(`✓ Feedback will also be posted to ${host}`);
    });
  };

  const remove = async () => {
    // The permission goes back even if the rest fails: a host Leadside no longer posts to is not kept.
    if (settings.webhook) await browser.permissions.remove({ origins: [siteOrigin(settings.webhook.host)] }).catch(() => false);
    try {
      await deleteSecrets('webhook');
      const error = await save({ webhook: null });
      if (error) return setStatus(`Not removed: ${error}`);
    } catch (error) {
      return setStatus(`Not removed: ${failureWords(error)}`);
    }
    await request({ type: 'source-changed' }).catch(() => undefined);
    setHasSaved(false);
    setStatus('✓ Webhook removed');
  };

  return (
    <section className="card section" aria-labelledby="webhook-title" data-testid="webhook">
      <h2 id="webhook-title">Also post feedback to a channel</h2>
      <p className="small muted">Verdicts, content requests and prospect questions, as they are given. Optional.</p>
      <fieldset className="plain-fieldset row" aria-label="Webhook format">
        <label className="row">
          <input type="radio" name="webhook-format" checked={format === 'slack'} onChange={() => setFormat('slack')} /> Slack incoming webhook
        </label>
        <label className="row">
          <input type="radio" name="webhook-format" checked={format === 'json'} onChange={() => setFormat('json')} /> Plain JSON
        </label>
      </fieldset>
      <label className="field">
        <span>Webhook URL</span>
        <input type="password" autoComplete="off" value={url} onChange={(event) => setUrl(event.target.value)} placeholder={hasSaved && settings.webhook ? `•••• ${settings.webhook.host}; type to replace` : 'https://hooks.slack.com/services/…'} />
      </label>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={saveWebhook} disabled={pending}>
          {pending ? 'Saving…' : 'Save webhook'}
        </button>
        {settings.webhook && (
          <button type="button" className="btn btn-danger" onClick={() => void remove()}>
            Remove webhook
          </button>
        )}
        <span role="status" aria-live="polite" className="small" data-testid="webhook-status">
          {status}
        </span>
      </div>
    </section>
  );
}
