import * as z from 'zod/mini';
import { pathPatternDetector } from './path-pattern';
import { dynamicsOnHost } from './dynamics';
import { twentyOnHost } from './twenty';
import type { CrmDetector } from './types';

/**
 * The background's answer to a custom site's content script. zod/mini, not the full CustomSiteSchema,
 * to keep the content script small; the background validated the site when it was saved.
 */
export const CustomSiteReplySchema = z.object({
  site: z.nullable(
    z.object({ host: z.string(), kind: z.enum(['twenty', 'dynamics', 'pattern']), pathPattern: z.optional(z.string()) }),
  ),
});
export type CustomSiteReply = z.infer<typeof CustomSiteReplySchema>;

/** The detector for a custom site: a known CRM on its own domain, or the admin's path pattern. */
export function detectorForSite(site: NonNullable<CustomSiteReply['site']>): CrmDetector | undefined {
  switch (site.kind) {
    case 'pattern':
      return site.pathPattern ? pathPatternDetector(site.host, site.pathPattern) : undefined;
    case 'twenty':
      return twentyOnHost(site.host);
    case 'dynamics':
      return dynamicsOnHost(site.host);
  }
}
