import { describe, expect, it } from 'vitest';
import { DETECTORS } from './registry';

/**
 * Every detector carries its own table of URLs that must and must not match; this turns each row
 * into a case, and fails for a detector that ships without evidence.
 */
describe.each(DETECTORS.map((detector) => [detector.crm, detector] as const))('%s detector', (_crm, detector) => {
  it('has URLs that must match and URLs that must not', () => {
    expect(detector.testUrls.match.length).toBeGreaterThanOrEqual(3);
    expect(detector.testUrls.noMatch.length).toBeGreaterThanOrEqual(3);
  });

  it.each(detector.testUrls.match.map(([url, expected]) => [url, expected] as const))('matches %s', (url, expected) => {
    expect(detector.matchUrl(new URL(url))).toEqual({ crm: detector.crm, ...expected });
  });

  it.each(detector.testUrls.noMatch.map((url) => [url]))('does not match %s', (url) => {
    expect(detector.matchUrl(new URL(url))).toBeNull();
  });

  it('claims only the URLs its manifest patterns cover', () => {
    for (const [url] of detector.testUrls.match) {
      const { hostname } = new URL(url);
      const covered = detector.matches.some((pattern) => {
        const host = pattern.split('/')[2]!;
        return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
      });
      expect(covered, `${url} is not covered by ${detector.matches.join(', ')}`).toBe(true);
    }
  });
});
