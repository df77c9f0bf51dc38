/**
 * Runs every benchmark in turn (`npm run bench`). Benchmarks print figures; they assert
 * nothing, so a slow machine never fails a build.
 */
import { runDataLoadBenchmark } from './data-load';
import { runRemindersBenchmark } from './reminders';
import { runBundleSizeBenchmark } from './bundle-size';
import { runBrowserBenchmark } from './browser';
import { runImportBenchmark } from './import';

async function main(): Promise<void> {
  await runDataLoadBenchmark();
  await runRemindersBenchmark();
  await runImportBenchmark();
  await runBundleSizeBenchmark();
  await runBrowserBenchmark();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
