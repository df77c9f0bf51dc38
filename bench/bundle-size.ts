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

/** What the benchmark found. */
export interface BundleSizeResult {
  /** Folder read, relative to the repository root; undefined when there is no build output. */
  folder?: string;
  webParts: BundleFigure[];
  /** Chunks not named by any manifest as an entry (loaded with dynamic import()). */
  lazyChunks: BundleFigure[];
}

/** The parts of an SPFx component manifest read here. */
interface ComponentManifest {
  alias?: string;
  componentType?: string;
  loaderConfig?: { entryModuleId?: string; scriptResources?: Record<string, { type: string; path?: string }> };
}

function measureFile(name: string, file: string): BundleFigure {
  const content = fs.readFileSync(file);
  return { name, file, rawBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

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
    const entries = new Map<string, string>();
    for (const m of manifests) {
      const entryId = m.loaderConfig?.entryModuleId;
      const entry = entryId ? m.loaderConfig?.scriptResources?.[entryId] : undefined;
      if (entry?.type === 'path' && entry.path && fs.existsSync(path.join(folder, entry.path))) entries.set(entry.path, m.alias ?? entryId ?? entry.path);
    }
    if (entries.size === 0) continue;
    const webParts = Array.from(entries.entries())
      .map(([file, alias]) => measureFile(alias, path.join(folder, file)))
      .sort((a, b) => a.name.localeCompare(b.name));
    // Chunks written by the same build as the entries (older hashed builds linger in dist/).
    const oldestEntry = Math.min(...Array.from(entries.keys()).map((f) => fs.statSync(path.join(folder, f)).mtimeMs));
    const lazyChunks = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.js') && /^chunk\./.test(f) && !entries.has(f))
      .filter((f) => fs.statSync(path.join(folder, f)).mtimeMs >= oldestEntry - 60_000)
      .map((f) => measureFile(f, path.join(folder, f)))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { folder: path.relative(root, folder), webParts, lazyChunks };
  }
  return { webParts: [], lazyChunks: [] };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the figures; returns them for callers that want to combine reports. */
export async function runBundleSizeBenchmark(root = process.cwd()): Promise<BundleSizeResult> {
  const result = measureBundles(root);
  console.log('\nBundle size per web part (shipped bundle, target ≤ 150 KB gzip)');
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
  if (result.lazyChunks.length > 0) {
    console.log('  Loaded on demand with import() (not counted against the target):');
    for (const f of result.lazyChunks) console.log(`    ${f.name.padEnd(60)} ${kb(f.rawBytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)}`);
  } else {
    console.log('  No chunks loaded on demand (dynamic import()) in this build.');
  }
  return result;
}
