import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SourceChangedSchema, SourceSavedSchema, SourcesSchema, SourceStatusSchema, SyncQueuedSchema, TestConnectionSchema, WebhookStatusSchema } from '@/lib/schema/dashboard';
import type { z } from 'zod';
import { call } from '../../api/client';
import { Empty, Load } from '../../components/Load';
import { useApi } from '../../hooks/use-api';
import { useLabels } from '../../hooks/use-labels';

type SourceStatus = z.infer<typeof SourceStatusSchema>;
type Kind = SourceStatus['kind'];
/** Product names: the same in every language. */
const KIND_LABELS: Record<Kind, string> = { hubspot: 'HubSpot', mautic: 'Mautic' };
type Outcome = { state: 'idle' } | { state: 'busy'; what: string } | { state: 'done'; ok: boolean; message: string };

export function SourcesPanel() {
  const { t } = useTranslation('dashboard');
  const sources = useApi('/sources', SourcesSchema, t('what.sources'));
  const [editing, setEditing] = useState<Kind | null>(null);
  const loaded = sources.state === 'ready' ? sources.data.sources : undefined;
  const has = (kind: Kind) => loaded?.some((source) => source.kind === kind) ?? false;
  return (
    <section className="card section" aria-labelledby="sources-title" data-testid="admin-sources">
      <div className="spread">
        <h2 id="sources-title">{t('sources.title')}</h2>
        <div className="row">
          {(['hubspot', 'mautic'] as const).map((kind) => (
            <button key={kind} type="button" className="btn" onClick={() => setEditing(kind)} data-testid={`source-set-${kind}`}>
              {t(has(kind) ? 'sources.change' : loaded && loaded.length > 0 ? 'sources.add' : 'sources.set', { name: KIND_LABELS[kind] })}
            </button>
          ))}
        </div>
      </div>
      {loaded && loaded.length > 1 && (
        <p className="small">
          {t('sources.several', { count: loaded.length })}
        </p>
      )}
      {editing && (
        <CredentialsForm
          key={editing}
          kind={editing}
          existing={loaded?.find((source) => source.kind === editing)}
          offerMain={(loaded ?? []).some((source) => source.kind !== editing) && !loaded?.find((source) => source.kind === editing)?.main}
          close={() => setEditing(null)}
          onSaved={sources.reload}
        />
      )}
      <Load loaded={sources} what={t('what.sources')}>
        {(data) => (
          <>
            {data.sources.length === 0 ? (
              <Empty>{t('sources.empty')}</Empty>
            ) : (
              data.sources.map((source) => <SourceRow key={source.kind} source={source} several={data.sources.length > 1} onChanged={sources.reload} />)
            )}
            <SlackWebhook host={data.slackWebhookHost} onChanged={sources.reload} />
          </>
        )}
      </Load>
    </section>
  );
}

