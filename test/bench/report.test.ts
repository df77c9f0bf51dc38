/**
 * The benchmark's report helpers: verdicts, ratios, the page's script union, the floor's
 * parsing of REST and $batch answers, and the headers a replay may send.
 */
import { SCHEMA } from '../../src/data/schema';
import { serialiseBatchResponse } from '../../local/host/multipart';
import {
  BENCH_WEB_PARTS,
  browserParts,
  PLAIN_LISTS,
  emulatedNetworkConditions,
  formatBytes,
  formatRatio,
  formatTargetLines,
  medianRun,
  repeatCount,
  pageFileUnion,
  parseRestBody,
  ratio,
  replayable,
  targetLine,
  totalSize,
  verdictAtMost
} from '../../bench/report';
import { compressible } from '../../bench/gzipProxy';

describe('verdicts', () => {
  it('meets a target at or under the limit and misses it over', () => {
    expect(verdictAtMost(1000, 1000)).toBe('met');
    expect(verdictAtMost(999.4, 1000)).toBe('met');
    expect(verdictAtMost(1000.1, 1000)).toBe('not met');
  });

  it('says a figure that was not measured is not measured, never met', () => {
    expect(verdictAtMost(undefined, 1000)).toBe('not measured');
    expect(verdictAtMost(NaN, 1000)).toBe('not measured');
  });
});

describe('ratios', () => {
  it('divides ours by the baseline', () => {
    expect(ratio(450, 1000)).toBeCloseTo(0.45);
    expect(ratio(3, 1)).toBe(3);
  });

  it('gives no ratio without a baseline or against zero', () => {
    expect(ratio(450, undefined)).toBeUndefined();
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(5, 0)).toBeUndefined();
  });

  it('prints two decimals with ×, and a dash when there is none', () => {
    expect(formatRatio(0.4549)).toBe('0.45×');
    expect(formatRatio(2)).toBe('2.00×');
    expect(formatRatio(undefined)).toBe('–');
  });
});

describe('formatBytes', () => {
  it('prints KB under a megabyte and MB above', () => {
    expect(formatBytes(250 * 1024)).toBe('250.0 KB');
    expect(formatBytes(3 * 1024 * 1024 + 210 * 1024)).toBe('3.21 MB');
    expect(formatBytes(undefined)).toBe('–');
  });
});

describe('page script union', () => {
  it('counts a chunk several web parts load once', () => {
    const union = pageFileUnion([
      { name: 'a', files: ['a.js', 'shell.js', 'fluent.js'] },
      { name: 'b', files: ['b.js', 'shell.js', 'fluent.js', 'b-ui.js'] }
    ]);
    expect(union).toEqual(['a.js', 'shell.js', 'fluent.js', 'b.js', 'b-ui.js']);
    const sizes: Record<string, number> = { 'a.js': 1, 'shell.js': 10, 'fluent.js': 100, 'b.js': 2, 'b-ui.js': 20 };
    expect(totalSize(union, (f) => sizes[f])).toBe(133);
  });

  it('refuses a file with no size rather than counting it as nothing', () => {
    expect(() => totalSize(['missing.js'], () => undefined)).toThrow(/missing\.js/);
  });
});

describe('target lines', () => {
  it('prints each target with its figure, limit and verdict, and counts those met', () => {
    const lines = formatTargetLines([
      targetLine('highlight report, loopback', 850, 1000, (n) => `${n} ms`),
      targetLine('highlight report, emulated', 2500, 2000, (n) => `${n} ms`),
      targetLine('page script', undefined, 100, (n) => (n === undefined ? '–' : `${n} KB`))
    ]);
    expect(lines[0]).toMatch(/^highlight report, loopback +850 ms +≤ 1000 ms +met$/);
    expect(lines[1]).toMatch(/2500 ms +≤ 2000 ms +not met$/);
    expect(lines[2]).toMatch(/– +≤ 100 KB +not measured$/);
    expect(lines[3]).toBe('1 of 3 targets met');
  });
});

describe('network emulation', () => {
  it('gives Chromium 100 ms latency and 20 Mbit/s down, 5 Mbit/s up, in bytes a second', () => {
    expect(emulatedNetworkConditions()).toEqual({ offline: false, latency: 100, downloadThroughput: 2_500_000, uploadThroughput: 625_000 });
  });
});

