import { readPageIdentity } from './read-page';
import { describe, expect, it } from 'vitest';
import { compilePathPattern, pathPatternDetector } from './path-pattern';

const detector = pathPatternDetector('crm.acme.example', '/people/:id');
const MATCH = [
  ['https://crm.acme.example/people/123', { objectType: 'record', recordId: '123' }],
  ['https://crm.acme.example/people/p-9f8e/', { objectType: 'record', recordId: 'p-9f8e' }],
  ['https://crm.acme.example/people/123?tab=notes', { objectType: 'record', recordId: '123' }],
] as const;
const NO_MATCH = [
  'https://crm.acme.example/people',
  'https://crm.acme.example/people/123/edit',
  'https://crm.acme.example.evil.example/people/123',
  'http://crm.acme.example/people/123',
];

describe('custom path-pattern detector', () => {
  it.each(MATCH)('matches %s', (url, expected) => {
    expect(detector.matchUrl(new URL(url))).toEqual({ crm: 'custom', ...expected });
  });
  it.each(NO_MATCH.map((url) => [url]))('does not match %s', (url) => {
    expect(detector.matchUrl(new URL(url))).toBeNull();
  });
  it('supports a wildcard segment and escapes the rest', () => {
    const pattern = compilePathPattern('/app/*/contact.view/:id');
    expect(pattern('/app/tenant-7/contact.view/42')).toBe('42');
    expect(pattern('/app/tenant-7/contactXview/42')).toBeNull();
    expect(pattern('/app//contact.view/42')).toBeNull();
  });
  it('reads an id that is part of a segment, around wildcards', () => {
    expect(compilePathPattern('/p/lead-:id')('/p/lead-7f3')).toBe('7f3');
    expect(compilePathPattern('/p/*-:id/view')('/p/acme-corp-991/view')).toBe('corp-991');
    expect(compilePathPattern('/p/:id.html')('/p/991.html')).toBe('991');
    expect(compilePathPattern('/p/:id.html')('/p/.html')).toBeNull();
  });
  it('stays fast on patterns a backtracking RegExp chokes on', () => {
    const slow = [compilePathPattern('/x/**********:id'), compilePathPattern('/x/*a*a*a*a*a*a*a*a*a*:id')];
    const path = `/x/${'a'.repeat(5000)}/`;
    const started = performance.now();
    for (const match of slow) match(path);
    for (const match of slow) match(`/x/${'a'.repeat(5000)}b`);
    // A RegExp of the same patterns runs for minutes on these paths; the walk is well under a second.
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('reads the shown e-mail and heading through the generic reader, not the signed-in user in the nav', () => {
    document.body.innerHTML =
      '<nav><a href="mailto:rep@acme.example">rep@acme.example</a></nav><main><h1>Priya Raman</h1><a href="mailto:Priya.Raman@ledgerly.io">mail</a></main>';
    const identity = readPageIdentity(detector, document, { crm: 'custom', objectType: 'record', recordId: '1' });
    expect(identity).toEqual({ name: 'Priya Raman', email: 'priya.raman@ledgerly.io' });
  });
});
