/**
 * Turns the rows of an imported table into a plan: which items would be created, which
 * updated (matched by title and service), which left unchanged, and which rows rejected with
 * a reason naming the column. Pure: reading files and writing items happen in src/import.
 */
import { unreachable } from '../exhaustive';
import { CalendarConfig, comparePeriodIds, nextPeriod, periodById, periodFor } from '../calendar';
import { NO_UPDATE_STATUSES } from '../progress';
import type { Benefit, Objective, ObjectiveUpdate, Risk, Service } from '../types';
import { Draft, ValidationError, validateBenefit, validateObjective, validateObjectiveUpdate, validateRisk } from '../validation';
import { NOT_RATED } from '../vocabularies';
import type { BenefitCategory, ObjectiveStatus, Rag } from '../vocabularies';
import { IMPORT_COLUMNS, ImportListKind, MatchedColumn, PeriodHint, findHeader } from './columns';
import { checkRowLimit, ImportFileError, ImportLimits, IMPORT_LIMITS } from './errors';
import {
  CellSanitiser,
  benefitCategoryOf,
  dateOf,
  deliveryStatusFromWhen,
  deliveryStatusOf,
  emailOf,
  nameKey,
  numberOf,
  objectiveStatusOf,
  ragFromStatus,
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
  /** The update already stored for that period, which will be changed; undefined to create one. */
  readonly existing?: { readonly id: number; readonly etag: string };
}

/** An item to create. */
export interface PlannedCreate<T> {
  /** Row number in the file. */
  readonly row: number;
  /** Values to write (people given as `officerEmail` and resolved when applying). */
  readonly item: Draft<T>;
  /** Email of the responsible officer or risk owner, resolved to a site user when applying. */
  readonly officerEmail?: string;
  /** Progress update to create with it (objectives). */
  readonly progress?: PlannedProgress;
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
  /** Progress update to create or change. */
  readonly progress?: PlannedProgress;
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
}

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
  /** Reporting period of the progress updates, when the file has a progress column. */
  readonly periodId?: string;
}

/** What is already stored, loaded before planning. */
export interface ImportContext {
  /** Every service. */
  readonly services: readonly Service[];
  /** Every item of the list imported into. */
  readonly existing: ReadonlyArray<Objective | Benefit | Risk>;
  /** Objective updates of the import's period (objectives only). */
  readonly existingUpdates?: readonly ObjectiveUpdate[];
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
  const norm = (v: unknown): unknown => (v === undefined || v === null ? '' : v);
  return norm(a) === norm(b);
};

