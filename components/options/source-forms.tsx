import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CRM_LABELS, CrmIdSchema } from '@/lib/schema/record';

/** The raw text of every field in the source forms, before validation. */
export type SourceDraft = Record<string, string>;

interface FieldProps {
  name: string;
  label: string;
  draft: SourceDraft;
  onChange(name: string, value: string): void;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'url' | 'number';
  placeholder?: string;
}

export function Field({ name, label, draft, onChange, hint, type = 'text', placeholder }: FieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        name={name}
        type={type}
        value={draft[name] ?? ''}
        placeholder={placeholder}
        autoComplete={type === 'password' ? 'off' : undefined}
        onChange={(event) => onChange(name, event.target.value)}
      />
      {hint && <span className="small muted">{hint}</span>}
    </label>
  );
}

/** A secret field: never shows the stored value, only that one is saved. */
export function SecretField(props: Omit<FieldProps, 'type'> & { saved: boolean }) {
  const { t } = useTranslation(['options', 'common']);
  return <Field {...props} type="password" placeholder={props.saved ? t('fields.secretSaved') : props.placeholder} />;
}

/**
 * Which Mautic custom fields hold what Mautic has no core field for, by alias (Mautic → Settings →
 * Custom Fields). Select and boolean fields are read by value and by label, so a channel stored as
 * `phone` or shown as "Phone call" / "Telefon" / "Appel" both count.
 */
export function MauticFieldMapping({ draft, onChange }: { draft: SourceDraft; onChange(name: string, value: string): void }) {
  const { t } = useTranslation(['options', 'common']);
  const example = (value: string) => t('fields.example', { value });
  return (
    <fieldset className="plain-fieldset" aria-label={t('fields.mauticMapping')} data-testid="mautic-mapping">
      <legend className="small muted">{t('fields.mauticMappingLegend')}</legend>
      <Field name="problem" label={t('fields.mauticProblem')} placeholder={example('message')} draft={draft} onChange={onChange} />
      <Field name="preferredChannel" label={t('fields.mauticChannel')} placeholder={example('preferred_channel')} draft={draft} onChange={onChange} />
      <Field name="bestTime" label={t('fields.mauticBestTime')} placeholder={example('best_time')} draft={draft} onChange={onChange} />
      <Field name="timeZone" label={t('fields.mauticTimeZone')} placeholder="timezone" draft={draft} onChange={onChange} />
      <Field name="crmIdField" label={t('fields.mauticCrmId')} placeholder={example('salesforce_id')} draft={draft} onChange={onChange} />
      <label className="field">
        <span>{t('fields.mauticCrm')}</span>
        <select name="crm" value={draft.crm || 'salesforce'} onChange={(event) => onChange('crm', event.target.value)}>
          {CrmIdSchema.options.map((crm) => (
            <option key={crm} value={crm} translate="no">
              {CRM_LABELS[crm]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
