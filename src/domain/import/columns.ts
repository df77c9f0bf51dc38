/**
 * The columns each import accepts, with the headings the councils' own reports use, and
 * tolerant header matching (case, punctuation and spacing do not matter). Column keys here
 * are import concepts (e.g. `officerEmail`), not SharePoint field names.
 */
import { isPeriodId } from '../calendar';
import { ImportFileError } from './errors';

/**
 * Every list that can be imported, for option parsing and menus. A kind added here needs its
 * columns (IMPORT_COLUMNS), model (ImportModels), rules (buildImportPlan) and `import` in its
 * list declaration (src/data/lists): each is checked by the compiler.
 */
export const IMPORT_LISTS = ['objectives', 'benefits', 'risks'] as const;

/** Lists that can be imported. */
export type ImportListKind = (typeof IMPORT_LISTS)[number];

/** How a column's cells are read. */
export type ImportValueKind = 'text' | 'richText' | 'choice' | 'email' | 'date' | 'integer' | 'number' | 'url' | 'service';

/** One column an import understands. */
export interface ImportColumn {
  /** Import key (the model property, or `service`, `officerEmail`, `progress`). */
  readonly key: string;
  /** Heading written in the template. */
  readonly label: string;
  /** Other headings accepted, as written in the councils' reports and trackers. */
  readonly aliases: readonly string[];
  /** How cells are read. */
  readonly kind: ImportValueKind;
  /** Whether the file must have this column (only the title column). */
  readonly requiredColumn?: boolean;
  /** What to write, for the documented template. */
  readonly help: string;
  /** Example value for the template. */
  readonly example: string;
}

const col = (c: ImportColumn): ImportColumn => c;

const SERVICE_HELP = 'Name of the service as in the Services list. May be left out when a row holding only the service name comes before the rows of that service.';

