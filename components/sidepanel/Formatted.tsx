/**
 * A date, time, number or duration as `Intl` formatted it in the UI locale, marked `data-intl`: the
 * pseudo-locale check passes it over, since the pseudo-locale has no `Intl` data of its own and
 * formats as English, and these words are Intl's, never a string of ours. Nothing else is passed
 * over but lead data (translate="no"). A `dateTime` makes it a <time> element.
 */
export function Formatted({ text, dateTime, title, className }: { text: string; dateTime?: string; title?: string; className?: string }) {
  return dateTime ? (
    <time dateTime={dateTime} title={title} className={className} data-intl="">
      {text}
    </time>
  ) : (
    <span title={title} className={className} data-intl="">
      {text}
    </span>
  );
}
