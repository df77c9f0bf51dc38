/**
 * CSV parsing (RFC 4180: quoted values, doubled quotes, line breaks inside quotes, CRLF or LF).
 * exceljs reads CSV only in Node (through streams and the file system), and the web part
 * needs the same parser in the browser, so this small state machine is used everywhere.
 */
import { ImportFileError, ImportLimits, IMPORT_LIMITS } from '../domain/import/errors';
import type { ImportRow } from '../domain/import/plan';

/**
 * The delimiter: tab when lines use it (text pasted from a Word or Excel table, whose prose has
 * many commas), else comma or semicolon (European Excel), whichever is more common outside
 * quotes. The first lines are all looked at, since pasted text often starts with blank or title lines.
 */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  const linesWith: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let seen: Record<string, boolean> = {};
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 50; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      for (const d of Object.keys(seen)) linesWith[d]++;
      seen = {};
      lines++;
    } else if (!quoted && ch in counts) {
      counts[ch]++;
      seen[ch] = true;
    }
  }
  for (const d of Object.keys(seen)) linesWith[d]++;
  if (linesWith['\t'] > 0 && linesWith['\t'] >= Math.min(2, linesWith[','], linesWith[';'])) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/**
 * Parses CSV text into rows numbered as a spreadsheet numbers them: one row per record, so a
 * value holding line breaks stays one row and the numbers match the same table saved as XLSX.
 */
export function parseCsv(text: string, limits: ImportLimits = IMPORT_LIMITS): ImportRow[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  const rows: ImportRow[] = [];
  let cells: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = (): void => {
    cells.push(value);
    rows.push({ number: rows.length + 1, cells });
    if (rows.length > limits.maxRows) {
      throw new ImportFileError('tooManyRows', `The file has more than ${limits.maxRows.toLocaleString('en-GB')} rows. Split it into smaller files and import them one at a time.`);
    }
    cells = [];
    value = '';
  };
  while (i < source.length) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        value += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && value === '') {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(value);
      value = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      value += ch;
    }
    i++;
  }
  if (quoted) {
    throw new ImportFileError('unreadable', `The CSV file ends inside a quoted value that starts on line ${recordLine} (row ${rows.length + 1}): a closing quote (") is missing.`);
  }
  if (value !== '' || cells.length > 0) endRecord();
  return rows;
}
