/**
 * Turns the rows of an imported table into a plan: which items would be created, which
 * updated (matched by title and service), which left unchanged, and which rows rejected with
 * a reason naming the column. Pure: reading files and writing items happen in src/import.
 */
import { unreachable } from '../exhaustive';
import { CalendarConfig, comparePeriodIds, isEditable, nextPeriod, periodById, periodFor } from '../calendar';
import { NO_UPDATE_STATUSES } from '../progress';
import type { Benefit, BestPractice, LessonLearned, Objective, ObjectiveAction, ObjectiveUpdate, Risk, Service, Success } from '../types';
import { Draft, ValidationError, validateBenefit, validateBestPractice, validateLessonLearned, validateObjective, validateObjectiveUpdate, validateRisk, validateSuccess } from '../validation';
import type { ActionStatus, BenefitCategory, ObjectiveStatus, Rag, ServicePhase } from '../vocabularies';
import { ACTION_COLUMNS, ACTION_PLAN_LABEL, ColumnChoices, IGNORE_COLUMN, IMPORT_COLUMNS, REJECTION_COLUMN, ImportListKind, MatchedColumn, PeriodHint, cleanHeading, findHeader, matchHeaders, normaliseHeading } from './columns';
import { checkRowLimit, ImportFileError, ImportLimits, IMPORT_LIMITS } from './errors';
import {
  CellSanitiser,
  actionStatusOf,
  benefitCategoryOf,
  bestPracticeCategoryOf,
  dateOf,
  lessonCategoryOf,
  successCategoryOf,
  deliveryStatusFromWhen,
  deliveryStatusOf,
  emailOf,
  looksLikeHtml,
  nameKey,
  numberOf,
  objectiveStatusOf,
  ragOf,
  riskStatusOf,
  toPlainText,
  toRichText
} from './values';

/** Stands in for an officer the import will resolve by email, so validation checks only the other fields. */
const PLACEHOLDER_PERSON = { id: 1, displayName: '', email: '' };

/** One row of the file: its number as the user sees it (1-based) and its cell texts. */
export interface ImportRow {
  /** Row number in the spreadsheet or CSV file, 1-based. */
  readonly number: number;
  /** Cell values as text (HTML kept as written; sanitised when read). */
  readonly cells: readonly string[];
  /** Tables nested in the row's cells (a Word paper's action plan under an objective), header row first. */
  readonly subTables?: ReadonlyArray<ReadonlyArray<readonly string[]>>;
}

/** A file read into rows. */
export interface ImportTable {
  /** Rows in order, empty rows included or not. */
  readonly rows: readonly ImportRow[];
  /** Worksheet name, for XLSX. */
  readonly sheet?: string;
}

/** A row that will not be imported and why. */
export interface ImportRejection {
  /** Row number in the file (1-based). */
  readonly row: number;
  /** Heading of the column at fault, as written in the file (or the template's heading when the column is missing). */
  readonly column: string;
  /** Full sentence for the user. */
  readonly reason: string;
}

/** Something the user should check, which does not stop the row. */
export interface ImportWarning {
  /** Row number, when about one row. */
  readonly row?: number;
  /** Column heading, when about one column. */
  readonly column?: string;
  /** Full sentence for the user. */
  readonly message: string;
}

/** A quarterly progress update to write with an objective. */
export interface PlannedProgress {
  /** Reporting period id. */
  readonly periodId: string;
  /** Sanitised narrative HTML. */
  readonly narrative: string;
  /** Status at the update. */
  readonly status: ObjectiveStatus;
  /** RAG at the update. */
  readonly rag: Rag;
  /** When the update was written: the file's update date, else the period's last day (ISO 8601). */
  readonly updatedOn: string;
  /** Who wrote it, as the file says (its author column, else the responsible officer). */
  readonly authorEmail?: string;
  /** The update already stored for that period, which will be changed; undefined to create one. */
  readonly existing?: { readonly id: number; readonly etag: string };
}

/** An action of the objective's action plan to create or change. */
export interface PlannedAction {
  /** What is to be done. */
  readonly title: string;
  /** When, as written. */
  readonly timescale?: string;
  /** Owner's email, resolved to a site user when applying. */
  readonly ownerEmail?: string;
  /** Status. */
  readonly status: ActionStatus;
  /** The action already stored under that title, which will be changed; undefined to create one. */
  readonly existing?: { readonly id: number; readonly etag: string };
}

/** What the dry run will do with one row, as the preview shows it. */
export type PreviewAction = 'create' | 'update' | 'unchanged' | 'reject';

/** One row of the dry run's preview: every data row of the file appears once. */
export interface ImportPreviewRow {
  /** Row number in the file. */
  readonly row: number;
  /** Service name as it will be stored (or as written when unknown); '' for programme-wide risks. */
  readonly service: string;
  /** Title. */
  readonly title: string;
  /** Status (objectives and risks), delivery status (benefits) or category (lessons learned, successes, best practice). */
  readonly status?: string;
  /** RAG (objectives). */
  readonly rag?: string;
  /** Reporting periods of the row's progress updates (ids; shown through their labels). */
  readonly periodIds: readonly string[];
  /** Responsible officer or owner's email. */
  readonly officer?: string;
  /** What the apply will do. */
  readonly action: PreviewAction;
  /** Cells that start like a spreadsheet formula (=, +, -, @), by column heading. */
  readonly formulaColumns: readonly string[];
  /** Actions read from the row's action plan table (objectives). */
  readonly actions?: number;
}

/** A column of the file that holds data but feeds nothing: the import stops until it is mapped or ignored. */
export interface UnmappedColumn {
  /** Zero-based index in the file. */
  readonly index: number;
  /** Heading as written, or "Column 7" when it has none. */
  readonly heading: string;
  /** Key to use in ImportOptions.columns (the normalised heading). */
  readonly choiceKey: string;
  /** Data rows with a value in it. */
  readonly filledRows: number;
  /** First row with a value. */
  readonly firstRow: number;
  /** Why it is not mapped. */
  readonly reason: 'unknown' | 'duplicate' | 'noHeading';
}

/** A service the file names that the site lacks, offered for creation. */
export interface ProposedService {
  /** Name as written in the file. */
  readonly name: string;
  /** Rows that need it. */
  readonly rows: readonly number[];
  /** Whether the user chose to create it (ImportOptions.newServices): then its rows are planned. */
  readonly create: boolean;
  /** Phase and partner councils to create it with, when chosen. */
  readonly phase?: ServicePhase;
  /** Partner councils to create it with, when chosen. */
  readonly partnerCouncils?: readonly string[];
  /** Provisional id used by planned items until the apply creates the service (negative). */
  readonly provisionalId?: number;
}

