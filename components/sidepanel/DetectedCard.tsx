import { CRM_LABELS, type DetectedRecord } from '@/lib/schema/record';
import type { LeadProfile } from '@/lib/schema';

/** Who the CRM page shows: always visible, so the rep can tell a wrong match at a glance. */
export function DetectedCard({ record, profile }: { record: DetectedRecord; profile?: LeadProfile }) {
  const name = record.name ?? profile?.name;
  const email = record.email ?? profile?.email;
  const company = record.company ?? profile?.company;
  return (
    <section className="card detected" data-testid="detected" aria-label="Detected record">
      <div className="spread">
        <h1 data-testid="detected-name">{name ?? 'Name not shown on the page'}</h1>
        <span className="badge">{CRM_LABELS[record.crm]}</span>
      </div>
      {(profile?.title || company) && (
        <p className="muted">{[profile?.title, company].filter(Boolean).join(' · ')}</p>
      )}
      <dl className="facts small">
        <dt>Email</dt>
        <dd data-testid="detected-email">{email ?? <span className="muted">not shown on the page</span>}</dd>
        <dt>Record</dt>
        <dd data-testid="detected-record-id">
          {record.objectType} {record.recordId}
        </dd>
      </dl>
    </section>
  );
}
