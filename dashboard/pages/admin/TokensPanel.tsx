import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/insights/DataTable';
import { formatDateTime } from '@/lib/format/time';
import { CreatedTokenSchema, NewTokenSchema, TokensSchema, UsersSchema } from '@/lib/schema/dashboard';
import type { z } from 'zod';
import { call } from '../../api/client';
import { Load } from '../../components/Load';
import { useApi, type Loaded } from '../../hooks/use-api';

type Users = z.infer<typeof UsersSchema>;
type Token = z.infer<typeof TokensSchema>['tokens'][number];

export function TokensPanel({ users }: { users: Loaded<Users> & { reload(): void } }) {
  const tokens = useApi('/tokens', TokensSchema, 'the tokens');
  const [created, setCreated] = useState<{ secret: string; user: string } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const revoke = async (token: Token) => {
    try {
      await call('DELETE', `/tokens/${encodeURIComponent(token.id)}`, null, { what: 'Revoking the token' });
      setResult({ ok: true, message: `${token.user}'s token "${token.label || token.id}" is revoked.` });
      tokens.reload();
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="card section" aria-labelledby="tokens-title" data-testid="admin-tokens">
      <h2 id="tokens-title">API tokens</h2>
      <p className="small muted">Reps paste a token into the extension's Options. A token is shown once, when it is made.</p>
      <NewToken
        users={users.state === 'ready' ? users.data.users.filter((user) => !user.disabled) : []}
        onCreated={(secret, user) => {
          setCreated({ secret, user });
          tokens.reload();
        }}
      />
      {created && <Secret secret={created.secret} user={created.user} dismiss={() => setCreated(null)} />}
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'text-good' : 'text-danger'}>
          {result.ok ? `✓ ${result.message}` : `Not revoked: ${result.message}`}
        </p>
      )}
      <Load loaded={tokens} what="the tokens">
        {(data) => (
          <DataTable
            title={`${data.tokens.length} tokens`}
            testId="tokens-table"
            csvName="leadside-tokens"
            rows={data.tokens}
            rowKey={(token) => token.id}
            empty="No tokens yet: make one above for each rep."
            columns={[
              { header: 'User', value: (token) => token.user },
              { header: 'Label', value: (token) => token.label },
              { header: 'Created', value: (token) => formatDateTime(token.createdAt) },
              { header: 'Expires', value: (token) => (token.expiresAt ? formatDateTime(token.expiresAt) : 'Never') },
              { header: 'Last used', value: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never') },
              {
                header: 'Status',
                value: (token) => (token.revoked ? 'Revoked' : 'Active'),
                render: (token) =>
                  token.revoked ? (
                    <span className="badge">Revoked</span>
                  ) : (
                    <button type="button" className="btn btn-danger" aria-label={`Revoke ${token.user}'s token ${token.label}`} onClick={() => void revoke(token)}>
                      Revoke
                    </button>
                  ),
              },
            ]}
          />
        )}
      </Load>
    </section>
  );
}

function NewToken({ users, onCreated }: { users: Users['users']; onCreated(secret: string, user: string): void }) {
  const [userId, setUserId] = useState('');
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('90');
  const [error, setError] = useState<string | null>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = NewTokenSchema.safeParse({ userId, label: label.trim(), days: Number(days) });
    if (!checked.success) return setError(checked.error.issues[0]?.path[0] === 'userId' ? 'Choose whose token it is.' : 'Days: a whole number from 1 to 366.');
    try {
      const answer = await call('POST', '/tokens', CreatedTokenSchema, { body: checked.data, what: 'Creating the token' });
      onCreated(answer.secret, answer.token.user);
      setLabel('');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <form className="row sub-form" onSubmit={create} aria-label="Create a token" data-testid="new-token">
      <label className="field">
        <span>Whose token</span>
        <select value={userId} onChange={(event) => setUserId(event.target.value)} required>
          <option value="">Choose a user…</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.role})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Label</span>
        <input value={label} onChange={(event) => setLabel(event.target.value)} placeholder="e.g. Ana's laptop" />
      </label>
      <label className="field narrow-field">
        <span>Valid for (days)</span>
        <input type="number" min="1" max="366" required value={days} onChange={(event) => setDays(event.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary align-end">
        Create token
      </button>
      {error && (
        <span role="alert" className="small text-danger">
          Not created: {error}
        </span>
      )}
    </form>
  );
}

/** The new token, once: copy it now, it is stored hashed and cannot be shown again. */
function Secret({ secret, user, dismiss }: { secret: string; user: string; dismiss(): void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('✓ Copied');
    } catch {
      setCopied('Could not copy: select the token and copy it by hand.');
    }
  };
  return (
    <div className="notice notice-warn stack tight" role="status" data-testid="token-secret">
      <p>
        <strong>{user}'s new token.</strong> Copy it now: it is not shown again.
      </p>
      <code className="secret" tabIndex={0}>
        {secret}
      </code>
      <div className="row">
        <button type="button" className="btn" onClick={() => void copy()}>
          Copy token
        </button>
        <button type="button" className="btn btn-quiet" onClick={dismiss}>
          Done
        </button>
        {copied && <span className="small">{copied}</span>}
      </div>
    </div>
  );
}