function SourceRow({ source, several, onChanged }: { source: SourceStatus; several: boolean; onChanged(): void }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const label = KIND_LABELS[source.kind];
  /** One action on this source: its answer in words in the row's status line; the list reloads when it changed something. */
  const act = async (what: string, run: () => Promise<{ ok: boolean; message: string }>, reload: boolean) => {
    setOutcome({ state: 'busy', what });
    try {
      const answer = await run();
      setOutcome({ state: 'done', ...answer });
      if (reload) onChanged();
    } catch (error) {
      setOutcome({ state: 'done', ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const test = () => act(t('sources.testing'), () => call('POST', `/sources/${source.kind}/test`, TestConnectionSchema, { what: t('sources.testingCall', { name: label }) }), false);
  const sync = () =>
    act(t('sources.syncStarting'), async () => ({ ok: true, message: (await call('POST', `/sources/${source.kind}/sync`, SyncQueuedSchema, { what: t('sources.syncCall', { name: label }) })).message }), true);
  const makeMain = () =>
    act(t('sources.makingMain'), async () => ({ ok: true, message: (await call('POST', `/sources/${source.kind}/main`, SourceChangedSchema, { what: t('sources.makeMainCall', { name: label }) })).message }), true);
  const remove = () => {
    setConfirmingRemove(false);
    return act(t('sources.removing'), async () => ({ ok: true, message: (await call('DELETE', `/sources/${source.kind}`, SourceChangedSchema, { what: t('sources.removeCall', { name: label }) })).message }), true);
  };
  const busy = outcome.state === 'busy';
  return (
    <div className="source-row stack tight" data-testid={`source-${source.kind}`}>
      <div className="spread">
        <h3>
          {label}{' '}
          {several && (source.main ? <span className="badge badge-accent">{t('sources.mainBadge')}</span> : <span className="badge">{t('sources.besideBadge')}</span>)}
        </h3>
        <div className="row">
          <button type="button" className="btn" onClick={() => void test()} disabled={busy}>
            {t('sources.test')}
          </button>
          <button type="button" className="btn" onClick={() => void sync()} disabled={busy || source.syncing}>
            {source.syncing ? t('sources.syncing') : t('sources.sync')}
          </button>
          {several && !source.main && (
            <button type="button" className="btn" onClick={() => void makeMain()} disabled={busy}>
              {t('sources.makeMain')}
            </button>
          )}
          {!confirmingRemove && (
            <button type="button" className="btn btn-danger" onClick={() => setConfirmingRemove(true)} disabled={busy} aria-label={t('sources.removeLabel', { name: label })}>
              {t('sources.remove')}
            </button>
          )}
        </div>
      </div>
      {confirmingRemove && (
        <div className="row" role="group" aria-label={t('sources.confirmLabel', { name: label })}>
          <span className="small">
            {t(source.main && several ? 'sources.confirmMain' : 'sources.confirm', { name: label })}
          </span>
          <button type="button" className="btn btn-danger" onClick={() => void remove()} autoFocus>
            {t('sources.confirmYes', { name: label })}
          </button>
          <button type="button" className="btn" onClick={() => setConfirmingRemove(false)}>
            {t('sources.keep')}
          </button>
        </div>
      )}
      <dl className="facts">
        <dt>{t('sources.lastSync')}</dt>
        <dd data-intl={source.lastSyncAt ? '' : undefined}>{source.lastSyncAt ? format.dateTime(source.lastSyncAt) : t('never')}</dd>
        <dt>{t('sources.lastError')}</dt>
        {/* A sync error is the vendor's or the server's words. */}
        <dd className={source.lastSyncError ? 'text-danger' : undefined}>
          {source.lastSyncError ?? t('sources.noError')}
        </dd>
        <dt>{t('sources.catalogItems')}</dt>
        <dd>{source.catalogCount === undefined || source.catalogCount === null ? '—' : format.number(source.catalogCount)}</dd>
        {/* The stored settings by their field names (apiBase, baseUrl…): configuration data, not prose. */}
        {Object.entries(source.config)
          .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
          .map(([key, value]) => (
            <div key={key} className="contents" translate="no">
              <dt>{key}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
      </dl>
      <p role="status" className="small">
        {outcome.state === 'busy' && outcome.what}
        {outcome.state === 'done' && (
          <span className={outcome.ok ? 'text-good' : 'text-danger'}>
            {outcome.ok ? `✓ ${outcome.message}` : `✗ ${outcome.message}`}
          </span>
        )}
      </p>
    </div>
  );
}

/** The source's address and secret; the secret is sent once and never shown again (the server keeps it). */
function CredentialsForm({ kind, existing, offerMain, close, onSaved }: { kind: Kind; existing?: SourceStatus; offerMain: boolean; close(): void; onSaved(): void }) {
  const { t } = useTranslation(['dashboard', 'common']);
  // Changing a source starts from its stored settings (never its secret, which the server keeps).
  const stored = existing?.config ?? {};
  const storedAuth = (stored.auth ?? {}) as { method?: string; username?: string; clientId?: string };
  const text = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);
  const [main, setMain] = useState(false);
  const [address, setAddress] = useState(kind === 'hubspot' ? text(stored.apiBase, 'https://api.hubapi.com') : text(stored.baseUrl));
  const [method, setMethod] = useState<'basic' | 'oauth2'>(storedAuth.method === 'oauth2' ? 'oauth2' : 'basic');
  const [user, setUser] = useState(text(storedAuth.method === 'oauth2' ? storedAuth.clientId : storedAuth.username));
  const [secret, setSecret] = useState('');
  const [contentTableId, setContentTableId] = useState(text(stored.contentTableId));
  // A secret left empty keeps the stored one, as long as it is still the same kind of secret.
  const keepsSecret = existing !== undefined && (kind === 'hubspot' || storedAuth.method === method);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const given = secret.trim() ? secret : undefined;
    // Settings this form does not show (time limit, field mapping) stay as stored.
    const body =
      kind === 'hubspot'
        ? { config: { ...stored, kind, apiBase: address, contentTableId }, secrets: given ? { token: given } : {} }
        : {
            config: { ...stored, kind, baseUrl: address, auth: method === 'basic' ? { method, username: user } : { method, clientId: user } },
            secrets: given ? (method === 'basic' ? { password: given } : { clientSecret: given }) : {},
          };
    if (main) Object.assign(body, { main: true });
    setOutcome({ state: 'busy', what: t('saving') });
    try {
      const saved = await call('PUT', `/sources/${kind}`, SourceSavedSchema, { body, what: t('sources.savingCall', { name: KIND_LABELS[kind] }) });
      // Saved even when the test fails, so the admin can fix the vendor's side and test again.
      setOutcome({ state: 'done', ok: saved.test.ok, message: t('sources.savedTest', { result: saved.test.message }) });
      setSecret('');
      onSaved();
    } catch (error) {
      setOutcome({ state: 'done', ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="sub-form stack" onSubmit={save} data-testid="source-credentials">
      <h3>{t('sources.credentials', { name: KIND_LABELS[kind] })}</h3>
      <div className="form-grid">
        <label className="field">
          <span>{kind === 'hubspot' ? t('sources.apiAddress') : t('sources.mauticAddress')}</span>
          <input type="url" required value={address} onChange={(event) => setAddress(event.target.value)} placeholder="https://…" />
        </label>
        {kind === 'mautic' && (
          <label className="field">
            <span>{t('sources.method')}</span>
            <select value={method} onChange={(event) => setMethod(event.target.value as 'basic' | 'oauth2')}>
              <option value="basic">{t('sources.methodBasic')}</option>
              <option value="oauth2">{t('sources.methodOauth')}</option>
            </select>
          </label>
        )}
        {kind === 'mautic' && (
          <label className="field">
            <span>{method === 'basic' ? t('sources.userName') : t('sources.clientId')}</span>
            <input required value={user} onChange={(event) => setUser(event.target.value)} />
          </label>
        )}
        <label className="field">
          <span>{kind === 'hubspot' ? t('sources.appToken') : method === 'basic' ? t('signIn.password') : t('sources.clientSecret')}</span>
          <input
            type="password"
            required={!keepsSecret}
            autoComplete="off"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            placeholder={keepsSecret ? t('sources.secretStored') : undefined}
          />
        </label>
        {kind === 'hubspot' && (
          <label className="field">
            <span>{t('sources.hubdbTable')}</span>
            <input value={contentTableId} onChange={(event) => setContentTableId(event.target.value)} />
          </label>
        )}
      </div>
      {offerMain && (
        <label className="row small">
          <input type="checkbox" checked={main} onChange={(event) => setMain(event.target.checked)} />
          <span>{t('sources.makeMainCheck', { name: KIND_LABELS[kind] })}</span>
        </label>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={outcome.state === 'busy'}>
          {t('sources.saveCredentials')}
        </button>
        <button type="button" className="btn" onClick={close}>
          {t('common:close')}
        </button>
        <span role="status" className="small">
          {outcome.state === 'busy' && outcome.what}
          {outcome.state === 'done' && (
            <span className={outcome.ok ? 'text-good' : 'text-danger'}>
              {outcome.ok ? `✓ ${outcome.message}` : `✗ ${outcome.message}`}
            </span>
          )}
        </span>
      </div>
    </form>
  );
}

/** The Slack webhook the digest and forwarded notes go to. Its URL is the secret: only its host is ever shown. */
function SlackWebhook({ host, onChanged }: { host: string | null; onChanged(): void }) {
  const { t } = useTranslation('dashboard');
  const [url, setUrl] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const change = async (event: FormEvent | null, remove = false) => {
    event?.preventDefault();
    setOutcome({ state: 'busy', what: remove ? t('sources.removing') : t('saving') });
    try {
      const answer = remove
        ? await call('DELETE', '/webhook', WebhookStatusSchema, { what: t('webhook.removing') })
        : await call('PUT', '/webhook', WebhookStatusSchema, { body: { url: url.trim() }, what: t('webhook.saving') });
      setOutcome({ state: 'done', ok: true, message: answer.slackWebhookHost ? t('webhook.set', { host: answer.slackWebhookHost }) : t('webhook.removed') });
      setUrl('');
      onChanged();
    } catch (error) {
      setOutcome({ state: 'done', ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <form className="sub-form stack tight" onSubmit={(event) => void change(event)} aria-label={t('webhook.label')} data-testid="slack-webhook">
      <p className="small">
        {t('webhook.state')} <strong>{host ? t('webhook.stateSet', { host }) : t('webhook.stateNotSet')}</strong> {t('webhook.what')}
      </p>
      <div className="row">
        <label className="field grow">
          <span>{t('webhook.url')}</span>
          <input type="url" required value={url} onChange={(event) => setUrl(event.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="btn btn-primary align-end" disabled={outcome.state === 'busy'}>
          {host ? t('webhook.replace') : t('webhook.setButton')}
        </button>
        {host && (
          <button type="button" className="btn btn-danger align-end" onClick={() => void change(null, true)} disabled={outcome.state === 'busy'}>
            {t('sources.remove')}
          </button>
        )}
      </div>
      <span role="status" className="small">
        {outcome.state === 'busy' && outcome.what}
        {outcome.state === 'done' && (
          <span className={outcome.ok ? 'text-good' : 'text-danger'}>
            {outcome.ok ? `✓ ${outcome.message}` : t('users.notChanged', { error: '' })}
            {!outcome.ok && <span>{outcome.message}</span>}
          </span>
        )}
      </span>
    </form>
  );
}
