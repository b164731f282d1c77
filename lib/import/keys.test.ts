import { describe, expect, it } from 'vitest';
import { crmKey, profileLookupKeys } from './keys';

const GUID = '4e2b9c1d-7a3f-4e8b-9c2d-1f0a6b5e4d3c';

describe('crmKey', () => {
  it('keys a GUID bare and lower case, whatever its braces and case, as the Dynamics page reports it', () => {
    for (const form of [GUID, GUID.toUpperCase(), `{${GUID}}`, `{${GUID.toUpperCase()}}`, '4E2B9c1d-7A3F-4e8b-9C2D-1f0a6B5E4D3C']) {
      expect(crmKey('dynamics', form)).toBe(`crm:dynamics:${GUID}`);
    }
    // For every CRM: a UUID's case never matters (RFC 4122).
    expect(crmKey('custom', `{${GUID.toUpperCase()}}`)).toBe(`crm:custom:${GUID}`);
  });

  it('keeps Salesforce ids at their first 15 characters and other ids as they are', () => {
    expect(crmKey('salesforce', '00Q8d00000XyZ1aEAF')).toBe('crm:salesforce:00Q8d00000XyZ1a');
    expect(crmKey('salesforce', '00Q8d00000XyZ1a')).toBe('crm:salesforce:00Q8d00000XyZ1a');
    expect(crmKey('hubspot', '51001')).toBe('crm:hubspot:51001');
    expect(crmKey('close', 'lead_AbC')).toBe('crm:close:lead_AbC');
    // Not a GUID (a digit short, stray text): as given.
    expect(crmKey('dynamics', '{4E2B9C1D-7A3F-4E8B-9C2D-1F0A6B5E4D3}')).toBe('crm:dynamics:{4E2B9C1D-7A3F-4E8B-9C2D-1F0A6B5E4D3}');
    expect(crmKey('dynamics', `id ${GUID}`)).toBe(`crm:dynamics:id ${GUID}`);
  });

  it('gives a profile the canonical keys', () => {
    expect(profileLookupKeys({ crmIds: { dynamics: `{${GUID.toUpperCase()}}` }, email: 'Jane@Example.com' })).toEqual([`crm:dynamics:${GUID}`, 'email:jane@example.com']);
  });
});
