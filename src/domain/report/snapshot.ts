/**
 * Published report snapshots: the JSON of a report model with who published it, when, and a
 * version. Snapshots are immutable; publishing a period's report again adds the next version,
 * so a past report always shows the data as it was when the committee saw it.
 */
import { comparePeriodIds, isPeriodId, periodShortLabel } from '../calendar';
import type { Person, ReportSnapshot, SnapshotIntegrity } from '../types';
import { ReportError } from './build';
import { REPORT_KINDS, REPORT_MODEL_FORMAT, ReportKind, ReportModel } from './model';

/** A snapshot not yet stored. */
export type NewSnapshot = Omit<ReportSnapshot, 'id' | 'etag' | 'created' | 'modified' | 'integrity'>;

/**
 * A stored snapshot whose report cannot be shown (its column edited by hand: not decompressible,
 * not JSON, or not a report model). It is listed on its own row with the reason and never
 * stops the other snapshots or the live report.
 */
export interface UnreadableSnapshot {
  readonly id: number;
  readonly title: string;
  readonly periodId: string;
  readonly serviceId?: number;
  readonly version: number;
  readonly publishedOn: string;
  readonly publishedBy?: Person;
  /** Why it cannot be shown, in words for people. */
  readonly reason: string;
}

/** One published version, as the "published reports" list shows it. */
export interface PublishedVersion {
  readonly id: number;
  readonly version: number;
  readonly publishedOn: string;
  readonly publishedBy?: string;
  /** Whether the stored report is the one published (absent when unknown, e.g. a test double). */
  readonly integrity?: SnapshotIntegrity;
  /** Why the version cannot be shown, when it cannot. */
  readonly unreadable?: string;
}

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
  readonly versions: readonly PublishedVersion[];
}

/** Label of the all-services scope in snapshot titles. */
export const ALL_SERVICES_SCOPE = 'All services';

/** Characters SharePoint's Title column holds. */
export const SNAPSHOT_TITLE_MAX = 255;

/**
 * Title stored for a snapshot, which auditors read in the list view: the period as people say it
 * and the service, e.g. "Q4 2021/22 Governance" (the period id has a column of its own), with the
 * kind after it when given ("Q4 2021/22 Governance quarterly"), so each series has its own title.
 * A service name too long for SharePoint's 255-character Title is shortened with an ellipsis
 * before the kind (the snapshot keeps the service's id and full name in its report), so
 * publishing never fails on the title.
 */
export function snapshotTitle(periodId: string, serviceName?: string, kind?: ReportKind): string {
  const suffix = kind ? ` ${kind}` : '';
  const period = isPeriodId(periodId) ? periodShortLabel(periodId) : periodId;
  const title = `${period} ${serviceName ?? ALL_SERVICES_SCOPE}`;
  // Counted in UTF-16 code units, as SharePoint counts; a surrogate pair is never split.
  const room = SNAPSHOT_TITLE_MAX - suffix.length;
  if (title.length <= room) return title + suffix;
  let cut = title.slice(0, room - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/\s+$/, '')}…${suffix}`;
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

/** The kind an unreadable snapshot's title names ("2021-22-Q4 Governance quarterly"), if any. */
function kindOfTitle(title: string): ReportKind | undefined {
  return REPORT_KINDS.find((k) => title.endsWith(` ${k}`));
}

/**
 * Published reports grouped into series by period, scope and kind: newest period first,
 * all-services before single services, then in the framework's order of kinds. Unreadable
 * snapshots are listed as versions of their series (the kind their title names) with the
 * reason; a series with only unreadable versions still gets its row.
 */
export function publishedPeriods(snapshots: readonly ReportSnapshot[], unreadable: readonly UnreadableSnapshot[] = []): PublishedPeriod[] {
  type Entry = { readable?: ReportSnapshot; unreadable?: UnreadableSnapshot; kind?: ReportKind; id: number; version: number };
  const groups = new Map<string, Entry[]>();
  const add = (periodId: string, serviceId: number | undefined, entry: Entry): void => {
    if (!isPeriodId(periodId)) return;
    const key = `${periodId.toUpperCase()}|${serviceId ?? 0}|${entry.kind ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(entry);
    groups.set(key, list);
  };
  for (const s of snapshots) add(s.periodId, s.serviceId, { readable: s, kind: kindOf(s), id: s.id, version: s.version });
  for (const u of unreadable) {
    // The kind its title names, or else that of a readable version with the same title and scope.
    const sibling = snapshots.find((s) => s.title === u.title && sameScope(s.serviceId, u.serviceId) && s.periodId === u.periodId);
    add(u.periodId, u.serviceId, { unreadable: u, kind: kindOfTitle(u.title) ?? (sibling ? kindOf(sibling) : undefined), id: u.id, version: u.version });
  }
  const out: PublishedPeriod[] = [];
  groups.forEach((list) => {
    const sorted = [...list].sort((a, b) => b.version - a.version || b.id - a.id);
    const first = sorted[0];
    const latest = (first.readable ?? first.unreadable) as ReportSnapshot | UnreadableSnapshot;
    const newestReadable = sorted.find((e) => e.readable)?.readable;
    out.push({
      periodId: latest.periodId,
      serviceId: latest.serviceId,
      title: latest.title,
      kind: newestReadable?.model.kind ?? first.kind ?? 'highlight',
      reportTitle: newestReadable?.model.title,
      scopeName: newestReadable?.model.scope?.serviceName,
      meetingDate: meetingOf(newestReadable?.model),
      latestVersion: latest.version,
      latestId: latest.id,
      latestPublishedOn: latest.publishedOn,
      latestPublishedBy: latest.publishedBy?.displayName || undefined,
      versions: sorted.map((e) => {
        const s = (e.readable ?? e.unreadable) as ReportSnapshot | UnreadableSnapshot;
        return {
          id: s.id,
          version: s.version,
          publishedOn: s.publishedOn,
          publishedBy: s.publishedBy?.displayName || undefined,
          ...(e.readable?.integrity ? { integrity: e.readable.integrity } : {}),
          ...(e.unreadable ? { unreadable: e.unreadable.reason } : {})
        };
      })
    });
  });
  return out.sort(
    (a, b) => comparePeriodIds(b.periodId, a.periodId) || (a.serviceId ?? 0) - (b.serviceId ?? 0) || REPORT_KINDS.indexOf(a.kind) - REPORT_KINDS.indexOf(b.kind)
  );
}

