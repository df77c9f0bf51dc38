/**
 * Where a web part's first load spends its time (`npm run bench:profile`): loads it in Chromium
 * from the local host with generated data, records a CPU profile from navigation to the first
 * data shown, and prints the REST requests (when sent, when answered, bytes) and the functions
 * with the most time of their own. Unminified production build, so names are readable.
 * SSM_PROFILE_WEBPART (default highlightReport) and SSM_PROFILE_OBJECTIVES (default 5,000) choose
 * what is loaded; the profile is written to test-artifacts/profile/<web part>.cpuprofile for
 * Chromium's DevTools. It prints figures and asserts nothing.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { startLocalHost } from '../local/host/server';
import { generateLargeData } from '../local/sample-data/generate';
import { BENCH_WEB_PARTS, BenchWebPart } from './report';
import { FIRST_RENDER_PROBE } from './browser';

/** A node of a Chromium CPU profile (Profiler.stop). */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** A Chromium CPU profile. */
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function webPartOf(value: string | undefined): BenchWebPart {
  const name = value && value.trim() !== '' ? value.trim() : 'highlightReport';
  if ((BENCH_WEB_PARTS as readonly string[]).indexOf(name) < 0) throw new Error(`SSM_PROFILE_WEBPART: "${name}" is not one of ${BENCH_WEB_PARTS.join(', ')}.`);
  return name as BenchWebPart;
}

/** Milliseconds of each function's own time, most first. */
function selfTimes(profile: CpuProfile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return Array.from(self.entries()).sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const root = process.cwd();
  const webPart = webPartOf(process.env.SSM_PROFILE_WEBPART);
  const objectives = Number(process.env.SSM_PROFILE_OBJECTIVES ?? 5000);
  const { chromium } = createRequire(path.join(root, 'package.json'))('playwright-core') as typeof import('playwright-core');
  const script = pathToFileURL(path.join(root, 'local', 'scripts', 'build-workbench.mjs')).href;
  const { buildWorkbench } = (await import(script)) as {
    buildWorkbench(o: { root: string; outDir: string; minify: boolean; production: boolean; sourcemap: boolean }): Promise<{ outDir: string }>;
  };
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-profile-'));
  await buildWorkbench({ root, outDir, minify: false, production: true, sourcemap: false });
  const host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives, updatesPerObjective: 4 }), staticDir: outDir });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    // A first load warms the host and the browser; the second is profiled.
    for (const profiled of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
      await context.addInitScript({ content: FIRST_RENDER_PROBE });
      const page = await context.newPage();
      const cdp: CDPSession = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
      await page.goto(`${host.url}/?webpart=${webPart}`);
      await page.waitForFunction(() => (window as unknown as { __ssmFirstRender?: number }).__ssmFirstRender !== undefined, undefined, { timeout: 120_000 });
      const timing = await page.evaluate(() => {
        const at = (window as unknown as { __ssmFirstRender: number }).__ssmFirstRender;
        const start = performance.getEntriesByName('ssm-webparts-start')[0]?.startTime ?? 0;
        const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => /\/_api\//i.test(e.name) && e.startTime <= at)
          .map((e) => ({ sent: Math.round(e.startTime - start), answered: Math.round(e.responseEnd - start), bytes: e.transferSize }));
        return { webPartMs: Math.round(at - start), api };
      });
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      await context.close();
      if (!profiled) continue;
      console.log(`${webPart}, ${objectives.toLocaleString('en-GB')} objectives: web part ${timing.webPartMs} ms (from its code requested to its first data shown)`);
      for (const r of timing.api) console.log(`  REST request sent at ${r.sent} ms, answered at ${r.answered} ms, ${(r.bytes / 1e6).toFixed(2)} MB`);
      console.log('  own time (ms), function:');
      for (const [name, ms] of selfTimes(profile).slice(0, 30)) console.log(`  ${Math.round(ms).toString().padStart(6)}  ${name}`);
      const out = path.join(root, 'test-artifacts', 'profile');
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, `${webPart}.cpuprofile`), JSON.stringify(profile));
      console.log(`  profile: ${path.relative(root, path.join(out, `${webPart}.cpuprofile`))}`);
    }
  } finally {
    await browser.close();
    await host.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