/** A locked update (its period's deadline has passed) that the file would change: reported, never rewritten. */
export interface LockedDifference {
  /** Row number in the file. */
  readonly row: number;
  /** Objective title. */
  readonly title: string;
  /** Period of the locked update. */
  readonly periodId: string;
  /** What differs: "narrative", "status", "rag". */
  readonly fields: readonly string[];
}

/** A service the user chose to create while importing. */
export interface NewServiceChoice {
  /** Name, as the file writes it. */
  readonly name: string;
  /** Sharing phase. */
  readonly phase: ServicePhase;
  /** Partner councils. */
  readonly partnerCouncils: readonly string[];
}

/** SharePoint limits of one column, from the schema: the dry run checks them so the apply cannot fail on them. */
export interface ImportFieldLimit {
  /** Most characters stored. */
  readonly maxLength?: number;
  /** Allowed values of a choice column. */
  readonly choices?: readonly string[];
}

/** Limits per list and model property ('objectiveUpdates' for progress updates). */
export type ImportFieldLimits = Readonly<Partial<Record<ImportListKind | 'objectiveUpdates' | 'objectiveActions' | 'services', Readonly<Record<string, ImportFieldLimit>>>>>;

/** Names that mean "the whole programme" rather than one service. */
export const PROGRAMME_WIDE_NAMES = ['programme wide', 'programme', 'all services', 'whole programme', 'shared services programme', 'cross cutting'];

/** Lists whose items may belong to the whole programme rather than one service. */
const OPTIONAL_SERVICE: readonly ImportListKind[] = ['risks', 'bestPractice', 'lessonsLearned'];

/** Default name of the service that holds programme-wide objectives and benefits. */
export const PROGRAMME_SERVICE_NAME = 'Programme-wide';

/** Whether a cell's text would be run as a formula by a spreadsheet ("=HYPERLINK(...)", "@SUM", "+1", "-2+3"). */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@]/.test(value.trim()) && value.trim().length > 1;
}

/** An item to create. */
export interface PlannedCreate<T> {
  /** Row number in the file. */
  readonly row: number;
  /** Values to write (people given as `officerEmail` and resolved when applying). */
  readonly item: Draft<T>;
  /** Email of the responsible officer or risk owner, resolved to a site user when applying. */
  readonly officerEmail?: string;
  /** Progress updates to create with it (objectives), one per period. */
  readonly progress: readonly PlannedProgress[];
  /** Actions of its action plan to create (objectives). */
  readonly actions?: readonly PlannedAction[];
}

/** An existing item to change. */
export interface PlannedUpdate<T> {
  /** Row number in the file. */
  readonly row: number;
  /** Id of the item matched by title and service. */
  readonly id: number;
  /** ETag of the version read, so a concurrent edit is detected. */
  readonly etag: string;
  /** Title of the item. */
  readonly title: string;
  /** Only the values that differ. */
  readonly changes: Draft<T>;
  /** Headings of the columns whose values differ. */
  readonly changedColumns: readonly string[];
  /** New responsible officer or owner, when it differs. */
  readonly officerEmail?: string;
  /** Progress updates to create or change, one per period. */
  readonly progress: readonly PlannedProgress[];
  /** Actions of its action plan to create or change (objectives). */
  readonly actions?: readonly PlannedAction[];
}

/** A row that matches an existing item exactly. */
export interface PlannedUnchanged {
  /** Row number in the file. */
  readonly row: number;
  /** Id of the matched item. */
  readonly id: number;
  /** Its title. */
  readonly title: string;
}

/** Model of each importable list. */
export interface ImportModels {
  objectives: Objective;
  benefits: Benefit;
  risks: Risk;
  bestPractice: BestPractice;
  lessonsLearned: LessonLearned;
  successes: Success;
}

/** An item of any importable list. */
type ImportedItem = ImportModels[ImportListKind];

/** The dry run of an import: nothing has been written. */
export interface ImportPlan<K extends ImportListKind = ImportListKind> {
  /** List imported into. */
  readonly list: K;
  /** Items to create. */
  readonly create: ReadonlyArray<PlannedCreate<ImportModels[K]>>;
  /** Items to update. */
  readonly update: ReadonlyArray<PlannedUpdate<ImportModels[K]>>;
  /** Rows identical to what is stored. */
  readonly unchanged: readonly PlannedUnchanged[];
  /** Problems of rows not imported; a row may have several. */
  readonly reject: readonly ImportRejection[];
  /** Things to check. */
  readonly warnings: readonly ImportWarning[];
  /** Reporting period of the (first) progress column, when the file has one. */
  readonly periodId?: string;
  /** Reporting periods of every progress column, in column order. */
  readonly periodIds: readonly string[];
  /** Every data row, with what will happen to it. */
  readonly preview: readonly ImportPreviewRow[];
  /** Columns with data that feed nothing: while any is left, the plan cannot be applied. */
  readonly unmapped: readonly UnmappedColumn[];
  /** Services the file names that the site lacks. */
  readonly newServices: readonly ProposedService[];
  /** Locked updates the file differs from; left as they are. */
  readonly locked: readonly LockedDifference[];
  /** Number of the file's header row. */
  readonly headerRow: number;
  /** The header row's cells, for the spreadsheet of rejected rows. */
  readonly headerCells: readonly string[];
  /** Cells of every rejected row as read (continuations joined), for the spreadsheet of rejected rows. */
  readonly rejectedCells: ReadonlyArray<{ readonly row: number; readonly cells: readonly string[] }>;
}

/** Whether the plan may be applied: no column with data is left unmapped. */
export function canApply(plan: Pick<ImportPlan, 'unmapped'>): boolean {
  return plan.unmapped.length === 0;
}

/** What is already stored, loaded before planning. */
export interface ImportContext {
  /** Every service. */
  readonly services: readonly Service[];
  /** Every item of the list imported into. */
  readonly existing: ReadonlyArray<ImportedItem>;
  /** Objective updates of the import's period (objectives only). */
  readonly existingUpdates?: readonly ObjectiveUpdate[];
  /** Stored actions of objectives (objectives only). */
  readonly existingActions?: readonly ObjectiveAction[];
}

