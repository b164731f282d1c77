import { useState, type FormEvent } from 'react';
import { formatDateTime } from '@/lib/format/time';
import { SourceChangedSchema, SourceSavedSchema, SourcesSchema, SourceStatusSchema, SyncQueuedSchema, TestConnectionSchema, WebhookStatusSchema } from '@/lib/schema/dashboard';
import type { z } from 'zod';
import { call } from '../../api/client';
import { Empty, Load } from '../../components/Load';
import { useApi } from '../../hooks/use-api';

type SourceStatus = z.infer<typeof SourceStatusSchema>;
type Kind = SourceStatus['kind'];
const KIND_LABELS: Record<Kind, string> = { hubspot: 'HubSpot', mautic: 'Mautic' };
type Outcome = { state: 'idle' } | { state: 'busy'; what: string } | { state: 'done'; ok: boolean; message: string };

export function SourcesPanel() {
  const sources = useApi('/sources', SourcesSchema, 'the sources');
  const [editing, setEditing] = useState<Kind | null>(null);
  const loaded = sources.state === 'ready' ? sources.data.sources : undefined;
  const has = (kind: Kind) => loaded?.some((source) => source.kind === kind) ?? false;
  return (
    <section className="card section" aria-labelledby="sources-title" data-testid="admin-sources">
      <div className="spread">
        <h2 id="sources-title">Marketing sources</h2>
        <div className="row">
          {(['hubspot', 'mautic'] as const).map((kind) => (
            <button key={kind} type="button" className="btn" onClick={() => setEditing(kind)} data-testid={`source-set-${kind}`}>
              {has(kind) ? `Change ${KIND_LABELS[kind]} credentials` : loaded && loaded.length > 0 ? `Add ${KIND_LABELS[kind]}` : `Set ${KIND_LABELS[kind]} credentials`}
            </button>
          ))}
        </div>
      </div>
      {loaded && loaded.length > 1 && (
        <p className="small">
          Every lookup asks {loaded.length === 2 ? 'both' : `all ${loaded.length}`} systems and merges their answers into one brief, each score and stage beside its system. Verdicts are forwarded to the main
          source only.
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
      <Load loaded={sources} what="the sources">
        {(data) => (
          <>
            {data.sources.length === 0 ? (
              <Empty>No HubSpot or Mautic source yet: set one's credentials to sync profiles and the catalog on the server.</Empty>
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
  const test = () => act('Testing…', () => call('POST', `/sources/${source.kind}/test`, TestConnectionSchema, { what: `Testing ${label}` }), false);
  const sync = () =>
    act('Starting a sync…', async () => ({ ok: true, message: (await call('POST', `/sources/${source.kind}/sync`, SyncQueuedSchema, { what: `Syncing ${label}` })).message }), true);
  const makeMain = () =>
    act('Making it the main source…', async () => ({ ok: true, message: (await call('POST', `/sources/${source.kind}/main`, SourceChangedSchema, { what: `Making ${label} the main source` })).message }), true);
  const remove = () => {
    setConfirmingRemove(false);
    return act('Removing…', async () => ({ ok: true, message: (await call('DELETE', `/sources/${source.kind}`, SourceChangedSchema, { what: `Removing ${label}` })).message }), true);
  };
  const busy = outcome.state === 'busy';
  return (
    <div className="source-row stack tight" data-testid={`source-${source.kind}`}>
      <div className="spread">
        <h3>
          {label}{' '}
          {several && (source.main ? <span className="badge badge-accent">Main: verdicts go here</span> : <span className="badge">Read beside the main source</span>)}
        </h3>
        <div className="row">
          <button type="button" className="btn" onClick={() => void test()} disabled={busy}>
            Test connection
          </button>
          <button type="button" className="btn" onClick={() => void sync()} disabled={busy || source.syncing}>
            {source.syncing ? 'Syncing…' : 'Sync now'}
          </button>
          {several && !source.main && (
            <button type="button" className="btn" onClick={() => void makeMain()} disabled={busy}>
              Make main
            </button>
          )}
          {!confirmingRemove && (
            <button type="button" className="btn btn-danger" onClick={() => setConfirmingRemove(true)} disabled={busy} aria-label={`Remove ${label}`}>
              Remove
            </button>
          )}
        </div>
      </div>
      {confirmingRemove && (
        <div className="row" role="group" aria-label={`Confirm removing ${label}`}>
          <span className="small">
            Remove {label}? Its credentials are deleted and the catalog items it synced are retired{source.main && several ? '; the next source becomes the main one' : ''}.
          </span>
          <button type="button" className="btn btn-danger" onClick={() => void remove()} autoFocus>
            Yes, remove {label}
          </button>
          <button type="button" className="btn" onClick={() => setConfirmingRemove(false)}>
            Keep it
          </button>
        </div>
      )}
      <dl className="facts">
        <dt>Last sync</dt>
        <dd>{source.lastSyncAt ? formatDateTime(source.lastSyncAt) : 'Never'}</dd>
        <dt>Its error</dt>
        <dd className={source.lastSyncError ? 'text-danger' : undefined}>{source.lastSyncError ?? 'None'}</dd>
        <dt>Catalog items</dt>
        <dd>{source.catalogCount ?? '—'}</dd>
        {Object.entries(source.config)
          .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
          .map(([key, value]) => (
            <div key={key} className="contents">
              <dt>{key}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
      </dl>
      <p role="status" className="small">
        {outcome.state === 'busy' && outcome.what}
        {outcome.state === 'done' && <span className={outcome.ok ? 'text-good' : 'text-danger'}>{outcome.ok ? `✓ ${outcome.message}` : `✗ ${outcome.message}`}</span>}
      </p>
    </div>
  );
}

/** The source's address and secret; the secret is sent once and never shown again (the server keeps it). */
function CredentialsForm({ kind, existing, offerMain, close, onSaved }: { kind: Kind; existing?: SourceStatus; offerMain: boolean; close(): void; onSaved(): void }) {
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
    setOutcome({ state: 'busy', what: 'Saving…' });
    try {
      const saved = await call('PUT', `/sources/${kind}`, SourceSavedSchema, { body, what: `Saving the ${KIND_LABELS[kind]} credentials` });
      // Saved even when the test fails, so the admin can fix the vendor's side and test again.
      setOutcome({ state: 'done', ok: saved.test.ok, message: `Saved. Connection test: ${saved.test.message}` });
      setSecret('');
      onSaved();
    } catch (error) {
      setOutcome({ state: 'done', ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="sub-form stack" onSubmit={save} data-testid="source-credentials">
      <h3>{KIND_LABELS[kind]} credentials</h3>
      <div className="form-grid">
        <label className="field">
          <span>{kind === 'hubspot' ? 'API address' : 'Mautic address'}</span>
          <input type="url" required value={address} onChange={(event) => setAddress(event.target.value)} placeholder="https://…" />
        </label>
        {kind === 'mautic' && (
          <label className="field">
            <span>Sign-in method</span>
            <select value={method} onChange={(event) => setMethod(event.target.value as 'basic' | 'oauth2')}>
              <option value="basic">User name and password</option>
              <option value="oauth2">OAuth2 client credentials</option>
            </select>
          </label>
        )}
        {kind === 'mautic' && (
          <label className="field">
            <span>{method === 'basic' ? 'User name' : 'Client id'}</span>
            <input required value={user} onChange={(event) => setUser(event.target.value)} />
          </label>
        )}
        <label className="field">
          <span>{kind === 'hubspot' ? 'Private app token' : method === 'basic' ? 'Password' : 'Client secret'}</span>
          <input
            type="password"
            required={!keepsSecret}
            autoComplete="off"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            placeholder={keepsSecret ? 'Stored: leave empty to keep it' : undefined}
          />
        </label>
        {kind === 'hubspot' && (
          <label className="field">
            <span>HubDB table of sales content (optional)</span>
            <input value={contentTableId} onChange={(event) => setContentTableId(event.target.value)} />
          </label>
        )}
      </div>
      {offerMain && (
        <label className="row small">
          <input type="checkbox" checked={main} onChange={(event) => setMain(event.target.checked)} />
          <span>Make {KIND_LABELS[kind]} the main source (verdicts are forwarded to it; the others are read beside it)</span>
        </label>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={outcome.state === 'busy'}>
          Save credentials
        </button>
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
        <span role="status" className="small">
          {outcome.state === 'done' && <span className={outcome.ok ? 'text-good' : 'text-danger'}>{outcome.ok ? `✓ ${outcome.message}` : `✗ ${outcome.message}`}</span>}
        </span>
      </div>
    </form>
  );
}

/** The Slack webhook the digest and forwarded notes go to. Its URL is the secret: only its host is ever shown. */
function SlackWebhook({ host, onChanged }: { host: string | null; onChanged(): void }) {
  const [url, setUrl] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const change = async (event: FormEvent | null, remove = false) => {
    event?.preventDefault();
    setOutcome({ state: 'busy', what: remove ? 'Removing…' : 'Saving…' });
    try {
      const answer = remove
        ? await call('DELETE', '/webhook', WebhookStatusSchema, { what: 'Removing the Slack webhook' })
        : await call('PUT', '/webhook', WebhookStatusSchema, { body: { url: url.trim() }, what: 'Saving the Slack webhook' });
      setOutcome({ state: 'done', ok: true, message: answer.slackWebhookHost ? `Slack webhook set (${answer.slackWebhookHost}).` : 'Slack webhook removed.' });
      setUrl('');
      onChanged();
    } catch (error) {
      setOutcome({ state: 'done', ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <form className="sub-form stack tight" onSubmit={(event) => void change(event)} aria-label="Slack webhook" data-testid="slack-webhook">
      <p className="small">
        Slack webhook: <strong>{host ? `set (${host})` : 'not set'}</strong>. The weekly digest and the forwarded verdicts and requests go there.
      </p>
      <div className="row">
        <label className="field grow">
          <span>Webhook URL (https://hooks.slack.com/…)</span>
          <input type="url" required value={url} onChange={(event) => setUrl(event.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="btn btn-primary align-end" disabled={outcome.state === 'busy'}>
          {host ? 'Replace webhook' : 'Set webhook'}
        </button>
        {host && (
          <button type="button" className="btn btn-danger align-end" onClick={() => void change(null, true)} disabled={outcome.state === 'busy'}>
            Remove
          </button>
        )}
      </div>
      <span role="status" className="small">
        {outcome.state === 'done' && <span className={outcome.ok ? 'text-good' : 'text-danger'}>{outcome.ok ? `✓ ${outcome.message}` : `Not changed: ${outcome.message}`}</span>}
      </span>
    </form>
  );
}
