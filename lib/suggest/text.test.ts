import { describe, expect, it } from 'vitest';
import { words } from './text';

describe('words', () => {
  it('drops the function words of every language written here, whatever the text', () => {
    expect(words('Die Angebote dauern zu lange, and our quotes are late')).toEqual(['angebote', 'dauern', 'lange', 'quotes', 'late']);
  });

  it('drops another language’s function words only from a text in that language', () => {
    expect(words('Nikt nie wie, kto zatwierdza faktury po terminie', ['pl'])).toEqual(['nikt', 'zatwierdza', 'faktury', 'terminie']);
    // "po" is a Polish preposition, and an English purchase order.
    expect(words('Invoices without a PO wait for weeks', ['en'])).toEqual(['invoices', 'po', 'wait', 'weeks']);
    expect(words('Niemand weet wie de facturen moet goedkeuren', ['nl'])).toEqual(['niemand', 'weet', 'facturen', 'goedkeuren']);
    // Spanish has both lists: "desde" and "hasta" carry no topic in a Spanish sentence.
    expect(words('Usamos Claimly desde hace un año, hasta ahora', ['es'])).toEqual(['usamos', 'claimly', 'hace', 'año', 'ahora']);
  });
});
