/**
 * The documented column template of each import, as CSV the web part offers for download and
 * as the table in docs/import-templates/README.md.
 */
import { IMPORT_COLUMNS, ImportListKind } from './columns';

/** Quotes a CSV value when it holds a comma, quote or line break (RFC 4180). */
export function csvValue(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text with CRLF line ends, as Excel writes it. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((r) => r.map(csvValue).join(',')).join('\r\n') + '\r\n';
}

/**
 * The template CSV of a list: the headings and one example row. A UTF-8 byte order mark
 * comes first so that Excel opens "£" and accented names correctly.
 */
export function templateCsv(list: ImportListKind): string {
  const columns = IMPORT_COLUMNS[list];
  return '\ufeff' + toCsv([columns.map((c) => c.label), columns.map((c) => c.example)]);
}

/** The template of a list as a Markdown table: heading, other accepted headings and what to write. */
export function templateMarkdown(list: ImportListKind): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const lines = ['| Column | Also accepted | What to write |', '| --- | --- | --- |'];
  for (const c of IMPORT_COLUMNS[list]) {
    const aliases = c.key === 'progress' ? 'Progress update *Month Year* or Update *Month Year* (e.g. Progress Update February 2022, Update Sept 22), *Q2 2022/23* update, Progress update *2021-22-Q4*; several, one per period' : c.aliases.join('; ');
    lines.push(`| ${esc(c.label)}${c.requiredColumn ? ' (required)' : ''} | ${esc(aliases)} | ${esc(c.help)} |`);
  }
  return lines.join('\n') + '\n';
}