/** The columns of each import, in template order. */
export const IMPORT_COLUMNS: { readonly [K in ImportListKind]: readonly ImportColumn[] } = {
  objectives: [
    col({ key: 'title', label: 'Description of the objective', aliases: ['objective', 'objective title', 'title', 'description'], kind: 'text', requiredColumn: true, help: 'Short description of the objective (up to 255 characters). Matched with the service to find an objective already imported.', example: 'Deliver a shared HR operating model' }),
    col({ key: 'aim', label: 'What does the objective aim to achieve', aliases: ['aim', 'aims', 'objective aim', 'what the objective aims to achieve'], kind: 'richText', help: 'Plain text (each line becomes a paragraph) or simple HTML: p, ul, ol, li, strong, em, a, br.', example: 'A modern HR function that works effectively across both councils.' }),
    col({ key: 'service', label: 'Service', aliases: ['service name', 'shared service'], kind: 'service', help: SERVICE_HELP, example: 'Transformation and Partnerships' }),
    col({ key: 'status', label: 'Status', aliases: ['objective status', 'progress status'], kind: 'choice', help: 'Not started, In progress, Ongoing, On hold or Complete.', example: 'Ongoing' }),
    col({ key: 'rag', label: 'RAG', aliases: ['rag rating', 'rag status', 'red amber green'], kind: 'choice', help: 'Red, Amber or Green. Without this column a new objective is "Not rated" until its first update, or rated from its status (On hold Amber, otherwise Green) when the row has a progress update, and a warning says so.', example: 'Green' }),
    col({ key: 'officerEmail', label: 'Responsible officer email', aliases: ['responsible officer', 'officer', 'officer email', 'responsible officer e mail', 'lead officer'], kind: 'email', help: 'Email address of the officer who writes the quarterly updates. Required by the Objectives list.', example: 'officer@council.gov.uk' }),
    col({ key: 'targetDate', label: 'Target date', aliases: ['target completion date', 'due date', 'deadline'], kind: 'date', help: 'Date as 31/03/2023 or 2023-03-31.', example: '31/03/2023' }),
    col({ key: 'progress', label: 'Progress update', aliases: [], kind: 'richText', help: 'The latest progress update; creates the quarterly update for the period named in the heading ("Progress update February 2022") or chosen when importing.', example: 'The shared HR system has been procured.' })
  ],
  benefits: [
    col({ key: 'title', label: 'Benefit', aliases: ['benefit title', 'title', 'benefits'], kind: 'text', requiredColumn: true, help: 'Short description of the benefit (up to 255 characters). Matched with the service to find a benefit already imported.', example: 'Increased capacity for HR' }),
    col({ key: 'service', label: 'Service', aliases: ['service name', 'shared service'], kind: 'service', help: SERVICE_HELP, example: 'Transformation and Partnerships' }),
    col({ key: 'category', label: 'Category', aliases: ['benefit category', 'type of benefit'], kind: 'choice', help: 'Financial savings, Resilience and capacity, Service development or Staff development. May be left out when a row holding only the category name comes before the rows of that category, as in the benefits tracker.', example: 'Resilience and capacity' }),
    col({ key: 'originalPosition', label: 'Original position', aliases: ['position before sharing', 'baseline'], kind: 'richText', help: 'Plain text or simple HTML.', example: '2 small teams with limited flexibility.' }),
    col({ key: 'achievement', label: 'What will the benefit achieve?', aliases: ['achievement', 'what the benefit will achieve', 'expected benefit'], kind: 'richText', help: 'Plain text or simple HTML.', example: 'One co-ordinated and flexible team.' }),
    col({ key: 'whenDelivered', label: 'When will the benefit be delivered?', aliases: ['when delivered', 'delivery date', 'when will the benefit be delivered'], kind: 'text', help: 'As you would write it, e.g. "Already achieved", "June 2022" or "In progress - expected 2022".', example: 'Already achieved' }),
    col({ key: 'deliveryStatus', label: 'Delivery status', aliases: ['benefit status'], kind: 'choice', help: 'Planned, In progress or Achieved. Without this column it is worked out from "When will the benefit be delivered?".', example: 'Achieved' }),
    col({ key: 'realised', label: 'Benefits realised', aliases: ['benefit realised', 'realised', 'benefits achieved'], kind: 'richText', help: 'Plain text or simple HTML.', example: 'An increase from 8.5 to 9 FTE.' }),
    col({ key: 'fteBefore', label: 'FTE before', aliases: ['fte before sharing'], kind: 'number', help: 'Full-time equivalents before sharing.', example: '8.5' }),
    col({ key: 'fteAfter', label: 'FTE after', aliases: ['fte after sharing'], kind: 'number', help: 'Full-time equivalents after sharing.', example: '9' }),
    col({ key: 'evidenceUrl', label: 'Evidence link', aliases: ['evidence', 'evidence url'], kind: 'url', help: 'Secure web address (https://) of the evidence.', example: 'https://council.gov.uk/evidence.pdf' })
  ],
  risks: [
    col({ key: 'title', label: 'Risk', aliases: ['risk title', 'title', 'risk description'], kind: 'text', requiredColumn: true, help: 'Short risk title (up to 255 characters). Matched with the service to find a risk already imported.', example: 'Key person dependency' }),
    col({ key: 'service', label: 'Service', aliases: ['service name', 'shared service'], kind: 'service', help: `${SERVICE_HELP} Leave empty for programme-wide risks.`, example: 'Governance' }),
    col({ key: 'causeEffect', label: 'Cause and effect', aliases: ['cause', 'cause effect', 'risk cause and effect'], kind: 'richText', help: 'Plain text or simple HTML.', example: 'One expert holds the knowledge of the system.' }),
    col({ key: 'officerEmail', label: 'Risk owner email', aliases: ['risk owner', 'owner', 'owner email'], kind: 'email', help: 'Email address of the risk owner. Required by the Risks list.', example: 'owner@council.gov.uk' }),
    col({ key: 'inherentLikelihood', label: 'Inherent likelihood', aliases: ['likelihood before controls'], kind: 'integer', help: 'Whole number 1 to 5.', example: '4' }),
    col({ key: 'inherentImpact', label: 'Inherent impact', aliases: ['impact before controls'], kind: 'integer', help: 'Whole number 1 to 5.', example: '3' }),
    col({ key: 'residualLikelihood', label: 'Residual likelihood', aliases: ['likelihood after controls'], kind: 'integer', help: 'Whole number 1 to 5.', example: '2' }),
    col({ key: 'residualImpact', label: 'Residual impact', aliases: ['impact after controls'], kind: 'integer', help: 'Whole number 1 to 5.', example: '3' }),
    col({ key: 'controls', label: 'Controls', aliases: ['controls in place', 'mitigation', 'mitigations'], kind: 'richText', help: 'Plain text or simple HTML.', example: 'Cross-training of two officers.' }),
    col({ key: 'reviewDate', label: 'Review date', aliases: ['next review date', 'next review'], kind: 'date', help: 'Date as 30/06/2026 or 2026-06-30.', example: '30/06/2026' }),
    col({ key: 'status', label: 'Status', aliases: ['risk status'], kind: 'choice', help: 'Open or Closed; Open when the column is left out.', example: 'Open' })
  ]
};

/** Lower case, "&" as "and", punctuation and repeated spaces removed: "What will the benefit achieve? " → "what will the benefit achieve". */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** What a "Progress update ..." heading says about the period. */
export type PeriodHint = { readonly kind: 'month'; readonly year: number; readonly month: number } | { readonly kind: 'period'; readonly periodId: string };

