import { useState, type FormEvent } from 'react';
import { formatDateTime } from '@/lib/format/time';
import { SourceSavedSchema, SourcesSchema, SourceStatusSchema, SyncQueuedSchema, TestConnectionSchema, WebhookStatusSchema } from '@/lib/schema/dashboard';
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
  return (
    <section className="card section" aria-labelledby="sources-title" data-testid="admin-sources">
      <div className="spread">
        <h2 id="sources-title">Marketing sources</h2>
        <div className="row">
          {(['hubspot', 'mautic'] as const).map((kind) => (
            <button key={kind} type="button" className="btn" onClick={() => setEditing(kind)} data-testid={`source-set-${kind}`}>
              Set {KIND_LABELS[kind]} credentials
            </button>
          ))}
        </div>
      </div>
      {editing && <CredentialsForm kind={editing} close={() => setEditing(null)} onSaved={sources.reload} />}
      <Load loaded={sources} what="the sources">
        {(data) => (
          <>
            {data.sources.length === 0 ? (
              <Empty>No HubSpot or Mautic source yet: set one's credentials to sync profiles and the catalog on the server.</Empty>
            ) : (
              data.sources.map((source) => <SourceRow key={source.kind} source={source} onChanged={sources.reload} />)
            )}
            <SlackWebhook host={data.slackWebhookHost} onChanged={sources.reload} />
          </>
        )}
      </Load>
    </section>
  );
}

function SourceRow({ source, onChanged }: { source: SourceStatus; onChanged(): void }) {
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const label = KIND_LABELS[source.kind];
  const test = async () => {
    setOutcome({ state: 'busy', what: 'Testing…' });
    try {
      const answer = await call('POST', `/sources/${source.kind}/test`, TestConnectionSchema, { what: `Testing ${label}` });
      setOutcome({ state: 'done', ok: answer.ok, message: answer.message });
    } catch (error) {
      setOutcome({ state: 'done', ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const sync = async () => {
    setOutcome({ state: 'busy', what: 'Starting a sync…' });
    try {
      const answer = await call('POST', `/sources/${source.kind}/sync`, SyncQueuedSchema, { what: `Syncing ${label}` });
      setOutcome({ state: 'done', ok: true, message: answer.message });
      onChanged();
    } catch (error) {
      setOutcome({ state: 'done', ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="source-row stack tight" data-testid={`source-${source.kind}`}>
      <div className="spread">
        <h3>{label}</h3>
        <div className="row">
          <button type="button" className="btn" onClick={() => void test()} disabled={outcome.state === 'busy'}>
            Test connection
          </button>
          <button type="button" className="btn" onClick={() => void sync()} disabled={outcome.state === 'busy' || source.syncing}>
            {source.syncing ? 'Syncing…' : 'Sync now'}
          </button>
        </div>
      </div>
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
function CredentialsForm({ kind, close, onSaved }: { kind: Kind; close(): void; onSaved(): void }) {
  const [address, setAddress] = useState(kind === 'hubspot' ? 'https://api.hubapi.com' : '');
  const [method, setMethod] = useState<'basic' | 'oauth2'>('basic');
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const [contentTableId, setContentTableId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body =
      kind === 'hubspot'
        ? { config: { kind, apiBase: address, contentTableId }, secrets: { token: secret } }
        : {
            config: { kind, baseUrl: address, auth: method === 'basic' ? { method, username: user } : { method, clientId: user } },
            secrets: method === 'basic' ? { password: secret } : { clientSecret: secret },
          };
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
          <input type="password" required autoComplete="off" value={secret} onChange={(event) => setSecret(event.target.value)} />
        </label>
        {kind === 'hubspot' && (
          <label className="field">
            <span>HubDB table of sales content (optional)</span>
            <input value={contentTableId} onChange={(event) => setContentTableId(event.target.value)} />
          </label>
        )}
      </div>
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
