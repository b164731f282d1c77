import { useTranslation } from 'react-i18next';
import { SourcesPanel } from './admin/SourcesPanel';
import { TokensPanel } from './admin/TokensPanel';
import { UsersPanel } from './admin/UsersPanel';
import { PageHeader } from '../components/PageHeader';
import { UsersSchema } from '@/lib/schema/dashboard';
import { useApi } from '../hooks/use-api';

/** Admins only: where the team's marketing data comes from, who may sign in, and the reps' tokens. */
export function AdminPage() {
  // Users feed both panels: the tokens form picks whose token to make.
  const { t } = useTranslation('dashboard');
  const users = useApi('/users', UsersSchema, t('what.users'));
  return (
    <div className="stack">
      <PageHeader title={t('nav.admin')} testId="page-admin" />
      <SourcesPanel />
      <UsersPanel users={users} />
      <TokensPanel users={users} />
    </div>
  );
}
