/**
 * A date, time, number or duration as `Intl` formatted it in the UI locale. Exempt from the
 * pseudo-locale check: the pseudo-locale has no `Intl` data of its own and formats as English, and
 * these words are Intl's, never a string of ours. A `dateTime` makes it a <time> element.
 */
export function Formatted({ text, dateTime, title, className }: { text: string; dateTime?: string; title?: string; className?: string }) {
  return dateTime ? (
    <time dateTime={dateTime} title={title} className={className} data-pseudo-exempt="">
      {text}
    </time>
  ) : (
    <span title={title} className={className} data-pseudo-exempt="">
      {text}
    </span>
  );
}
