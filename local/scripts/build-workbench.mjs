/**
 * Builds the local workbench page (local/workbench/) with esbuild into .local-build/workbench/:
 * the web parts' root components, the shared providers and PnPjs, bundled for the browser.
 *
 *   ./node_modules/.bin/node local/scripts/build-workbench.mjs [--minify] [--out <dir>]
 *
 * SPFx's build resolves a few things the browser cannot: the `SsmStrings` resource (an AMD
 * module), the web part manifests (JSON with comments) and `@microsoft/sp-*` runtime modules.
 * The plugin below handles the first two and refuses the third, so a component that would only
 * work inside SharePoint fails the build with a clear message instead of at run time.
 */
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Repository root (local/scripts/../..). */
export const REPOSITORY_ROOT = resolve(here, '..', '..');

/** Default output folder, relative to the repository root (git-ignored). */
export const WORKBENCH_OUT_DIR = join('.local-build', 'workbench');

/** Virtual module through which the page reads the web part manifests. */
const MANIFESTS_MODULE = 'ssm-workbench-manifests';

/** Thrown when the workbench cannot be built; carries esbuild's messages when there are any. */
export class WorkbenchBuildError extends Error {
  /**
   * @param {string} message
   * @param {{ messages?: string[], cause?: unknown }} [details]
   */
  constructor(message, details = {}) {
    super(message, { cause: details.cause });
    this.name = 'WorkbenchBuildError';
    /** esbuild's formatted errors, one a line. */
    this.messages = details.messages ?? [];
  }
}

/**
 * Evaluates an SPFx AMD string resource (`define([], function () { return {...}; })`) and returns
 * its strings. Done at build time so the page ships plain data and a broken resource fails the build.
 * @param {string} source
 * @param {string} file for error messages
 * @returns {Record<string, unknown>}
 */
export function evaluateAmdStrings(source, file) {
  let result;
  let calls = 0;
  const define = (deps, factory) => {
    calls++;
    const fn = typeof deps === 'function' ? deps : factory;
    if (typeof fn !== 'function') throw new WorkbenchBuildError(`${file}: define() was called without a factory function.`);
    result = fn();
  };
  // The resource is this repository's own file; running it is what SPFx's loader does too.
  new Function('define', source)(define);
  if (calls !== 1 || !result || typeof result !== 'object') {
    throw new WorkbenchBuildError(`${file}: expected exactly one define() returning an object of strings.`);
  }
  // Strings, or groups of strings (such as the validation labels and templates), nested to any depth.
  const check = (value, key) => {
    if (typeof value === 'string') return;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) check(v, `${key}.${k}`);
      return;
    }
    throw new WorkbenchBuildError(`${file}: string resource "${key}" is not a string.`);
  };
  for (const [key, value] of Object.entries(result)) check(value, key);
  return result;
}

/**
 * Reads an SPFx manifest, which is JSON with `//` comments (JSON5-like, as SPFx's build accepts).
 * It is evaluated as a JavaScript expression, which accepts comments and leaves "https://…" in strings alone.
 * @param {string} source
 * @param {string} file
 */
export function parseManifest(source, file) {
  let manifest;
  try {
    manifest = new Function(`return (${source}\n);`)();
  } catch (error) {
    throw new WorkbenchBuildError(`${file}: the manifest could not be read.`, { cause: error });
  }
  const entry = manifest?.preconfiguredEntries?.[0];
  if (!manifest?.id || !manifest?.alias || !entry?.title?.default) {
    throw new WorkbenchBuildError(`${file}: the manifest has no id, alias or preconfigured entry title.`);
  }
  return manifest;
}

/**
 * The web parts of the solution as the page needs them: folder name (the `?webpart=` value),
 * manifest id, alias, title, description and the default properties of the first preconfigured entry.
 * @param {string} root repository root
 */
