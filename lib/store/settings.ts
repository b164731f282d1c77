import { z } from 'zod';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { CustomSiteSchema } from '@/lib/schema/custom-site';
import { DataSourceSchema, ExtraSourceSchema, MAX_EXTRA_SOURCES } from '@/lib/schema/sources';
import { db, type StoredSettings } from './db';
import { DEFAULT_RETENTION_DAYS } from './retention';
import { LANGUAGE_CHOICES, PSEUDO_LOCALE } from '@/lib/i18n/locales';

export { DataSourceSchema, type DataSource } from '@/lib/schema/sources';

export const SettingsSchema = z.object({
  source: DataSourceSchema,
  /** Systems whose knowledge of a lead joins the main source's in one brief; the main source still receives all feedback. */
  alsoFrom: z.array(ExtraSourceSchema).max(MAX_EXTRA_SOURCES, `At most ${MAX_EXTRA_SOURCES} systems beside the main source`),
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
  /** How long lead data stays in this browser once delivered (lib/store/retention.ts). */
  /** Light or dark pages; "system" follows the browser's prefers-color-scheme. */
  theme: z.enum(['system', 'light', 'dark'], 'Theme must be system, light or dark'),
  /** The UI's language: "auto" follows the browser; the pseudo-locale is for screenshots only. */
  language: z.enum([...LANGUAGE_CHOICES, PSEUDO_LOCALE], 'Language must be auto, en, de, fr, es or pt'),
  retentionDays: z
    .number('Keep-for must be a number of days')
    .int('Keep-for must be whole days')
    .min(7, 'Keep lead data at least 7 days')
    .max(730, 'Keep lead data at most 730 days (2 years)'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  source: { kind: 'demo' },
  alsoFrom: [],
  repName: '',
  cacheTtlMinutes: 60,
  customSites: [],
  webhook: null,
  theme: 'system',
  language: 'auto',
  retentionDays: DEFAULT_RETENTION_DAYS,
};

/** Where releases before settings moved into IndexedDB kept them (browser.storage.local). */
const LEGACY_STORAGE_KEY = 'settings';
const ROW_ID = 'settings';

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

/**
 * The settings, from the extension's IndexedDB: content scripts (which run inside CRM pages) can
 * write browser.storage.local but cannot reach this database, so no page decides where a source's
 * requests and secrets go.
 */
export async function loadSettings(): Promise<Settings> {
  const row = (await db.settings.get(ROW_ID)) ?? (await moveLegacySettings());
  return parseStoredSettings(row?.value);
}

/** Validates before writing: a bad value is refused with zod's message and nothing is stored. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings()), ...patch });
  await db.settings.put({ id: ROW_ID, value: next });
  return next;
}

/**
 * Moves an older release's settings out of browser.storage.local, once: only a database upgraded
 * from before settings lived here has no row (a new one starts with it, lib/store/db.ts), and once
 * the row exists storage.local is never read again.
 */
async function moveLegacySettings(): Promise<StoredSettings | undefined> {
  const legacy = (await browser.storage.local.get(LEGACY_STORAGE_KEY))[LEGACY_STORAGE_KEY];
  // `add`, not `put`: a save that landed meanwhile wins over the old value.
  await db.settings.add({ id: ROW_ID, value: legacy ?? {} }).catch((error: unknown) => {
    if (!(error instanceof Dexie.DexieError && error.name === Dexie.errnames.Constraint)) throw error;
  });
  await browser.storage.local.remove(LEGACY_STORAGE_KEY);
  return db.settings.get(ROW_ID);
}