/** Options of an import. */
export interface ImportOptions {
  /** Sanitiser of cell HTML (DOMPurify). */
  readonly sanitiser: CellSanitiser;
  /** Reporting period of the progress updates; overrides a period named in the heading. */
  readonly periodId?: string;
  /** When the import runs (ISO 8601): the progress updates' "Updated on". */
  readonly now: string;
  /** Service for rows that name none (no Service column or section row). */
  readonly defaultService?: string;
  /** Officer or owner for rows without an email; a warning asks the user to check them. */
  readonly defaultOfficerEmail?: string;
  /** Reporting calendar. */
  readonly calendar?: Partial<CalendarConfig>;
  /** Size limits; IMPORT_LIMITS by default. */
  readonly limits?: ImportLimits;
  /** The user's choices for columns the import did not recognise (map to a column, or ignore). */
  readonly columns?: ColumnChoices;
  /** Services to create for names the site lacks. */
  readonly newServices?: readonly NewServiceChoice[];
  /** Name of the service holding programme-wide rows (PROGRAMME_SERVICE_NAME by default). */
  readonly programmeService?: string;
  /** SharePoint column limits (from the schema), checked so the apply cannot fail on them. */
  readonly fieldLimits?: ImportFieldLimits;
  /** Today (YYYY-MM-DD), for locked updates; the date of `now` by default. */
  readonly today?: string;
}

/** A section heading in force: a service or category named on a row of its own. */
interface Section<T> {
  readonly name: string;
  readonly row: number;
  /** Undefined when the name was not recognised: rows relying on it are rejected. */
  readonly value?: T;
}

/** Row-level problem collector that names columns the way the file does. */
class RowProblems {
  public readonly list: ImportRejection[] = [];

  public constructor(
    private readonly row: number,
    private readonly heading: (key: string) => string
  ) {}

  public add(key: string, reason: string): void {
    this.list.push({ row: this.row, column: this.heading(key), reason });
  }
}

/** Model property validated → import column key. */
const VALIDATION_TO_COLUMN: Readonly<Record<string, string>> = {
  serviceId: 'service',
  responsibleOfficer: 'officerEmail',
  owner: 'officerEmail',
  narrative: 'progress',
  periodId: 'progress',
  savings: 'title'
};

/** Whether every cell is empty. */
const blank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

const same = (a: unknown, b: unknown): boolean => {
  // Lists (a success's councils) compare by their entries.
  const norm = (v: unknown): unknown => (v === undefined || v === null ? '' : Array.isArray(v) ? JSON.stringify(v) : v);
  return norm(a) === norm(b);
};

/** Rows after the header, with continuation rows (a row Word split across a page break) joined to the row they continue. */
interface DataRow {
  readonly number: number;
  readonly cells: string[];
  readonly subTables: Array<ReadonlyArray<readonly string[]>>;
}

