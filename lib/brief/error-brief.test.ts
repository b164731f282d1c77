import { describe, expect, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors/types';
import type { DetectedRecord } from '@/lib/schema/record';
import { errorBrief } from './error-brief';

const record = { crm: 'salesforce', objectType: 'lead', recordId: '00Q8d00000XyZ1aEAF', email: 'mo@brightwave.example', url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q8d00000XyZ1aEAF/view' } as unknown as DetectedRecord;

describe('errorBrief', () => {
  it('offers to reconnect the source that refused the token', () => {
    const brief = errorBrief(record, new ConnectorError('auth', 'HubSpot answered 401: Authentication credentials not found.', undefined, 'HubSpot'), { kind: 'hubspot', label: 'HubSpot' });
    expect(brief).toMatchObject({ state: 'error', errorKind: 'auth', reconnect: { source: 'hubspot', label: 'HubSpot' } });
  });

  it('names Mautic when Mautic refused, even beside HubSpot', () => {
    const brief = errorBrief(record, new ConnectorError('auth', 'Mautic answered 401: API authorization denied.', undefined, 'Mautic'), { kind: 'hubspot', label: 'HubSpot and Mautic' });
    expect(brief.reconnect).toEqual({ source: 'mautic', label: 'Mautic' });
  });

  it('carries a rate limit’s wait, and offers no reconnect for what is not about credentials', () => {
    const brief = errorBrief(record, new ConnectorError('rate-limited', 'HubSpot answered 429', 10_000, 'HubSpot'), { kind: 'hubspot', label: 'HubSpot' });
    expect(brief).toMatchObject({ errorKind: 'rate-limited', retryAfterMs: 10_000 });
    expect(brief.reconnect).toBeUndefined();
    expect(errorBrief(record, new Error('boom'))).toEqual({ state: 'error', record, error: 'boom', errorCoded: { code: 'source.unexpected', detail: 'boom' } });
  });
});
