import { CRM_LABELS, type DetectedRecord } from '@/lib/schema/record';
import type { LeadProfile } from '@/lib/schema';
import { usePanelWords } from './use-panel-words';

/** Who the CRM page shows: always visible, so the rep can tell a wrong match at a glance. */
export function DetectedCard({ record, profile }: { record: DetectedRecord; profile?: LeadProfile }) {
  const { t } = usePanelWords();
  const name = record.name ?? profile?.name;
  const email = record.email ?? profile?.email;
  const company = record.company ?? profile?.company;
  return (
    <section className="card detected" data-testid="detected" aria-label={t('detected.label')}>
      <div className="spread">
        <h1 data-testid="detected-name" translate={name ? 'no' : undefined}>
          {name ?? t('detected.nameUnknown')}
        </h1>
        <span className="badge" translate="no">
          {CRM_LABELS[record.crm]}
        </span>
      </div>
      {(profile?.title || company) && (
        <p className="muted" translate="no">
          {[profile?.title, company].filter(Boolean).join(' · ')}
        </p>
      )}
      <dl className="facts small">
        <dt>{t('detected.email')}</dt>
        <dd data-testid="detected-email" translate={email ? 'no' : undefined}>
          {email ?? <span className="muted">{t('detected.emailUnknown')}</span>}
        </dd>
        <dt>{t('detected.record')}</dt>
        <dd data-testid="detected-record-id" translate="no">
          {record.objectType} {record.recordId}
        </dd>
      </dl>
    </section>
  );
}
