/**
 * Locates the system Chromium that Playwright drives. We never download a
 * Playwright browser build: the machines we run on have no outbound network, and
 * Debian's `chromium` package is the browser the recipe in DESIGN.md was verified with.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  return [...(fromEnv ? [fromEnv] : []), ...KNOWN_PATHS].find((path) => existsSync(path));
}

/** Returns a Chromium path, installing the Debian package first when we are allowed to. */
export function ensureChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  // An explicit path that does not exist is a configuration mistake; say so
  // rather than silently driving a different browser.
  if (fromEnv && !existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`);
  const found = findChromium();
  if (found) return found;

  const isRoot = process.getuid?.() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (!isRoot || !isDebian) {
    throw new Error(
      'Chromium was not found (looked at $CHROMIUM_PATH, ' + KNOWN_PATHS.join(', ') + ').\n' +
        (isDebian
          ? 'Install it with:  sudo apt-get install -y chromium\n'
          : 'Install Chromium with your system package manager.\n') +
        'Or point to an existing binary:  export CHROMIUM_PATH=/path/to/chromium',
    );
  }

  console.log('Chromium not found; installing the Debian package (running as root)…');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium, but no binary appeared at ' + KNOWN_PATHS.join(', '));
  return installed;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    stdio: 'inherit', // stream apt's progress; it can take minutes
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit code ${result.status}`}).`);
  }
}
