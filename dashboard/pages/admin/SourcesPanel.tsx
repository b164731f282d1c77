import { useState, type FormEvent } from 'react';
import { formatDateTime } from '@/lib/format/time';
import { SourcesSchema, SourceStatusSchema, TestConnectionSchema } from '@/lib/schema/dashboard';
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
            <p className="small muted">Slack webhook: {data.slackWebhookHost ? `set (${data.slackWebhookHost})` : 'not set'}. The digest and forwarded notes go there.</p>
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
      await call('POST', `/sources/${source.kind}/sync`, null, { what: `Syncing ${label}` });
      setOutcome({ state: 'done', ok: true, message: 'Sync started: last sync below updates when it ends.' });
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
      await call('PUT', `/sources/${kind}`, null, { body, what: `Saving the ${KIND_LABELS[kind]} credentials` });
      setOutcome({ state: 'done', ok: true, message: 'Saved. Use Test connection to check them.' });
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
          {outcome.state === 'done' && <span className={outcome.ok ? 'text-good' : 'text-danger'}>{outcome.ok ? `✓ ${outcome.message}` : `Not saved: ${outcome.message}`}</span>}
        </span>
      </div>
    </form>
  );
}