/** Builds the dry run of importing `table` into `list`. Throws ImportFileError for file-level problems. */
export function buildImportPlan<K extends ImportListKind>(list: K, table: ImportTable, context: ImportContext, options: ImportOptions): ImportPlan<K> {
  checkRowLimit(table.rows.length, options.limits ?? IMPORT_LIMITS);
  const rows = table.rows.filter((r) => !blank(r.cells));
  if (rows.length === 0) throw new ImportFileError('empty', 'The file has no rows to import.');
  const choices = options.columns ?? {};
  const header = findHeader(list, rows.map((r) => r.cells), choices);
  const columns = header.match.columns;
  const warnings: ImportWarning[] = [];
  const reject: ImportRejection[] = [];
  const headerRow = rows[header.rowIndex].number;
  const headerCells = rows[header.rowIndex].cells;
  const heading = (key: string): string => columns.get(key)?.heading ?? IMPORT_COLUMNS[list].find((c) => c.key === key)?.label ?? key;
  const titleColumn = columns.get('title') as MatchedColumn;
  const has = (key: string): boolean => columns.has(key);
  const today = options.today ?? options.now.slice(0, 10);

  if (header.rowIndex > 0) {
    warnings.push({ message: `Row${header.rowIndex === 1 ? '' : 's'} ${rows[0].number}${header.rowIndex > 1 ? ` to ${rows[header.rowIndex - 1].number}` : ''} above the header (row ${headerRow}) ${header.rowIndex === 1 ? 'was' : 'were'} read as the paper's title and not imported.` });
  }

  // Data rows: repeated header rows skipped, continuation rows joined.
  const sectionLike = (cells: readonly string[]): boolean => {
    const filled = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');
    return filled.length === 1 && (filled[0].i === 0 || filled[0].i === titleColumn.index);
  };
  const isHeaderAgain = (cells: readonly string[]): boolean =>
    normaliseHeading(cleanHeading(cells[titleColumn.index] ?? '')) === normaliseHeading(titleColumn.heading) && matchHeaders(list, cells, choices).columns.size >= Math.min(2, columns.size);
  const data: DataRow[] = [];
  const repeated: number[] = [];
  for (const r of rows.slice(header.rowIndex + 1)) {
    if (isHeaderAgain(r.cells)) {
      repeated.push(r.number);
      continue;
    }
    const previous = data[data.length - 1];
    const titleCell = (r.cells[titleColumn.index] ?? '').trim();
    const serviceCell = (columns.has('service') ? r.cells[(columns.get('service') as MatchedColumn).index] ?? '' : '').trim();
    if (titleCell === '' && serviceCell === '' && !sectionLike(r.cells) && previous && !sectionLike(previous.cells) && r.cells.some((c) => c.trim() !== '')) {
      // Word repeats no title when a row breaks across a page: the cells continue the row above.
      r.cells.forEach((c, i) => {
        if (c.trim() === '') return;
        const before = previous.cells[i] ?? '';
        previous.cells[i] = before.trim() === '' ? c : `${before}\n${c}`;
      });
      previous.subTables.push(...(r.subTables ?? []));
      warnings.push({ row: r.number, message: `Row ${r.number} has no ${heading('title')}, so it was read as the rest of row ${previous.number} (a row split where the table broke across pages).` });
      continue;
    }
    data.push({ number: r.number, cells: [...r.cells], subTables: [...(r.subTables ?? [])] });
  }
  if (repeated.length > 0) {
    warnings.push({ message: `The header was repeated on row${repeated.length === 1 ? '' : 's'} ${repeated.join(', ')} (as Word repeats it on each page); ${repeated.length === 1 ? 'it was' : 'they were'} skipped.` });
  }

  // Every column holding data must feed something, or be ignored on purpose.
  const unmapped: UnmappedColumn[] = [];
  const width = Math.max(headerCells.length, ...data.map((r) => r.cells.length));
  const unknownAt = new Map<number, { heading: string; reason: UnmappedColumn['reason'] }>();
  for (const u of header.match.unknown) unknownAt.set(u.index, { heading: u.heading, reason: 'unknown' });
  for (const d of header.match.duplicates) unknownAt.set(d.index, { heading: d.heading, reason: 'duplicate' });
  const ignoredAt = new Set(header.match.ignored.map((i) => i.index));
  for (let index = 0; index < width; index++) {
    const mapped = [...columns.values()].some((m) => m.index === index) || header.match.progress.some((m) => m.index === index);
    if (mapped || ignoredAt.has(index)) continue;
    const known = unknownAt.get(index);
    const name = known?.heading ?? `Column ${index + 1}`;
    const choiceKey = normaliseHeading(name);
    if (!known && choices[choiceKey] === IGNORE_COLUMN) continue;
    const filled = data.filter((r) => !sectionLike(r.cells) && (r.cells[index] ?? '').trim() !== '');
    if (filled.length === 0) {
      if (known) warnings.push({ row: headerRow, column: known.heading, message: `Column "${known.heading}" is empty, so it was left out.` });
      continue;
    }
    unmapped.push({ index, heading: name, choiceKey, filledRows: filled.length, firstRow: filled[0].number, reason: known?.reason ?? 'noHeading' });
  }
  for (const i of header.match.ignored) {
    if (normaliseHeading(i.heading) !== normaliseHeading(REJECTION_COLUMN)) warnings.push({ row: headerRow, column: i.heading, message: `Column "${i.heading}" was left out, as chosen.` });
  }

  const cell = (r: DataRow, key: string): string => {
    const m = columns.get(key);
    return m ? r.cells[m.index] ?? '' : '';
  };

  const serviceByKey = new Map(context.services.map((s) => [nameKey(s.name), s] as const));
  const programmeName = options.programmeService ?? PROGRAMME_SERVICE_NAME;
  // Services the user chose to create get provisional (negative) ids until the apply creates them.
  const proposed = new Map<string, { name: string; rows: number[]; choice?: NewServiceChoice; provisionalId?: number }>();
  let provisional = 0;
  for (const n of options.newServices ?? []) {
    if (serviceByKey.has(nameKey(n.name))) continue;
    provisional--;
    proposed.set(nameKey(n.name), { name: n.name.trim(), rows: [], choice: n, provisionalId: provisional });
  }
  /** A service by name: stored, to be created, or unknown (undefined, and offered for creation). */
  const serviceNamed = (name: string, row: number): { service?: Service; programmeWide?: boolean } => {
    let key = nameKey(name);
    if (PROGRAMME_WIDE_NAMES.indexOf(key) >= 0) {
      // Lists whose items may belong to no one service store programme-wide rows without one.
      if (OPTIONAL_SERVICE.indexOf(list) >= 0) return { programmeWide: true };
      key = nameKey(programmeName);
      name = programmeName;
    }
    const stored = serviceByKey.get(key);
    if (stored) return { service: stored };
    const entry = proposed.get(key) ?? { name: name.trim(), rows: [] };
    proposed.set(key, entry);
    if (entry.rows.indexOf(row) < 0) entry.rows.push(row);
    if (entry.choice && entry.provisionalId !== undefined) {
      return { service: { id: entry.provisionalId, etag: '', name: entry.name, phase: entry.choice.phase, partnerCouncils: [...entry.choice.partnerCouncils] } };
    }
    return {};
  };

  const progressColumns = list === 'objectives' ? header.match.progress : [];
  const periods = resolvePeriods(progressColumns, options, warnings);
  const periodIds = periods.filter((p): p is string => p !== undefined);
  const periodId = periods[0];
  const existingByKey = new Map<string, ImportedItem>();
  const ambiguous = new Map<string, number[]>();
  for (const e of context.existing) {
    const k = matchKey(e.title, e.serviceId);
    const first = existingByKey.get(k);
    if (first) ambiguous.set(k, [...(ambiguous.get(k) ?? [first.id]), e.id]);
    existingByKey.set(k, e);
  }
  const updatesByObjective = new Map<number, ObjectiveUpdate[]>();
  for (const u of context.existingUpdates ?? []) updatesByObjective.set(u.objectiveId, [...(updatesByObjective.get(u.objectiveId) ?? []), u]);
  const actionsByObjective = new Map<number, ObjectiveAction[]>();
  for (const a of context.existingActions ?? []) actionsByObjective.set(a.objectiveId, [...(actionsByObjective.get(a.objectiveId) ?? []), a]);
  const storedUpdate = (objectiveId: number, pid: string): ObjectiveUpdate | undefined =>
    (updatesByObjective.get(objectiveId) ?? []).find((u) => comparePeriodIds(u.periodId, pid) === 0);

  let sectionService: Section<Service> | undefined;
  let sectionProgrammeWide = false;
  let sectionCategory: Section<BenefitCategory> | undefined;
  let defaultService: Service | undefined;
  if (options.defaultService) {
    defaultService = serviceByKey.get(nameKey(options.defaultService));
    if (!defaultService) throw new ImportFileError('missingColumns', `The default service "${options.defaultService}" is not a service on this site.`);
  }
  const seen = new Map<string, number>();
  const create: Array<PlannedCreate<ImportModels[K]>> = [];
  const update: Array<PlannedUpdate<ImportModels[K]>> = [];
  const unchanged: PlannedUnchanged[] = [];
  const preview: ImportPreviewRow[] = [];
  const locked: LockedDifference[] = [];
  const rejectedCells: Array<{ row: number; cells: readonly string[] }> = [];
  let officerDefaulted = 0;
  let notRated = 0;
  const limitsOf = options.fieldLimits ?? {};

  for (const r of data) {
    // A row holding one value in the first or title column is a section heading, as in the reports.
    if (sectionLike(r.cells)) {
      const filled = r.cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '')[0];
      const name = toPlainText(filled.c, options.sanitiser);
      const category = list === 'benefits' ? benefitCategoryOf(name) : undefined;
      if (category) {
        sectionCategory = { name, row: r.number, value: category };
        continue;
      }
      const found = serviceNamed(name, r.number);
      sectionService = { name, row: r.number, value: found.service };
      sectionProgrammeWide = !!found.programmeWide;
      continue;
    }

    const problems = new RowProblems(r.number, heading);
    const title = toPlainText(cell(r, 'title'), options.sanitiser);

    // Service: the row's own cell, else the section heading above, else the default.
    let service: Service | undefined;
    let serviceShown = '';
    const serviceText = toPlainText(cell(r, 'service'), options.sanitiser);
    const unknownService = (name: string, where: string): void =>
      problems.add('service', `${where}"${name}" is not a service on this site. Choose to create it in the dry run (with its phase and partner councils), or use a name from the Services list.`);
    if (serviceText !== '') {
      const found = serviceNamed(serviceText, r.number);
      service = found.service;
      serviceShown = found.programmeWide ? '' : service?.name ?? serviceText;
      if (!service && !found.programmeWide) unknownService(serviceText, '');
    } else if (sectionService) {
      service = sectionService.value;
      serviceShown = sectionProgrammeWide ? '' : service?.name ?? sectionService.name;
      if (!service && !sectionProgrammeWide) {
        serviceNamed(sectionService.name, r.number);
        unknownService(sectionService.name, `The section heading on row ${sectionService.row}: `);
      }
    } else {
      service = defaultService;
      serviceShown = service?.name ?? '';
    }

    const draft: Record<string, unknown> = { title, serviceId: service?.id };
    const key = matchKey(title, service?.id);
    const existing = title !== '' ? existingByKey.get(key) : undefined;
    const twins = ambiguous.get(key);
    if (title !== '' && twins) {
      problems.add('title', `${twins.length} items titled "${title}" are stored for this service (ids ${twins.join(', ')}), so the import cannot tell which one this row is. Give them different titles first.`);
    }

    // People: the email column, else (for new items only) the default with a warning.
    let officerEmail: string | undefined;
    const emailText = toPlainText(cell(r, 'officerEmail'), options.sanitiser);
    if (emailText !== '') {
      officerEmail = emailOf(emailText);
      if (!officerEmail) problems.add('officerEmail', `"${emailText}" is not an email address.`);
    } else if (options.defaultOfficerEmail && !existing) {
      // A default never replaces an officer already assigned: a rerun must not undo a reassignment.
      officerEmail = options.defaultOfficerEmail.toLowerCase();
      officerDefaulted++;
    }

    // Cells a spreadsheet would run as formulas are kept as text, and flagged.
    const formulaColumns: string[] = [];
    for (const m of [...columns.values(), ...progressColumns]) {
      if (m.column.kind === 'number' || m.column.kind === 'integer') continue;
      const v = r.cells[m.index] ?? '';
      if (looksLikeFormula(v) && formulaColumns.indexOf(m.heading) < 0) {
        formulaColumns.push(m.heading);
        warnings.push({ row: r.number, column: m.heading, message: `Row ${r.number}, column "${m.heading}" starts with "${v.trim()[0]}", as a spreadsheet formula does (${v.trim().slice(0, 40)}). It is imported as text; check it is meant.` });
      }
    }

    const text = (k: string): string | undefined => (has(k) && cell(r, k).trim() !== '' ? toPlainText(cell(r, k), options.sanitiser) : undefined);
    const rich = (k: string): string | undefined => (has(k) && cell(r, k).trim() !== '' ? toRichText(cell(r, k), options.sanitiser) : undefined);
    const choice = <T>(k: string, read: (v: string) => T | undefined, allowed: string): T | undefined => {
      const v = text(k);
      if (v === undefined) return undefined;
      const found = read(v);
      if (found === undefined) problems.add(k, `"${v}" is not a valid ${heading(k)}: use one of ${allowed}.`);
      return found;
    };
    const date = (k: string): string | undefined => {
      const v = text(k);
      if (v === undefined) return undefined;
      const found = dateOf(v);
      if (!found) problems.add(k, `"${v}" is not a date: write it as 31/03/2023 or 2023-03-31.`);
      return found;
    };
    const num = (k: string, whole: boolean): number | undefined => {
      const v = text(k);
      if (v === undefined) return undefined;
      const found = numberOf(v);
      if (found === undefined) problems.add(k, `"${v}" is not a number.`);
      else if (whole && !Number.isInteger(found)) problems.add(k, `"${v}" is not a whole number.`);
      return found;
    };
    const progress: PlannedProgress[] = [];
    const actions: PlannedAction[] = [];
    let validation: ValidationError[] = [];
    // A service still to be created has a provisional negative id; validation sees a real one.
    const valid = (): Record<string, unknown> => (typeof draft.serviceId === 'number' && draft.serviceId < 0 ? { ...draft, serviceId: 1 } : draft);
    let shownStatus: string | undefined;
    let shownRag: string | undefined;

    // Narrowed per kind below; the last branch makes a kind without rules fail to compile.
    const kind: ImportListKind = list;
    if (kind === 'objectives') {
      const status = choice('status', objectiveStatusOf, 'Not started, In progress, Ongoing, On hold, Complete') ?? (existing as Objective | undefined)?.status;
      let rag = choice('rag', ragOf, 'Red, Amber, Green, Not rated') ?? (existing as Objective | undefined)?.rag;
      if (rag === undefined && !problems.list.some((p) => p.column === heading('rag'))) {
        // Never made up from the status: nobody has rated it yet.
        rag = 'Not rated';
        notRated++;
      }
      shownStatus = status;
      shownRag = rag;
      Object.assign(draft, { aim: rich('aim'), status, rag, targetDate: date('targetDate') });
      const updateDate = date('updateDate');
      const authorText = text('updateAuthor');
      const authorEmail = authorText !== undefined ? emailOf(authorText) : officerEmail ?? (existing as Objective | undefined)?.responsibleOfficer?.email?.toLowerCase();
      if (authorText !== undefined && !authorEmail) problems.add('updateAuthor', `"${authorText}" is not an email address.`);
      let latest: string | undefined;
      progressColumns.forEach((m, i) => {
        const raw = r.cells[m.index] ?? '';
        if (raw.trim() === '') return;
        const narrative = toRichText(raw, options.sanitiser);
        const pid = periods[i];
        if (!pid) {
          const named = m.periodHint?.kind === 'ambiguous' ? `The heading "${m.heading}" does not say which quarter it is` : `The heading "${m.heading}" names no period`;
          problems.list.push({ row: r.number, column: m.heading, reason: `${named}: choose the period when importing (or name it in the heading, e.g. "Update September 2022" or "Q2 2022/23 update").` });
          return;
        }
        if (!status || !rag) return;
        const limit = limitsOf.objectiveUpdates?.narrative?.maxLength;
        if (limit !== undefined && narrative.length > limit) {
          problems.list.push({ row: r.number, column: m.heading, reason: `The update is ${narrative.length.toLocaleString('en-GB')} characters once formatted; SharePoint stores at most ${limit.toLocaleString('en-GB')}. Shorten it.` });
          return;
        }
        const updatedOn = `${updateDate ?? periodById(pid, options.calendar).end}T12:00:00.000Z`;
        const stored = existing ? storedUpdate(existing.id, pid) : undefined;
        if (stored && !isEditable(stored.periodId, today, options.calendar)) {
          // A locked update is the record the committee saw: report what differs, never rewrite it.
          const fields = [stored.narrative !== narrative ? 'narrative' : '', stored.status !== status ? 'status' : '', stored.rag !== rag ? 'RAG' : ''].filter((f) => f !== '');
          if (fields.length > 0) {
            locked.push({ row: r.number, title, periodId: pid, fields });
            warnings.push({ row: r.number, column: m.heading, message: `The update of "${title}" for ${periodById(pid, options.calendar).label} is locked (its deadline has passed), so it was left as it is; the file differs in its ${fields.join(', ')}.` });
          }
        } else if (!stored || stored.narrative !== narrative || stored.status !== status || stored.rag !== rag) {
          progress.push({ periodId: pid, narrative, status, rag, updatedOn, authorEmail, existing: stored ? { id: stored.id, etag: stored.etag } : undefined });
        }
        if (!latest || comparePeriodIds(pid, latest) > 0) latest = pid;
        validation = validation.concat(
          validateObjectiveUpdate({ objectiveId: 1, periodId: pid, narrative, status, rag, updatedOn }).filter((e) => e.field !== 'objectiveId')
        );
      });
      if (latest && status) {
        const last = (existing as Objective | undefined)?.lastUpdatePeriodId;
        if (!last || comparePeriodIds(latest, last) >= 0) {
          draft.lastUpdatePeriodId = latest;
          draft.nextUpdateDue = NO_UPDATE_STATUSES.indexOf(status) >= 0 ? undefined : nextPeriod(latest, options.calendar).deadline;
        }
      }
      actions.push(...readActions(r, existing?.id, actionsByObjective, options, problems));
      validation = validation.concat(
        validateObjective({ ...(valid() as Draft<Objective>), responsibleOfficer: officerEmail || existing ? PLACEHOLDER_PERSON : undefined })
      );
    } else if (kind === 'benefits') {
      const categoryText = text('category');
      let category: BenefitCategory | undefined;
      if (categoryText !== undefined) {
        category = benefitCategoryOf(categoryText);
        if (!category) problems.add('category', `"${categoryText}" is not a benefit category: use Financial savings, Resilience and capacity, Service development or Staff development.`);
      } else if (sectionCategory) {
        category = sectionCategory.value;
      } else {
        category = (existing as Benefit | undefined)?.category;
      }
      const whenDelivered = text('whenDelivered');
      const deliveryStatus =
        choice('deliveryStatus', deliveryStatusOf, 'Planned, In progress, Achieved') ??
        (whenDelivered !== undefined && !has('deliveryStatus') ? deliveryStatusFromWhen(whenDelivered) : undefined) ??
        (existing as Benefit | undefined)?.deliveryStatus ??
        'Planned';
      shownStatus = deliveryStatus;
      Object.assign(draft, {
        category,
        originalPosition: rich('originalPosition'),
        achievement: rich('achievement'),
        whenDelivered,
        deliveryStatus,
        realised: rich('realised'),
        fteBefore: num('fteBefore', false),
        fteAfter: num('fteAfter', false),
        evidenceUrl: text('evidenceUrl')
      });
      validation = validateBenefit(valid() as Draft<Benefit>, { service });
    } else if (kind === 'risks') {
      const status = choice('status', riskStatusOf, 'Open, Closed') ?? (existing as Risk | undefined)?.status ?? 'Open';
      shownStatus = status;
      Object.assign(draft, {
        causeEffect: rich('causeEffect'),
        inherentLikelihood: num('inherentLikelihood', true),
        inherentImpact: num('inherentImpact', true),
        residualLikelihood: num('residualLikelihood', true),
        residualImpact: num('residualImpact', true),
        controls: rich('controls'),
        reviewDate: date('reviewDate'),
        status
      });
      if (existing) {
        // Scores left empty keep the stored ones, so validation sees the item as it will be.
        for (const k of ['inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact'] as const) {
          if (draft[k] === undefined) draft[k] = (existing as Risk)[k];
        }
      }
      validation = validateRisk({ ...(valid() as Draft<Risk>), owner: officerEmail || existing ? PLACEHOLDER_PERSON : undefined });
    } else if (kind === 'bestPractice') {
      const stored = existing as BestPractice | undefined;
      const category = choice('category', bestPracticeCategoryOf, 'Policies and strategy, Systems and processes, Structure and roles, Networks and engagement, Other');
      shownStatus = category ?? stored?.category;
      Object.assign(draft, { fromCouncil: text('fromCouncil'), toCouncil: text('toCouncil'), description: rich('description'), category });
      // Validated as it will be stored: an empty cell keeps the stored value.
      validation = validateBestPractice({ fromCouncil: stored?.fromCouncil, toCouncil: stored?.toCouncil, ...dropUndefined(valid()) } as Draft<BestPractice>);
    } else if (kind === 'lessonsLearned') {
      const stored = existing as LessonLearned | undefined;
      const category = choice('category', lessonCategoryOf, 'IT, HR, Timescales, Engagement, Exit strategy, Governance, Other');
      shownStatus = category ?? stored?.category;
      Object.assign(draft, { category, lesson: rich('lesson') });
      validation = validateLessonLearned({ category: stored?.category, lesson: stored?.lesson, ...dropUndefined(valid()) } as Draft<LessonLearned>);
    } else if (kind === 'successes') {
      const stored = existing as Success | undefined;
      const category = choice('category', successCategoryOf, 'Service improvement, Resilience and capacity, Staff development, Savings, Partnership working, Recognition');
      shownStatus = category ?? stored?.category;
      const councilsText = text('councils');
      const councils = councilsText === undefined ? undefined : councilsText.split(/\s*[;\n]\s*/).map((c) => c.trim()).filter((c) => c !== '');
      Object.assign(draft, { category, achievement: rich('achievement'), councils, achievedOn: date('achievedOn') });
      validation = validateSuccess({ category: stored?.category, achievement: stored?.achievement, achievedOn: stored?.achievedOn, councils: stored?.councils ?? [], ...dropUndefined(valid()) } as Draft<Success>);
    } else {
      unreachable(kind, 'import list');
    }

    // Field-named validation messages, reported against the file's column. A value that
    // could not be read is already reported; its "required" echo is not repeated.
    const reported = new Set(problems.list.map((p) => p.column));
    for (const e of validation) {
      const root = e.field.replace(/[.[].*$/, '');
      const colKey = VALIDATION_TO_COLUMN[root] ?? root;
      const column = heading(colKey);
      if (reported.has(column)) continue;
      reported.add(column);
      if (colKey === 'officerEmail' && e.code === 'required') {
        problems.add(colKey, `${e.message} Add a "${heading(colKey)}" column with the officer's email address, or choose a default officer when importing.`);
      } else if (colKey === 'service' && e.code === 'required') {
        if (!problems.list.some((p) => p.column === heading('service'))) {
          problems.add(colKey, `${e.message} Add a "${heading(colKey)}" column, put a row holding only the service name above the rows, or choose a default service when importing.`);
        }
      } else {
        problems.add(colKey, e.message);
      }
    }

    // SharePoint's own limits (column lengths, choices), so the apply cannot fail on a row the dry run passed.
    const listLimits: Readonly<Record<string, ImportFieldLimit>> = limitsOf[list] ?? {};
    for (const k of Object.keys(draft)) {
      const v = draft[k];
      const limit = listLimits[k];
      if (!limit || v === undefined || v === null) continue;
      const colKey = VALIDATION_TO_COLUMN[k] ?? k;
      if (typeof v === 'string' && limit.maxLength !== undefined && v.length > limit.maxLength && !reported.has(heading(colKey))) {
        problems.add(colKey, `The value is ${v.length.toLocaleString('en-GB')} characters${looksLikeHtml(v) ? ' once formatted' : ''}; SharePoint stores at most ${limit.maxLength.toLocaleString('en-GB')} in this column. Shorten it.`);
      }
      if (typeof v === 'string' && limit.choices && limit.choices.indexOf(v) < 0 && !reported.has(heading(colKey))) {
        problems.add(colKey, `"${v}" is not one of the list's choices (${limit.choices.join(', ')}).`);
      }
    }

    if (title !== '' && problems.list.length === 0) {
      const first = seen.get(key);
      if (first !== undefined) problems.add('title', `"${title}" is already in row ${first} for the same service; each item may appear once, so the import cannot tell which row to keep.`);
      else seen.set(key, r.number);
    }
    const row = (action: PreviewAction): ImportPreviewRow => ({
      row: r.number,
      service: serviceShown,
      title,
      status: shownStatus,
      rag: shownRag,
      periodIds: progressColumns.map((m, i) => ((r.cells[m.index] ?? '').trim() !== '' ? periods[i] : undefined)).filter((p): p is string => p !== undefined),
      officer: officerEmail ?? ((existing as unknown as Record<string, { email?: string } | undefined> | undefined)?.[list === 'risks' ? 'owner' : 'responsibleOfficer']?.email || undefined),
      action,
      formulaColumns,
      ...(list === 'objectives' && r.subTables.length > 0 ? { actions: r.subTables.reduce((n, t) => n + Math.max(0, t.length - 1), 0) } : {})
    });
    if (problems.list.length > 0) {
      reject.push(...problems.list);
      rejectedCells.push({ row: r.number, cells: r.cells });
      preview.push(row('reject'));
      continue;
    }

    const values = dropUndefined(draft);
    if (!existing) {
      create.push({ row: r.number, item: values as Draft<ImportModels[K]>, officerEmail, progress, ...(actions.length > 0 ? { actions } : {}) });
      preview.push(row('create'));
      continue;
    }
    // Only values given in the file are compared and written: empty cells keep what is stored.
    const changes: Record<string, unknown> = {};
    const changedColumns: string[] = [];
    const stored = existing as unknown as Record<string, unknown>;
    for (const k of Object.keys(values)) {
      if (k === 'title' || k === 'serviceId') continue;
      if (!same(values[k], stored[k])) {
        changes[k] = values[k];
        const colKey = k === 'lastUpdatePeriodId' || k === 'nextUpdateDue' ? 'progress' : k;
        if (changedColumns.indexOf(heading(colKey)) < 0) changedColumns.push(heading(colKey));
      }
    }
    // nextUpdateDue may need clearing when the status stops updates.
    if ('nextUpdateDue' in draft && draft.nextUpdateDue === undefined && stored.nextUpdateDue) changes.nextUpdateDue = undefined;
    const person = (stored.responsibleOfficer ?? stored.owner) as { email?: string } | undefined;
    const officerChanged = officerEmail !== undefined && (person?.email ?? '').toLowerCase() !== officerEmail;
    if (officerChanged) changedColumns.push(heading('officerEmail'));
    if (progress.length > 0 && changedColumns.indexOf(heading('progress')) < 0) changedColumns.push(heading('progress'));
    if (actions.length > 0) changedColumns.push(ACTION_PLAN_LABEL);
    if (Object.keys(changes).length === 0 && !officerChanged && progress.length === 0 && actions.length === 0) {
      unchanged.push({ row: r.number, id: existing.id, title: existing.title });
      preview.push(row('unchanged'));
      continue;
    }
    update.push({
      row: r.number,
      id: existing.id,
      etag: existing.etag,
      title: existing.title,
      changes: changes as Draft<ImportModels[K]>,
      changedColumns,
      officerEmail: officerChanged ? officerEmail : undefined,
      progress,
      ...(actions.length > 0 ? { actions } : {})
    });
    preview.push(row('update'));
  }

  if (notRated > 0 && list === 'objectives') {
    warnings.push({
      column: heading('rag'),
      message: has('rag')
        ? `${notRated} row${notRated === 1 ? ' has' : 's have'} no RAG, so ${notRated === 1 ? 'it is' : 'they are'} recorded as "Not rated".`
        : 'The file has no RAG column, so objectives without a stored rating are recorded as "Not rated". Rate them after importing.'
    });
  }
  if (officerDefaulted > 0) {
    warnings.push({
      column: heading('officerEmail'),
      message: `${officerDefaulted} new row${officerDefaulted === 1 ? '' : 's'} had no ${heading('officerEmail')}, so ${options.defaultOfficerEmail ?? ''} was assigned. Reassign them after importing.`
    });
  }
  const newServices: ProposedService[] = [...proposed.values()]
    .filter((p) => p.rows.length > 0 || p.choice)
    .map((p) => ({ name: p.name, rows: p.rows, create: !!p.choice, phase: p.choice?.phase, partnerCouncils: p.choice?.partnerCouncils, provisionalId: p.provisionalId }));
  return { list, create, update, unchanged, reject, warnings, periodId, periodIds, preview, unmapped, newServices, locked, headerRow, headerCells, rejectedCells };
}

