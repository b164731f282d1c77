/**
 * `npm run build:dashboard`: bundles the marketing dashboard (dashboard/) with esbuild into
 * .output/dashboard, which the team server serves at its root (server/dashboard/static.ts).
 * Script and stylesheet names carry a hash of their content so the server can let browsers cache
 * them for good; index.html, which names them, is written last and is never cached.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.output/dashboard');

export async function buildDashboard(): Promise<string> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const result = await build({
    entryPoints: { main: path.join(ROOT, 'dashboard/main.tsx') },
    bundle: true,
    outdir: path.join(OUT, 'assets'),
    entryNames: '[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    target: ['chrome120', 'firefox120', 'safari17'],
    jsx: 'automatic',
    minify: true,
    sourcemap: 'linked',
    alias: { '@': ROOT },
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(OUT, path.resolve(ROOT, file)).split(path.sep).join('/'));
  const script = outputs.find((file) => file.endsWith('.js'));
  const style = outputs.find((file) => file.endsWith('.css'));
  if (!script || !style) throw new Error(`The dashboard build made no script or stylesheet: ${outputs.join(', ')}`);
  const template = readFileSync(path.join(ROOT, 'dashboard/index.html'), 'utf8');
  if (!template.includes('<!-- assets -->')) throw new Error('dashboard/index.html lost its <!-- assets --> marker');
  const html = template.replace('<!-- assets -->', `<link rel="stylesheet" href="/${style}">\n    <script type="module" src="/${script}"></script>`);
  writeFileSync(path.join(OUT, 'index.html'), html);
  return OUT;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  buildDashboard()
    .then((out) => console.log(`Dashboard built into ${path.relative(process.cwd(), out)} in ${Date.now() - started} ms`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
