import { describe, expect, it } from 'vitest';
import { crmIdForms, isTiedToRecord, sameCrmId } from './crm-record';

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

describe('crmIdForms and sameCrmId', () => {
  it('ask for a GUID bare and in braces, in either case, and take any of them as the record', () => {
    const forms = crmIdForms('dynamics', '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}');
    expect(forms[0]).toBe('{3F2504E0-4F89-11D3-9A0C-0305E82C3301}');
    expect(forms).toEqual(expect.arrayContaining(['3f2504e0-4f89-11d3-9a0c-0305e82c3301', '3F2504E0-4F89-11D3-9A0C-0305E82C3301', '{3f2504e0-4f89-11d3-9a0c-0305e82c3301}']));
    expect(sameCrmId('dynamics', '3f2504e0-4f89-11d3-9a0c-0305e82c3301', '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}')).toBe(true);
    expect(sameCrmId('dynamics', '3f2504e0-4f89-11d3-9a0c-0305e82c3302', '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}')).toBe(false);
  });

  it('leave other ids as they are, and Salesforce ids to their own rules', () => {
    expect(crmIdForms('pipedrive', '4410')).toEqual(['4410']);
    expect(sameCrmId('pipedrive', '14410', '4410')).toBe(false);
    expect(crmIdForms('salesforce', '00Q8d00000XyZ1a')).toEqual(['00Q8d00000XyZ1a', '00Q8d00000XyZ1aEAF']);
  });
});
