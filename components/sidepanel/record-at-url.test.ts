import { describe, expect, it } from 'vitest';
import { recordAtUrl } from './record-at-url';

describe('the record a tab URL names, for the side panel', () => {
  it("is the content script's record on a built-in CRM's host", () => {
    const href = 'https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view';
    expect(recordAtUrl(href)).toMatchObject({ crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF', url: href });
  });

  it('is nothing for the same path on a host no content script runs on, a list page or a malformed URL', () => {
    expect(recordAtUrl('https://evil.example/lightning/r/Lead/00Q8d00000XyZ1aEAF/view')).toBeNull();
    expect(recordAtUrl('https://acme.lightning.force.com/lightning/o/Lead/list')).toBeNull();
    expect(recordAtUrl('not a url')).toBeNull();
  });
});
