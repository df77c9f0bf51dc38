/**
 * Pure helpers of the benchmark's printed report: the performance targets, their verdicts,
 * ratios against the baselines and the page's script total. No I/O, so they are unit-tested
 * (test/bench/report.test.ts) while the benchmark itself only prints.
 */

/** The web parts the browser benchmark measures, in page order. */
export const BENCH_WEB_PARTS = ['objectivesTracker', 'benefitsTracker', 'riskRegister', 'highlightReport'] as const;

/** One of {@link BENCH_WEB_PARTS}. */
export type BenchWebPart = (typeof BENCH_WEB_PARTS)[number];

/** The parts of the browser benchmark: web parts against the baselines, Teams cold start, save latency, the larger data. */
export const BROWSER_PARTS = ['compare', 'teams', 'save', 'large'] as const;

/** One of {@link BROWSER_PARTS}. */
export type BrowserPart = (typeof BROWSER_PARTS)[number];

/** The names of `allowed` listed (comma-separated) in the variable `variable`; undefined (all) when unset or empty. An unknown name is refused, naming the known ones. */
function namesIn<T extends string>(variable: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (!value || value.trim() === '') return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const n of names) {
    if ((allowed as readonly string[]).indexOf(n) < 0) throw new Error(`${variable}: "${n}" is not one of ${allowed.join(', ')}.`);
  }
  return names as T[];
}

/** The parts named by SSM_BENCH_BROWSER ("compare,teams,save,large"); undefined (all) when unset or empty. */
export function browserParts(value: string | undefined): BrowserPart[] | undefined {
  return namesIn('SSM_BENCH_BROWSER', value, BROWSER_PARTS);
}

/** The web parts named in SSM_BENCH_WEBPARTS; undefined (all) when unset or empty. */
export function benchWebParts(value: string | undefined): BenchWebPart[] | undefined {
  return namesIn('SSM_BENCH_WEBPARTS', value, BENCH_WEB_PARTS);
}

/** The two network conditions every web part is measured under. */
export type NetworkCondition = 'loopback' | 'emulated';

/**
 * Chromium's network emulation for "a council office to SharePoint Online": 100 ms round
 * trip, 20 Mbit/s down, 5 Mbit/s up (CDP Network.emulateNetworkConditions takes bytes a second).
 */
export const EMULATED_NETWORK = { latencyMs: 100, downloadBitsPerSecond: 20_000_000, uploadBitsPerSecond: 5_000_000 } as const;

/** The CDP `Network.emulateNetworkConditions` parameters of {@link EMULATED_NETWORK}. */
export function emulatedNetworkConditions(): { offline: boolean; latency: number; downloadThroughput: number; uploadThroughput: number } {
  return {
    offline: false,
    latency: EMULATED_NETWORK.latencyMs,
    downloadThroughput: EMULATED_NETWORK.downloadBitsPerSecond / 8,
    uploadThroughput: EMULATED_NETWORK.uploadBitsPerSecond / 8
  };
}

/** Web part time targets (code requested → first render) at 5,000 objectives / 20,000 updates. */
export const WEB_PART_TIME_TARGETS_MS: Readonly<Record<BenchWebPart, Readonly<Record<NetworkCondition, number>>>> = {
  highlightReport: { loopback: 1000, emulated: 2000 },
  objectivesTracker: { loopback: 800, emulated: 1500 },
  benefitsTracker: { loopback: 500, emulated: 1000 },
  riskRegister: { loopback: 500, emulated: 1000 }
};

/** The other targets. */
export const PERFORMANCE_TARGETS = {
  /** SharePoint REST requests of a web part's first load. */
  dataRequests: 2,
  /** Every web part's time on loopback at 20,000 objectives / 80,000 updates. */
  largeLoopbackMs: 2000,
  /** Script a page with all four web parts downloads, gzip, each chunk counted once. */
  pageScriptGzipBytes: 250 * 1024,
  /** Our web part time over the plain PnPjs web part's, at 5,000 objectives. */
  oursOverPlain: 0.5
} as const;

/** A printed verdict. */
export type Verdict = 'met' | 'not met' | 'not measured';

/** "met" when `value` is at most `limit`; "not measured" when there is no value. */
export function verdictAtMost(value: number | undefined, limit: number): Verdict {
  if (value === undefined || !Number.isFinite(value)) return 'not measured';
  return value <= limit ? 'met' : 'not met';
}

/** ours / base; undefined when either is missing or the base is zero (no ratio to give). */
export function ratio(ours: number | undefined, base: number | undefined): number | undefined {
  if (ours === undefined || base === undefined || !Number.isFinite(ours) || !Number.isFinite(base) || base === 0) return undefined;
  return ours / base;
}

/** A ratio as printed: two decimals and "×" ("0.42×"), "–" when there is none. */
export function formatRatio(value: number | undefined): string {
  if (value === undefined) return '–';
  return `${value >= 100 ? Math.round(value) : value.toFixed(2)}×`;
}

/** A ratio against a target, with three decimals ("0.503×"), so a ratio just over the limit does not print as the limit. */
export function formatPreciseRatio(value: number | undefined): string {
  return value === undefined ? '–' : `${value.toFixed(3)}×`;
}

/** Milliseconds as printed ("1,234 ms"), "–" when missing. */
export function formatMs(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? '–' : `${Math.round(ms).toLocaleString('en-GB')} ms`;
}

