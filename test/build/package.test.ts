/**
 * Checks the built package when there is one (`npm run build` makes it; jest never runs gulp):
 * the .sppkg must hold the four web parts' manifests, the shared strings and the Teams icons.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const SOLUTION_DIR = path.join(ROOT, 'sharepoint', 'solution');
const WEB_PARTS = ['objectivesTracker', 'benefitsTracker', 'riskRegister', 'highlightReport'];

function componentId(folder: string): string {
  const file = path.join(ROOT, 'src', 'webparts', folder, `${folder[0].toUpperCase()}${folder.slice(1)}WebPart.manifest.json`);
  return ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8')).config.id;
}

const packages = fs.existsSync(SOLUTION_DIR) ? fs.readdirSync(SOLUTION_DIR).filter((f) => f.endsWith('.sppkg')) : [];
const describeIfBuilt = packages.length > 0 ? describe : describe.skip;

if (packages.length === 0) {
  // eslint-disable-next-line no-console
  console.warn('Skipping package tests: no sharepoint/solution/*.sppkg. Run `npm run build` first.');
}

describeIfBuilt('the built .sppkg', () => {
  let entries: string[] = [];
  let read: (name: string) => Promise<string>;

  beforeAll(async () => {
    // exceljs's dependency; present whenever the dev dependencies are installed.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const JSZip = require('jszip');
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(SOLUTION_DIR, 'shared-services-monitoring.sppkg')));
    entries = Object.keys(zip.files);
    read = (name) => zip.file(name).async('string');
  });

  it('is named after the solution', () => {
    expect(packages).toContain('shared-services-monitoring.sppkg');
  });

  it.each(WEB_PARTS)('holds the %s web part manifest with its Teams hosts', async (folder) => {
    const id = componentId(folder);
    const entry = entries.find((e) => e.endsWith(`WebPart_${id}.xml`));
    expect(entry).toBeDefined();
    const xml = await read(entry as string);
    expect(xml).toContain(`Id="${id}"`);
    expect(xml).toContain('TeamsTab');
    expect(xml).toContain('TeamsPersonalApp');
  });

  it('ships the shared strings and every Teams icon, but not the icon generator', () => {
    expect(entries.some((e) => /^ClientSideAssets\/SsmStrings_en-gb_.*\.js$/.test(e))).toBe(true);
    for (const folder of WEB_PARTS) {
      const id = componentId(folder);
      expect(entries).toContain(`ClientSideAssets/${id}_color.png`);
      expect(entries).toContain(`ClientSideAssets/${id}_outline.png`);
    }
    expect(entries.filter((e) => e.includes('generate-icons'))).toEqual([]);
  });

  it('requests Mail.Send on Microsoft Graph in the app manifest', async () => {
    const xml = await read('AppManifest.xml');
    expect(xml).toMatch(/<WebApiPermissionRequest ResourceId="Microsoft Graph" Scope="Mail.Send">/);
    expect(xml).toContain('SkipFeatureDeployment="true"');
  });
});
