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
export const IMPORT_LISTS = ['objectives', 'benefits', 'risks', 'bestPractice', 'lessonsLearned', 'successes'] as const;

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
    col({ key: 'rag', label: 'RAG', aliases: ['rag rating', 'rag status', 'red amber green'], kind: 'choice', help: 'Red, Amber, Green or Not rated. Left empty (or without this column) an objective keeps its stored rating, and a new one is "Not rated".', example: 'Green' }),
    col({ key: 'officerEmail', label: 'Responsible officer email', aliases: ['responsible officer', 'officer', 'officer email', 'responsible officer e mail', 'lead officer'], kind: 'email', help: 'Email address of the officer who writes the quarterly updates. Required by the Objectives list.', example: 'officer@council.gov.uk' }),
    col({ key: 'targetDate', label: 'Target date', aliases: ['target completion date', 'due date', 'deadline'], kind: 'date', help: 'Date as 31/03/2023 or 2023-03-31.', example: '31/03/2023' }),
    col({ key: 'progress', label: 'Progress update', aliases: [], kind: 'richText', help: 'A progress update; creates the quarterly update for the period named in the heading ("Progress Update February 2022", "Update Sept 22", "Q2 2022/23 update") or chosen when importing. Several update columns, one per period, may be given.', example: 'The shared HR system has been procured.' }),
    col({ key: 'updateDate', label: 'Update date', aliases: ['date of update', 'date updated', 'updated on', 'update written on'], kind: 'date', help: 'When the update was written; the last day of its period when left out.', example: '28/02/2022' }),
    col({ key: 'updateAuthor', label: 'Updated by', aliases: ['update author', 'author', 'update by', 'written by'], kind: 'email', help: 'Email address of whoever wrote the update; the responsible officer when left out. The person importing is recorded by SharePoint as the item\'s creator.', example: 'officer@council.gov.uk' })
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
  ],
  bestPractice: [
    col({ key: 'title', label: 'Best practice', aliases: ['practice', 'title', 'example', 'best practice example', 'example of best practice'], kind: 'text', requiredColumn: true, help: 'Short name of the practice (up to 255 characters). Matched with the service to find practice already imported.', example: 'Performance and Project Leads Network' }),
    col({ key: 'service', label: 'Service', aliases: ['service name', 'shared service'], kind: 'service', help: `${SERVICE_HELP} Leave empty for practice shared across the programme.`, example: 'Transformation and Partnerships' }),
    col({ key: 'fromCouncil', label: 'From council', aliases: ['from', 'shared from', 'council sharing', 'originating council'], kind: 'text', help: 'The council whose practice it was. Required.', example: 'South Ribble Borough Council' }),
    col({ key: 'toCouncil', label: 'To council', aliases: ['to', 'shared with', 'adopted by', 'council adopting', 'receiving council'], kind: 'text', help: 'The council that adopted it. Required, and not the same council.', example: 'Chorley Council' }),
    col({ key: 'category', label: 'Category', aliases: ['practice category', 'type of practice', 'theme'], kind: 'choice', help: 'Policies and strategy, Systems and processes, Structure and roles, Networks and engagement or Other. May be left empty.', example: 'Networks and engagement' }),
    col({ key: 'description', label: 'Description', aliases: ['what was shared', 'details', 'practice description', 'summary'], kind: 'richText', help: 'Plain text or simple HTML.', example: 'A network of colleagues who share best practice on one topic per session.' })
  ],
  lessonsLearned: [
    col({ key: 'title', label: 'Lesson summary', aliases: ['summary', 'title', 'lesson title'], kind: 'text', requiredColumn: true, help: 'One-line summary of the lesson (up to 255 characters). Matched with the service to find a lesson already imported.', example: 'Agree an exit strategy at the start' }),
    col({ key: 'service', label: 'Service', aliases: ['service name', 'shared service'], kind: 'service', help: `${SERVICE_HELP} Leave empty for programme-wide lessons.`, example: 'Governance' }),
    col({ key: 'category', label: 'Category', aliases: ['lesson category', 'theme', 'area'], kind: 'choice', help: 'IT, HR, Timescales, Engagement, Exit strategy, Governance or Other. Required.', example: 'Exit strategy' }),
    col({ key: 'lesson', label: 'Lesson', aliases: ['lesson learned', 'lessons learned', 'lessons', 'details', 'description'], kind: 'richText', help: 'The lesson: plain text or simple HTML. Required.', example: 'Consider how a partner could leave before sharing begins.' })
  ],
  successes: [
    col({ key: 'title', label: 'Success', aliases: ['title', 'success title', 'area of success', 'achievement title', 'summary'], kind: 'text', requiredColumn: true, help: 'One-line summary of the success (up to 255 characters). Matched with the service to find a success already imported.', example: 'Campaigns planner introduced' }),
    col({ key: 'service', label: 'Service', aliases: ['service name', 'shared service'], kind: 'service', help: SERVICE_HELP, example: 'Communications and Visitor Economy' }),
    col({ key: 'category', label: 'Category', aliases: ['success category', 'type of success', 'theme'], kind: 'choice', help: 'Service improvement, Resilience and capacity, Staff development, Savings, Partnership working or Recognition. Required.', example: 'Service improvement' }),
    col({ key: 'achievement', label: 'What was achieved', aliases: ['achievement', 'achievements', 'details', 'description', 'success details'], kind: 'richText', help: 'Plain text or simple HTML. Required.', example: 'Activity is planned on an 80/20 basis.' }),
    col({ key: 'councils', label: 'Councils benefiting', aliases: ['councils', 'council', 'benefiting councils', 'councils benefitting', 'for councils'], kind: 'text', help: 'Councils that benefit, separated by semicolons; leave empty when every partner council of the service benefits.', example: 'Chorley Council; South Ribble Borough Council' }),
    col({ key: 'achievedOn', label: 'Achieved on', aliases: ['date', 'date achieved', 'when achieved', 'achieved'], kind: 'date', help: 'Date as 31/03/2022 or 2022-03-31. Required.', example: '15/11/2021' })
  ]
};

