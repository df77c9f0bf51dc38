/**
 * Runs every benchmark in turn (`npm run bench`). Benchmarks print figures; they assert
 * nothing, so a slow machine never fails a build.
 */
import { runDataLoadBenchmark } from './data-load';
import { runRemindersBenchmark } from './reminders';
import { runBundleSizeBenchmark } from './bundle-size';
import { runBrowserBenchmark } from './browser';

async function main(): Promise<void> {
  await runDataLoadBenchmark();
  await runRemindersBenchmark();
  await runBundleSizeBenchmark();
  await runBrowserBenchmark();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
