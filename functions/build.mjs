#!/usr/bin/env node
/**
 * Bundles the timer app into dist/reminders.js with esbuild. The shared code reads its wording
 * (the reminder email's) from the `SsmStrings` resource, src/loc/en-gb.js: an SPFx AMD module,
 * which the plugin below wraps so that its `define` call sets the bundle's module exports; the
 * mails say exactly what the web parts' strings say, from the one file.
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const resource = path.resolve(here, '..', 'src', 'loc', 'en-gb.js');

const ssmStrings = {
  name: 'ssm-strings',
  setup(b) {
    b.onResolve({ filter: /^SsmStrings$/ }, () => ({ path: resource, namespace: 'ssm-strings' }));
    b.onLoad({ filter: /.*/, namespace: 'ssm-strings' }, async () => ({
      contents: `var define = function (deps, factory) { module.exports = (typeof deps === 'function' ? deps : factory)(); };\n${await readFile(resource, 'utf8')}`,
      loader: 'js',
      resolveDir: path.dirname(resource)
    }));
  }
};

await build({
  entryPoints: [path.join(here, 'src', 'functions', 'reminders.ts')],
  outfile: path.join(here, 'dist', 'reminders.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['@azure/functions', '@azure/identity', 'jsdom'],
  plugins: [ssmStrings],
  logLevel: 'warning'
});