/** The columns of an action plan table nested under an objective, with the headings plan tables use. */
export const ACTION_COLUMNS = {
  title: ['action', 'actions', 'action plan', 'task', 'key action', 'key actions', 'what'],
  timescale: ['timescale', 'timescales', 'by when', 'when', 'deadline', 'target date', 'date', 'due'],
  owner: ['owner', 'owner email', 'lead', 'lead officer', 'responsible', 'responsible officer', 'who', 'by whom'],
  status: ['status', 'progress', 'action status']
} as const;

/** Display name of the action plan, in messages about its cells. */
export const ACTION_PLAN_LABEL = 'Action plan';

/** Lower case, "&" as "and", punctuation and repeated spaces removed: "What will the benefit achieve? " → "what will the benefit achieve". */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * What an update heading says about the period: a month, a quarter of a financial year, or
 * words that name no single quarter ("Update 2022"), in which case the user is asked.
 */
export type PeriodHint =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'period'; readonly periodId: string }
  | { readonly kind: 'ambiguous'; readonly text: string };

/** A year written with four digits, or two ("22" is 2022). */
function yearOf(word: string): number | undefined {
  if (/^\d{4}$/.test(word)) return Number(word);
  if (/^\d{2}$/.test(word)) return 2000 + Number(word);
  return undefined;
}

function monthOf(word: string): number | undefined {
  // Full names and the usual abbreviations ("Feb", "Sept").
  const index = MONTHS.findIndex((m) => word === m || (word.length >= 3 && m.startsWith(word)));
  return index >= 0 ? index + 1 : undefined;
}

/** What the words around "update" say: a quarter ("Q2 2022/23"), a month ("Sept 22"), or nothing certain. */
function periodOfWords(rest: string): PeriodHint | undefined {
  const compact = rest.replace(/\s+/g, '').replace(/\//g, '-').toUpperCase();
  if (isPeriodId(compact)) return { kind: 'period', periodId: compact };
  const words = rest
    .toLowerCase()
    .replace(/(\d{4})\s*[/-]\s*(\d{2,4})/g, ' fy$1-$2 ')
    .replace(/\bquarter\s*(\d)/g, ' q$1 ')
    .split(/[^a-z0-9-]+/)
    .filter((w) => w !== '');
  const quarter = words.map((w) => /^q([1-4])$/.exec(w)).find((m) => m !== null);
  const fy = words.map((w) => /^fy(\d{4})-(\d{2,4})$/.exec(w)).find((m) => m !== null);
  if (quarter && fy) {
    const id = `${fy[1]}-${fy[2].slice(-2)}-Q${quarter[1]}`;
    if (isPeriodId(id)) return { kind: 'period', periodId: id };
  }
  const months = words.map(monthOf).filter((m): m is number => m !== undefined);
  const years = words.map(yearOf).filter((y): y is number => y !== undefined && y >= 1990 && y <= 2100);
  if (months.length === 1 && years.length === 1 && !quarter && !fy) return { kind: 'month', year: years[0], month: months[0] };
  return { kind: 'ambiguous', text: rest };
}

/**
 * Reads an update heading as the councils write it: "Progress update", "Progress Update
 * February 2022", "Update September 2022", "Update Sept 22", "Q2 2022/23 update" or
 * "Progress update 2021-22-Q4". Returns undefined for a heading that is not an update column;
 * `hint` is absent when the heading names no period at all.
 */
export function progressHeading(text: string): { hint?: PeriodHint } | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lead = /^(?:progress\s+)?updates?\b(.*)$/i.exec(flat);
  const trail = lead ? undefined : /^(.*?)\b(?:progress\s+)?updates?$/i.exec(flat);
  const match = lead ?? trail;
  if (!match) return undefined;
  const rest = match[1].replace(/^[\s:–-]+|[\s:–-]+$/g, '').trim();
  if (rest === '') return {};
  // "Update date" or "Updated by" are other columns, not a period.
  if (/^(date|by|author|on)\b/i.test(rest)) return undefined;
  return { hint: periodOfWords(rest) };
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
  /** Every progress update column, one per period (the first is also in `columns`). */
  readonly progress: readonly MatchedColumn[];
  /** Headings not recognised, with their zero-based index. */
  readonly unknown: ReadonlyArray<{ index: number; heading: string }>;
  /** Headings matching a column already matched. */
  readonly duplicates: ReadonlyArray<{ index: number; heading: string; key: string }>;
  /** Headings the user chose to ignore. */
  readonly ignored: ReadonlyArray<{ index: number; heading: string }>;
}

