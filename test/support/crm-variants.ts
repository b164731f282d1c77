import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The variant corpus (test/fixtures/crm/variants): record pages written apart from Leadside's selectors. */
export const VARIANTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/crm/variants');

export interface ExpectedRecord {
  crm: string;
  type: string;
  id: string;
  email?: string;
  name?: string;
}

export interface CrmVariant {
  file: string;
  url: string;
  expected: ExpectedRecord;
}

export function loadCrmVariants(): CrmVariant[] {
  const manifest = JSON.parse(readFileSync(path.join(VARIANTS_DIR, 'manifest.json'), 'utf8')) as { variants: CrmVariant[] };
  return manifest.variants;
}

export function variantHtml(variant: CrmVariant): string {
  return readFileSync(path.join(VARIANTS_DIR, variant.file), 'utf8');
}
