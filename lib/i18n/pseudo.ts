/**
 * Pseudo-localisation: every letter swapped for an accented look-alike, the text ~40% longer and
 * bracketed, so untranslated strings stand out in a screenshot and layouts are tried with the longer
 * words German or French need. Placeholders ({{name}}) and tags (<1>…</1>) pass through unchanged,
 * since i18next and react-i18next must still find them.
 */
const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
/** Kept verbatim: {{placeholders}}, $t(nesting), <tags>. */
const VERBATIM = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\w+\s*\/?>)/;

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudoLocalize(text: string): string {
  const accented = text
    .split(VERBATIM)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter)))
    .join('');
  const letters = text.replace(VERBATIM, '').replace(/[^A-Za-z]/g, '').length;
  return `${PSEUDO_OPEN}${accented}${'·'.repeat(Math.ceil(letters * 0.4))}${PSEUDO_CLOSE}`;
}

/** The same tree of messages with every string pseudo-localised. */
export function pseudoLocalizeTree<T>(tree: T): T {
  if (typeof tree === 'string') return pseudoLocalize(tree) as T;
  if (Array.isArray(tree)) return tree.map(pseudoLocalizeTree) as T;
  if (tree && typeof tree === 'object') {
    return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, pseudoLocalizeTree(value)])) as T;
  }
  return tree;
}
