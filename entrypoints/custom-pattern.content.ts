import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCustomSiteDetection } from '@/lib/crm/custom-site-detector';
import { pathPatternDetector } from '@/lib/crm/path-pattern';

/**
 * Runs on the CRM sites a rep or admin added in Options with a path pattern. Not in the manifest:
 * the background registers it for each such site once its host permission is granted
 * (lib/background/custom-sites.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: (ctx) =>
    runCustomSiteDetection(ctx, 'pattern', (site) => (site.pathPattern ? pathPatternDetector(site.host, site.pathPattern) : undefined)),
});
