/**
 * The Teams app manifest (teams/manifest.json) against the official JSON schema shipped in
 * @microsoft/app-manifest, validated with the draft-04 flavour of ajv that package depends on
 * (the top-level ajv is v6; the schema is draft-04 and uses `const`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the manifest's JSON is read as it stands, to be checked against the schema.
const manifest = JSON.parse(readFileSync(path.join(root, 'teams', 'manifest.json'), 'utf8')) as Record<string, any>;
const appManifestDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- modules of @microsoft/app-manifest loaded by path have no types.
const fromAppManifest = (pkg: string): any => require(require.resolve(pkg, { paths: [appManifestDir] }));

function validator(version: string): { validate: (m: unknown) => boolean; errors: () => unknown } {
  const schemaFile = path.join(appManifestDir, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  const Ajv = fromAppManifest('ajv-draft-04');
  const addFormats = fromAppManifest('ajv-formats');
  const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, strict: false });
  (addFormats.default ?? addFormats)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  return { validate: (m) => validate(m) as boolean, errors: () => validate.errors };
}

/** Web part manifests (JSON with whole-line comments). */
function webParts(): Array<{ id: string; alias: string; supportedHosts: string[]; preconfiguredEntries: Array<{ title: { default: string } }> }> {
  const dir = path.join(root, 'src', 'webparts');
  return readdirSync(dir)
    .flatMap((name) => (existsSync(path.join(dir, name)) ? readdirSync(path.join(dir, name)).filter((f) => f.endsWith('.manifest.json')).map((f) => path.join(dir, name, f)) : []))
    .map((f) => JSON.parse(readFileSync(f, 'utf8').split('\n').filter((l) => !l.trim().startsWith('//')).join('\n')));
}

describe('Teams app manifest', () => {
  it('is valid against the official schema of its manifest version', () => {
    const { validate, errors } = validator(manifest.manifestVersion);
    const ok = validate(manifest);
    expect(errors()).toBeNull();
    expect(ok).toBe(true);
  });

  it('the schema check really rejects a broken manifest', () => {
    const { validate } = validator(manifest.manifestVersion);
    expect(validate({ ...manifest, description: { short: 'x'.repeat(81), full: 'y' } })).toBe(false);
    expect(validate({ ...manifest, staticTabs: [{ ...manifest.staticTabs[0], scopes: ['everyone'] }] })).toBe(false);
  });

  it('has a personal tab for each web part hosted the SPFx way, with its icons present', () => {
    const parts = webParts().filter((p) => p.supportedHosts.includes('TeamsPersonalApp'));
    expect(parts).toHaveLength(4);
    const tabs = manifest.staticTabs as Array<{ entityId: string; name: string; contentUrl: string; scopes: string[] }>;
    expect(tabs.map((t) => t.entityId).sort()).toEqual(parts.map((p) => p.id).sort());
    for (const p of parts) {
      const tab = tabs.find((t) => t.entityId === p.id);
      expect(tab?.name).toBe(p.preconfiguredEntries[0].title.default);
      expect(tab?.scopes).toEqual(['personal']);
      expect(tab?.contentUrl).toBe(
        `https://{teamSiteDomain}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=/_layouts/15/teamshostedapp.aspx%3FopenPane=true%26teams%26componentId=${p.id}%26forceLocale={locale}`
      );
      for (const kind of ['color', 'outline']) expect(existsSync(path.join(root, 'teams', `${p.id}_${kind}.png`))).toBe(true);
    }
    expect(existsSync(path.join(root, 'teams', manifest.icons.color))).toBe(true);
    expect(existsSync(path.join(root, 'teams', manifest.icons.outline))).toBe(true);
  });

  it('has one channel tab, the highlight report, and the app registration for notifications', () => {
    const highlight = webParts().find((p) => p.alias === 'HighlightReportWebPart');
    expect(manifest.configurableTabs).toHaveLength(1);
    expect(manifest.configurableTabs[0].configurationUrl).toContain(`componentId=${highlight?.id}`);
    expect(manifest.webApplicationInfo.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(manifest.webApplicationInfo.resource).toMatch(/^api:\/\//);
    const types = (manifest.activities.activityTypes as Array<{ type: string }>).map((t) => t.type);
    expect(types).toEqual(expect.arrayContaining(['updateDue', 'updateOverdue']));
  });

  it('matches the solution id and version of the SPFx package', () => {
    const solution = JSON.parse(readFileSync(path.join(root, 'config', 'package-solution.json'), 'utf8')).solution;
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(manifest.id).toBe(solution.id);
    expect(manifest.version).toBe(pkg.version);
  });
});
