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

/** One published report (period and scope) with its versions, for the "published periods" list. */
export interface PublishedPeriod {
  /** Period id. */
  readonly periodId: string;
  /** Service id, or undefined for the all-services report. */
  readonly serviceId?: number;
  /** Snapshot title, e.g. "2021-22-Q4 Governance". */
  readonly title: string;
  /** Kind of the latest version. */
  readonly kind: ReportKind;
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
 * it and the service, e.g. "Q4 2021/22 Governance" (the period id has a column of its own).
 */
export function snapshotTitle(periodId: string, serviceName?: string): string {
  const period = isPeriodId(periodId) ? periodShortLabel(periodId) : periodId;
  return `${period} ${serviceName ?? ALL_SERVICES_SCOPE}`;
}

const sameScope = (a: number | undefined, b: number | undefined): boolean => (a ?? 0) === (b ?? 0);

/** Snapshots of one period and scope, newest version first. */
export function versionsOf(snapshots: readonly ReportSnapshot[], periodId: string, serviceId?: number): ReportSnapshot[] {
  return snapshots
    .filter((s) => isPeriodId(s.periodId) && comparePeriodIds(s.periodId, periodId) === 0 && sameScope(s.serviceId, serviceId))
    .sort((a, b) => b.version - a.version || b.id - a.id);
}

/** The version the next publication of a period and scope gets: one more than the highest so far. */
export function nextVersion(snapshots: readonly ReportSnapshot[], periodId: string, serviceId?: number): number {
  const existing = versionsOf(snapshots, periodId, serviceId);
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
    version: nextVersion(existing, model.period.id, model.scope.serviceId),
    publishedBy,
    publishedOn,
    model: copy
  };
}

/** The latest version of a period's report for a scope, or undefined when never published. */
export function latestSnapshot(snapshots: readonly ReportSnapshot[], periodId: string, serviceId?: number): ReportSnapshot | undefined {
  return versionsOf(snapshots, periodId, serviceId)[0];
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

/** Published reports grouped by period and scope: newest period first, all-services before single services. */
export function publishedPeriods(snapshots: readonly ReportSnapshot[]): PublishedPeriod[] {
  const groups = new Map<string, ReportSnapshot[]>();
  for (const s of snapshots) {
    if (!isPeriodId(s.periodId)) continue;
    const key = `${s.periodId.toUpperCase()}|${s.serviceId ?? 0}`;
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
      latestVersion: latest.version,
      latestId: latest.id,
      latestPublishedOn: latest.publishedOn,
      latestPublishedBy: latest.publishedBy?.displayName || undefined,
      versions: sorted.map((s) => ({ id: s.id, version: s.version, publishedOn: s.publishedOn, publishedBy: s.publishedBy?.displayName || undefined }))
    });
  });
  return out.sort((a, b) => comparePeriodIds(b.periodId, a.periodId) || (a.serviceId ?? 0) - (b.serviceId ?? 0));
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
