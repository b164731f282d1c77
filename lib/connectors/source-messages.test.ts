import { describe, expect, it } from 'vitest';
import { reconnectTarget, sourceAnchor } from './source-messages';

describe('messages that name the system asked', () => {
  it('reconnects the system the error names, else the main source; never a source without credentials', () => {
    expect(reconnectTarget('Mautic', { kind: 'hubspot', label: 'HubSpot' })).toEqual({ source: 'mautic', label: 'Mautic' });
    expect(reconnectTarget('Mautic (mautic.brightwave.example)', { kind: 'mautic', label: 'Mautic' })).toEqual({ source: 'mautic', label: 'Mautic' });
    expect(reconnectTarget(undefined, { kind: 'hubspot', label: 'HubSpot' })).toEqual({ source: 'hubspot', label: 'HubSpot' });
    expect(reconnectTarget('Acme gateway', { kind: 'rest', label: 'Acme gateway' })).toEqual({ source: 'rest', label: 'Acme gateway' });
    expect(reconnectTarget(undefined, { kind: 'demo', label: 'Demo data' })).toBeUndefined();
    expect(reconnectTarget('Some other system', { kind: 'hubspot', label: 'HubSpot' })).toBeUndefined();
    expect(sourceAnchor('hubspot')).toBe('source-hubspot');
  });
});
