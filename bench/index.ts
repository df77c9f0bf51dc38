/**
 * Runs every benchmark in turn (`npm run bench`). Benchmarks print figures; they assert
 * nothing, so a slow machine never fails a build. SSM_BENCH_BROWSER=compare,teams,save,large
 * runs only those parts of the browser benchmark, SSM_BENCH_WEBPARTS=highlightReport,… only those
 * web parts; SSM_BENCH_REPEATS (default 3) sets how many loads each browser figure is the median
 * of. SSM_BENCH_ONLY=browser skips the data-layer, reminder, import and bundle benchmarks.
 */
import { runDataLoadBenchmark } from './data-load';
import { runRemindersBenchmark } from './reminders';
import { runBundleSizeBenchmark } from './bundle-size';
import { runBrowserBenchmark } from './browser';
import { runImportBenchmark } from './import';
import { benchWebParts, browserParts, repeatCount } from './report';

async function main(): Promise<void> {
  const parts = browserParts(process.env.SSM_BENCH_BROWSER);
  const repeats = repeatCount(process.env.SSM_BENCH_REPEATS, 3);
  const webParts = benchWebParts(process.env.SSM_BENCH_WEBPARTS);
  const browserOnly = process.env.SSM_BENCH_ONLY === 'browser';
  if (!browserOnly) {
    await runDataLoadBenchmark();
    await runRemindersBenchmark();
    await runImportBenchmark();
  }
  const bundles = browserOnly ? undefined : await runBundleSizeBenchmark();
  // The page's script total goes into the browser benchmark's targets summary.
  await runBrowserBenchmark(process.cwd(), { pageScriptGzipBytes: bundles?.pageTotal?.gzipBytes, parts, repeats, webParts });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
