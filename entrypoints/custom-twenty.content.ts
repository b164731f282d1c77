import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCustomSiteDetection } from '@/lib/crm/custom-site-detector';
import { twentyOnHost } from '@/lib/crm/twenty';

/**
 * Runs on a self-hosted Twenty added in Options. Not in the manifest: the background registers it
 * for each such site once its host permission is granted (lib/background/custom-sites.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: (ctx) => runCustomSiteDetection(ctx, 'twenty', (site) => twentyOnHost(site.host)),
});
