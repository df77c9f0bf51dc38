/**
 * Bundle-size benchmark: for each web part, the size of the bundle SharePoint downloads (raw
 * and gzip), read from the output of `npm run build` (the manifests in temp/deploy/ or dist/
 * name the current bundle; older hashed bundles left in dist/ are ignored), against the
 * 150 KB gzip target. Chunks loaded later with dynamic `import()` (docx, charts) are listed
 * separately. It prints figures and asserts nothing; it never builds (run `npm run build` first).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PERFORMANCE_TARGETS, pageFileUnion, totalSize, verdictAtMost } from './report';

/** The gzip target per web part bundle (issue 8). */
export const BUNDLE_TARGET_GZIP_BYTES = 150 * 1024;

/** One measured file. */
export interface BundleFigure {
  /** Web part alias (or chunk file name). */
  name: string;
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

/** What a web part downloads before its first render: its bundle, the shared shell and its UI's chunk group. */
export interface FirstRenderFigure {
  /** Web part alias. */
  name: string;
  /** The chunk files of the shell and of the web part's UI group (with the shared chunks they need). */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /** Of gzipBytes, what is in chunks another web part's UI uses too (downloaded once per page). */
  sharedGzipBytes: number;
  /** The web part's own bundle (the manifest's entry). */
  bundleFile: string;
}

/** What a page with every web part downloads before their first renders, each file counted once. */
export interface PageTotalFigure {
  /** The files: every web part's bundle, the string resource of the page's language, the shell and the UI chunks. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** What the benchmark found. */
export interface BundleSizeResult {
  /** Folder read, relative to the repository root; undefined when there is no build output. */
  folder?: string;
  webParts: BundleFigure[];
  /** Per web part, bundle plus UI chunks (from temp/stats/chunk-groups.json, written by the build). */
  firstRender: FirstRenderFigure[];
  /** Chunks not named by any manifest as an entry (loaded with dynamic import()). */
  lazyChunks: BundleFigure[];
  /** The page with all the web parts; undefined without the build's chunk groups. */
  pageTotal?: PageTotalFigure;
}

/** The parts of an SPFx component manifest read here. */
interface ComponentManifest {
  alias?: string;
  componentType?: string;
  loaderConfig?: { entryModuleId?: string; scriptResources?: Record<string, { type: string; path?: string; paths?: Record<string, string> }> };
}

/** The page's language: the string resource SharePoint loads for a UK site. */
const PAGE_LOCALE = 'en-GB';

function measureFile(name: string, file: string): BundleFigure {
  const content = fs.readFileSync(file);
  return { name, file, rawBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** The chunk group of the shared shell (src/webparts/shared/shell.ts). */
const SHELL_GROUP = 'ssm-shell';

/** Reads the build output under `root`: temp/deploy (ship build) first, then dist. */
export function measureBundles(root: string): BundleSizeResult {
  const folders = [path.join(root, 'temp', 'deploy'), path.join(root, 'dist')];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    const manifests = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.manifest.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')) as ComponentManifest)
      .filter((m) => m.componentType === 'WebPart' || m.loaderConfig?.entryModuleId !== undefined);
    // Web part alias → its bundle (the four web parts share one bundle, see config/config.json).
    const entries = new Map<string, string>();
    const strings = new Set<string>();
    for (const m of manifests) {
      for (const r of Object.values(m.loaderConfig?.scriptResources ?? {})) {
        const localized = r.type === 'localizedPath' ? r.paths?.[PAGE_LOCALE] : undefined;
        if (localized && fs.existsSync(path.join(folder, localized))) strings.add(localized);
      }
      const entryId = m.loaderConfig?.entryModuleId;
      const entry = entryId ? m.loaderConfig?.scriptResources?.[entryId] : undefined;
      if (entry?.type === 'path' && entry.path && fs.existsSync(path.join(folder, entry.path))) entries.set(m.alias ?? entryId ?? entry.path, entry.path);
    }
    if (entries.size === 0) continue;
    const entryFiles = new Set(entries.values());
    const webParts = Array.from(entries.entries())
      .map(([alias, file]) => measureFile(alias, path.join(folder, file)))
      .sort((a, b) => a.name.localeCompare(b.name));
    // Chunks written by the same build as the entries (older hashed builds linger in dist/).
    const oldestEntry = Math.min(...Array.from(entryFiles).map((f) => fs.statSync(path.join(folder, f)).mtimeMs));
    const lazyChunks = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.js') && /^chunk\./.test(f) && !entryFiles.has(f))
      .filter((f) => fs.statSync(path.join(folder, f)).mtimeMs >= oldestEntry - 60_000)
      .map((f) => measureFile(f, path.join(folder, f)))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    const firstRender = firstRenderFigures(root, folder, entries, webParts);
    const atFirstRender = new Set(firstRender.flatMap((f) => f.files));
    // With the build's chunk groups, the on-demand chunks are the files of the other named
    // groups (forms, export, import); file dates cannot tell, as an unchanged chunk keeps its old file.
    const groups = readChunkGroups(root);
    const onDemand = groups
      ? Array.from(new Set(Object.entries(groups.namedChunkGroups).filter(([name]) => !(name in groups.entrypoints) && name !== SHELL_GROUP && !/-ui$/.test(name)).flatMap(([, files]) => files)))
          .filter((f) => !atFirstRender.has(f) && fs.existsSync(path.join(folder, f)))
          .map((f) => measureFile(f, path.join(folder, f)))
          .sort((a, b) => b.gzipBytes - a.gzipBytes)
      : lazyChunks.filter((c) => !atFirstRender.has(c.name));
    const pageTotal = firstRender.length > 0 ? pageTotalFigure(folder, firstRender, Array.from(strings)) : undefined;
    return { folder: path.relative(root, folder), webParts, lazyChunks: onDemand, firstRender, pageTotal };
  }
  return { webParts: [], lazyChunks: [], firstRender: [] };
}

/**
 * Adds to each web part bundle the chunks it loads before its first render: the shared shell
 * (`ssm-shell`) and its UI group (named after the web part: `RiskRegisterWebPart` →
 * `ssm-risk-register-ui`), from the build's chunk groups.
 */

/** The build's entry points and named chunk groups with their files (temp/stats/chunk-groups.json, see gulpfile.js). */
interface ChunkGroups {
  entrypoints: Record<string, string[]>;
  namedChunkGroups: Record<string, string[]>;
}

function readChunkGroups(root: string): ChunkGroups | undefined {
  const file = path.join(root, 'temp', 'stats', 'chunk-groups.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ChunkGroups) : undefined;
}

/** The web part's name in its UI chunk group: `RiskRegisterWebPart` → `risk-register`. */
export function uiGroupStem(alias: string): string {
  return alias
    .replace(/WebPart$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

function firstRenderFigures(root: string, folder: string, entries: Map<string, string>, webParts: BundleFigure[]): FirstRenderFigure[] {
  const groups = readChunkGroups(root);
  if (!groups) return [];
  // The shell (repositories and providers) that every web part loads in onInit, then its UI.
  const shell = groups.namedChunkGroups[SHELL_GROUP] ?? [];
  // And the first load a web part starts in onInit, while its UI downloads (the highlight report, the objectives tracker).
  const uiGroupOf = (alias: string): string[] | undefined => {
    const ui = groups.namedChunkGroups[`ssm-${uiGroupStem(alias)}-ui`];
    const firstLoad = groups.namedChunkGroups[`ssm-${uiGroupStem(alias)}-first-load`] ?? [];
    return ui ? Array.from(new Set([...shell, ...ui, ...firstLoad])) : undefined;
  };
  const uiFiles = new Map<string, string[]>();
  for (const alias of Array.from(entries.keys())) {
    const files = uiGroupOf(alias);
    if (files) uiFiles.set(alias, files.filter((f) => fs.existsSync(path.join(folder, f))));
  }
  const uses = new Map<string, number>();
  for (const files of Array.from(uiFiles.values())) for (const f of files) uses.set(f, (uses.get(f) ?? 0) + 1);
  const figures: FirstRenderFigure[] = [];
  for (const alias of Array.from(entries.keys())) {
    const files = uiFiles.get(alias);
    const bundle = webParts.find((w) => w.name === alias);
    if (!files || !bundle) continue;
    const measured = files.map((f) => measureFile(f, path.join(folder, f)));
    figures.push({
      name: alias,
      files,
      rawBytes: bundle.rawBytes + measured.reduce((n, f) => n + f.rawBytes, 0),
      gzipBytes: bundle.gzipBytes + measured.reduce((n, f) => n + f.gzipBytes, 0),
      sharedGzipBytes: measured.filter((f) => (uses.get(f.name) ?? 0) > 1).reduce((n, f) => n + f.gzipBytes, 0),
      bundleFile: entries.get(alias) ?? bundle.file
    });
  }
  return figures.sort((a, b) => a.name.localeCompare(b.name));
}

/** The page with every web part: the union of their first-render files, with the strings, each file once. */
function pageTotalFigure(folder: string, firstRender: readonly FirstRenderFigure[], strings: readonly string[]): PageTotalFigure {
  const files = pageFileUnion([...firstRender.map((f) => ({ name: f.name, files: [f.bundleFile, ...f.files] })), { name: 'strings', files: strings }]);
  const measured = new Map(files.map((f) => [f, measureFile(f, path.join(folder, f))]));
  return {
    files,
    rawBytes: totalSize(files, (f) => measured.get(f)?.rawBytes),
    gzipBytes: totalSize(files, (f) => measured.get(f)?.gzipBytes)
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the figures; returns them for callers that want to combine reports. */
export async function runBundleSizeBenchmark(root = process.cwd()): Promise<BundleSizeResult> {
  const result = measureBundles(root);
  console.log('\nBundle size per web part (the bundle SharePoint loads for it, target ≤ 150 KB gzip)');
  if (!result.folder) {
    console.log('  No build output found in temp/deploy/ or dist/. Build first with `npm run build`, then run `npm run bench` again.');
    return result;
  }
  console.log(`  from ${result.folder}/ (npm run build)`);
  console.log(`  ${'web part'.padEnd(28)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  vs target`);
  for (const f of result.webParts) {
    const verdict = f.gzipBytes <= BUNDLE_TARGET_GZIP_BYTES ? 'within target' : `OVER by ${kb(f.gzipBytes - BUNDLE_TARGET_GZIP_BYTES)}`;
    console.log(`  ${f.name.padEnd(28)} ${kb(f.rawBytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)}  ${verdict}`);
  }
  if (result.firstRender.length > 0) {
    console.log('  Downloaded before the first render: the bundle, the shared shell, the UI chunks it loads at once and its early first load');
    console.log(`  ${'web part'.padEnd(28)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  of which shared with the other web parts (downloaded once a page)`);
    for (const f of result.firstRender) {
      console.log(`  ${f.name.padEnd(28)} ${kb(f.rawBytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)}  ${kb(f.sharedGzipBytes)}`);
    }
  }
  if (result.pageTotal) {
    const t = result.pageTotal;
    console.log(
      `  ${'page with all four web parts'.padEnd(28)} ${kb(t.rawBytes).padStart(10)} ${kb(t.gzipBytes).padStart(10)}  ` +
        `${t.files.length} files, each counted once (bundles, ${PAGE_LOCALE} strings, shell, UI chunks): target ≤ ${kb(PERFORMANCE_TARGETS.pageScriptGzipBytes)} gzip ${verdictAtMost(t.gzipBytes, PERFORMANCE_TARGETS.pageScriptGzipBytes)}`
    );
  } else {
    console.log('  Page total not computed: temp/stats/chunk-groups.json (written by the build) is missing.');
  }
  if (result.lazyChunks.length > 0) {
    console.log('  Loaded on demand with import() (not counted against the target):');
    for (const f of result.lazyChunks) console.log(`    ${f.name.padEnd(60)} ${kb(f.rawBytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)}`);
  } else {
    console.log('  No chunks loaded on demand (dynamic import()) in this build.');
  }
  return result;
}