describe('plain baseline lists', () => {
  it('names, for every web part, lists of the schema', () => {
    for (const webPart of BENCH_WEB_PARTS) {
      expect(PLAIN_LISTS[webPart].length).toBeGreaterThan(0);
      for (const key of PLAIN_LISTS[webPart]) expect(SCHEMA[key as keyof typeof SCHEMA]?.title).toEqual(expect.any(String));
    }
  });
});

describe('floor parsing', () => {
  it('parses a plain JSON answer', () => {
    expect(parseRestBody('{"value":[{"Id":1}]}', 'application/json;odata=nometadata')).toEqual([{ value: [{ Id: 1 }] }]);
  });

  it('parses every JSON part of a $batch answer as the local host writes it', () => {
    const { body, contentType } = serialiseBatchResponse(
      [
        { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"value":[{"Id":1},{"Id":2}]}' },
        { status: 204, headers: {} },
        { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"Id":7}' }
      ] as Parameters<typeof serialiseBatchResponse>[0],
      'batchresponse_abc'
    );
    expect(parseRestBody(body, contentType)).toEqual([{ value: [{ Id: 1 }, { Id: 2 }] }, { Id: 7 }]);
  });

  it('runs as its own source text, as the benchmark runs it in the page', () => {
    // eslint-disable-next-line no-new-func -- the same round trip the benchmark makes.
    const fromSource = new Function(`return (${parseRestBody.toString()});`)() as typeof parseRestBody;
    expect(fromSource('[1,2]', 'application/json')).toEqual([[1, 2]]);
  });
});

describe('replayed requests', () => {
  it('keeps the method, URL, body and the headers a script may set, and drops those the browser sets', () => {
    const r = replayable({
      method: 'POST',
      url: 'http://127.0.0.1:1/sites/ssm/_api/$batch',
      headers: { accept: 'application/json', 'content-type': 'multipart/mixed; boundary=batch_1', 'x-requestdigest': 'd', cookie: 'ssm-user=x', 'user-agent': 'UA', 'sec-ch-ua': 'x', referer: 'r' },
      body: '--batch_1--'
    });
    expect(r).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:1/sites/ssm/_api/$batch',
      headers: { accept: 'application/json', 'content-type': 'multipart/mixed; boundary=batch_1', 'x-requestdigest': 'd' },
      body: '--batch_1--'
    });
  });
});

describe('gzip proxy', () => {
  it('compresses text answers (JSON, $batch, scripts, HTML) and leaves fonts alone', () => {
    expect(compressible('application/json;odata=nometadata;charset=utf-8')).toBe(true);
    expect(compressible('multipart/mixed; boundary=batchresponse_1')).toBe(true);
    expect(compressible('text/javascript; charset=utf-8')).toBe(true);
    expect(compressible('text/html; charset=utf-8')).toBe(true);
    expect(compressible('font/woff')).toBe(false);
    expect(compressible(undefined)).toBe(false);
  });
});

describe('median run', () => {
  it('picks the run with the middle time, whole', () => {
    const runs = [
      { ms: 900, heap: 1 },
      { ms: 700, heap: 2 },
      { ms: 1500, heap: 3 }
    ];
    expect(medianRun(runs, (r) => r.ms)).toEqual({ ms: 900, heap: 1 });
    expect(medianRun([runs[0], runs[1]], (r) => r.ms)).toEqual({ ms: 700, heap: 2 });
    expect(medianRun([runs[2]], (r) => r.ms)).toBe(runs[2]);
    expect(() => medianRun([], (r: { ms: number }) => r.ms)).toThrow();
  });
});

describe('repeat count', () => {
  it('reads a whole number from 1 to 9 and refuses anything else, naming the variable', () => {
    expect(repeatCount(undefined, 3)).toBe(3);
    expect(repeatCount('', 3)).toBe(3);
    expect(repeatCount('1', 3)).toBe(1);
    expect(() => repeatCount('0', 3)).toThrow(/SSM_BENCH_REPEATS/);
    expect(() => repeatCount('2.5', 3)).toThrow(/SSM_BENCH_REPEATS/);
    expect(() => repeatCount('ten', 3)).toThrow(/SSM_BENCH_REPEATS/);
  });
});

describe('browser parts', () => {
  it('runs every part unless some are named, and refuses an unknown name', () => {
    expect(browserParts(undefined)).toBeUndefined();
    expect(browserParts(' ')).toBeUndefined();
    expect(browserParts('save, teams')).toEqual(['save', 'teams']);
    expect(() => browserParts('save,speed')).toThrow(/"speed" is not one of compare, teams, save, large/);
  });
});
