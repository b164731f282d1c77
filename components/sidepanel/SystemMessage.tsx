/**
 * A message as the worker or a marketing system worded it (a connector's error, a vendor's answer):
 * shown verbatim after the panel's own translated lead-in, since it names hosts, status codes and the
 * vendor's words that support needs as they are. Exempt from the pseudo-locale check for that reason;
 * browser translation may still translate it.
 */
export function SystemMessage({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <span data-pseudo-exempt="" data-testid="system-message">
      {text}
    </span>
  );
}
