import type { ReactNode } from 'react';

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