/** Builds the dry run of importing `table` into `list`. Throws ImportFileError for file-level problems. */
export function buildImportPlan<K extends ImportListKind>(list: K, table: ImportTable, context: ImportContext, options: ImportOptions): ImportPlan<K> {
  checkRowLimit(table.rows.length, options.limits ?? IMPORT_LIMITS);
  const rows = table.rows.filter((r) => !blank(r.cells));
  if (rows.length === 0) throw new ImportFileError('empty', 'The file has no rows to import.');
  const header = findHeader(list, rows.map((r) => r.cells));
  const columns = header.match.columns;
  const warnings: ImportWarning[] = [];
  const reject: ImportRejection[] = [];
  const headerRow = rows[header.rowIndex].number;
  for (const u of header.match.unknown) {
    warnings.push({ row: headerRow, column: u.heading, message: `Column "${u.heading}" is not one this import uses, so it was ignored.` });
  }
  for (const d of header.match.duplicates) {
    warnings.push({ row: headerRow, column: d.heading, message: `Column "${d.heading}" repeats column "${columns.get(d.key)?.heading ?? d.key}", so it was ignored.` });
  }

  const heading = (key: string): string => columns.get(key)?.heading ?? IMPORT_COLUMNS[list].find((c) => c.key === key)?.label ?? key;
  const cell = (r: ImportRow, key: string): string => {
    const m = columns.get(key);
    return m ? r.cells[m.index] ?? '' : '';
  };
  const has = (key: string): boolean => columns.has(key);

  const serviceByKey = new Map(context.services.map((s) => [nameKey(s.name), s] as const));
  const titleColumn = columns.get('title') as MatchedColumn;
  const periodId = resolvePeriod(columns.get('progress'), options, warnings);
  const existingByKey = new Map<string, Objective | Benefit | Risk>();
  for (const e of context.existing) existingByKey.set(matchKey(e.title, e.serviceId), e);
  const updatesByObjective = new Map<number, ObjectiveUpdate>();
  for (const u of context.existingUpdates ?? []) if (periodId && comparePeriodIds(u.periodId, periodId) === 0) updatesByObjective.set(u.objectiveId, u);

  let sectionService: Section<Service> | undefined;
  let sectionCategory: Section<BenefitCategory> | undefined;
  const defaultService = options.defaultService ? serviceByKey.get(nameKey(options.defaultService)) : undefined;
  if (options.defaultService && !defaultService) {
    throw new ImportFileError('missingColumns', `The default service "${options.defaultService}" is not a service on this site.`);
  }
  const seen = new Map<string, number>();
  const create: Array<PlannedCreate<ImportModels[K]>> = [];
  const update: Array<PlannedUpdate<ImportModels[K]>> = [];
  const unchanged: PlannedUnchanged[] = [];
  let ragDerived = false;
  let officerDefaulted = 0;

  for (const r of rows.slice(header.rowIndex + 1)) {
    const filled = r.cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');
    // A row holding one value in the first or title column is a section heading, as in the reports.
    if (filled.length === 1 && (filled[0].i === 0 || filled[0].i === titleColumn.index)) {
      const name = toPlainText(filled[0].c, options.sanitiser);
      const service = serviceByKey.get(nameKey(name));
      const category = list === 'benefits' ? benefitCategoryOf(name) : undefined;
      if (service) sectionService = { name, row: r.number, value: service };
      else if (category) sectionCategory = { name, row: r.number, value: category };
      else {
        const what = list === 'benefits' ? 'a service on this site or a benefit category' : 'a service on this site';
        reject.push({
          row: r.number,
          column: filled[0].i === titleColumn.index ? titleColumn.heading : `column ${filled[0].i + 1}`,
          reason: `"${name}" is on a row of its own, so it was read as a section heading, but it is not ${what}. Correct the name or add the service first; rows below it that name no service are rejected.`
        });
        sectionService = { name, row: r.number };
        if (list === 'benefits') sectionCategory = { name, row: r.number };
      }
      continue;
    }

    const problems = new RowProblems(r.number, heading);
    const title = toPlainText(cell(r, 'title'), options.sanitiser);

    // Service: the row's own cell, else the section heading above, else the default.
    let service: Service | undefined;
    const serviceText = toPlainText(cell(r, 'service'), options.sanitiser);
    if (serviceText !== '') {
      service = serviceByKey.get(nameKey(serviceText));
      if (!service) problems.add('service', `"${serviceText}" is not a service on this site. Use a name from the Services list.`);
    } else if (sectionService) {
      service = sectionService.value;
      if (!service) problems.add('service', `The section heading "${sectionService.name}" on row ${sectionService.row} is not a service on this site.`);
    } else {
      service = defaultService;
    }

    // People: the email column, else the default with a warning.
    let officerEmail: string | undefined;
    const emailText = cell(r, 'officerEmail').trim();
    if (emailText !== '') {
      officerEmail = emailOf(emailText);
      if (!officerEmail) problems.add('officerEmail', `"${emailText}" is not an email address.`);
    } else if (options.defaultOfficerEmail) {
      officerEmail = options.defaultOfficerEmail.toLowerCase();
      officerDefaulted++;
    }

    const draft: Record<string, unknown> = { title, serviceId: service?.id };
    const key = matchKey(title, service?.id);
    const existing = title !== '' ? existingByKey.get(key) : undefined;
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
    let progress: PlannedProgress | undefined;
    let validation: ValidationError[] = [];

    // Narrowed per kind below; the last branch makes a kind without rules fail to compile.
    const kind: ImportListKind = list;
    if (kind === 'objectives') {
      const status = choice('status', objectiveStatusOf, 'Not started, In progress, Ongoing, On hold, Complete') ?? (existing as Objective | undefined)?.status;
      let rag = choice('rag', ragOf, 'Red, Amber, Green') ?? (existing as Objective | undefined)?.rag;
      const narrative = rich('progress');
      if (rag === undefined && !has('rag') && status) {
        // A new objective without a progress update has nothing to rate yet; one with an update
        // needs a rating for it, so it is derived from the status (and the user told).
        if (narrative === undefined) {
          rag = NOT_RATED;
        } else {
          rag = ragFromStatus(status);
          ragDerived = true;
        }
      }
      Object.assign(draft, { aim: rich('aim'), status, rag, targetDate: date('targetDate') });
      if (narrative !== undefined) {
        if (!periodId) {
          problems.add('progress', 'No reporting period is known for this progress update: name the month in the heading (e.g. "Progress update February 2022") or choose the period when importing.');
        } else if (status && rag === NOT_RATED) {
          // The objective has never been rated and the file gives no RAG: an update must have one.
          problems.add('progress', 'This progress update has no RAG rating and the objective has not been rated yet: add a RAG column (Red, Amber or Green).');
        } else if (status && rag && rag !== NOT_RATED) {
          const stored = existing ? updatesByObjective.get(existing.id) : undefined;
          if (!stored || stored.narrative !== narrative || stored.status !== status || stored.rag !== rag) {
            progress = { periodId, narrative, status, rag, existing: stored ? { id: stored.id, etag: stored.etag } : undefined };
          }
          const last = (existing as Objective | undefined)?.lastUpdatePeriodId;
          if (!last || comparePeriodIds(periodId, last) >= 0) {
            draft.lastUpdatePeriodId = periodId;
            draft.nextUpdateDue = NO_UPDATE_STATUSES.indexOf(status) >= 0 ? undefined : nextPeriod(periodId, options.calendar).deadline;
          }
          validation = validation.concat(
            validateObjectiveUpdate({ objectiveId: 1, periodId, narrative, status, rag, updatedOn: options.now }).filter((e) => e.field !== 'objectiveId')
          );
        }
      }
      validation = validation.concat(
        validateObjective({ ...(draft as Draft<Objective>), responsibleOfficer: officerEmail || existing ? PLACEHOLDER_PERSON : undefined })
      );
    } else if (kind === 'benefits') {
      const categoryText = text('category');
      let category: BenefitCategory | undefined;
      if (categoryText !== undefined) {
        category = benefitCategoryOf(categoryText);
        if (!category) problems.add('category', `"${categoryText}" is not a benefit category: use Financial savings, Resilience and capacity, Service development or Staff development.`);
      } else if (sectionCategory) {
        category = sectionCategory.value;
        if (!category) problems.add('category', `The section heading "${sectionCategory.name}" on row ${sectionCategory.row} is not a benefit category.`);
      } else {
        category = (existing as Benefit | undefined)?.category;
      }
      const whenDelivered = text('whenDelivered');
      const deliveryStatus =
        choice('deliveryStatus', deliveryStatusOf, 'Planned, In progress, Achieved') ??
        (whenDelivered !== undefined && !has('deliveryStatus') ? deliveryStatusFromWhen(whenDelivered) : undefined) ??
        (existing as Benefit | undefined)?.deliveryStatus ??
        'Planned';
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
      validation = validateBenefit(draft as Draft<Benefit>, { service });
    } else if (kind === 'risks') {
      const status = choice('status', riskStatusOf, 'Open, Closed') ?? (existing as Risk | undefined)?.status ?? 'Open';
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
      validation = validateRisk({ ...(draft as Draft<Risk>), owner: officerEmail || existing ? PLACEHOLDER_PERSON : undefined });
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
      if (colKey === 'officerEmail' && e.code === 'required') {
        problems.add(colKey, `${e.message} Add a "${heading(colKey)}" column with the officer's email address, or choose a default officer when importing.`);
      } else if (colKey === 'service' && e.code === 'required') {
        problems.add(colKey, `${e.message} Add a "${heading(colKey)}" column, put a row holding only the service name above the rows, or choose a default service when importing.`);
      } else {
        problems.add(colKey, e.message);
      }
    }

    if (title !== '' && problems.list.length === 0) {
      const first = seen.get(key);
      if (first !== undefined) problems.add('title', `"${title}" is already in row ${first} for the same service; each item may appear once.`);
      else seen.set(key, r.number);
    }
    if (problems.list.length > 0) {
      reject.push(...problems.list);
      continue;
    }

    const values = dropUndefined(draft);
    if (!existing) {
      create.push({ row: r.number, item: values as Draft<ImportModels[K]>, officerEmail, progress });
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
    if (progress && changedColumns.indexOf(heading('progress')) < 0) changedColumns.push(heading('progress'));
    if (Object.keys(changes).length === 0 && !officerChanged && !progress) {
      unchanged.push({ row: r.number, id: existing.id, title: existing.title });
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
      progress
    });
  }

  if (ragDerived) {
    warnings.push({ message: 'The file has no RAG column, so new objectives with a progress update were rated from their status (On hold Amber, otherwise Green); those without one are "Not rated" until their first update. Check the ratings after importing.' });
  }
  if (officerDefaulted > 0) {
    warnings.push({
      column: heading('officerEmail'),
      message: `${officerDefaulted} row${officerDefaulted === 1 ? '' : 's'} had no ${heading('officerEmail')}, so ${options.defaultOfficerEmail ?? ''} was assigned. Reassign them after importing.`
    });
  }
  return { list, create, update, unchanged, reject, warnings, periodId };
}

