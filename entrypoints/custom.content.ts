import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { CustomSiteReplySchema, detectorForSite } from '@/lib/crm/custom-site-detector';

/**
 * Runs on the CRM sites a rep or admin added in Options. Not in the manifest: the background
 * registers it for each site once its host permission is granted (lib/background/custom-sites.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    const reply = CustomSiteReplySchema.safeParse(await browser.runtime.sendMessage({ type: 'get-custom-site' }));
    const detector = reply.success && reply.data.site ? detectorForSite(reply.data.site) : undefined;
    if (detector) runRecordDetection(ctx, [detector]);
  },
});