/**
 * What a snapshot's fingerprint covers, as one string: the stored report exactly as kept in its
 * column, and the title, period, scope, version, publisher and publishing time (to the second,
 * which is what SharePoint keeps of a date and time).
 */
export function snapshotContent(s: Pick<ReportSnapshot, 'title' | 'periodId' | 'serviceId' | 'version' | 'publishedOn' | 'publishedBy'>, storedModel: string): string {
  const ms = Date.parse(s.publishedOn);
  const publishedOn = Number.isNaN(ms) ? s.publishedOn : new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return JSON.stringify(['ssm-snapshot-1', s.title, s.periodId, s.serviceId ?? null, s.version, publishedOn, s.publishedBy?.id ?? null, storedModel]);
}

// Deep shape of a report model: what the report views and the Word export read. A model that
// fails it is reported as unreadable rather than rendered halfway (an object where a string
// belongs blanked the whole page). Properties not listed are not checked, so later formats
// that add to the model still read.
type Check = (value: unknown, path: string) => string | undefined;
const str: Check = (v, p) => (typeof v === 'string' ? undefined : `${p} is not text`);
const num: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `${p} is not a number`);
const opt = (c: Check): Check => (v, p) => (v === undefined || v === null ? undefined : c(v, p));
const arr = (c: Check): Check => (v, p) => {
  if (!Array.isArray(v)) return `${p} is not a list`;
  for (let i = 0; i < v.length; i++) {
    const problem = c(v[i], `${p}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
};
const obj = (props: Record<string, Check>): Check => (v, p) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return `${p} is not an object`;
  for (const k of Object.keys(props)) {
    const problem = props[k]((v as Record<string, unknown>)[k], `${p}.${k}`);
    if (problem) return problem;
  }
  return undefined;
};
const periodShape = obj({ id: str, label: str });
const councilTotal = obj({ council: str, planned: num, realised: num });
const totals = obj({ byCouncil: arr(councilTotal), planned: num, realised: num });
const riskRow = obj({ id: num, title: str, serviceName: opt(str), owner: opt(str), causeEffect: str, controls: str, inherentScore: num, residualScore: num });
const stateRow = obj({ periodLabel: str, status: str, rag: str });
const changeRow = obj({ title: str, from: opt(stateRow), to: stateRow });
const MODEL_SHAPE = obj({
  title: str,
  period: periodShape,
  previousPeriod: periodShape,
  scope: obj({ serviceName: str }),
  partnerCouncils: arr(str),
  generatedOn: str,
  savings: totals,
  topRisks: arr(riskRow),
  services: arr(
    obj({
      id: num,
      name: str,
      partnerCouncils: arr(str),
      serviceLead: opt(str),
      highlight: opt(obj({ meetingDate: str, keyPoints: str, activityOverview: str })),
      objectives: arr(obj({ id: num, title: str, aim: str, status: str, rag: str, responsibleOfficer: opt(str), update: opt(obj({ periodLabel: str, narrative: str, updatedOn: str })) })),
      statusChanges: arr(changeRow),
      yearChanges: arr(changeRow),
      benefits: arr(obj({ id: num, title: str, category: str, originalPosition: str, achievement: str, whenDelivered: str, deliveryStatus: str, realised: str, savings: arr(councilTotal), evidenceUrl: opt(str) })),
      realisedThisPeriod: arr(num),
      savings: totals,
      risks: arr(riskRow),
      measures: arr(obj({ id: num, title: str, unit: str, target: num, actual: opt(num), year: arr(obj({ periodId: str, actual: opt(num) })) }))
    })
  )
});

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
              : MODEL_SHAPE(m, 'report');
  if (problem) throw new ReportError('invalidModel', `The published report cannot be shown because ${problem}.`);
  return m as ReportModel;
}
