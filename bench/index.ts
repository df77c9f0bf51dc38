/**
 * Runs every benchmark in turn (`npm run bench`). Benchmarks print figures; they assert
 * nothing, so a slow machine never fails a build.
 */
import { runDataLoadBenchmark } from './data-load';
import { runRemindersBenchmark } from './reminders';
import { runBundleSizeBenchmark } from './bundle-size';
import { BROWSER_PARTS, BrowserPart, runBrowserBenchmark } from './browser';

/**
 * SSM_BENCH_BROWSER=compare,teams,save,large runs only those parts of the browser benchmark
 * (default all); an unknown name is refused, naming the known ones.
 */
function browserParts(value: string | undefined): BrowserPart[] | undefined {
  if (!value || value.trim() === '') return undefined;
  const names = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const n of names) {
    if ((BROWSER_PARTS as readonly string[]).indexOf(n) < 0) throw new Error(`SSM_BENCH_BROWSER: "${n}" is not one of ${BROWSER_PARTS.join(', ')}.`);
  }
  return names as BrowserPart[];
}
import { runImportBenchmark } from './import';

async function main(): Promise<void> {
  const parts = browserParts(process.env.SSM_BENCH_BROWSER);
  await runDataLoadBenchmark();
  await runRemindersBenchmark();
  await runImportBenchmark();
  const bundles = await runBundleSizeBenchmark();
  // The page's script total goes into the browser benchmark's targets summary.
  await runBrowserBenchmark(process.cwd(), { pageScriptGzipBytes: bundles.pageTotal?.gzipBytes, parts });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
