import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createI18n } from './create';
import { LOCALES, PSEUDO_LOCALE, pickLocale } from './locales';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalize } from './pseudo';
import { EN, NAMESPACES, RESOURCES } from './resources';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** "a.b.c" → text, for every string in a tree of messages. */
function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) {
      for (const [path, text] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
    }
  }
  return out;
}

/** The placeholders and tags a translation must keep, whatever its word order. */
const slots = (text: string) => [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}|<\/?(\w+)\s*\/?>|\$t\(([^)]*)\)/g)].map((match) => match[0].replace(/\s+/g, '')).sort();

/** Plain keys, and for plural keys the base with the categories English uses. */
function expectedKeys(locale: string, english: Map<string, string>): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL.test(key)) for (const category of categories) keys.add(key.replace(PLURAL, `_${category}`));
    else keys.add(key);
  }
  return [...keys].sort();
}

describe('UI messages', () => {
  for (const namespace of NAMESPACES) {
    const english = flatten(EN[namespace]);
    for (const locale of LOCALES.filter((code) => code !== 'en')) {
      const translated = flatten(RESOURCES[locale][namespace]);
      it(`${locale}/${namespace} has every key English has, each plural form its language needs, and no other`, () => {
        expect([...translated.keys()].sort()).toEqual(expectedKeys(locale, english));
      });
      it(`${locale}/${namespace} keeps every placeholder and tag of the English, and translates`, () => {
        for (const [key, text] of translated) {
          const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
          expect(slots(text), `${locale}/${namespace}:${key}`).toEqual(slots(source ?? ''));
          expect(text.trim(), `${locale}/${namespace}:${key} is empty`).not.toBe('');
        }
      });
    }
  }

  it('has the plural forms English needs wherever a key is plural', () => {
    for (const namespace of NAMESPACES) {
      const keys = [...flatten(EN[namespace]).keys()];
      for (const key of keys.filter((name) => PLURAL.test(name))) {
        expect(keys, `${namespace}:${key}`).toEqual(expect.arrayContaining([key.replace(PLURAL, '_one'), key.replace(PLURAL, '_other')]));
      }
    }
  });
});

describe('createI18n', () => {
  it('answers in the chosen language at once, with placeholders filled', () => {
    expect(createI18n('de').t('notSaved', { error: 'x' })).toBe('Nicht gespeichert: x');
    expect(createI18n('fr').t('common:save')).toBe('Enregistrer');
  });

  it('pseudo-localises every English message, keeping its placeholders', () => {
    const text = createI18n(PSEUDO_LOCALE).t('notSaved', { error: 'disk full' });
    expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(text).toContain('disk full');
    expect(text).not.toContain('Not saved');
  });
});

describe('pseudoLocalize', () => {
  it('keeps placeholders and tags byte for byte and leaves no plain ASCII letter outside them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('{{count}}', '{{name, number}}', '<1>', '</1>', '<br/>'))), (parts) => {
        const source = parts.join(' ');
        const out = pseudoLocalize(source);
        expect(slots(out)).toEqual(slots(source));
        const outside = out.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\w+\s*\/?>/g, '');
        expect(outside).not.toMatch(/[A-Za-z]/);
      }),
    );
  });
});

describe('pickLocale', () => {
  it('takes the override, else the first browser language shipped, else English', () => {
    expect(pickLocale('fr', ['de-DE'])).toBe('fr');
    expect(pickLocale('auto', ['it-IT', 'pt-BR', 'de'])).toBe('pt');
    expect(pickLocale(undefined, ['de_AT'])).toBe('de');
    expect(pickLocale('auto', ['ja', 'zh-CN'])).toBe('en');
    expect(pickLocale(PSEUDO_LOCALE, ['de'])).toBe(PSEUDO_LOCALE);
  });
});
