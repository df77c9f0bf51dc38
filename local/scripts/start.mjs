#!/usr/bin/env node
/**
 * `npm start`: builds the workbench page (local/scripts/build-workbench.mjs), then builds and
 * runs the local Microsoft 365 host (local/host/cli.ts) serving that page at /.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, checkNode, run } from './run-ts.mjs';
import { buildWorkbench } from './build-workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);

/**
 * Announces the page once the host serves it. The host prints its own endpoints when it
 * listens; the page URL is printed only after a real GET of it succeeds, so it is never a promise.
 */
async function announceWhenServing(pageUrl, stopped) {
  const deadline = Date.now() + 60_000;
  while (!stopped() && Date.now() < deadline) {
    try {
      const response = await fetch(pageUrl);
      await response.arrayBuffer();
      if (response.ok) {
        console.log(`\nShared Services Monitoring is running at ${pageUrl}`);
        return;
      }
    } catch (error) {
      // Not listening yet (connection refused): try again shortly. Anything else is a bug.
      if (!(error instanceof TypeError)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!stopped()) console.error(`The workbench page did not answer at ${pageUrl} within a minute.`);
}

try {
  checkNode();
  const workbench = await buildWorkbench({ logLevel: 'warning' });
  console.log(`Workbench page built into ${path.relative(root, workbench.outDir)}.`);
  // The host's CLI reads the folder to serve at / from SSM_STATIC_DIR (its child inherits our environment).
  process.env.SSM_STATIC_DIR = workbench.outDir;
  const file = await bundle(path.join(root, 'local', 'host', 'cli.ts'));
  let exited = false;
  const port = Number(process.env.SSM_PORT ?? 4321);
  const announced = announceWhenServing(`http://127.0.0.1:${port}/`, () => exited);
  const code = await run(file, process.argv.slice(2));
  exited = true;
  await announced;
  process.exitCode = code;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
