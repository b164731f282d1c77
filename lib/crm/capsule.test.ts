/** Capsule's one party page: whether it shows a person or an organisation is the page's to say (capsule.ts). */
import { describe, expect, it } from 'vitest';
import { capsule } from './capsule';
import { readRecordPage } from './read-page';

const match = capsule.matchUrl(new URL('https://acme.capsulecrm.com/party/245600310'))!;

describe('Capsule party page', () => {
  it('is an organisation where a "People" list shows other parties, whatever its class names', () => {
    document.body.innerHTML = `<div class="_k2c2"><h1 class="_k2c4">Tideway Rowing Supplies Ltd</h1>
      <dl><dt>Email Address</dt><dd><a href="mailto:hello@tideway.example">hello@tideway.example</a></dd></dl>
      <section class="_k3a1"><h2 class="_k3a2">People (2)</h2><ul><li><a href="/party/245600311">Harriet Osei</a> <span>harriet@tideway.example</span></li></ul></section></div>`;
    expect(readRecordPage(capsule, document, match)).toEqual({ crm: 'capsule', type: 'organisation', id: '245600310', email: undefined, name: undefined });
  });
});
