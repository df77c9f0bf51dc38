/**
 * The local workbench: its build (local/scripts/build-workbench.mjs, called in-process), what
 * the bundle may not contain, and the local host serving the built page.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalHost, startLocalHost } from '../../local/host/server';
import { SCHEMA } from '../../src/data/schema';
import { toItem } from '../../src/data/mapping';

const ROOT = path.resolve(__dirname, '..', '..');

/** The parts of build-workbench.mjs the tests use. */
interface BuildScript {
  buildWorkbench(options?: { root?: string; outDir?: string; minify?: boolean; sourcemap?: boolean }): Promise<{
    outDir: string;
    files: string[];
    warnings: string[];
  }>;
  evaluateAmdStrings(source: string, file: string): Record<string, unknown>;
  readWebPartManifests(root: string): Promise<Array<{ name: string; id: string; title: string; properties: Record<string, unknown> }>>;
  spfxShimsPlugin(root: string): unknown;
  WorkbenchBuildError: new (...args: unknown[]) => Error;
}

/**
 * Node's own require, which (Node 22) loads ES modules: jest's module system cannot load the
 * .mjs build script, and `process.getBuiltinModule` reaches past jest's wrapped `module`.
 */
function nativeRequire<T>(specifier: string): T {
  const nodeModule = (process as unknown as { getBuiltinModule(id: 'node:module'): typeof import('module') }).getBuiltinModule('node:module');
  return nodeModule.createRequire(path.join(ROOT, 'package.json'))(specifier) as T;
}

const script = nativeRequire<BuildScript>(path.join(ROOT, 'local', 'scripts', 'build-workbench.mjs'));

