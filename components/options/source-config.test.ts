import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n/create';
import { draftFrom, newDraft, parseDraft, usableSecrets } from './source-config';

const t = createI18n('en').getFixedT('en', 'options');

const NONE = { values: {} };

describe('source form drafts', () => {
  it('turns a Leadside server draft into a source, its token and the one origin it calls', () => {
    const parsed = parseDraft('leadside', { serverUrl: 'https://leadside.acme.example/v1', token: ' rep-token ', timeoutSeconds: '5' }, NONE, t);
    expect(parsed).toEqual({
      ok: true,
      source: { kind: 'leadside', serverUrl: 'https://leadside.acme.example', timeoutSeconds: 5 },
      secrets: { token: 'rep-token' },
      origin: 'https://leadside.acme.example/*',
      baseUrl: 'https://leadside.acme.example',
    });
    if (parsed.ok) expect(draftFrom(parsed.source)).toEqual({ serverUrl: 'https://leadside.acme.example', timeoutSeconds: '5' });
  });

  it('keeps the saved token when the field is left empty, and refuses a server with none', () => {
    const saved = { values: { token: 'saved' }, origin: 'https://leadside.acme.example' };
    expect(parseDraft('leadside', { serverUrl: 'https://leadside.acme.example' }, saved, t)).toMatchObject({ ok: true, secrets: { token: 'saved' } });
    expect(parseDraft('leadside', { serverUrl: 'https://leadside.acme.example' }, NONE, t)).toEqual({ ok: false, error: 'Access token: required' });
    expect(parseDraft('leadside', { serverUrl: 'http://leadside.acme.example', token: 't' }, NONE, t)).toMatchObject({ ok: false, error: expect.stringContaining('https://') });
  });

  it('still reads a REST gateway draft as before', () => {
    expect(parseDraft('rest', { baseUrl: 'https://gateway.acme.example/v1/', token: 't' }, NONE, t)).toEqual({
      ok: true,
      source: { kind: 'rest', baseUrl: 'https://gateway.acme.example/v1', timeoutSeconds: 8 },
      secrets: { token: 't' },
      origin: 'https://gateway.acme.example/*',
      baseUrl: 'https://gateway.acme.example/v1',
    });
  });

  it('never carries a saved token over to a new host: the form asks for it again and says why', () => {
    const saved = { values: { token: 'gateway-token' }, origin: 'https://gateway.acme.example' };
    // Another path on the same host keeps it.
    expect(parseDraft('rest', { baseUrl: 'https://gateway.acme.example/v2' }, saved, t)).toMatchObject({ ok: true, secrets: { token: 'gateway-token' } });
    expect(usableSecrets('rest', { baseUrl: 'https://gateway.acme.example/v2' }, saved)).toEqual({ values: saved.values });

    const moved = { baseUrl: 'https://new-gateway.example/v1' };
    expect(usableSecrets('rest', moved, saved)).toEqual({ values: {}, enteredFor: 'gateway.acme.example' });
    expect(parseDraft('rest', moved, saved, t)).toEqual({
      ok: false,
      error: 'Access token: enter it again. The saved one was for gateway.acme.example, and Leadside does not send it to new-gateway.example.',
    });
    expect(parseDraft('rest', { ...moved, token: 'new-token' }, saved, t)).toMatchObject({ ok: true, secrets: { token: 'new-token' }, baseUrl: moved.baseUrl });
    // A token saved before tokens were bound to a host is asked for again too.
    expect(parseDraft('rest', { baseUrl: 'https://gateway.acme.example/v1' }, { values: { token: 'old' } }, t)).toEqual({ ok: false, error: 'Access token: required' });
  });

  describe('the Mautic field mapping', () => {
    const base = { baseUrl: 'https://crm.velotrail.example', method: 'basic', username: 'api', password: 'pw' };

    it('saves the mapped aliases and the CRM the id field belongs to, and shows them again', () => {
      const draft = { ...base, problem: 'pain', preferredChannel: ' contact_pref ', bestTime: 'best_slot', timeZone: '', crmIdField: 'sf_id', crm: 'salesforce' };
      const parsed = parseDraft('mautic', draft, NONE, t);
      expect(parsed).toMatchObject({
        ok: true,
        source: { kind: 'mautic', mappings: { problem: 'pain', preferredChannel: 'contact_pref', bestTime: 'best_slot', timeZone: '', crmIdField: 'sf_id', crm: 'salesforce' } },
        secrets: { password: 'pw' },
      });
      if (parsed.ok) expect(draftFrom(parsed.source)).toMatchObject({ problem: 'pain', preferredChannel: 'contact_pref', timeZone: '', crmIdField: 'sf_id', crm: 'salesforce' });
    });

    it('gives a new Mautic form and settings saved before the mapping existed the defaults', () => {
      expect(newDraft('mautic')).toMatchObject({ timeZone: 'timezone', preferredChannel: '', crm: 'salesforce' });
      const old = { kind: 'mautic', baseUrl: 'https://crm.velotrail.example', auth: { method: 'basic', username: 'api' }, timeoutSeconds: 8 } as const;
      expect(draftFrom(old)).toMatchObject({ username: 'api', timeZone: 'timezone', problem: '', crmIdField: '' });
      // A draft from before the mapping fields existed parses, with the defaults.
      expect(parseDraft('mautic', base, NONE, t)).toMatchObject({ ok: true, source: { mappings: { timeZone: 'timezone', problem: '', crm: 'salesforce' } } });
    });

    it('refuses a field label where an alias belongs, and a CRM it does not know, saying what to enter', () => {
      const label = parseDraft('mautic', { ...base, preferredChannel: 'Preferred channel' }, NONE, t);
      expect(label).toMatchObject({ ok: false, error: expect.stringContaining('Preferred channel: enter the field alias') });
      // The same refusal in the rep's language: the field as the form names it, the rule in German.
      expect(parseDraft('mautic', { ...base, preferredChannel: 'Preferred channel' }, NONE, createI18n('de').getFixedT('de', 'options'))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Bevorzugter Kanal: .*Alias/),
      });
      expect(parseDraft('mautic', { ...base, crm: 'myspace' }, NONE, t)).toMatchObject({ ok: false });
    });
  });
});
