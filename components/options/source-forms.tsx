import type { ReactNode } from 'react';
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
  return <Field {...props} type="password" placeholder={props.saved ? '•••••••• saved; type to replace' : props.placeholder} />;
}

/**
 * Which Mautic custom fields hold what Mautic has no core field for, by alias (Mautic → Settings →
 * Custom Fields). Select and boolean fields are read by value and by label, so a channel stored as
 * `phone` or shown as "Phone call" / "Telefon" / "Appel" both count.
 */
export function MauticFieldMapping({ draft, onChange }: { draft: SourceDraft; onChange(name: string, value: string): void }) {
  return (
    <fieldset className="plain-fieldset" aria-label="Mautic field mapping" data-testid="mautic-mapping">
      <legend className="small muted">Custom fields (aliases; leave empty when you have none)</legend>
      <Field name="problem" label="Field with the problem they stated" placeholder="e.g. message" draft={draft} onChange={onChange} />
      <Field name="preferredChannel" label="Field with their preferred channel" placeholder="e.g. preferred_channel" draft={draft} onChange={onChange} />
      <Field name="bestTime" label="Field with their best time to call" placeholder="e.g. best_time" draft={draft} onChange={onChange} />
      <Field name="timeZone" label="Time zone field" placeholder="timezone" draft={draft} onChange={onChange} />
      <Field name="crmIdField" label="Field with the CRM record id" placeholder="e.g. salesforce_id" draft={draft} onChange={onChange} />
      <label className="field">
        <span>CRM that id belongs to</span>
        <select name="crm" value={draft.crm || 'salesforce'} onChange={(event) => onChange('crm', event.target.value)}>
          {CrmIdSchema.options.map((crm) => (
            <option key={crm} value={crm}>
              {CRM_LABELS[crm]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
