/**
 * Published report snapshots: the JSON of a report model with who published it, when, and a
 * version. Snapshots are immutable; publishing a period's report again adds the next version,
 * so a past report always shows the data as it was when the committee saw it.
 */
import { comparePeriodIds, isPeriodId, periodShortLabel } from '../calendar';
import type { Person, ReportSnapshot } from '../types';
import { ReportError } from './build';
import { REPORT_KINDS, REPORT_MODEL_FORMAT, ReportKind, ReportModel } from './model';

/** A snapshot not yet stored. */
export type NewSnapshot = Omit<ReportSnapshot, 'id' | 'etag' | 'created' | 'modified'>;

/** One published report series (kind, period and scope) with its versions, for the "published reports" list. */
export interface PublishedPeriod {
  /** Period id. */
  readonly periodId: string;
  /** Service id, or undefined for the all-services report. */
  readonly serviceId?: number;
  /** Snapshot title, e.g. "2021-22-Q4 Governance". */
  readonly title: string;
  /** Kind of the series (every version of a series has the same kind). */
  readonly kind: ReportKind;
  /** Report title of the latest version, e.g. "Shared Services Quarterly Performance Report, Q3 2021/22". */
  readonly reportTitle?: string;
  /** Scope name of the latest version, e.g. "All shared services" or "Governance". */
  readonly scopeName?: string;
  /** Committee meeting the latest version went to (YYYY-MM-DD), when the period's general updates name one. */
  readonly meetingDate?: string;
  /** Highest version. */
  readonly latestVersion: number;
  /** Id of the snapshot holding the latest version. */
  readonly latestId: number;
  /** When the latest version was published (ISO 8601). */
  readonly latestPublishedOn: string;
  /** Who published the latest version. */
  readonly latestPublishedBy?: string;
  /** Every version, newest first. */
  readonly versions: readonly { readonly id: number; readonly version: number; readonly publishedOn: string; readonly publishedBy?: string }[];
}

/** Label of the all-services scope in snapshot titles. */
export const ALL_SERVICES_SCOPE = 'All services';

/**
 * Title stored for a snapshot, which auditors read in the list view: the period as people say
 * it and the service, e.g. "Q4 2021/22 Governance" (the period id has a column of its own), with
 * the kind after it when given ("Q4 2021/22 Governance quarterly"), so each series has its own title.
 */
export function snapshotTitle(periodId: string, serviceName?: string, kind?: ReportKind): string {
  const period = isPeriodId(periodId) ? periodShortLabel(periodId) : periodId;
  return `${period} ${serviceName ?? ALL_SERVICES_SCOPE}${kind ? ` ${kind}` : ''}`;
}

const sameScope = (a: number | undefined, b: number | undefined): boolean => (a ?? 0) === (b ?? 0);

/** The kind of a stored snapshot; undefined when its model cannot be read. */
function kindOf(s: ReportSnapshot): ReportKind | undefined {
  const k = (s.model as Partial<ReportModel> | undefined)?.kind;
  return REPORT_KINDS.indexOf(k as ReportKind) >= 0 ? (k as ReportKind) : undefined;
}

/** Whether a snapshot belongs to the series of `kind` (every kind when none is given). */
const sameKind = (s: ReportSnapshot, kind: ReportKind | undefined): boolean => kind === undefined || kindOf(s) === kind;

/**
 * Snapshots of one period and scope, newest version first; with `kind`, only that report's
 * series (a quarterly report and a highlight report of the same period are separate series).
 */
export function versionsOf(snapshots: readonly ReportSnapshot[], periodId: string, serviceId?: number, kind?: ReportKind): ReportSnapshot[] {
  return snapshots
    .filter((s) => isPeriodId(s.periodId) && comparePeriodIds(s.periodId, periodId) === 0 && sameScope(s.serviceId, serviceId) && sameKind(s, kind))
    .sort((a, b) => b.version - a.version || b.id - a.id);
}

/** The version the next publication of a series gets: one more than the highest so far. */
export function nextVersion(snapshots: readonly ReportSnapshot[], periodId: string, serviceId?: number, kind?: ReportKind): number {
  const existing = versionsOf(snapshots, periodId, serviceId, kind);
  return existing.length === 0 ? 1 : existing[0].version + 1;
}

/**
 * A new snapshot of a report model, versioned after the existing snapshots of the same
 * period and scope. The model is deep-copied so later changes to it cannot alter the snapshot.
 */
