import { describe, expect, it } from 'vitest';
import { DETECTORS } from './registry';
import type { CrmDetector, DetectorTestUrls } from './types';
import { capsule, capsuleTestUrls } from './capsule';
import { closeCrm, closeCrmTestUrls } from './close';
import { dynamics, dynamicsTestUrls } from './dynamics';
import { freshsales, freshsalesTestUrls } from './freshsales';
import { hubspot, hubspotTestUrls } from './hubspot';
import { pipedrive, pipedriveTestUrls } from './pipedrive';
import { salesforceClassic, salesforceClassicTestUrls, salesforceLightning, salesforceLightningTestUrls } from './salesforce';
import { twenty, twentyTestUrls } from './twenty';
import { zoho, zohoTestUrls } from './zoho';

/** Each detector's own table of URLs that must and must not match (exported beside the detector). */
const TEST_URLS = new Map<CrmDetector, DetectorTestUrls>([
  [salesforceLightning, salesforceLightningTestUrls],
  [salesforceClassic, salesforceClassicTestUrls],
  [dynamics, dynamicsTestUrls],
  [hubspot, hubspotTestUrls],
  [pipedrive, pipedriveTestUrls],
  [zoho, zohoTestUrls],
  [twenty, twentyTestUrls],
  [capsule, capsuleTestUrls],
  [closeCrm, closeCrmTestUrls],
  [freshsales, freshsalesTestUrls],
]);

/**
 * Turns each detector's URL table into cases, and fails for a registered detector that ships
 * without evidence.
 */
describe.each(DETECTORS.map((detector) => [detector.crm, detector] as const))('%s detector', (_crm, detector) => {
  const testUrls = TEST_URLS.get(detector) ?? { match: [], noMatch: [] };

  it('has URLs that must match and URLs that must not', () => {
    expect(testUrls.match.length).toBeGreaterThanOrEqual(3);
    expect(testUrls.noMatch.length).toBeGreaterThanOrEqual(3);
  });

  it.each(testUrls.match.map(([url, expected]) => [url, expected] as const))('matches %s', (url, expected) => {
    expect(detector.matchUrl(new URL(url))).toEqual({ crm: detector.crm, ...expected });
  });

  it.each(testUrls.noMatch.map((url) => [url]))('does not match %s', (url) => {
    expect(detector.matchUrl(new URL(url))).toBeNull();
  });

  it('claims only the URLs its manifest patterns cover', () => {
    for (const [url] of testUrls.match) {
      const { hostname } = new URL(url);
      const covered = detector.matches.some((pattern) => {
        const host = pattern.split('/')[2]!;
        return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
      });
      expect(covered, `${url} is not covered by ${detector.matches.join(', ')}`).toBe(true);
    }
  });
});
