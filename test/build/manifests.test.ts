/**
 * Checks the SPFx solution shell without running gulp: web part manifests, the bundles and
 * localised resource in config.json, package-solution.json, the Teams icons and the strings.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { lazyStringsFor } from '../../src/loc/lazy';

const ROOT = path.join(__dirname, '..', '..');
const WEB_PARTS = ['objectivesTracker', 'benefitsTracker', 'riskRegister', 'highlightReport'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** SPFx manifests are JSON with comments; TypeScript's parser reads them as SPFx does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SPFx JSON files of several shapes; each test reads the fields it checks.
function readJsonc(file: string): any {
  const parsed = ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8'));
  if (parsed.error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  return parsed.config;
}

function manifestPath(folder: string): string {
  const alias = `${folder[0].toUpperCase()}${folder.slice(1)}WebPart`;
  return path.join(ROOT, 'src', 'webparts', folder, `${alias}.manifest.json`);
}

const manifests = WEB_PARTS.map((folder) => ({ folder, manifest: readJsonc(manifestPath(folder)) }));

/** Width and height from a PNG's IHDR chunk, and whether it has an alpha channel. */
function pngInfo(file: string): { width: number; height: number; colourType: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colourType: b[25] };
}

describe('web part manifests', () => {
  it.each(manifests)('$folder runs in SharePoint and Teams, themed, without custom script', ({ manifest }) => {
    expect(manifest.componentType).toBe('WebPart');
    expect(manifest.manifestVersion).toBe(2);
    expect([...manifest.supportedHosts].sort()).toEqual(['SharePointWebPart', 'TeamsPersonalApp', 'TeamsTab']);
    expect(manifest.supportsThemeVariants).toBe(true);
    expect(manifest.requiresCustomScript).toBe(false);
    expect(manifest.id).toMatch(GUID);
    const entry = manifest.preconfiguredEntries[0];
    expect(entry.group.default).toBe('Shared Services Monitoring');
    expect(entry.title.default.length).toBeGreaterThan(0);
    expect(entry.description.default.length).toBeGreaterThan(0);
    expect(entry.officeFabricIconFontName).toMatch(/^[A-Za-z0-9]+$/);
  });

  it('have four distinct ids, none reused by the solution or its feature', () => {
    const solution = readJsonc(path.join(ROOT, 'config', 'package-solution.json')).solution;
    const ids = [...manifests.map((m) => m.manifest.id), solution.id, solution.features[0].id];
    expect(new Set(ids.map((id: string) => id.toLowerCase())).size).toBe(6);
  });

  it('share one bundle (a page with several downloads the base class and loader once), each from the entry point gulp compiles', () => {
    const config = readJsonc(path.join(ROOT, 'config', 'config.json'));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as readJsonc: the components' shape is what the test checks.
    const bundles = Object.values(config.bundles as Record<string, { components: any[] }>);
    expect(bundles).toHaveLength(1);
    const components = bundles[0].components;
    expect(components).toHaveLength(WEB_PARTS.length);
    for (const { folder } of manifests) {
      const component = components.find((c) => path.resolve(ROOT, c.manifest) === manifestPath(folder));
      expect(component).toBeDefined();
      // lib/…/X.js is tsc's output of src/…/X.ts.
      const source = path.resolve(ROOT, component.entrypoint.replace(/^\.\/lib\//, './src/').replace(/\.js$/, '.ts'));
      expect(fs.existsSync(source)).toBe(true);
    }
  });
});

describe('strings', () => {
  it('are one shared resource, SsmStrings, in UK English with a US English fallback', () => {
    const config = readJsonc(path.join(ROOT, 'config', 'config.json'));
    expect(config.localizedResources).toEqual({ SsmStrings: 'lib/loc/{locale}.js' });
    const gb = fs.readFileSync(path.join(ROOT, 'src', 'loc', 'en-gb.js'), 'utf8');
    expect(fs.readFileSync(path.join(ROOT, 'src', 'loc', 'en-us.js'), 'utf8')).toBe(gb);
  });

  it('declares exactly the keys the en-gb resource defines', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const strings = require('../support/locStub') as Record<string, unknown>;
    const declaration = fs.readFileSync(path.join(ROOT, 'src', 'loc', 'strings.d.ts'), 'utf8');
    // Members of ISsmStrings itself (two-space indent): strings, or a group such as ValidationMessages.
    const declared = Array.from(declaration.matchAll(/^ {2}(\w+): (?:string;|\{)$/gm)).map((m) => m[1]);
    expect(declared.sort()).toEqual(Object.keys(strings).sort());
    // Every string, nested ones included, has text.
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value as Record<string, unknown>).flatMap(texts);
    for (const text of texts(strings)) expect(text.trim().length).toBeGreaterThan(0);
  });

  it('keeps the on-demand strings (src/loc/lazy) in the same keys for both languages, each key once across the two sets', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const resource = require('../support/locStub') as Record<string, unknown>;
    const gb = lazyStringsFor('en-GB');
    const us = lazyStringsFor('en-US');
    expect(Object.keys(us).sort()).toEqual(Object.keys(gb).sort());
    // UK English everywhere, as en-us.js is en-gb.js.
    expect(us).toEqual(gb);
    expect(Object.keys(gb).length).toBeGreaterThan(0);
    // User-visible text exists once: no key is in both the resource and the on-demand set.
    expect(Object.keys(gb).filter((key) => key in resource)).toEqual([]);
    for (const text of [...Object.values(gb), ...Object.values(us)]) expect(text.trim().length).toBeGreaterThan(0);
    // A locale the product has no text for falls back to UK English, as SPFx falls back for SsmStrings.
    expect(lazyStringsFor('fr-FR')).toBe(gb);
  });
});

describe('package-solution.json', () => {
  const solution = readJsonc(path.join(ROOT, 'config', 'package-solution.json')).solution;

  it('deploys tenant-wide with its assets, so the Teams tab works without site activation', () => {
    expect(solution.name).toBe('Shared Services Monitoring');
    expect(solution.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(solution.includeClientSideAssets).toBe(true);
    expect(solution.skipFeatureDeployment).toBe(true);
    expect(solution.isDomainIsolated).toBe(false);
    expect(solution.developer.mpnId).toBe('Undefined-1.21.1');
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(solution.developer[key]).toMatch(/^https:\/\//);
  });

  it('asks for Microsoft Graph Mail.Send for reminders', () => {
    expect(solution.webApiPermissionRequests).toContainEqual({ resource: 'Microsoft Graph', scope: 'Mail.Send' });
  });
});

describe('Teams icons', () => {
  it.each(manifests)('$folder has a 192×192 colour icon and a 32×32 transparent outline icon', ({ manifest }) => {
    const colour = pngInfo(path.join(ROOT, 'teams', `${manifest.id}_color.png`));
    expect([colour.width, colour.height]).toEqual([192, 192]);
    const outline = pngInfo(path.join(ROOT, 'teams', `${manifest.id}_outline.png`));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colourType).toBe(6); // RGBA: transparent background
  });
});
