/**
 * "Download for committee" loads the Word renderer with a dynamic import(), so `docx` must end up
 * in a chunk of its own, not in the web part's main bundle. Checked with esbuild's metafile on a
 * splitting build of the web part's root component (webpack, in the SPFx build, splits dynamic
 * imports the same way because tsconfig keeps `module: esnext`).
 */
import * as path from 'path';
import { build, Metafile } from 'esbuild';

const ROOT = path.join(__dirname, '..', '..');

describe('highlight report bundle', () => {
  it('keeps docx out of the main chunk and loads it with the export chunk', async () => {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: { main: 'src/webparts/highlightReport/components/HighlightReport.tsx' },
      bundle: true,
      splitting: true,
      format: 'esm',
      write: false,
      outdir: '/tmp/ssm-highlight-bundle-check',
      metafile: true,
      logLevel: 'silent',
      // Only where docx lands matters: leave the big shared libraries and SPFx's resources out.
      external: ['react', 'react-dom', '@fluentui/*', '@microsoft/*', 'SsmStrings', '@pnp/*']
    });
    const meta: Metafile = result.metafile;
    const outputs = Object.entries(meta.outputs);
    const main = outputs.find(([, o]) => o.entryPoint === 'src/webparts/highlightReport/components/HighlightReport.tsx');
    if (!main) throw new Error('esbuild produced no main chunk');
    const inputsOf = (o: Metafile['outputs'][string]): string[] => Object.keys(o.inputs);

    expect(inputsOf(main[1]).filter((i) => i.includes('node_modules/docx/'))).toEqual([]);
    expect(inputsOf(main[1]).filter((i) => i.startsWith('src/reports/'))).toEqual([]);
    const lazy = outputs.filter(([, o]) => inputsOf(o).some((i) => i.includes('node_modules/docx/')));
    expect(lazy.length).toBeGreaterThan(0);
    // The main chunk imports the export chunk dynamically, not statically.
    const dynamic = main[1].imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
    expect(dynamic.length).toBeGreaterThan(0);
    expect(main[1].imports.filter((i) => i.kind === 'import-statement' && lazy.some(([file]) => file === i.path))).toEqual([]);
  });
});