export async function readWebPartManifests(root) {
  const webpartsDir = join(root, 'src', 'webparts');
  const folders = (await readdir(webpartsDir, { withFileTypes: true })).filter((d) => d.isDirectory());
  const manifests = [];
  for (const folder of folders) {
    const files = (await readdir(join(webpartsDir, folder.name))).filter((f) => f.endsWith('.manifest.json'));
    for (const file of files) {
      const path = join(webpartsDir, folder.name, file);
      const manifest = parseManifest(await readFile(path, 'utf8'), relative(root, path));
      const entry = manifest.preconfiguredEntries[0];
      manifests.push({
        name: folder.name,
        id: manifest.id,
        alias: manifest.alias,
        title: entry.title.default,
        description: entry.description?.default ?? '',
        supportedHosts: manifest.supportedHosts ?? ['SharePointWebPart'],
        properties: entry.properties ?? {}
      });
    }
  }
  return manifests.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * esbuild plugin standing in for what SPFx's webpack build provides.
 * @param {string} root repository root
 * @returns {import('esbuild').Plugin}
 */
export function spfxShimsPlugin(root) {
  const stringsFile = join(root, 'src', 'loc', 'en-gb.js');
  return {
    name: 'ssm-spfx-shims',
    setup(b) {
      b.onResolve({ filter: /^SsmStrings$/ }, () => ({ path: stringsFile, namespace: 'ssm-strings' }));
      b.onLoad({ filter: /.*/, namespace: 'ssm-strings' }, async (args) => {
        const strings = evaluateAmdStrings(await readFile(args.path, 'utf8'), relative(root, args.path));
        return { contents: `module.exports = ${JSON.stringify(strings)};`, loader: 'js', watchFiles: [args.path] };
      });

      b.onResolve({ filter: new RegExp(`^${MANIFESTS_MODULE}$`) }, () => ({ path: MANIFESTS_MODULE, namespace: 'ssm-manifests' }));
      b.onLoad({ filter: /.*/, namespace: 'ssm-manifests' }, async () => {
        const manifests = await readWebPartManifests(root);
        return { contents: `export const manifests = ${JSON.stringify(manifests)};`, loader: 'js', resolveDir: root };
      });

      // Type-only imports are erased before this runs, so this only sees real run-time imports.
      b.onResolve({ filter: /^@microsoft\/sp-/ }, (args) => ({
        errors: [
          {
            text:
              `The SPFx run-time module "${args.path}" only exists inside SharePoint. ` +
              'Components must not import SPFx at run time (use `import type`, or move the code to the web part class).'
          }
        ]
      }));
      // Only our own code: Fluent UI's "./X.scss" imports resolve to its compiled X.scss.js files.
      b.onResolve({ filter: /\.s?css$/ }, (args) =>
        /[\\/]node_modules[\\/]/.test(args.importer)
          ? undefined
          : {
              errors: [
                {
                  text:
                    `The stylesheet import "${args.path}" is not supported by the workbench build: ` +
                    'components style themselves with Fluent UI (mergeStyles), which needs no loader.'
                }
              ]
            }
      );
    }
  };
}

/**
 * Builds the workbench page.
 * @param {{ root?: string, outDir?: string, minify?: boolean, production?: boolean, sourcemap?: boolean, logLevel?: import('esbuild').LogLevel }} [options]
 *   `outDir` is absolute or relative to `root`; `minify` also switches React to its production build,
 *   as `production` does without minifying (readable names in a CPU profile).
 * @returns {Promise<{ outDir: string, files: string[], warnings: string[] }>} absolute output folder, written files (relative to it), esbuild warnings
 */
export async function buildWorkbench(options = {}) {
  const root = options.root ?? REPOSITORY_ROOT;
  const outDir = resolve(root, options.outDir ?? WORKBENCH_OUT_DIR);
  const sourceDir = join(root, 'local', 'workbench');
  const minify = options.minify ?? false;
  const production = options.production ?? minify;

  // Start clean so a file removed from the page does not linger in what the host serves.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  let result;
  try {
    result = await build({
      absWorkingDir: root,
      entryPoints: { main: join(sourceDir, 'main.tsx') },
      outdir: outDir,
      bundle: true,
      platform: 'browser',
      // ES modules with code splitting, so what the web parts load with dynamic import() (forms,
      // the Word export, the import panel) is a separate file fetched on demand, as in SharePoint.
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      target: 'es2020',
      minify,
      sourcemap: options.sourcemap ?? true,
      metafile: true,
      logLevel: options.logLevel ?? 'silent',
      // SPFx compiles with the classic JSX transform (`import * as React`); the root tsconfig's
      // "extends" points into the rush-stack compiler, so the options are given here instead.
      tsconfigRaw: { compilerOptions: { jsx: 'react', useDefineForClassFields: false, importHelpers: false } },
      define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
      plugins: [spfxShimsPlugin(root)]
    });
  } catch (error) {
    const messages = Array.isArray(error?.errors) ? error.errors.map((m) => (m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text)) : [];
    throw new WorkbenchBuildError(`The workbench could not be built${messages.length ? `:\n${messages.join('\n')}` : '.'}`, { messages, cause: error });
  }

  // Fluent reads window.FabricConfig when its modules are evaluated, which in a split ES module
  // build is before main.js's own code runs; so the setting is a classic script of its own that
  // the page runs first.
  let fabric;
  try {
    fabric = await build({
      absWorkingDir: root,
      entryPoints: { 'fabric-config': join(sourceDir, 'fabricConfig.ts') },
      outdir: outDir,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2019',
      minify,
      metafile: true,
      logLevel: options.logLevel ?? 'silent'
    });
  } catch (error) {
    throw new WorkbenchBuildError('The workbench Fluent UI settings script could not be built.', { cause: error });
  }

  await copyFile(join(sourceDir, 'index.html'), join(outDir, 'index.html'));
  await copyFile(join(sourceDir, 'workbench.css'), join(outDir, 'workbench.css'));
  const fonts = await copyIconFonts(root, join(outDir, 'fonts'));

  const files = [
    'index.html',
    'workbench.css',
    ...Object.keys(result.metafile.outputs).map((p) => relative(outDir, resolve(root, p))),
    ...Object.keys(fabric.metafile.outputs).map((p) => relative(outDir, resolve(root, p))),
    ...fonts.map((f) => join('fonts', f))
  ].sort();
  await writeFile(join(outDir, 'build-info.json'), JSON.stringify({ builtAt: new Date().toISOString(), minify, files }, null, 2));
  return { outDir, files: [...files, 'build-info.json'].sort(), warnings: result.warnings.map((w) => w.text) };
}

/**
 * Copies Fluent UI's MDL2 icon fonts next to the page. SharePoint serves them from Microsoft's
 * CDN; the workbench must not contact any host but its own, so it serves them itself.
 * @param {string} root
 * @param {string} target
 * @returns {Promise<string[]>} copied file names
 */
async function copyIconFonts(root, target) {
  const requireFromRoot = createRequire(pathToFileURL(join(root, 'package.json')));
  let entry;
  try {
    // The package's exports map hides package.json, so start from its main module.
    entry = requireFromRoot.resolve('@fluentui/font-icons-mdl2');
  } catch (error) {
    throw new WorkbenchBuildError('@fluentui/font-icons-mdl2 (a dependency of @fluentui/react) is not installed.', { cause: error });
  }
  let packageDir = dirname(entry);
  while (!existsSync(join(packageDir, 'package.json')) && dirname(packageDir) !== packageDir) packageDir = dirname(packageDir);
  const fontsDir = join(packageDir, 'fonts');
  if (!existsSync(fontsDir)) throw new WorkbenchBuildError(`No icon fonts in ${fontsDir}.`);
  await mkdir(target, { recursive: true });
  const fonts = (await readdir(fontsDir)).filter((f) => f.endsWith('.woff'));
  await Promise.all(fonts.map((f) => copyFile(join(fontsDir, f), join(target, f))));
  return fonts;
}

// Run as a script (not when imported by start.mjs or the tests).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  buildWorkbench({ minify: args.includes('--minify'), outDir: outIndex >= 0 ? args[outIndex + 1] : undefined, logLevel: 'warning' }).then(
    (r) => {
      console.log(`Workbench built into ${relative(process.cwd(), r.outDir) || '.'} (${r.files.length} files).`);
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  );
}
