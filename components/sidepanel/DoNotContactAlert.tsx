import type { ContactPreferences } from '@/lib/schema';

/** Do-not-call / do-not-email: the first thing under the name, never buried in a section. */
export function DoNotContactAlert({ contact }: { contact: ContactPreferences }) {
  const rules = [contact.doNotCall && 'Do not call', contact.doNotEmail && 'Do not email'].filter(Boolean);
  if (rules.length === 0) return null;
  return (
    <div className="notice notice-danger dnc" role="alert" data-testid="do-not-contact">
      <strong>{rules.join(' · ')}</strong>
      <span className="small"> — the lead asked marketing not to be contacted this way.</span>
    </div>
  );
}