/** Stands in for a person given by email during validation; resolved to a site user when applying. */
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
 * The reporting period of the progress column: the option, else the period the heading
 * names ("Progress update February 2022" → the quarter containing February 2022).
 */
function resolvePeriod(progress: MatchedColumn | undefined, options: ImportOptions, warnings: ImportWarning[]): string | undefined {
  if (!progress) return undefined;
  if (options.periodId) {
    const chosen = periodById(options.periodId, options.calendar).id;
    const hint = progress.periodHint;
    const named = hint ? periodOfHint(hint, options) : undefined;
    if (named && named !== chosen) {
      warnings.push({ column: progress.heading, message: `The heading "${progress.heading}" names period ${named}, but ${chosen} was chosen; the updates are recorded for ${chosen}.` });
    }
    return chosen;
  }
  return progress.periodHint ? periodOfHint(progress.periodHint, options) : undefined;
}

function periodOfHint(hint: PeriodHint, options: ImportOptions): string {
  if (hint.kind === 'period') return periodById(hint.periodId, options.calendar).id;
  return periodFor(`${hint.year}-${String(hint.month).padStart(2, '0')}-01`, options.calendar).id;
}

/** Row numbers that have at least one rejection, in order. */
export function rejectedRows(plan: Pick<ImportPlan, 'reject'>): number[] {
  const rows: number[] = [];
  for (const r of plan.reject) if (rows.indexOf(r.row) < 0) rows.push(r.row);
  return rows;
}
