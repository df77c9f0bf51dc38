/**
 * The bundle benchmark's page total: a page with every web part downloads each web part's
 * bundle, the strings of its language, the shell and the UI chunks, each file once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureBundles } from '../../bench/bundle-size';

/** A build output with two web parts sharing the shell and one vendor chunk (and, if asked, one bundle). */
function fakeBuild(sharedBundle = false): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-bundle-test-'));
  const dist = path.join(root, 'dist');
  fs.mkdirSync(dist);
  fs.mkdirSync(path.join(root, 'temp', 'stats'), { recursive: true });
  const files: Record<string, string> = {
    'a-web-part_1.js': 'a'.repeat(100),
    'b-web-part_2.js': 'b'.repeat(200),
    'chunk.ssm-shell_3.js': 's'.repeat(300),
    'chunk.vendor_4.js': 'v'.repeat(400),
    'chunk.ssm-a-ui_5.js': 'x'.repeat(500),
    'chunk.ssm-b-ui_6.js': 'y'.repeat(600),
    'chunk.ssm-b-form_7.js': 'f'.repeat(700),
    'Strings_en-gb_8.js': 'g'.repeat(80),
    'Strings_en-us_8.js': 'u'.repeat(90)
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dist, name), content);
  const manifest = (alias: string, entry: string, file: string): object => ({
    alias,
    componentType: 'WebPart',
    loaderConfig: {
      entryModuleId: entry,
      scriptResources: {
        [entry]: { type: 'path', path: file },
        SsmStrings: { type: 'localizedPath', paths: { 'en-GB': 'Strings_en-gb_8.js', 'en-US': 'Strings_en-us_8.js' }, defaultPath: 'Strings_en-us_8.js' }
      }
    }
  });
  fs.writeFileSync(path.join(dist, 'a.manifest.json'), JSON.stringify(manifest('A', 'a-web-part', 'a-web-part_1.js')));
  fs.writeFileSync(path.join(dist, 'b.manifest.json'), JSON.stringify(manifest('B', sharedBundle ? 'a-web-part' : 'b-web-part', sharedBundle ? 'a-web-part_1.js' : 'b-web-part_2.js')));
  fs.writeFileSync(
    path.join(root, 'temp', 'stats', 'chunk-groups.json'),
    JSON.stringify({
      entrypoints: { 'a-web-part': ['a-web-part_1.js'], 'b-web-part': ['b-web-part_2.js'] },
      namedChunkGroups: {
        'ssm-shell': ['chunk.ssm-shell_3.js'],
        'ssm-a-ui': ['chunk.vendor_4.js', 'chunk.ssm-a-ui_5.js'],
        'ssm-b-ui': ['chunk.vendor_4.js', 'chunk.ssm-b-ui_6.js'],
        'ssm-b-form': ['chunk.ssm-b-form_7.js']
      }
    })
  );
  return root;
}

describe('page total', () => {
  it('counts each first-render file of the page once, with the UK strings, and leaves on-demand chunks out', () => {
    const root = fakeBuild();
    try {
      const result = measureBundles(root);
      const total = result.pageTotal;
      expect(total).toBeDefined();
      expect([...(total?.files ?? [])].sort()).toEqual(
        ['a-web-part_1.js', 'b-web-part_2.js', 'chunk.ssm-shell_3.js', 'chunk.vendor_4.js', 'chunk.ssm-a-ui_5.js', 'chunk.ssm-b-ui_6.js', 'Strings_en-gb_8.js'].sort()
      );
      expect(total?.rawBytes).toBe(100 + 200 + 300 + 400 + 500 + 600 + 80);
      const gzip = (total?.files ?? []).reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(root, 'dist', f)), { level: 9 }).length, 0);
      expect(total?.gzipBytes).toBe(gzip);
      // Each web part on its own still counts the shared chunks it needs.
      expect(result.firstRender.map((f) => [f.name, f.bundleFile])).toEqual([
        ['A', 'a-web-part_1.js'],
        ['B', 'b-web-part_2.js']
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('counts a bundle the web parts share once', () => {
    const root = fakeBuild(true);
    try {
      const total = measureBundles(root).pageTotal;
      expect(total?.files.filter((f) => f === 'a-web-part_1.js')).toHaveLength(1);
      expect(total?.files).not.toContain('b-web-part_2.js');
      expect(total?.rawBytes).toBe(100 + 300 + 400 + 500 + 600 + 80);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('is not given without the build chunk groups', () => {
    const root = fakeBuild();
    try {
      fs.rmSync(path.join(root, 'temp'), { recursive: true, force: true });
      expect(measureBundles(root).pageTotal).toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
