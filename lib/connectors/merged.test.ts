import { describe, expect, it, vi } from 'vitest';
import { ContentItemSchema, LeadProfileSchema, type ContentItem, type LeadProfile } from '@/lib/schema';
import { createMergedConnector } from './merged';
import { ConnectorError, type Connector, type LookupQuery } from './types';

const query: LookupQuery = { crm: 'salesforce', recordId: '00Q5e00000AbCdE', email: 'ines.duarte@example.pt' };
const lead = (id: string, extra: Partial<LeadProfile> = {}): LeadProfile =>
  LeadProfileSchema.parse({ id, email: 'ines.duarte@example.pt', source: { channel: 'other' }, ...extra });
const item = (id: string, url: string): ContentItem =>
  ContentItemSchema.parse({ id, title: `Item ${id}`, url, type: 'case_study', topics: [], industries: [], personas: [], stages: [] });

/** A connector whose every call answers what the test says; unset calls fail loudly. */
function fake(label: string, calls: Partial<Connector> = {}): Connector {
  const unexpected = () => Promise.reject(new Error(`${label}: unexpected call`));
  return {
    id: `${label.toLowerCase()}:https://${label.toLowerCase()}.example`,
    label,
    findProfile: unexpected,
    getProfile: unexpected,
    searchProfiles: unexpected,
    listContent: unexpected,
    deliver: unexpected,
    testConnection: unexpected,
    ...calls,
  };
}

const system = (connector: Connector, timeoutMs = 1_000) => ({ connector, timeoutMs });

describe('createMergedConnector', () => {
  it('asks every system and merges what they know into one profile, naming each', async () => {
    const merged = createMergedConnector(system(fake('HubSpot', { findProfile: async () => lead('51', { score: 72 }) })), [
      system(fake('Mautic', { findProfile: async () => lead('9034', { score: 35 }) })),
    ]);
    const profile = await merged.findProfile(query, AbortSignal.timeout(5_000));
    expect(profile?.id).toBe('51');
    expect(profile?.systems?.map((answer) => [answer.name, answer.score])).toEqual([['HubSpot', 72], ['Mautic', 35]]);
    expect(merged.label).toBe('HubSpot and Mautic');
  });

  it('shows the other system when one fails, with the failure as a note', async () => {
    const merged = createMergedConnector(
      system(fake('HubSpot', { findProfile: () => Promise.reject(new ConnectorError('auth', 'HubSpot refused the token (401)')) })),
      [system(fake('Mautic', { findProfile: async () => lead('9034') }))],
    );
    const profile = await merged.findProfile(query, AbortSignal.timeout(5_000));
    // The other system's id carries its name, so a rep's chosen match is asked of the right system.
    expect(profile?.id).toBe('Mautic:9034');
    expect(profile?.systems?.[0]).toEqual({ name: 'HubSpot', found: false, doNotContact: false, error: 'HubSpot refused the token (401)' });
  });

  it('asks a system that found nothing again with the e-mail another system knows the lead by', async () => {
    const mauticFind = vi.fn(async (asked: LookupQuery) => (asked.email ? lead('9034') : null));
    const merged = createMergedConnector(system(fake('HubSpot', { findProfile: async () => lead('51') })), [system(fake('Mautic', { findProfile: mauticFind }))]);
    const profile = await merged.findProfile({ crm: 'salesforce', recordId: '00Q5e00000AbCdE' }, AbortSignal.timeout(5_000));
    expect(mauticFind).toHaveBeenLastCalledWith({ crm: 'salesforce', recordId: '00Q5e00000AbCdE', email: 'ines.duarte@example.pt' }, expect.anything());
    expect(profile?.systems?.map((answer) => answer.found)).toEqual([true, true]);
  });

  it('does not hold the brief for a system past its own time limit', async () => {
    const merged = createMergedConnector(system(fake('HubSpot', { findProfile: async () => lead('51') })), [
      system(fake('Mautic', { findProfile: (_query, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) }), 50),
    ]);
    const profile = await merged.findProfile(query, AbortSignal.timeout(5_000));
    expect(profile?.systems?.[1]).toMatchObject({ name: 'Mautic', found: false, error: 'Mautic did not answer within 0.05 s' });
  });

  it('says "not found" only when every system answered; a failure otherwise is the answer', async () => {
    const unknown = createMergedConnector(system(fake('HubSpot', { findProfile: async () => null })), [system(fake('Mautic', { findProfile: async () => null }))]);
    await expect(unknown.findProfile(query, AbortSignal.timeout(5_000))).resolves.toBeNull();
    const failing = createMergedConnector(system(fake('HubSpot', { findProfile: async () => null })), [
      system(fake('Mautic', { findProfile: () => Promise.reject(new ConnectorError('network', 'Mautic could not be reached')) })),
    ]);
    await expect(failing.findProfile(query, AbortSignal.timeout(5_000))).rejects.toThrow('Mautic could not be reached');
  });

  it('asks a chosen profile of the system its id names', async () => {
    const mainGet = vi.fn(async (id: string) => lead(id));
    const otherGet = vi.fn(async (id: string) => lead(id));
    const merged = createMergedConnector(system(fake('HubSpot', { getProfile: mainGet })), [system(fake('Mautic', { getProfile: otherGet }))]);
    expect((await merged.getProfile('Mautic:9034', AbortSignal.timeout(5_000)))?.id).toBe('Mautic:9034');
    expect(otherGet).toHaveBeenCalledWith('9034', expect.anything());
    expect((await merged.getProfile('51', AbortSignal.timeout(5_000)))?.id).toBe('51');
    expect(mainGet).toHaveBeenCalledWith('51', expect.anything());
  });

  it("lists the main system's catalog first and adds the others' items it lacks; another's failure costs only its items", async () => {
    const merged = createMergedConnector(system(fake('HubSpot', { listContent: async () => [item('a', 'https://x.example/a'), item('b', 'https://x.example/b')] })), [
      system(fake('Mautic', { listContent: async () => [item('m1', 'https://x.example/a'), item('m2', 'https://x.example/m2')] })),
      system(fake('Typeform', { listContent: () => Promise.reject(new ConnectorError('server', 'down')) })),
    ]);
    expect((await merged.listContent(AbortSignal.timeout(5_000))).map((content) => content.id)).toEqual(['a', 'b', 'm2']);
  });

  it('sends feedback to the main system only', async () => {
    const deliver = vi.fn(async () => []);
    const merged = createMergedConnector(system(fake('HubSpot', { deliver })), [system(fake('Mautic'))]);
    await merged.deliver([], AbortSignal.timeout(5_000));
    expect(deliver).toHaveBeenCalledOnce();
  });

  it("tests every system, naming each, and counts only the main system's write check", async () => {
    const merged = createMergedConnector(
      system(fake('HubSpot', { testConnection: async () => [{ capability: 'auth', ok: true, message: 'Token accepted' }, { capability: 'write', ok: true, message: 'Notes allowed' }] })),
      [system(fake('Mautic', { testConnection: async () => [{ capability: 'auth', ok: false, message: '401' }, { capability: 'write', ok: false, message: 'no' }] }))],
    );
    expect(await merged.testConnection(AbortSignal.timeout(5_000))).toEqual([
      { capability: 'auth', ok: true, message: 'HubSpot: Token accepted' },
      { capability: 'write', ok: true, message: 'HubSpot: Notes allowed' },
      { capability: 'auth', ok: false, message: 'Mautic: 401' },
    ]);
  });
});
