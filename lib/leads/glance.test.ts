import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n/create';
import { GLANCE_LIMITS } from '@/lib/schema/glance';
import type { DetectedRecord } from '@/lib/schema/record';
import { leadProfile } from '@/test/support/lead-profile';
import { glanceFor } from './glance';

const RECORD: DetectedRecord = { crm: 'hubspot', objectType: 'contact', recordId: '51', url: 'https://app.hubspot.com/contacts/1/record/0-1/51' };
const look = { i18n: createI18n('en'), theme: 'system' as const };

describe('the glance the worker sends to the pill', () => {
  it('says who, how they found us and the signal, in the rep’s language', () => {
    const glance = glanceFor({ ...RECORD, name: 'Priya Raman' }, leadProfile({ source: { channel: 'event', utm: {} }, contact: { doNotCall: true, doNotEmail: false } }), look);
    expect(glance).toMatchObject({ name: 'Priya Raman', signal: 'Do not call', words: { open: 'Open brief' } });
    expect(glance.source).toBeTruthy();
  });

  it('says "do not text" when texts are the one stop, and a call or e-mail stop before it', () => {
    const signal = (contact: { doNotCall: boolean; doNotEmail: boolean; doNotText?: boolean }) => glanceFor(RECORD, leadProfile({ contact }), look).signal;
    expect(signal({ doNotCall: false, doNotEmail: false, doNotText: true })).toBe('Do not text');
    expect(signal({ doNotCall: false, doNotEmail: true, doNotText: true })).toBe('Do not email');
    expect(createI18n('de').getFixedT(null, 'pill')('doNotText')).toBe('Keine SMS senden');
  });

  it('clips a marketing system’s long texts to the glance’s limits instead of losing the pill', () => {
    // A profile's name and a high-intent label may be 500 characters (the lead's own limits); the pill's are shorter.
    const longName = `Ana ${'de la Fuente '.repeat(40)}`.trim();
    const longLabel = `Visited pricing ${'and the security page '.repeat(20)}😀`;
    const profile = leadProfile({ name: longName, highIntent: [{ label: longLabel, at: '2026-12-01T10:00:00.000Z' }] });
    const glance = glanceFor(RECORD, profile, look);
    expect([...glance.name]).toHaveLength(GLANCE_LIMITS.name);
    expect(glance.name.startsWith('Ana de la Fuente')).toBe(true);
    expect(glance.name.endsWith('…')).toBe(true);
    expect([...glance.signal!].length).toBeLessThanOrEqual(GLANCE_LIMITS.signal);
    expect(glance.signal!.endsWith('…')).toBe(true);
  });

  it('keeps a text that fits as it is, a character outside the BMP whole', () => {
    const name = `${'x'.repeat(GLANCE_LIMITS.name - 1)}😀`;
    expect(glanceFor({ ...RECORD, name }, leadProfile(), look).name).toBe(name);
    const cut = glanceFor({ ...RECORD, name: `${name}😀` }, leadProfile(), look).name;
    expect(cut).toBe(`${'x'.repeat(GLANCE_LIMITS.name - 1)}…`);
  });
});
