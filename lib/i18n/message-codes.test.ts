import { describe, expect, it } from 'vitest';
import { CONNECTOR_CODES } from '@/lib/connectors/message-codes';
import { STORAGE_CODES } from '@/lib/store/storage-errors';
import { IMPORT_CODES } from '@/lib/import/message-codes';
import { SERVER_ERROR_CODES } from '@/lib/schema/server-error-codes';
import { MESSAGE_CODE } from '@/lib/schema/coded-text';
import { createI18n } from './create';
import { LOCALES, PSEUDO_LOCALE } from './locales';
import { RESOURCES } from './resources';

/**
 * Every code shared code, the worker or the team server emits, with the parameters it gives. A code
 * here without a sentence in some locale, or a sentence using a parameter its code never gives,
 * fails: the page would otherwise show the English fallback, or a raw {{placeholder}}.
 */
const CATALOGUES: Record<string, Record<string, readonly string[]>> = {
  connectors: CONNECTOR_CODES,
  storage: STORAGE_CODES,
  import: IMPORT_CODES,
  server: SERVER_ERROR_CODES,
};

/** The message tree's node at a dotted code ("source.timeout"), with its plural forms as siblings. */
function entriesFor(tree: unknown, code: string): Map<string, string> {
  const parts = code.split('.');
  const last = parts.pop()!;
  let node: unknown = tree;
  for (const part of parts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  const found = new Map<string, string>();
  if (!node || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if ((key === last || key.startsWith(`${last}_`)) && typeof value === 'string') found.set(key, value);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1]!);

describe('coded messages have words in every locale', () => {
  for (const [catalogue, codes] of Object.entries(CATALOGUES)) {
    for (const [code, params] of Object.entries(codes)) {
      it(`${catalogue}: ${code}`, () => {
        expect(code).toMatch(MESSAGE_CODE);
        const plural = params.includes('count');
        for (const locale of LOCALES) {
          const entries = entriesFor(RESOURCES[locale].messages, code);
          const needed = plural ? new Intl.PluralRules(locale).resolvedOptions().pluralCategories.map((category) => `${code.split('.').pop()}_${category}`) : [code.split('.').pop()!];
          expect([...entries.keys()].sort(), `${locale}: messages:${code}`).toEqual(expect.arrayContaining(needed.sort()));
          for (const [key, text] of entries) {
            const unknown = placeholders(text).filter((name) => name !== 'cause' && !params.includes(name));
            expect(unknown, `${locale}: messages:${code} (${key}) uses a parameter the code does not give`).toEqual([]);
          }
        }
      });
    }
  }

  it('words a code with its parameters and cause through i18next, in the chosen language', () => {
    const t = createI18n('de').t as unknown as (key: string, options: object) => string;
    expect(t('messages:source.timeout', { system: 'HubSpot', count: 8 })).toBe('HubSpot hat nicht innerhalb von 8 Sekunden geantwortet.');
    expect(t('messages:source.timeout', { system: 'HubSpot', count: 1 })).toBe('HubSpot hat nicht innerhalb von 1 Sekunde geantwortet.');
    const pseudo = (createI18n(PSEUDO_LOCALE).t as unknown as (key: string, options: object) => string)('messages:source.unauthorized', { system: 'HubSpot', status: 401 });
    expect(pseudo).toMatch(/^⟦.*HubSpot.*401.*⟧$/);
  });
});
