import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/insights/DataTable';
import { formatDateTime } from '@/lib/format/time';
import { DashboardRoleSchema, NewUserSchema, UsersSchema } from '@/lib/schema/dashboard';
import type { z } from 'zod';
import { call } from '../../api/client';
import { Load } from '../../components/Load';
import type { Loaded } from '../../hooks/use-api';

type Users = z.infer<typeof UsersSchema>;
type User = Users['users'][number];
type Role = z.infer<typeof DashboardRoleSchema>;
const ROLE_LABELS: Record<Role, string> = { rep: 'Rep', marketer: 'Marketer', admin: 'Admin' };

export function UsersPanel({ users }: { users: Loaded<Users> & { reload(): void } }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const update = async (user: User, change: { role?: Role; disabled?: boolean }, done: string) => {
    try {
      await call('PATCH', `/users/${encodeURIComponent(user.id)}`, null, { body: change, what: `Changing ${user.name}` });
      setResult({ ok: true, message: done });
      users.reload();
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="card section" aria-labelledby="users-title" data-testid="admin-users">
      <h2 id="users-title">Users</h2>
      <AddUser onAdded={users.reload} />
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'text-good' : 'text-danger'} data-testid="users-result">
          {result.ok ? `✓ ${result.message}` : `Not changed: ${result.message}`}
        </p>
      )}
      <Load loaded={users} what="the users">
        {(data) => (
          <DataTable
            title={`${data.users.length} people`}
            testId="users-table"
            csvName="leadside-users"
            rows={data.users}
            rowKey={(user) => user.id}
            empty="No users yet: add the first one above."
            columns={[
              { header: 'Name', value: (user) => user.name },
              { header: 'E-mail', value: (user) => user.email },
              {
                header: 'Role',
                value: (user) => ROLE_LABELS[user.role],
                render: (user) => (
                  <select aria-label={`Role of ${user.name}`} value={user.role} onChange={(event) => void update(user, { role: event.target.value as Role }, `${user.name} is now ${ROLE_LABELS[event.target.value as Role]}.`)}>
                    {DashboardRoleSchema.options.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                ),
              },
              { header: 'Password', value: (user) => (user.hasPassword ? 'Set' : 'None') },
              { header: 'Last seen', value: (user) => (user.lastSeenAt ? formatDateTime(user.lastSeenAt) : 'Never') },
              {
                header: 'Status',
                value: (user) => (user.disabled ? 'Disabled' : 'Active'),
                render: (user) => (
                  <button
                    type="button"
                    className={`btn ${user.disabled ? '' : 'btn-danger'}`}
                    aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
                    onClick={() => void update(user, { disabled: !user.disabled }, `${user.name} is ${user.disabled ? 'enabled' : 'disabled: their tokens and sessions stop working'}.`)}
                  >
                    {user.disabled ? 'Enable' : 'Disable'}
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
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('rep');
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const checked = NewUserSchema.safeParse({ email: email.trim(), name: name.trim(), role });
    if (!checked.success) return setResult({ ok: false, message: checked.error.issues[0]?.path[0] === 'email' ? 'Enter a valid e-mail.' : 'Enter a name.' });
    try {
      await call('POST', '/users', null, { body: checked.data, what: 'Adding the user' });
      setResult({ ok: true, message: `${checked.data.name} added as ${ROLE_LABELS[role]}.${role === 'rep' ? ' Create a token below for their extension.' : ' Set their password with the set-password command.'}` });
      setEmail('');
      setName('');
      onAdded();
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <form className="row sub-form" onSubmit={add} aria-label="Add a user" data-testid="add-user">
      <label className="field">
        <span>Name</span>
        <input required value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span>E-mail</span>
        <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {DashboardRoleSchema.options.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary align-end">
        Add user
      </button>
      {result && (
        <span role={result.ok ? 'status' : 'alert'} className={`small ${result.ok ? 'text-good' : 'text-danger'}`}>
          {result.ok ? `✓ ${result.message}` : `Not added: ${result.message}`}
        </span>
      )}
    </form>
  );
}
