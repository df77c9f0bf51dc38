#!/usr/bin/env node
/**
 * Makes sure the browser the end-to-end tests drive (`/usr/bin/chromium`, Debian's package)
 * is installed. Runs before `npm test` (the `pretest` script), so a fresh CI machine gets it.
 *
 * - chromium present: does nothing (a few milliseconds).
 * - missing, running as root with apt-get: `apt-get update` then `apt-get install -y chromium`
 *   (Debian's own package and its dependencies; nothing else is downloaded).
 * - missing otherwise: prints how to install it and exits non-zero.
 *
 * Plain Node (no project dependencies), because it runs before anything else is known to work.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** Where the tests expect the browser (test/e2e/support/browser.ts uses the same path). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether the browser is there and executable. */
function chromiumInstalled() {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch (error) {
    // ENOENT/EACCES mean "not usable": that is the answer. Anything else is unexpected.
    if (error && (error.code === 'ENOENT' || error.code === 'EACCES')) return false;
    throw error;
  }
}

/** Finds apt-get on the PATH (or in its usual place). */
function aptGet() {
  for (const candidate of ['/usr/bin/apt-get', '/bin/apt-get']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  return found || undefined;
}

/** Runs a command with its output shown; throws when it fails. */
function runOrThrow(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}.`);
}

const INSTRUCTIONS = [
  `The end-to-end tests need Chromium at ${CHROMIUM_PATH}, and it is not installed.`,
  'Install Debian\'s package once, as root:',
  '',
  '    sudo apt-get update && sudo apt-get install -y chromium',
  '',
  'then run the tests again.'
].join('\n');

function main() {
  if (chromiumInstalled()) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = aptGet();
  if (!isRoot || !apt) {
    console.error(isRoot ? `${INSTRUCTIONS}\n(apt-get was not found: install Chromium with this system's package manager.)` : INSTRUCTIONS);
    return 1;
  }
  console.log(`Chromium is missing: installing Debian's chromium package (needed by the browser tests).`);
  runOrThrow(apt, ['update']);
  runOrThrow(apt, ['install', '-y', 'chromium']);
  if (!chromiumInstalled()) {
    console.error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.`);
    return 1;
  }
  console.log(`Chromium installed at ${CHROMIUM_PATH}.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`Could not install Chromium: ${error instanceof Error ? error.message : String(error)}`);
  console.error(INSTRUCTIONS);
  process.exitCode = 1;
}
