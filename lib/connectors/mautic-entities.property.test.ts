import fc from 'fast-check';
import { encodeHTML, escapeUTF8 } from 'entities';
import { describe, expect, it } from 'vitest';
import { decodeEntitiesDeep } from './mautic-api';
import { decodeEntities } from './vendor-text';

/*
 * Mautic's strings arrive HTML-encoded (htmlspecialchars: &amp; &#39; &quot; &lt; &gt;, and named or
 * numeric entities from its editors). Decoding must undo exactly that and leave any other text alone.
 */

const RUNS = 300;
/** Text as people type it, including the characters Mautic encodes, accents and emoji. */
const text = fc.string({ unit: fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", ';', '#', 'é', 'ß', '€', '😀', ' '), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })), maxLength: 60 });

describe('decoding Mautic text', () => {
  it('is the identity on text without an ampersand', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }).filter((value) => !value.includes('&')), (plain) => {
        expect(decodeEntities(plain)).toBe(plain);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives back what was encoded, whichever way Mautic encoded it', () => {
    fc.assert(
      // A lead who typed an entity itself ("&lt;") gets the character: what a value Mautic encoded
      // twice needs (below) costs that rare text its literal form.
      fc.property(text.filter((original) => !/&(?:#\w+|[a-z]\w*);/i.test(original)), (original) => {
        expect(decodeEntities(escapeUTF8(original))).toBe(original); // htmlspecialchars-style
        expect(decodeEntities(encodeHTML(original))).toBe(original); // every named entity
      }),
      { numRuns: RUNS },
    );
  });

  it('never leaves the encoded form of what the text had', () => {
    fc.assert(
      fc.property(text.filter((original) => /[&<>"']/.test(original)), (original) => {
        const encoded = escapeUTF8(original);
        const decoded = decodeEntities(encoded);
        expect(decoded).not.toContain(encoded);
        // Every special character came back as itself, not as its entity.
        for (const entity of ['&lt;', '&gt;', '&quot;', '&apos;', '&#39;']) if (!original.includes(entity)) expect(decoded).not.toContain(entity);
      }),
      { numRuns: RUNS },
    );
  });

  it('decodes a value Mautic encoded twice (saved again through its API), and no more than twice', () => {
    expect(decodeEntities('Niamh O&amp;#039;Neill')).toBe("Niamh O'Neill");
    expect(decodeEntities('R&amp;amp;D')).toBe('R&D');
    expect(decodeEntities('R&amp;amp;amp;D')).toBe('R&amp;D');
  });

  it("leaves an ampersand that starts no entity as it is (a URL's &para=2, a lead's R&D)", () => {
    expect(decodeEntities('https://acme.example/?a=1&para=2&copy=3')).toBe('https://acme.example/?a=1&para=2&copy=3');
    expect(decodeEntities('R&D costs & timelines')).toBe('R&D costs & timelines');
  });

  it('decodes every string of an answer and keeps its shape, keys and other values', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text.map(escapeUTF8), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
    })).value;
    const undo = (value: unknown): unknown =>
      typeof value === 'string'
        ? decodeEntities(value)
        : Array.isArray(value)
          ? value.map(undo)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, undo(item)]))
            : value;
    fc.assert(
      fc.property(json, (answer) => {
        const decoded = decodeEntitiesDeep(answer);
        expect(decoded).toEqual(undo(answer));
        if (answer && typeof answer === 'object' && !Array.isArray(answer)) expect(Object.keys(decoded as object)).toEqual(Object.keys(answer));
      }),
      { numRuns: RUNS },
    );
  });
});