/**
 * The actions of an objective's action plan tables (nested in the row's cells in a Word paper):
 * each table's first row names its columns (Action, Timescale, Owner, Status). Only actions
 * new or different from those stored (matched by title) are returned. A table without an action
 * column, a value that cannot be read, or a row the table cannot place is reported, never dropped.
 */
function readActions(
  r: DataRow,
  objectiveId: number | undefined,
  stored: ReadonlyMap<number, ObjectiveAction[]>,
  options: ImportOptions,
  problems: RowProblems
): PlannedAction[] {
  const out: PlannedAction[] = [];
  const known = objectiveId !== undefined ? stored.get(objectiveId) ?? [] : [];
  const seen = new Set<string>();
  const reject = (reason: string): void => {
    problems.list.push({ row: r.number, column: ACTION_PLAN_LABEL, reason });
  };
  for (const table of r.subTables) {
    const [head, ...body] = table;
    const index: Partial<Record<keyof typeof ACTION_COLUMNS, number>> = {};
    const unknown: Array<{ i: number; heading: string }> = [];
    (head ?? []).forEach((cell, i) => {
      const h = normaliseHeading(cleanHeading(cell));
      const key = (Object.keys(ACTION_COLUMNS) as Array<keyof typeof ACTION_COLUMNS>).find((k) => (ACTION_COLUMNS[k] as readonly string[]).indexOf(h) >= 0 && index[k] === undefined);
      if (key) index[key] = i;
      else unknown.push({ i, heading: cleanHeading(cell) || `column ${i + 1}` });
    });
    if (index.title === undefined) {
      reject(`A table in this row's cells has no "Action" column (its first row reads "${(head ?? []).map(cleanHeading).join(', ')}"), so it cannot be read as the objective's action plan.`);
      continue;
    }
    body.forEach((cells, n) => {
      const at = (k: keyof typeof ACTION_COLUMNS): string => (index[k] !== undefined ? toPlainText(cells[index[k] as number] ?? '', options.sanitiser) : '');
      const title = at('title');
      const filled = cells.some((c) => c.trim() !== '');
      if (!filled) return;
      const where = `action ${n + 1} of the action plan`;
      if (title === '') {
        reject(`The ${where} has no action written, so it cannot be stored.`);
        return;
      }
      const lost = unknown.filter((u) => (cells[u.i] ?? '').trim() !== '');
      if (lost.length > 0) {
        reject(`The action plan's ${lost.map((u) => `"${u.heading}"`).join(', ')} column${lost.length === 1 ? ' holds' : 's hold'} data for "${title}" that the product does not store (it keeps Action, Timescale, Owner and Status).`);
        return;
      }
      const statusText = at('status');
      const status = statusText === '' ? 'Not started' : actionStatusOf(statusText);
      if (!status) {
        reject(`"${statusText}" is not a valid status for the ${where} ("${title}"): use Not started, In progress, Complete or On hold.`);
        return;
      }
      const ownerText = at('owner');
      const ownerEmail = ownerText === '' ? undefined : emailOf(ownerText);
      if (ownerText !== '' && !ownerEmail) {
        reject(`The owner "${ownerText}" of the ${where} ("${title}") is not an email address; write the owner's email so the action can be assigned.`);
        return;
      }
      const timescale = at('timescale') || undefined;
      const key = nameKey(title);
      if (seen.has(key)) {
        reject(`The action "${title}" appears twice in the action plan; each action may appear once.`);
        return;
      }
      seen.add(key);
      const match = known.find((a) => nameKey(a.title) === key);
      const same = match && (match.timescale ?? '') === (timescale ?? '') && match.status === status && (match.owner?.email ?? '').toLowerCase() === (ownerEmail ?? (match.owner?.email ?? '').toLowerCase());
      if (same) return;
      out.push({ title, timescale, ownerEmail, status, existing: match ? { id: match.id, etag: match.etag } : undefined });
    });
  }
  return out;
}

