#!/usr/bin/env node
/**
 * Runs a TypeScript entry point: bundles it with esbuild (platform node, CommonJS, Node 22,
 * node:* builtins external) into .local-build/ and runs the bundle with this same Node,
 * forwarding arguments and the exit code.
 * Usage: node local/scripts/run-ts.mjs <file.ts> [args...]
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAmdStrings } from './build-workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The UK English `SsmStrings` resource, as SPFx resolves it in the browser: the paper and mails
 * built by the scripts read the same strings as the web parts.
 */
const ssmStrings = {
  name: 'ssm-strings',
  setup(b) {
    const file = path.join(root, 'src', 'loc', 'en-gb.js');
    b.onResolve({ filter: /^SsmStrings$/ }, () => ({ path: file, namespace: 'ssm-strings' }));
    b.onLoad({ filter: /.*/, namespace: 'ssm-strings' }, () => ({
      contents: `module.exports = ${JSON.stringify(evaluateAmdStrings(readFileSync(file, 'utf8'), 'src/loc/en-gb.js'))};`,
      loader: 'js'
    }));
  }
};

/** Bundles `entry` and returns the output file. */
export async function bundle(entry) {
  const outDir = path.join(root, '.local-build');
  mkdirSync(outDir, { recursive: true });
  const rel = path.relative(root, path.resolve(entry)).replace(/\.[cm]?tsx?$/, '').replace(/[\\/]/g, '__');
  const outfile = path.join(outDir, `${rel}.cjs`);
  await build({
    entryPoints: [path.resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['node:*'],
    sourcemap: 'inline',
    plugins: [ssmStrings],
    logLevel: 'warning'
  });
  return outfile;
}

/** Runs a bundled file with the current Node; resolves with its exit code. */
export function run(file, args) {
  return new Promise((resolve, reject) => {
    // Source maps make stack traces point at the .ts files.
    const child = spawn(process.execPath, ['--enable-source-maps', file, ...args], { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** node:sqlite and the engines field need Node 22; the system node may be older. */
export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 13)) {
    throw new Error(`Node ${process.versions.node} is too old: run through npm (npm start, npm run ...) so the project's Node 22 is used, or ./node_modules/.bin/node.`);
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('Usage: node local/scripts/run-ts.mjs <file.ts> [args...]');
    process.exit(2);
  }
  try {
    checkNode();
    const file = await bundle(entry);
    process.exitCode = await run(file, args);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
