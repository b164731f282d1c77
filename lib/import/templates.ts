import Papa from 'papaparse';
import { COLUMNS, TEMPLATE_FILES } from './columns';
import type { ImportKind } from './types';

/**
 * The downloadable template of a kind: the documented header and one example row. The files in
 * public/templates/ are this text; a test keeps them equal, so the template never drifts from the
 * columns the importer reads.
 */
export function templateCsv(kind: ImportKind): string {
  const columns = COLUMNS[kind];
  return `${Papa.unparse({ fields: columns.map((column) => column.name), data: [columns.map((column) => column.example)] }, { newline: '\n' })}\n`;
}

/** Where the extension serves the template (public/templates/ is copied to the package root). */
export const templatePath = (kind: ImportKind) => `/templates/${TEMPLATE_FILES[kind]}`;
