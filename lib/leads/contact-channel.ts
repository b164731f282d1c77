import type { ContactChannel } from '@/lib/schema/lead';

/**
 * How people name a way to reach them, in the languages marketing forms are written in (English,
 * German, French, Spanish, Portuguese, Italian, Dutch). Matched on lower-case text without accents,
 * first match wins: video before phone ("Appel vidéo" is a video call), text before phone.
 */
const CHANNEL_WORDS: ReadonlyArray<readonly [ContactChannel, RegExp]> = [
  ['linkedin', /linked\s?in/],
  ['video_call', /video|zoom|\bteams\b|\bmeet\b|\bvisio|webex|\bfacetime\b/],
  ['sms', /\bsms\b|\btext(o|nachricht|e)?\b|whats\s?app|\bmensa(je|gem|ggio)\b|\bsignal\b|\bimessage\b/],
  [
    'phone',
    /phone|\bcall\b|\bcalls\b|\btel\b|telefon|telefone|telefono|anruf|ruckruf|\bappel|\bllamada|ligacao|\bchiamata|\bbellen\b|mobile|\bmobil\b|\bhandy\b|\bcelular\b|\bmovil\b|\bcellulare\b/,
  ],
  ['email', /e-?mail|courriel|correo|\bmail\b|posta elettronica/],
];

/**
 * A way the lead asked not to be reached, up to the next separator ("Please don't call me", "no_call",
 * "Bitte nicht anrufen", "Pas d'appel", "No llamar", "Não ligar", "Phone, not e-mail"): what it names
 * is no channel they prefer.
 */
const REFUSED = /\b(?:no|not|never|don'?t|nicht|nie|kein\w*|pas|sans|nunca|nao|non|niet|geen|nooit)\b[^,;/|.]*/g;

/** Lower case without accents ("Ligação" → "ligacao", "Téléphone" → "telephone"), typographic apostrophes plain. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[\u2018\u2019]/g, "'").toLowerCase().trim();
}

/** The channel one text names, or undefined. Multi-choice values ("phone|email", "a; b") name their first. */
export function channelFromWords(text: string | undefined): ContactChannel | undefined {
  const first = text?.split(/[|;]/)[0];
  if (!first?.trim()) return undefined;
  const words = plain(first)
    .replace(/[_-]+/g, (dash) => (dash === '-' ? '-' : ' '))
    .replace(REFUSED, ' ');
  return CHANNEL_WORDS.find(([, pattern]) => pattern.test(words))?.[0];
}

/**
 * A preferred channel from a field's stored value and the label shown for it (select options: value
 * `phone`, label "Phone call"; value `2`, label "Telefon"): the value when it names a channel, else
 * the label.
 */
export function preferredChannelOf(value: string | undefined, label?: string): ContactChannel | undefined {
  return channelFromWords(value) ?? channelFromWords(label);
}
