import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The TypeScript sources under `dir`, tests and node_modules left out, as paths joined onto `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}
