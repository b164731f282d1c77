import { describe, expect, it } from 'vitest';
import { salesforceIdForms } from './salesforce-id';

describe('salesforceIdForms', () => {
  it('gives a 15-character id its 18-character form, as the API gives it', () => {
    // Worked out by hand: the capitals of 00Q8d (Q, the third: bit 2 → E), 00000 (none → A) and XyZ1a (X and Z: bits 0 and 2 → F).
    expect(salesforceIdForms('00Q8d00000XyZ1a')).toEqual(['00Q8d00000XyZ1a', '00Q8d00000XyZ1aEAF']);
    expect(salesforceIdForms('0035g00000bQk7L')).toEqual(['0035g00000bQk7L', '0035g00000bQk7LAAS']);
  });

  it('gives an 18-character id its first 15, and leaves what is no Salesforce id alone', () => {
    expect(salesforceIdForms('00Q8d00000XyZ1aEAF')).toEqual(['00Q8d00000XyZ1aEAF', '00Q8d00000XyZ1a']);
    expect(salesforceIdForms('lead_abc')).toEqual(['lead_abc']);
  });
});
