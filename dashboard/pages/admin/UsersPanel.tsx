import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/insights/DataTable';
import { DashboardRoleSchema, NewUserSchema, UsersSchema } from '@/lib/schema/dashboard';
import type { z } from 'zod';
import { call } from '../../api/client';
import { Load } from '../../components/Load';
import type { Loaded } from '../../hooks/use-api';
import { useLabels } from '../../hooks/use-labels';

type Users = z.infer<typeof UsersSchema>;
type User = Users['users'][number];
type Role = z.infer<typeof DashboardRoleSchema>;
export function UsersPanel({ users }: { users: Loaded<Users> & { reload(): void } }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const roleLabel = (role: Role) => t(`role.${role}`);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const update = async (user: User, change: { role?: Role; disabled?: boolean }, done: string) => {
    try {
      await call('PATCH', `/users/${encodeURIComponent(user.id)}`, null, { body: change, what: t('users.changing', { name: user.name }) });
      setResult({ ok: true, message: done });
      users.reload();
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="card section" aria-labelledby="users-title" data-testid="admin-users">
      <h2 id="users-title">{t('users.title')}</h2>
      <AddUser onAdded={users.reload} />
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'text-good' : 'text-danger'} data-testid="users-result">
          {result.ok ? `✓ ${result.message}` : t('users.notChanged', { error: '' })}
          {!result.ok && <span>{result.message}</span>}
        </p>
      )}
      <Load loaded={users} what={t('what.users')}>
        {(data) => (
          <DataTable
            title={t('users.count', { count: data.users.length, formatted: format.number(data.users.length) })}
            testId="users-table"
            csvName="leadside-users"
            rows={data.users}
            rowKey={(user) => user.id}
            empty={t('users.empty')}
            columns={[
              { header: t('users.name'), value: (user) => user.name, data: true },
              { header: t('signIn.email'), value: (user) => user.email, data: true },
              {
                header: t('users.role'),
                value: (user) => roleLabel(user.role),
                render: (user) => (
                  <select
                    aria-label={t('users.roleOf', { name: user.name })}
                    value={user.role}
                    onChange={(event) => void update(user, { role: event.target.value as Role }, t('users.nowRole', { name: user.name, role: roleLabel(event.target.value as Role) }))}
                  >
                    {DashboardRoleSchema.options.map((role) => (
                      <option key={role} value={role}>
                        {roleLabel(role)}
                      </option>
                    ))}
                  </select>
                ),
              },
              { header: t('signIn.password'), value: (user) => (user.hasPassword ? t('users.passwordSet') : t('users.passwordNone')) },
              { header: t('users.lastSeen'), value: (user) => (user.lastSeenAt ? format.dateTime(user.lastSeenAt) : t('never')), formatted: true },
              {
                header: t('column.status'),
                value: (user) => (user.disabled ? t('status.disabled') : t('status.active')),
                render: (user) => (
                  <button
                    type="button"
                    className={`btn ${user.disabled ? '' : 'btn-danger'}`}
                    aria-label={t(user.disabled ? 'users.enableLabel' : 'users.disableLabel', { name: user.name })}
                    onClick={() => void update(user, { disabled: !user.disabled }, t(user.disabled ? 'users.enabled' : 'users.disabled', { name: user.name }))}
                  >
                    {user.disabled ? t('users.enable') : t('users.disable')}
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

function AddUser({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation('dashboard');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('rep');
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const checked = NewUserSchema.safeParse({ email: email.trim(), name: name.trim(), role });
    if (!checked.success) return setResult({ ok: false, message: checked.error.issues[0]?.path[0] === 'email' ? t('users.invalidEmail') : t('users.invalidName') });
    try {
      await call('POST', '/users', null, { body: checked.data, what: t('users.adding') });
      setResult({ ok: true, message: t(role === 'rep' ? 'users.addedRep' : 'users.addedOther', { name: checked.data.name, role: t(`role.${role}`) }) });
      setEmail('');
      setName('');
      onAdded();
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <form className="row sub-form" onSubmit={add} aria-label={t('users.add')} data-testid="add-user">
      <label className="field">
        <span>{t('users.name')}</span>
        <input required value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('signIn.email')}</span>
        <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('users.role')}</span>
        <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {DashboardRoleSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`role.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary align-end">
        {t('users.addButton')}
      </button>
      {result && (
        <span role={result.ok ? 'status' : 'alert'} className={`small ${result.ok ? 'text-good' : 'text-danger'}`}>
          {result.ok ? `✓ ${result.message}` : t('users.notAdded', { error: result.message })}
        </span>
      )}
    </form>
  );
}