/** Heading of the explanations column in the workbook of rejected rows; left out when that workbook is imported again. */
export const REJECTION_COLUMN = 'Import problems (delete this column before importing again)';

/** Value of a column choice meaning "leave this column out on purpose". */
export const IGNORE_COLUMN = 'ignore';

/**
 * The user's decisions about columns the import did not recognise: the normalised heading (see
 * `normaliseHeading`) mapped to an import column key, or to IGNORE_COLUMN.
 */
export type ColumnChoices = Readonly<Record<string, string>>;

/** Display form of a heading: markup (a Word cell's paragraphs) removed, line breaks and repeated spaces collapsed. */
export function cleanHeading(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Matches the cells of a header row to the list's columns, applying the user's column choices. */
export function matchHeaders(list: ImportListKind, cells: readonly string[], choices: ColumnChoices = {}): HeaderMatch {
  const defs = IMPORT_COLUMNS[list];
  const byHeading = new Map<string, ImportColumn>();
  for (const c of defs) {
    for (const h of [c.label, ...c.aliases]) byHeading.set(normaliseHeading(h), c);
  }
  const columns = new Map<string, MatchedColumn>();
  const progress: MatchedColumn[] = [];
  const unknown: Array<{ index: number; heading: string }> = [];
  const duplicates: Array<{ index: number; heading: string; key: string }> = [];
  const ignored: Array<{ index: number; heading: string }> = [];
  cells.forEach((cell, index) => {
    const heading = cleanHeading(cell);
    if (heading === '') return;
    const choice = normaliseHeading(heading) === normaliseHeading(REJECTION_COLUMN) ? IGNORE_COLUMN : choices[normaliseHeading(heading)];
    if (choice === IGNORE_COLUMN) {
      ignored.push({ index, heading });
      return;
    }
    let column = choice !== undefined ? defs.find((c) => c.key === choice) : byHeading.get(normaliseHeading(heading));
    let periodHint: PeriodHint | undefined;
    const progressMatch = column && column.key !== 'progress' ? undefined : progressHeading(heading);
    if (progressMatch || column?.key === 'progress') {
      column = defs.find((c) => c.key === 'progress');
      periodHint = progressMatch?.hint;
    }
    if (!column) {
      unknown.push({ index, heading });
      return;
    }
    const matched = { index, heading, column, periodHint };
    if (column.key === 'progress' && list === 'objectives') {
      // Several update columns ("Update June 2022", "Update September 2022") each feed their own period.
      progress.push(matched);
      if (!columns.has('progress')) columns.set('progress', matched);
      return;
    }
    if (columns.has(column.key)) {
      duplicates.push({ index, heading, key: column.key });
      return;
    }
    columns.set(column.key, matched);
  });
  return { columns, progress, unknown, duplicates, ignored };
}

/** How many rows from the top are searched for the header (title rows may come first). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Finds the header row: the first of the top rows that matches the most columns. Throws
 * ImportFileError naming the expected headings when no row has two recognised headings, or
 * when the best one lacks the title column.
 */
export function findHeader(list: ImportListKind, rows: ReadonlyArray<readonly string[]>, choices: ColumnChoices = {}): { rowIndex: number; match: HeaderMatch } {
  let best: { rowIndex: number; match: HeaderMatch } | undefined;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const match = matchHeaders(list, rows[i], choices);
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
