import { describe, expect, it } from 'vitest';
import { notFoundMessage, reconnectTarget, sourceAnchor } from './source-messages';

describe('messages that name the system asked', () => {
  it.each([
    [['HubSpot'], 'mo@brightwave.example', 'No HubSpot contact for mo@brightwave.example.'],
    [['Mautic'], undefined, 'Not in Mautic.'],
    [['HubSpot', 'Mautic'], 'mo@brightwave.example', 'Neither HubSpot nor Mautic has a contact for mo@brightwave.example.'],
    [['HubSpot', 'Mautic'], undefined, 'Not in HubSpot or Mautic.'],
    [['Demo data'], 'mo@brightwave.example', 'mo@brightwave.example is not in the demo data.'],
    [[], undefined, 'Marketing has no record of this person.'],
  ])('%j, %s → %s', (systems, email, expected) => {
    expect(notFoundMessage(systems, email)).toBe(expected);
  });

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
