import { describe, expect, it } from 'vitest';
import { compilePathPattern, pathPatternDetector } from './path-pattern';

const detector = pathPatternDetector('crm.acme.example', '/people/:id');

describe('custom path-pattern detector', () => {
  it.each(detector.testUrls.match.map(([url, expected]) => [url, expected] as const))('matches %s', (url, expected) => {
    expect(detector.matchUrl(new URL(url))).toEqual({ crm: 'custom', ...expected });
  });
  it.each(detector.testUrls.noMatch.map((url) => [url]))('does not match %s', (url) => {
    expect(detector.matchUrl(new URL(url))).toBeNull();
  });
  it('supports a wildcard segment and escapes the rest', () => {
    const pattern = compilePathPattern('/app/*/contact.view/:id');
    expect(pattern.exec('/app/tenant-7/contact.view/42')?.[1]).toBe('42');
    expect(pattern.exec('/app/tenant-7/contactXview/42')).toBeNull();
  });
  it('reads the shown e-mail and heading', () => {
    document.body.innerHTML = '<main><h1>Priya Raman</h1><a href="mailto:Priya.Raman@ledgerly.io">mail</a></main>';
    const identity = detector.readIdentity(document, { crm: 'custom', objectType: 'record', recordId: '1' });
    expect(identity).toEqual({ name: 'Priya Raman', email: 'priya.raman@ledgerly.io' });
  });
});
