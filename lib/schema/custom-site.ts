import { z } from 'zod';

/** A bare hostname as typed by an admin: no scheme, path or port ("crm.acme.example"). */
export const HostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Enter a host name like crm.example.com (no https:// and no path)');

/** A path with one `:id` where the record id stands ("/people/:id"); `*` stands for one segment. */
export const PathPatternSchema = z
  .string()
  .trim()
  .regex(/^\/\S*$/, 'The path pattern starts with / (like /people/:id)')
  .refine((pattern) => pattern.split(':id').length === 2, 'The path pattern needs exactly one :id');

/**
 * A CRM site the rep or admin adds: a self-hosted or vanity-domain install of a supported CRM, or
 * any other CRM detected by a path pattern plus the e-mail shown on the page.
 */
export const CustomSiteSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1), host: HostnameSchema, kind: z.literal('twenty') }),
  z.object({ id: z.string().min(1), host: HostnameSchema, kind: z.literal('dynamics') }),
  z.object({ id: z.string().min(1), host: HostnameSchema, kind: z.literal('pattern'), pathPattern: PathPatternSchema }),
]);
export type CustomSite = z.infer<typeof CustomSiteSchema>;

export const CUSTOM_SITE_KIND_LABELS: Record<CustomSite['kind'], string> = {
  twenty: 'Twenty (self-hosted)',
  dynamics: 'Dynamics 365 (own domain)',
  pattern: 'Other CRM (path pattern + e-mail on the page)',
};

/** The one origin permission a custom site needs. */
export function siteOrigin(host: string): string {
  return `https://${host}/*`;
}
