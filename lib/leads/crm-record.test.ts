import { describe, expect, it } from 'vitest';
import { isTiedToRecord } from './crm-record';

describe('isTiedToRecord', () => {
  it('holds for the record id the profile carries for that CRM', () => {
    expect(isTiedToRecord({ crmIds: { hubspot: '51001' } }, { crm: 'hubspot', recordId: '51001' })).toBe(true);
    expect(isTiedToRecord({ crmIds: { dynamics: 'A1B2C3D4-0000-4000-8000-000000000001' } }, { crm: 'dynamics', recordId: 'a1b2c3d4-0000-4000-8000-000000000001' })).toBe(true);
  });

  it('takes a Salesforce id in either of its forms, and minds its case', () => {
    expect(isTiedToRecord({ crmIds: { salesforce: '00Q8d00000XyZ1aEAF' } }, { crm: 'salesforce', recordId: '00Q8d00000XyZ1a' })).toBe(true);
    expect(isTiedToRecord({ crmIds: { salesforce: '00Q8d00000XyZ1a' } }, { crm: 'salesforce', recordId: '00Q8d00000xyz1a' })).toBe(false);
  });

  it('does not hold for another CRM, another record, or no id at all', () => {
    expect(isTiedToRecord({ crmIds: { salesforce: '51001' } }, { crm: 'hubspot', recordId: '51001' })).toBe(false);
    expect(isTiedToRecord({ crmIds: { hubspot: '51001' } }, { crm: 'hubspot', recordId: '51002' })).toBe(false);
    expect(isTiedToRecord({ crmIds: {} }, { crm: 'hubspot', recordId: '51001' })).toBe(false);
    expect(isTiedToRecord({ crmIds: { hubspot: ' ' } }, { crm: 'hubspot', recordId: ' ' })).toBe(false);
  });
});
