/**
 * The browser benchmark's targets summary: each target of the performance issue gets a line
 * with the right figure and verdict, and a part that did not run is "not measured", never met.
 */
import { BrowserResult, LoadFigure, targetLines } from '../../bench/browser';
import { BENCH_WEB_PARTS } from '../../bench/report';

function load(webPartMs: number, dataRequests: number): LoadFigure {
  return { requests: 30, dataRequests, dataBytes: 1000, laterDataRequests: 0, laterDataBytes: 0, scriptBytes: 1000, totalBytes: 2000, firstRenderMs: webPartMs + 300, webPartMs, heapBytes: 1e6, recorded: [] };
}

/** Every web part at `ms` on both networks, its plain baseline at `plainMs`, and at 20,000 objectives at `largeMs`. */
function result(ms: number, plainMs: number, largeMs: number, dataRequests = 1): BrowserResult {
  return {
    repeats: 1,
    compared: BENCH_WEB_PARTS.flatMap((webPart) =>
      (['loopback', 'emulated'] as const).map((condition) => ({ webPart, condition, ours: load(ms, dataRequests), floor: load(ms / 2, dataRequests), plain: load(plainMs, 6) }))
    ),
    large: BENCH_WEB_PARTS.map((webPart) => ({ webPart, ours: load(largeMs, dataRequests) })),
    teams: {},
    returning: {},
    wholePage: {},
    failures: []
  };
}

describe('targetLines', () => {
  it('lists every target once: time and requests per web part, the larger data, the page script and the plain ratio', () => {
    const lines = targetLines(result(400, 1000, 1500), { pageScriptGzipBytes: 200 * 1024 });
    expect(lines).toHaveLength(4 * 3 + 4 * 2 + 1 + 4 * 2);
    expect(lines.every((l) => l.verdict === 'met')).toBe(true);
  });

  it('holds each web part to its own time limit on each network', () => {
    // 900 ms: within the highlight report's 1.0 s loopback limit, over the objectives tracker's 0.8 s and the registers' 0.5 s.
    const lines = targetLines(result(900, 3000, 1500));
    const verdict = (label: string): string | undefined => lines.find((l) => l.label === label)?.verdict;
    expect(verdict('highlightReport web part time, loopback')).toBe('met');
    expect(verdict('objectivesTracker web part time, loopback')).toBe('not met');
    expect(verdict('riskRegister web part time, loopback')).toBe('not met');
    expect(verdict('riskRegister web part time, emulated')).toBe('met');
    expect(verdict('highlightReport web part time ours / plain, loopback')).toBe('met');
  });

  it('misses the request, larger-data, ratio and page-script targets when over them', () => {
    const lines = targetLines(result(400, 700, 2500, 3), { pageScriptGzipBytes: 300 * 1024 });
    const byLabel = new Map(lines.map((l) => [l.label, l]));
    expect(byLabel.get('benefitsTracker data requests to the first render')?.verdict).toBe('not met');
    expect(byLabel.get('benefitsTracker web part time, 20,000 objectives, loopback')?.verdict).toBe('not met');
    expect(byLabel.get('benefitsTracker web part time ours / plain, loopback')).toMatchObject({ figure: '0.571×', verdict: 'not met' });
    expect(byLabel.get('page with all four web parts, script gzip')).toMatchObject({ figure: '300.0 KB', verdict: 'not met' });
  });

  it('says "not measured" for the parts that did not run', () => {
    const lines = targetLines({ repeats: 1, compared: [], large: [], teams: {}, returning: {}, wholePage: {}, failures: [] });
    expect(lines.every((l) => l.verdict === 'not measured')).toBe(true);
  });
});