// Build once, into a folder of its own so a running `npm start` keeps its page.
let outDir: string;
let files: string[];
let bundle: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-workbench-'));
  const result = await script.buildWorkbench({ outDir });
  files = result.files;
  bundle = fs.readFileSync(path.join(outDir, 'main.js'), 'utf8');
});

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('buildWorkbench', () => {
  it('writes the page, its bundle with a source map, its stylesheet and the icon fonts', () => {
    for (const file of ['index.html', 'main.js', 'main.js.map', 'workbench.css']) {
      expect(files).toContain(file);
      expect(fs.statSync(path.join(outDir, file)).size).toBeGreaterThan(0);
    }
    expect(files.filter((f) => /^fonts[\\/]fabric-icons.*\.woff$/.test(f)).length).toBeGreaterThan(0);
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('src="main.js"');
    expect(html).toContain('href="workbench.css"');
    // Fluent's settings (no web fonts from Microsoft's CDN) run as a classic script before the modules.
    expect(files).toContain('fabric-config.js');
    expect(html.indexOf('src="fabric-config.js"')).toBeGreaterThan(0);
    expect(html.indexOf('src="fabric-config.js"')).toBeLessThan(html.indexOf('src="main.js"'));
    expect(fs.readFileSync(path.join(outDir, 'fabric-config.js'), 'utf8')).toContain('fontBaseUrl');
    expect(bundle).toMatch(/\/\/# sourceMappingURL=main\.js\.map\s*$/);
  });

  it('bundles the four web parts with their manifest ids and the en-gb strings', async () => {
    const manifests = await script.readWebPartManifests(ROOT);
    expect(manifests.map((m) => m.name).sort()).toEqual(['benefitsTracker', 'highlightReport', 'objectivesTracker', 'riskRegister']);
    for (const m of manifests) expect(bundle).toContain(m.id);
    const strings = script.evaluateAmdStrings(fs.readFileSync(path.join(ROOT, 'src', 'loc', 'en-gb.js'), 'utf8'), 'en-gb.js');
    expect(bundle).toContain(JSON.stringify(strings.HighlightsHeading));
    expect(bundle).toContain(JSON.stringify(strings.RisksHeading));
  });

  it('does not reference SPFx run-time modules', () => {
    expect(bundle).not.toMatch(/@microsoft\/sp-[a-z-]+/);
  });

  it('contains nothing that looks like a secret', () => {
    const patterns: Array<[string, RegExp]> = [
      ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
      ['JSON web token', /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./],
      ['bearer token', /Bearer\s+[A-Za-z0-9._~+/-]{20,}/],
      ['client secret or password value', /(?:client[_-]?secret|password|passwd|api[_-]?key|access[_-]?token)["']?\s*[:=]\s*["'][^"'\s]{8,}["']/i],
      ['storage account key', /AccountKey=[A-Za-z0-9+/=]{20,}/],
      ['AWS access key', /AKIA[0-9A-Z]{16}/],
      ['GitHub token', /gh[pousr]_[A-Za-z0-9]{30,}/],
      ['form digest', /0x[0-9A-F]{64},/]
    ];
    const found = patterns.filter(([, re]) => re.test(bundle)).map(([name]) => name);
    expect(found).toEqual([]);
  });

  it('refuses a run-time import of an SPFx module with a message naming it', async () => {
    const esbuild = nativeRequire<typeof import('esbuild')>('esbuild');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-workbench-spfx-'));
    try {
      const entry = path.join(dir, 'component.ts');
      fs.writeFileSync(entry, "import { Version } from '@microsoft/sp-core-library';\nexport const v = Version.parse('1.0');\n");
      const attempt = esbuild.build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        logLevel: 'silent',
        plugins: [script.spfxShimsPlugin(ROOT) as import('esbuild').Plugin]
      });
      await expect(attempt).rejects.toThrow(/@microsoft\/sp-core-library.*only exists inside SharePoint/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('evaluates an AMD string resource and rejects one that is not a set of strings', () => {
    expect(script.evaluateAmdStrings("define([], function () { return { A: 'a', B: 'b' }; });", 'ok.js')).toEqual({ A: 'a', B: 'b' });
    expect(() => script.evaluateAmdStrings("define([], function () { return { A: 1 }; });", 'bad.js')).toThrow(/"A" is not a string/);
    expect(script.evaluateAmdStrings("define([], function () { return { G: { x: 'y' } }; });", 'nested.js')).toEqual({ G: { x: 'y' } });
    expect(() => script.evaluateAmdStrings("define([], function () { return { G: { x: 2 } }; });", 'bad.js')).toThrow(/"G.x" is not a string/);
    expect(() => script.evaluateAmdStrings('var x = 1;', 'none.js')).toThrow(/exactly one define/);
  });
});

describe('the local host serving the workbench', () => {
  let host: LocalHost;

  beforeAll(async () => {
    host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true, staticDir: outDir });
  });

  afterAll(async () => {
    if (host) await host.close();
  });

  it('answers / with the page', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<title>Shared Services Monitoring</title>');
    expect(html).toContain('<html lang="en-GB">');
  });

  it('answers the page with its query string (the Teams view) and serves the bundle as JavaScript', async () => {
    const teams = await fetch(`${host.url}/?host=teams&theme=dark`);
    expect(teams.status).toBe(200);
    expect(await teams.text()).toContain('<title>Shared Services Monitoring</title>');
    const js = await fetch(`${host.url}/main.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await js.text()).length).toBe(bundle.length);
  });

  it('hands the page a working form digest, as a SharePoint page does, so no contextinfo call is needed', async () => {
    const html = await (await fetch(`${host.url}/`)).text();
    const match = /window\._spPageContextInfo=(\{.*?\});<\/script>/.exec(html);
    expect(match).not.toBeNull();
    const info = JSON.parse((match as RegExpExecArray)[1]) as { webAbsoluteUrl: string; formDigestValue: string };
    expect(info.webAbsoluteUrl).toBe(`${host.url}/sites/ssm`);
    // The digest must be accepted for a write, and a write without it refused.
    const items = `${info.webAbsoluteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(SCHEMA.services.title)}')/items`;
    const body = JSON.stringify(toItem('services', { name: 'Digest check', phase: 'Phase 1', partnerCouncils: ['A', 'B'] }));
    const json = { accept: 'application/json', 'content-type': 'application/json' };
    const write = await fetch(items, { method: 'POST', headers: { ...json, 'x-requestdigest': info.formDigestValue }, body });
    expect(write.status).toBe(201);
    const without = await fetch(items, { method: 'POST', headers: json, body });
    expect(without.status).toBe(403);
  });

  it('serves the icon fonts byte for byte', async () => {
    const font = files.find((f) => f.endsWith('.woff'));
    expect(font).toBeDefined();
    const response = await fetch(`${host.url}/${(font as string).replace(/\\/g, '/')}`);
    expect(response.status).toBe(200);
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.equals(fs.readFileSync(path.join(outDir, font as string)))).toBe(true);
  });
});