/**
 * Reads a progress heading: "Progress update", "Progress Update February 2022" (a month) or
 * "Progress update 2021-22-Q4" (a period id). Returns undefined for any other heading.
 */
export function progressHeading(text: string): { hint?: PeriodHint } | undefined {
  const match = /^\s*progress\s*updates?\b(.*)$/i.exec(text.replace(/\s+/g, ' '));
  if (!match) return undefined;
  const rest = match[1].replace(/^[\s:–-]+/, '').trim();
  if (rest === '') return {};
  const compact = rest.replace(/\s+/g, '').replace(/\//g, '-').toUpperCase();
  if (isPeriodId(compact)) return { hint: { kind: 'period', periodId: compact } };
  const words = normaliseHeading(rest).split(' ');
  // Full month names or their usual abbreviations ("Feb", "Sept").
  const monthIndex = MONTHS.findIndex((m) => words.some((w) => w === m || w === m.slice(0, 3) || (w === 'sept' && m === 'september')));
  const year = words.map(Number).find((n) => Number.isInteger(n) && n >= 1990 && n <= 2100);
  if (monthIndex >= 0 && year !== undefined) return { hint: { kind: 'month', year, month: monthIndex + 1 } };
  return {};
}

/** A column of the file matched to an import column. */
export interface MatchedColumn {
  /** Zero-based index of the column in the file. */
  readonly index: number;
  /** Heading as written in the file (trimmed, spacing collapsed). */
  readonly heading: string;
  /** The import column it feeds. */
  readonly column: ImportColumn;
  /** Period named by a progress heading. */
  readonly periodHint?: PeriodHint;
}

/** Result of matching one header row. */
export interface HeaderMatch {
  /** Matched columns, by import key (first match wins). */
  readonly columns: ReadonlyMap<string, MatchedColumn>;
  /** Headings not recognised (ignored), with their zero-based index. */
  readonly unknown: ReadonlyArray<{ index: number; heading: string }>;
  /** Headings matching a column already matched (ignored). */
  readonly duplicates: ReadonlyArray<{ index: number; heading: string; key: string }>;
}

/** Display form of a heading: trimmed, line breaks and repeated spaces collapsed. */
export function cleanHeading(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Matches the cells of a header row to the list's columns. */
export function matchHeaders(list: ImportListKind, cells: readonly string[]): HeaderMatch {
  const defs = IMPORT_COLUMNS[list];
  const byHeading = new Map<string, ImportColumn>();
  for (const c of defs) {
    for (const h of [c.label, ...c.aliases]) byHeading.set(normaliseHeading(h), c);
  }
  const columns = new Map<string, MatchedColumn>();
  const unknown: Array<{ index: number; heading: string }> = [];
  const duplicates: Array<{ index: number; heading: string; key: string }> = [];
  cells.forEach((cell, index) => {
    const heading = cleanHeading(cell);
    if (heading === '') return;
    let column = byHeading.get(normaliseHeading(heading));
    let periodHint: PeriodHint | undefined;
    const progress = column ? undefined : progressHeading(heading);
    if (progress) {
      column = defs.find((c) => c.key === 'progress');
      periodHint = progress.hint;
    }
    if (!column) {
      unknown.push({ index, heading });
      return;
    }
    if (columns.has(column.key)) {
      duplicates.push({ index, heading, key: column.key });
      return;
    }
    columns.set(column.key, { index, heading, column, periodHint });
  });
  return { columns, unknown, duplicates };
}

/** How many rows from the top are searched for the header (title rows may come first). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Finds the header row: the first of the top rows that matches the most columns. Throws
 * ImportFileError naming the expected headings when no row has two recognised headings, or
 * when the best one lacks the title column.
 */
export function findHeader(list: ImportListKind, rows: ReadonlyArray<readonly string[]>): { rowIndex: number; match: HeaderMatch } {
  let best: { rowIndex: number; match: HeaderMatch } | undefined;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const match = matchHeaders(list, rows[i]);
    if (!best || match.columns.size > best.match.columns.size) best = { rowIndex: i, match };
  }
  const defs = IMPORT_COLUMNS[list];
  const expected = defs.map((c) => `"${c.label}"`).join(', ');
  if (!best || best.match.columns.size < 2) {
    throw new ImportFileError(
      'noHeader',
      `No header row was recognised for ${list}. The first row of the table must name the columns, such as ${expected}. Download the template to see them.`
    );
  }
  const missing = defs.filter((c) => c.requiredColumn && !best?.match.columns.has(c.key));
  if (missing.length > 0) {
    throw new ImportFileError(
      'missingColumns',
      `The file has no ${missing.map((c) => `"${c.label}"`).join(' or ')} column, which an import of ${list} needs (row ${best.rowIndex + 1} was read as the header).`
    );
  }
  return best;
}
