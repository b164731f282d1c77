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
