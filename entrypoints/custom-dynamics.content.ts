import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCustomSiteDetection } from '@/lib/crm/custom-site-detector';
import { dynamicsOnHost } from '@/lib/crm/dynamics';

/**
 * Runs on Dynamics 365 on an organisation's own domain, added in Options. Not in the manifest: the
 * background registers it for each such site once its host permission is granted
 * (lib/background/custom-sites.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: (ctx) => runCustomSiteDetection(ctx, 'dynamics', (site) => dynamicsOnHost(site.host)),
});
