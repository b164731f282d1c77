import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  bytes: number;
  gzip: number;
}

/** Raw and gzipped size of every script the built extension ships, content scripts first. */
export function bundleSizes(outputDir: string): BundleSize[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.js')) files.push(full);
    }
  };
  walk(outputDir);
  return files
    .map((file) => {
      const content = readFileSync(file);
      return { file: path.relative(outputDir, file), bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => Number(b.file.startsWith('content-scripts')) - Number(a.file.startsWith('content-scripts')) || a.file.localeCompare(b.file));
}