/** Bytes as printed, in KB under a megabyte and MB above ("812.4 KB", "3.20 MB"), "–" when missing. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '–';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** What one web part downloads before its first render, by file name (as the bundle benchmark finds it). */
export interface WebPartFiles {
  /** Web part alias. */
  name: string;
  /** Every file it downloads before its first render: its bundle, the strings, the shell and its UI chunks. */
  files: readonly string[];
}

/**
 * The files a page holding all the given web parts downloads: each file once however many
 * web parts load it, in first-seen order.
 */
export function pageFileUnion(webParts: readonly WebPartFiles[]): string[] {
  const seen = new Set<string>();
  const union: string[] = [];
  for (const w of webParts) {
    for (const f of w.files) {
      if (!seen.has(f)) {
        seen.add(f);
        union.push(f);
      }
    }
  }
  return union;
}

/** The sum of `sizeOf` over `files`; throws when a file has no size (a file the build did not write). */
export function totalSize(files: readonly string[], sizeOf: (file: string) => number | undefined): number {
  let total = 0;
  for (const f of files) {
    const size = sizeOf(f);
    if (size === undefined) throw new Error(`No size for ${f}: it is not in the build output.`);
    total += size;
  }
  return total;
}

/** A line of the targets summary. */
export interface TargetLine {
  /** What is measured, as printed ("highlightReport web part time, emulated"). */
  label: string;
  /** The figure, as printed. */
  figure: string;
  /** The limit, as printed ("≤ 1,000 ms"). */
  limit: string;
  verdict: Verdict;
}

/** A target line for a figure that must be at most `limit`. */
export function targetLine(label: string, value: number | undefined, limit: number, format: (n: number | undefined) => string): TargetLine {
  return { label, figure: format(value), limit: `≤ ${format(limit)}`, verdict: verdictAtMost(value, limit) };
}

/** The target lines, aligned, one a line; and a last line counting the met targets. */
export function formatTargetLines(lines: readonly TargetLine[]): string[] {
  const labelWidth = Math.max(0, ...lines.map((l) => l.label.length));
  const figureWidth = Math.max(0, ...lines.map((l) => l.figure.length));
  const limitWidth = Math.max(0, ...lines.map((l) => l.limit.length));
  const met = lines.filter((l) => l.verdict === 'met').length;
  return [
    ...lines.map((l) => `${l.label.padEnd(labelWidth)}  ${l.figure.padStart(figureWidth)}  ${l.limit.padEnd(limitWidth)}  ${l.verdict}`),
    `${met} of ${lines.length} targets met`
  ];
}

/**
 * The lists the plain PnPjs web part reads for each web part: what a developer following the
 * usual samples would read whole to show the same content. Keys of the product's schema; the
 * first is the list the web part shows in its DetailsList.
 */
export const PLAIN_LISTS: Readonly<Record<BenchWebPart, readonly string[]>> = {
  objectivesTracker: ['objectives', 'objectiveUpdates', 'services'],
  benefitsTracker: ['benefits', 'services'],
  riskRegister: ['risks', 'services'],
  highlightReport: ['objectives', 'objectiveUpdates', 'benefits', 'risks', 'services', 'highlights', 'measures', 'measureActuals']
};

/** A REST request recorded from a page, replayed by the floor baseline. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Headers a page's script may not set (the browser sets them), left out of a replay. */
const BROWSER_SET_HEADERS = /^(host|cookie|content-length|connection|origin|referer|user-agent|accept-encoding|accept-language|sec-.*|:.*)$/i;

/** The request as `fetch` can replay it: the same method, URL and body, and the headers a script may set. */
export function replayable(request: RecordedRequest): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (!BROWSER_SET_HEADERS.test(name)) headers[name] = value;
  return { method: request.method, url: request.url, headers, ...(request.body !== undefined ? { body: request.body } : {}) };
}

/**
 * Parses a SharePoint REST answer as the floor baseline does: JSON, or a `$batch` answer
 * (multipart/mixed) whose parts each carry an HTTP response with a JSON body. Returns the parsed
 * bodies. Self-contained (no outside references) because the benchmark runs its source in the page.
 */
export function parseRestBody(text: string, contentType: string): unknown[] {
  if (!/multipart\/mixed/i.test(contentType)) return text.trim() === '' ? [] : [JSON.parse(text)];
  const match = /boundary=("?)([^";]+)\1/i.exec(contentType);
  const parts = match ? text.split(`--${match[2]}`) : [text];
  const bodies: unknown[] = [];
  for (const part of parts) {
    const status = part.search(/HTTP\/1\.1 \d{3}/);
    if (status < 0) continue;
    const blank = part.slice(status).search(/\r?\n\r?\n/);
    if (blank < 0) continue;
    const body = part.slice(status + blank).trim();
    if (body.startsWith('{') || body.startsWith('[')) bodies.push(JSON.parse(body));
  }
  return bodies;
}

/**
 * The run whose `key` is the median of the runs (the lower middle one of an even count), so
 * the figures printed together (time, bytes, heap) all come from one real load.
 */
export function medianRun<T>(runs: readonly T[], key: (run: T) => number): T {
  if (runs.length === 0) throw new Error('medianRun: no runs.');
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** A repeat count from an environment variable: a whole number from 1 to 9, else the default. */
export function repeatCount(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 9) throw new Error(`SSM_BENCH_REPEATS must be a whole number from 1 to 9, not "${value}".`);
  return n;
}
