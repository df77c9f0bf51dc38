/**
 * Reads the tables of a Word committee paper (.docx). mammoth turns the document into HTML —
 * it is kept up to date, reads merged cells (gridSpan → colspan, vMerge → rowspan), lists and
 * bold, and runs in the browser as in Node — and the HTML tables are then read cell by cell
 * through a DOMParser (the page's in the browser, jsdom's in Node). Each cell keeps its HTML,
 * which the plan sanitises like any pasted markup.
 */
import * as mammoth from 'mammoth';
import { findHeader, ImportListKind } from '../domain/import/columns';
import { checkRowLimit, ImportFileError, ImportLimits } from '../domain/import/errors';
import type { ImportRow, ImportTable } from '../domain/import/plan';

/** What reading HTML needs: a window's DOMParser. */
export interface HtmlParserHost {
  /** DOMParser constructor (window.DOMParser, or a jsdom window's). */
  readonly DOMParser: { new (): { parseFromString(text: string, type: 'text/html'): Document } };
}

/** One table read: its grid and, per row, the tables nested in that row's cells (an objective's action plan). */
interface ReadTable {
  readonly grid: string[][];
  readonly nested: Array<string[][][]>;
}

/** Cells of one HTML table as a grid: a merged cell's text in its first cell, '' in the cells it covers. */
function readTable(table: Element): ReadTable {
  const grid: string[][] = [];
  const nested: Array<string[][][]> = [];
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  rows.forEach((tr, r) => {
    grid[r] = grid[r] ?? [];
    nested[r] = [];
    let c = 0;
    for (const td of Array.from(tr.children).filter((e) => e.tagName === 'TD' || e.tagName === 'TH')) {
      while (grid[r][c] !== undefined) c++;
      const span = Math.max(1, Number(td.getAttribute('colspan') ?? 1) || 1);
      const down = Math.max(1, Number(td.getAttribute('rowspan') ?? 1) || 1);
      // A table inside a cell is read as a table of its own, and left out of the cell's text.
      const inner = Array.from(td.querySelectorAll('table')).filter((t) => t.parentElement?.closest('table') === table);
      for (const t of inner) {
        nested[r].push(readTable(t).grid);
        t.remove();
      }
      // An empty paragraph is an empty cell, so a section row reads as one value.
      const html = (td.textContent ?? '').trim() === '' ? '' : td.innerHTML.trim();
      for (let dr = 0; dr < down; dr++) {
        grid[r + dr] = grid[r + dr] ?? [];
        for (let dc = 0; dc < span; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? html : '';
      }
      c += span;
    }
  });
  return { grid: grid.map((cells) => Array.from(cells, (v) => v ?? '')), nested };
}

/**
 * The rows of a .docx for `list`: every table whose header this import recognises, in document
 * order, numbered one after another (a table Word split across pages, or one table per service,
 * reads as one). Without `list`, or when none is recognised, the first table, for its error.
 */
export async function readDocx(name: string, data: Uint8Array, list: ImportListKind | undefined, limits: ImportLimits, host?: HtmlParserHost): Promise<ImportTable> {
  const parserHost = host ?? (globalThis as unknown as Partial<HtmlParserHost>);
  if (!parserHost.DOMParser) throw new Error('readDocx needs a DOMParser: pass a window (jsdom in Node).');
  let html: string;
  try {
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`: both are given.
    const input = { arrayBuffer: buffer, buffer: data } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    html = (await mammoth.convertToHtml(input)).value;
  } catch (e) {
    throw new ImportFileError('unreadable', `"${name}" could not be read as a Word document (${e instanceof Error ? e.message : String(e)}). Open it in Word and save it again as .docx.`);
  }
  const doc = new parserHost.DOMParser().parseFromString(html, 'text/html');
  const tables = Array.from(doc.querySelectorAll('table')).filter((t) => t.parentElement?.closest('table') === null || t.parentElement?.closest('table') === undefined);
  if (tables.length === 0) throw new ImportFileError('empty', `The Word document "${name}" has no tables to import. The objectives, benefits or risks must be in a Word table.`);
  const read = tables.map(readTable);
  const grids = read.map((t) => t.grid);
  checkRowLimit(grids.reduce((n, g) => n + g.length, 0), limits);
  const chosen: number[] = [];
  if (list) {
    grids.forEach((g, i) => {
      try {
        findHeader(list, g);
        chosen.push(i);
      } catch (e) {
        if (!(e instanceof ImportFileError)) throw e;
      }
    });
  }
  const use = chosen.length > 0 ? chosen : [0];
  const rows: ImportRow[] = [];
  for (const i of use) {
    grids[i].forEach((cells, r) => {
      const subTables = read[i].nested[r] ?? [];
      rows.push(subTables.length > 0 ? { number: rows.length + 1, cells, subTables } : { number: rows.length + 1, cells });
    });
  }
  const sheet = use.length === 1 ? `Table ${use[0] + 1}` : `Tables ${use.slice(0, -1).map((i) => i + 1).join(', ')} and ${use[use.length - 1] + 1}`;
  return { rows, sheet };
}
