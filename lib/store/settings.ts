import { z } from 'zod';
import { browser } from 'wxt/browser';
import { CustomSiteSchema } from '@/lib/schema/custom-site';
import { DataSourceSchema } from '@/lib/schema/sources';

export { DataSourceSchema, type DataSource } from '@/lib/schema/sources';

export const SettingsSchema = z.object({
  source: DataSourceSchema,
  repName: z.string().trim().max(80, 'Display name is at most 80 characters'),
  /** How long a cached brief counts as fresh before it is fetched again. */
  cacheTtlMinutes: z
    .number('Cache time must be a number of minutes')
    .int('Cache time must be whole minutes')
    .min(1, 'Cache time must be at least 1 minute')
    .max(7 * 24 * 60, 'Cache time can be at most 7 days (10080 minutes)'),
  /** CRM sites added at runtime; each has its own optional host permission. */
  customSites: z.array(CustomSiteSchema).max(50, 'At most 50 custom CRM sites'),
  /** Feedback also posted to a webhook (its URL is a secret: kept with the secrets, not here). */
  webhook: z.object({ format: z.enum(['json', 'slack']), host: z.string() }).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { source: { kind: 'demo' }, repName: '', cacheTtlMinutes: 60, customSites: [], webhook: null };

const STORAGE_KEY = 'settings';

/**
 * Reads settings field by field: one bad or outdated value falls back to its default on its own and
 * never throws away the rest of an admin's settings.
 */
export function parseStoredSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(SettingsSchema.shape)) {
    const parsed = schema.safeParse(raw[field]);
    settings[field] = parsed.success ? parsed.data : DEFAULT_SETTINGS[field as keyof Settings];
  }
  return settings as Settings;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(STORAGE_KEY);
  return parseStoredSettings(stored[STORAGE_KEY]);
}

/** Validates before writing: a bad value is refused with zod's message and nothing is stored. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [STORAGE_KEY]: next });
  return next;
}
