import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runRecordDetection } from './content-script';
import { CustomSiteReplySchema, runCustomSiteDetection, type CustomSite } from './custom-site-detector';
import { dynamicsOnHost } from './dynamics';
import { pathPatternDetector } from './path-pattern';
import { twentyOnHost } from './twenty';
import { safeParse } from '@/lib/schema/zod-lean';

vi.mock('./content-script', () => ({ runRecordDetection: vi.fn() }));

const LEAD_ID = '8e3c2a71-5b4d-4f0e-9a6c-1d2e3f4a5b6c';
const PERSON_ID = '7c1f5a8e-2b4d-4e6f-9a0b-1c2d3e4f5a6b';
const ctx = {} as ContentScriptContext;

afterEach(() => vi.clearAllMocks());

describe('custom-site detectors', () => {
  it('read Dynamics 365 on the organisation’s own host, and only there', () => {
    const detector = dynamicsOnHost('CRM.Contoso.example');
    const record = `https://crm.contoso.example/main.aspx?pagetype=entityrecord&etn=lead&id=${LEAD_ID}`;
    expect(detector.matches).toEqual(['https://crm.contoso.example/*']);
    expect(detector.matchUrl(new URL(record))).toEqual({ crm: 'dynamics', objectType: 'lead', recordId: LEAD_ID });
    for (const url of [
      record.replace('https:', 'http:'),
      record.replace('crm.contoso.example', 'crm.contoso.example.evil.example'),
      'https://crm.contoso.example/main.aspx?pagetype=entitylist&etn=lead',
      `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=${LEAD_ID}`,
    ]) {
      expect(detector.matchUrl(new URL(url)), url).toBeNull();
    }
  });

  it('read a self-hosted Twenty on its host, and only there', () => {
    const detector = twentyOnHost('twenty.acme.example');
    const record = `https://twenty.acme.example/object/person/${PERSON_ID}`;
    expect(detector.matchUrl(new URL(record))).toEqual({ crm: 'twenty', objectType: 'person', recordId: PERSON_ID });
    for (const url of [
      'https://twenty.acme.example/objects/people',
      record.replace('https:', 'http:'),
      record.replace('twenty.acme.example', 'twenty.acme.example.evil.example'),
    ]) {
      expect(detector.matchUrl(new URL(url)), url).toBeNull();
    }
  });
});

describe('runCustomSiteDetection', () => {
  const site: CustomSite = { host: 'crm.acme.example', kind: 'pattern', pathPattern: '/people/:id' };
  const build = (next: CustomSite) => pathPatternDetector(next.host, next.pathPattern!);
  /** The worker's answer to `get-custom-site`, whatever it is. */
  const answer = (reply: unknown) => vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(reply as never);

  it('detects with the detector the worker’s site calls for', async () => {
    answer({ site });
    await runCustomSiteDetection(ctx, 'pattern', build);
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'get-custom-site' });
    const [, detectors] = vi.mocked(runRecordDetection).mock.calls[0]!;
    expect(detectors[0]!.matchUrl(new URL('https://crm.acme.example/people/123'))).toEqual({ crm: 'custom', objectType: 'record', recordId: '123' });
  });

  it('detects nothing for a site of another kind, no site, or an answer of another shape', async () => {
    for (const reply of [{ site: { host: 'crm.acme.example', kind: 'twenty' } }, { site: null }, { error: 'No settings' }, undefined]) {
      answer(reply);
      await runCustomSiteDetection(ctx, 'pattern', build);
    }
    expect(runRecordDetection).not.toHaveBeenCalled();
  });

  it('takes only a well-formed answer from the worker', () => {
    expect(safeParse(CustomSiteReplySchema, { site: null }).success).toBe(true);
    expect(safeParse(CustomSiteReplySchema, { site }).success).toBe(true);
    expect(safeParse(CustomSiteReplySchema, { site: { host: 'crm.acme.example', kind: 'salesforce' } }).success).toBe(false);
    expect(safeParse(CustomSiteReplySchema, undefined).success).toBe(false);
  });
});