export function newSnapshot(model: ReportModel, existing: readonly ReportSnapshot[], publishedBy: Person | undefined, publishedOn: string): NewSnapshot {
  const copy = JSON.parse(JSON.stringify(model)) as ReportModel;
  return {
    title: snapshotTitle(model.period.id, model.scope.serviceId === undefined ? undefined : model.scope.serviceName),
    periodId: model.period.id,
    serviceId: model.scope.serviceId,
    version: nextVersion(existing, model.period.id, model.scope.serviceId, model.kind),
    publishedBy,
    publishedOn,
    model: copy
  };
}

/** The latest version of a period's report for a scope (of one kind, when given), or undefined when never published. */
export function latestSnapshot(snapshots: readonly ReportSnapshot[], periodId: string, serviceId?: number, kind?: ReportKind): ReportSnapshot | undefined {
  return versionsOf(snapshots, periodId, serviceId, kind)[0];
}

/**
 * The latest version of the most recent report of the same scope published for a period
 * before `periodId`, used to tell which benefits were realised since then.
 */
export function previousSnapshot(snapshots: readonly ReportSnapshot[], periodId: string, serviceId?: number): ReportSnapshot | undefined {
  const earlier = snapshots
    .filter((s) => isPeriodId(s.periodId) && comparePeriodIds(s.periodId, periodId) < 0 && sameScope(s.serviceId, serviceId))
    .sort((a, b) => comparePeriodIds(b.periodId, a.periodId) || b.version - a.version || b.id - a.id);
  return earlier[0];
}

/** The latest meeting date of a model's general updates. */
function meetingOf(model: ReportModel | undefined): string | undefined {
  const dates = (model?.services ?? []).map((s) => s.highlight?.meetingDate).filter((d): d is string => !!d).sort();
  return dates[dates.length - 1];
}

/**
 * Published reports grouped into series by period, scope and kind: newest period first,
 * all-services before single services, then in the framework's order of kinds.
 */
export function publishedPeriods(snapshots: readonly ReportSnapshot[]): PublishedPeriod[] {
  const groups = new Map<string, ReportSnapshot[]>();
  for (const s of snapshots) {
    if (!isPeriodId(s.periodId)) continue;
    const key = `${s.periodId.toUpperCase()}|${s.serviceId ?? 0}|${kindOf(s) ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  }
  const out: PublishedPeriod[] = [];
  groups.forEach((list) => {
    const sorted = [...list].sort((a, b) => b.version - a.version || b.id - a.id);
    const latest = sorted[0];
    out.push({
      periodId: latest.periodId,
      serviceId: latest.serviceId,
      title: latest.title,
      kind: latest.model.kind,
      reportTitle: latest.model.title,
      scopeName: latest.model.scope?.serviceName,
      meetingDate: meetingOf(latest.model),
      latestVersion: latest.version,
      latestId: latest.id,
      latestPublishedOn: latest.publishedOn,
      latestPublishedBy: latest.publishedBy?.displayName || undefined,
      versions: sorted.map((s) => ({ id: s.id, version: s.version, publishedOn: s.publishedOn, publishedBy: s.publishedBy?.displayName || undefined }))
    });
  });
  return out.sort(
    (a, b) => comparePeriodIds(b.periodId, a.periodId) || (a.serviceId ?? 0) - (b.serviceId ?? 0) || REPORT_KINDS.indexOf(a.kind) - REPORT_KINDS.indexOf(b.kind)
  );
}

/**
 * Checks that a value read from a snapshot's JSON is a report model this version can show;
 * throws ReportError('invalidModel') otherwise (e.g. someone edited the column by hand).
 */
export function readSnapshotModel(value: unknown): ReportModel {
  const m = value as Partial<ReportModel> | null;
  const problem =
    !m || typeof m !== 'object'
      ? 'it is not an object'
      : m.format !== REPORT_MODEL_FORMAT
        ? `its format is ${String(m.format)}, not ${REPORT_MODEL_FORMAT}`
        : REPORT_KINDS.indexOf(m.kind as ReportKind) < 0
          ? `its kind "${String(m.kind)}" is not known`
          : !m.period || !isPeriodId(m.period.id)
            ? 'it has no valid period'
            : !Array.isArray(m.services)
              ? 'it has no services'
              : undefined;
  if (problem) throw new ReportError('invalidModel', `The published report cannot be shown because ${problem}.`);
  return m as ReportModel;
}
