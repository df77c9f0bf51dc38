/**
 * Local and CI half of the paper's PDF: LibreOffice (Debian's libreoffice-writer-nogui,
 * installed by ensure-paper-tools.mjs) converts the .docx, poppler's pdftotext and pdftoppm
 * read it back for the paper test. Node only.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { PdfConverter } from '../../src/reports/pdf';
import { PdfConversionError } from '../../src/reports/pdf';
import type { Rasterise } from '../../src/reports/figures';

const run = promisify(execFile);

/** Where Debian puts LibreOffice's launcher. */
export const SOFFICE = '/usr/bin/soffice';

/**
 * Converts with `soffice --headless --convert-to pdf` in a temporary folder, with a profile of
 * its own so it neither needs nor disturbs a user's LibreOffice (and two runs do not collide).
 */
export const libreOfficePdfConverter: PdfConverter = {
  async toPdf(docx: Uint8Array, fileName: string): Promise<Uint8Array> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ssm-paper-'));
    try {
      const base = fileName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.docx$/i, '') || 'paper';
      const input = path.join(dir, `${base}.docx`);
      await fs.writeFile(input, docx);
      try {
        await run(
          SOFFICE,
          [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, input],
          { timeout: 180000 }
        );
      } catch (e) {
        throw new PdfConversionError(`LibreOffice could not convert ${fileName}: ${e instanceof Error ? e.message : String(e)}. Run node local/scripts/ensure-paper-tools.mjs.`, e);
      }
      const out = path.join(dir, `${base}.pdf`);
      try {
        return new Uint8Array(await fs.readFile(out));
      } catch (e) {
        throw new PdfConversionError(`LibreOffice finished but wrote no PDF for ${fileName}.`, e);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
};

/** The project's root: the nearest folder above this file (or its bundle) with a package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${__dirname}.`);
    dir = up;
  }
  return dir;
}

/**
 * Installs LibreOffice and poppler from Debian when missing, with the project's own script
 * (which prints how to do it by hand when it cannot); throws when they are still missing.
 */
export function ensurePaperTools(): void {
  const script = path.join(projectRoot(), 'local', 'scripts', 'ensure-paper-tools.mjs');
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new PdfConversionError('LibreOffice and poppler-utils are needed for the PDF and could not be installed (see above).');
}

/**
 * resvg, loaded at run time: run-ts.mjs bundles scripts with esbuild, which cannot bundle the
 * native binary resvg ships in its npm package.
 */
function loadResvg(): typeof import('@resvg/resvg-js') {
  return createRequire(__filename)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
}

/** SVG to PNG with resvg, drawing text with the system's Liberation Sans (Arial's metrics). */
export const resvgRasterise: Rasterise = async (svg, width, _height, scale) => {
  const { Resvg } = loadResvg();
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff'
  });
  return new Uint8Array(r.render().asPng());
};

/**
 * Text of each page of a PDF, split at form feeds. In pdftotext's reading order (the default)
 * a table cell's lines stay together; `layout` keeps the columns side by side instead.
 */
export async function pdfPages(pdf: string, layout = false): Promise<string[]> {
  const { stdout } = await run('/usr/bin/pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.length > 0 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** PNG screenshots of every page, `<prefix>-<n>.png`, at `dpi`. */
export async function pdfScreenshots(pdf: string, prefix: string, dpi = 60): Promise<void> {
  await run('/usr/bin/pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
}
