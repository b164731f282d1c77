import { describe, expect, it } from 'vitest';
import { withoutTracking } from './tracking-params';
import { intentKindOf } from './visits';

describe('withoutTracking', () => {
  it('drops utm tags, click ids and e-mail tracking tokens, and keeps the page’s own parameters and fragment', () => {
    expect(withoutTracking('https://acme.example/guide?id=42&utm_source=linkedin&utm_campaign=q4&gclid=abc&_hsenc=p2&_hsmi=9&mkt_tok=x#step-2')).toBe(
      'https://acme.example/guide?id=42#step-2',
    );
    expect(withoutTracking('https://acme.example/?fbclid=1&msclkid=2&hsa_cam=3&mc_cid=4')).toBe('https://acme.example/');
  });

  it('leaves an address with no tracking, or none it can read, exactly as it was', () => {
    for (const url of ['https://acme.example/p?a=b%20c+d', '/relative?utm_source=x', 'not a url']) expect(withoutTracking(url)).toBe(url);
  });
});

describe('a page’s buying signal', () => {
  it('comes from the page, never from the campaign that led to it', () => {
    expect(intentKindOf({ title: 'Ten lessons from our migration', url: 'https://acme.example/blog/lessons?utm_campaign=pricing-push&utm_content=demo-cta' })).toBeUndefined();
    expect(intentKindOf({ title: 'Plans', url: 'https://acme.example/pricing?utm_campaign=spring' })).toBe('pricing');
  });
});