/** Title and service identify an item across imports. */
function matchKey(title: string, serviceId: number | undefined): string {
  return `${nameKey(title)}#${serviceId ?? ''}`;
}

function dropUndefined(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(values)) if (values[k] !== undefined) out[k] = values[k];
  return out;
}

/**
 * The reporting period of each progress column: the one its heading names ("Update September
 * 2022" → the quarter holding September 2022), else the period chosen when importing. With one
 * column the choice wins over the heading (with a warning when they differ). Undefined where
 * neither says: those cells are rejected with a request to choose.
 */
function resolvePeriods(progress: readonly MatchedColumn[], options: ImportOptions, warnings: ImportWarning[]): Array<string | undefined> {
  const chosen = options.periodId ? periodById(options.periodId, options.calendar) : undefined;
  const used = new Map<string, string>();
  return progress.map((m) => {
    const named = m.periodHint && m.periodHint.kind !== 'ambiguous' ? periodOfHint(m.periodHint, options) : undefined;
    let id: string | undefined;
    if (chosen && progress.length === 1) {
      if (named && named !== chosen.id) {
        warnings.push({ column: m.heading, message: `The heading "${m.heading}" names ${periodById(named, options.calendar).label}, but ${chosen.label} was chosen; the updates are recorded for ${chosen.label}.` });
      }
      id = chosen.id;
    } else {
      id = named ?? chosen?.id;
    }
    if (id) {
      const clash = used.get(id);
      if (clash) {
        warnings.push({ column: m.heading, message: `Columns "${clash}" and "${m.heading}" are both for ${periodById(id, options.calendar).label}; only "${clash}" was read. Rename one heading or leave it out.` });
        return undefined;
      }
      used.set(id, m.heading);
    }
    return id;
  });
}

function periodOfHint(hint: PeriodHint, options: ImportOptions): string | undefined {
  if (hint.kind === 'ambiguous') return undefined;
  if (hint.kind === 'period') return periodById(hint.periodId, options.calendar).id;
  return periodFor(`${hint.year}-${String(hint.month).padStart(2, '0')}-01`, options.calendar).id;
}

/** Row numbers that have at least one rejection, in order. */
export function rejectedRows(plan: Pick<ImportPlan, 'reject'>): number[] {
  const rows: number[] = [];
  for (const r of plan.reject) if (rows.indexOf(r.row) < 0) rows.push(r.row);
  return rows;
}
