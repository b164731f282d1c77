import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { summarizeZodError } from '../../lib/schema/common';

/** The variant corpus (test/fixtures/crm/variants): record pages written apart from Leadside's selectors. */
export const VARIANTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/crm/variants');

const ExpectedRecordSchema = z.object({
  crm: z.string().min(1),
  type: z.string().min(1),
  id: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
});
export type ExpectedRecord = z.infer<typeof ExpectedRecordSchema>;

const ManifestSchema = z.object({
  variants: z
    .array(z.object({ file: z.string().min(1), url: z.url(), expected: ExpectedRecordSchema }))
    // test/e2e/crm-variants-matrix.ts loads every page of its half into one tab and tells a page's report from the one
    // before it by the URL, so no two pages may share one.
    .superRefine((variants, ctx) => {
      const seen = new Map<string, string>();
      for (const [index, { file, url }] of variants.entries()) {
        const first = seen.get(url);
        if (first) ctx.addIssue({ code: 'custom', path: [index, 'url'], message: `${file} has the URL of ${first}: ${url}` });
        else seen.set(url, file);
      }
    }),
});
export type CrmVariant = z.infer<typeof ManifestSchema>['variants'][number];

export function loadCrmVariants(): CrmVariant[] {
  const file = path.join(VARIANTS_DIR, 'manifest.json');
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${summarizeZodError(parsed.error)}`);
  return parsed.data.variants;
}

export function variantHtml(variant: CrmVariant): string {
  return readFileSync(path.join(VARIANTS_DIR, variant.file), 'utf8');
}

/**
 * How long after loading a page has shown all it ever will, and Leadside has read it: its latest
 * `<template data-late="ms">` part, plus a second for the reads a render sets off (the page watch
 * reads within ~0.6 s of the changes pausing). A page whose person shows no address is checked
 * again then: an address read later would be someone else's.
 */
export function settledAfterMs(variant: CrmVariant): number {
  const late = [...variantHtml(variant).matchAll(/<template\b[^>]*\bdata-late="(\d+)"/g)].map((found) => Number(found[1]));
  return Math.max(0, ...late) + 1_000;
}
