import * as z from '@/lib/schema/zod-lean';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runRecordDetection } from './content-script';
import type { CrmDetector } from './types';

/**
 * The background's answer to a custom site's content script. zod-lean, not the full CustomSiteSchema,
 * to keep the content script small; the background validated the site when it was saved.
 */
export const CustomSiteReplySchema = z.object({
  site: z.nullable(
    z.object({ host: z.string(), kind: z.literal('twenty', 'dynamics', 'pattern'), pathPattern: z.optional(z.string()) }),
  ),
});
export type CustomSite = NonNullable<z.Infer<typeof CustomSiteReplySchema>['site']>;

/**
 * What a custom site's content script does: ask the worker which site this page is, and detect
 * records with the detector for that site. One script per kind of site (the background registers
 * `content-scripts/custom-<kind>.js`), so a site that uses a path pattern never loads the Dynamics
 * or Twenty detectors, nor the other way round. A site whose kind changed since the script was
 * registered (the worker re-registers it on every settings change) detects nothing.
 */
export async function runCustomSiteDetection(
  ctx: ContentScriptContext,
  kind: CustomSite['kind'],
  detectorFor: (site: CustomSite) => CrmDetector | undefined,
): Promise<void> {
  const reply = z.safeParse(CustomSiteReplySchema, await browser.runtime.sendMessage({ type: 'get-custom-site' }));
  const site = reply.success ? reply.data.site : null;
  const detector = site?.kind === kind ? detectorFor(site) : undefined;
  if (detector) runRecordDetection(ctx, [detector]);
}
