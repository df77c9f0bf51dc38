#!/usr/bin/env node
/**
 * Makes sure the tools that turn a committee paper into PDF and check it are installed:
 * LibreOffice Writer without a GUI (`soffice --convert-to pdf`) and poppler's `pdftotext` and
 * `pdftoppm`, all Debian packages. Runs before `npm test` (the paper test) and from
 * `npm run report -- --pdf`, so a fresh CI machine gets them the way it gets Chromium.
 *
 * - tools present: does nothing.
 * - missing, running as root with apt-get: `apt-get update` then
 *   `apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils`
 *   (Debian's own packages; nothing else is downloaded).
 * - missing otherwise: prints how to install them and exits non-zero.
 *
 * Plain Node (no project dependencies), because it runs before anything else is known to work.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The executables the paper needs, and the Debian package of each. */
export const PAPER_TOOLS = [
  { path: '/usr/bin/soffice', pkg: 'libreoffice-writer-nogui' },
  { path: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
  { path: '/usr/bin/pdftoppm', pkg: 'poppler-utils' },
  // Metric-compatible with Arial, the paper's font, so LibreOffice lays out pages as Word does.
  { path: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', pkg: 'fonts-liberation' }
];

function installed(file) {
  try {
    accessSync(file, file.endsWith('.ttf') ? constants.R_OK : constants.X_OK);
    return true;
  } catch (error) {
    // ENOENT/EACCES mean "not usable": that is the answer. Anything else is unexpected.
    if (error && (error.code === 'ENOENT' || error.code === 'EACCES')) return false;
    throw error;
  }
}

function aptGet() {
  for (const candidate of ['/usr/bin/apt-get', '/bin/apt-get']) if (existsSync(candidate)) return candidate;
  return undefined;
}

function runOrThrow(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}.`);
}

/** Installs what is missing; returns 0 when every tool is there afterwards. */
export function ensurePaperTools() {
  const missing = PAPER_TOOLS.filter((t) => !installed(t.path));
  if (missing.length === 0) return 0;
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = aptGet();
  const instructions = [
    `The committee paper's PDF needs ${missing.map((t) => t.path).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed.`,
    "Install Debian's packages once, as root:",
    '',
    `    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`,
    ''
  ].join('\n');
  if (!isRoot || !apt) {
    console.error(instructions);
    return 1;
  }
  console.log(`Installing Debian's ${pkgs.join(' and ')} (PDF of the committee paper).`);
  runOrThrow(apt, ['update']);
  runOrThrow(apt, ['install', '-y', '--no-install-recommends', ...pkgs]);
  const still = PAPER_TOOLS.filter((t) => !installed(t.path));
  if (still.length > 0) {
    console.error(`apt-get finished, but ${still.map((t) => t.path).join(', ')} is still missing.`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = ensurePaperTools();
  } catch (error) {
    console.error(`Could not install the PDF tools: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
