import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/insights/DataTable';
import { CreatedTokenSchema, NewTokenSchema, TokensSchema, UsersSchema } from '@/lib/schema/dashboard';
import type { z } from 'zod';
import { call } from '../../api/client';
import { Load } from '../../components/Load';
import { useApi, type Loaded } from '../../hooks/use-api';
import { useLabels } from '../../hooks/use-labels';

type Users = z.infer<typeof UsersSchema>;
type Token = z.infer<typeof TokensSchema>['tokens'][number];

export function TokensPanel({ users }: { users: Loaded<Users> & { reload(): void } }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const tokens = useApi('/tokens', TokensSchema, t('what.tokens'));
  const [created, setCreated] = useState<{ secret: string; user: string } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const revoke = async (token: Token) => {
    try {
      await call('DELETE', `/tokens/${encodeURIComponent(token.id)}`, null, { what: t('tokens.revoking') });
      setResult({ ok: true, message: t('tokens.revoked', { user: token.user, label: token.label || token.id }) });
      tokens.reload();
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="card section" aria-labelledby="tokens-title" data-testid="admin-tokens">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p className="small muted">{t('tokens.intro')}</p>
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
          {result.ok ? `✓ ${result.message}` : t('tokens.notRevoked', { error: '' })}
          {!result.ok && <span>{result.message}</span>}
        </p>
      )}
      <Load loaded={tokens} what={t('what.tokens')}>
        {(data) => (
          <DataTable
            title={t('tokens.count', { count: data.tokens.length, formatted: format.number(data.tokens.length) })}
            testId="tokens-table"
            csvName="leadside-tokens"
            rows={data.tokens}
            rowKey={(token) => token.id}
            empty={t('tokens.empty')}
            columns={[
              { header: t('tokens.user'), value: (token) => token.user, data: true },
              { header: t('tokens.label'), value: (token) => token.label, data: true },
              { header: t('tokens.created'), value: (token) => format.dateTime(token.createdAt), formatted: true },
              { header: t('tokens.expires'), value: (token) => (token.expiresAt ? format.dateTime(token.expiresAt) : t('never')), formatted: true },
              { header: t('tokens.lastUsed'), value: (token) => (token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('never')), formatted: true },
              {
                header: t('column.status'),
                value: (token) => (token.revoked ? t('status.revoked') : t('status.active')),
                render: (token) =>
                  token.revoked ? (
                    <span className="badge">{t('status.revoked')}</span>
                  ) : (
                    <button type="button" className="btn btn-danger" aria-label={t('tokens.revokeLabel', { user: token.user, label: token.label })} onClick={() => void revoke(token)}>
                      {t('tokens.revoke')}
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
  const { t } = useTranslation('dashboard');
  const [userId, setUserId] = useState('');
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('90');
  const [error, setError] = useState<string | null>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = NewTokenSchema.safeParse({ userId, label: label.trim(), days: Number(days) });
    if (!checked.success) return setError(checked.error.issues[0]?.path[0] === 'userId' ? t('tokens.chooseUser') : t('tokens.invalidDays'));
    try {
      const answer = await call('POST', '/tokens', CreatedTokenSchema, { body: checked.data, what: t('tokens.creating') });
      onCreated(answer.secret, answer.token.user);
      setLabel('');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <form className="row sub-form" onSubmit={create} aria-label={t('tokens.create')} data-testid="new-token">
      <label className="field">
        <span>{t('tokens.whose')}</span>
        <select value={userId} onChange={(event) => setUserId(event.target.value)} required>
          <option value="">{t('tokens.chooseUserOption')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {t('tokens.userOption', { name: user.name, role: t(`roleInline.${user.role}`) })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('tokens.label')}</span>
        <input value={label} onChange={(event) => setLabel(event.target.value)} placeholder={t('tokens.labelPlaceholder')} />
      </label>
      <label className="field narrow-field">
        <span>{t('tokens.days')}</span>
        <input type="number" min="1" max="366" required value={days} onChange={(event) => setDays(event.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary align-end">
        {t('tokens.createButton')}
      </button>
      {error && (
        <span role="alert" className="small text-danger">
          {t('tokens.notCreated', { error })}
        </span>
      )}
    </form>
  );
}

/** The new token, once: copy it now, it is stored hashed and cannot be shown again. */
function Secret({ secret, user, dismiss }: { secret: string; user: string; dismiss(): void }) {
  const { t } = useTranslation('dashboard');
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="notice notice-warn stack tight" role="status" data-testid="token-secret">
      <p>
        <strong>{t('tokens.newToken', { user })}</strong> {t('tokens.copyNow')}
      </p>
      <code className="secret" tabIndex={0} translate="no">
        {secret}
      </code>
      <div className="row">
        <button type="button" className="btn" onClick={() => void copy()}>
          {t('tokens.copy')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={dismiss}>
          {t('tokens.done')}
        </button>
        {copied && <span className="small">{copied === 'copied' ? t('tokens.copied') : t('tokens.copyFailed')}</span>}
      </div>
    </div>
  );
}
