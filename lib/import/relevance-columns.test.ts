import { describe, expect, it } from 'vitest';
import { readContentRow, readProfileRow } from './validate';

const cells = (values: Record<string, string>) => new Map(Object.entries(values));
const item = { id: 'price-2026-de', title: 'Preisliste 2026', type: 'datasheet', url: 'https://www.example.com/de/preise' };

describe('the ranking columns of content and profile files (issue 11)', () => {
  it('reads language, twins, buyer stages, audience, products, competitors and freshness of a content row', () => {
    const result = readContentRow(
      cells({
        ...item,
        language: 'de',
        translation_of: 'price-2026-en',
        buyer_stages: 'Decision;expansion',
        audience: 'prospect',
        products: 'Quote;Sign',
        competitors: 'Quotient',
        review_by: '2027-06-30',
        expires_at: '2026-12-31',
        replaced_by: 'price-2027-de',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        language: 'de',
        translationOf: 'price-2026-en',
        buyerStages: ['decision', 'expansion'],
        audience: 'prospect',
        products: ['Quote', 'Sign'],
        competitors: ['Quotient'],
        reviewBy: '2027-06-30',
        expiresAt: '2026-12-31',
        replacedBy: 'price-2027-de',
      },
    });
  });

  it('reads an old file without the new columns exactly as before', () => {
    const result = readContentRow(cells(item));
    expect(result.ok && Object.keys(result.value).sort()).toEqual(['id', 'industries', 'personas', 'stages', 'summary', 'title', 'topics', 'type', 'url']);
  });

  it('names the column and the accepted values when a buyer stage, audience or language is wrong', () => {
    const result = readContentRow(cells({ ...item, buyer_stages: 'purchase', audience: 'partners', language: 'German!' }));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.find((error) => error.column === 'buyer_stages')?.message).toMatch(/awareness, consideration, decision, expansion/);
    expect(errors.map((error) => error.column)).toEqual(expect.arrayContaining(['audience', 'language']));
  });

  it('reads a lead\'s language (also as hs_language-style tags), country, customer flag and products owned', () => {
    const result = readProfileRow(cells({ id: 'lead-1', language: 'pt-BR', country: 'BR', customer: 'yes', products_owned: 'Quote; Remind' }));
    expect(result).toMatchObject({ ok: true, value: { language: 'pt-BR', country: 'BR', customer: true, productsOwned: ['Quote', 'Remind'] } });
    const bad = readProfileRow(cells({ id: 'lead-2', language: 'Portuguese (Brazil)' }));
    expect(bad.ok ? [] : bad.errors.map((error) => error.column)).toEqual(['language']);
  });
});
