/**
 * Service performance measures against their targets (framework report, para 11: "service
 * performance against measures outlined in the service business plan"): the last four quarters
 * of actuals, the trend in the measure's own polarity and a RAG rating against target. Pure, so
 * the tracker, the reports and the tests agree.
 *
 * RAG: Green when the actual meets the target; Amber when it misses by no more than the
 * tolerance (10% of the target, or of 1 for a target of 0); Red when it misses by more.
 */
import { CalendarConfig, comparePeriodIds, periodById, previousPeriod } from './calendar';
import type { Measure, MeasureActual } from './types';
import type { Rag } from './vocabularies';

/** Share of the target by which an actual may miss and still be Amber. */
export const AMBER_TOLERANCE = 0.1;

/** One quarterly actual as the tracker reads it (from whichever list stores them). */
export interface ActualEntry {
  /** Reporting period id. */
  readonly periodId: string;
  /** The value recorded. */
  readonly value: number;
  /** The officer's comment (rich text), if any. */
  readonly comment?: string;
}

/** One quarter of a measure in the tracker. */
export interface QuarterActual {
  /** Reporting period id. */
  readonly periodId: string;
  /** The actual, when recorded. */
  readonly value?: number;
  /** The comment, when given. */
  readonly comment?: string;
  /** RAG against target, when an actual is recorded. */
  readonly rag?: Rag;
}

/** Movement of the latest actual since the quarter before, in the measure's own polarity. */
export type MeasureTrend = 'improved' | 'worsened' | 'same' | 'new';

/** A measure's track record up to a period. */
export interface MeasureTrack {
  /** The last four quarters up to the period, oldest first. */
  readonly quarters: readonly QuarterActual[];
  /** The period's quarter (the last of `quarters`). */
  readonly latest: QuarterActual;
  /** Trend of the period's actual against the quarter before; undefined without an actual. */
  readonly trend?: MeasureTrend;
}

/** RAG of an actual against a measure's target. */
export function measureRag(measure: Pick<Measure, 'target' | 'direction'>, value: number): Rag {
  const higher = measure.direction === 'Higher is better';
  const shortfall = higher ? measure.target - value : value - measure.target;
  if (shortfall <= 0) return 'Green';
  const tolerance = Math.abs(measure.target) * AMBER_TOLERANCE || AMBER_TOLERANCE;
  // A small epsilon keeps an actual exactly at the tolerance Amber despite floating point.
  return shortfall <= tolerance + 1e-9 ? 'Amber' : 'Red';
}

/** The trend from the previous actual to the current one. */
export function measureTrend(measure: Pick<Measure, 'direction'>, current: number | undefined, previous: number | undefined): MeasureTrend | undefined {
  if (current === undefined) return undefined;
  if (previous === undefined) return 'new';
  if (current === previous) return 'same';
  return current > previous === (measure.direction === 'Higher is better') ? 'improved' : 'worsened';
}

/** The period ids of the `count` quarters up to and including `periodId`, oldest first. */
export function lastQuarters(periodId: string, count = 4, calendar?: Partial<CalendarConfig>): string[] {
  const ids = [periodById(periodId, calendar).id];
  while (ids.length < count) ids.unshift(previousPeriod(ids[0], calendar).id);
  return ids;
}

/**
 * A measure's last four quarters up to a period, with RAG and trend. Actuals are matched by
 * period whichever id form they were stored in; of two for the same period the later wins.
 */
export function trackMeasure(
  measure: Pick<Measure, 'target' | 'direction'>,
  actuals: readonly ActualEntry[],
  periodId: string,
  calendar?: Partial<CalendarConfig>
): MeasureTrack {
  const valid = actuals.filter((a) => typeof a.value === 'number' && Number.isFinite(a.value));
  const find = (id: string): ActualEntry | undefined => {
    let found: ActualEntry | undefined;
    for (const a of valid) if (comparePeriodIds(a.periodId, id) === 0) found = a;
    return found;
  };
  const quarterOf = (id: string): QuarterActual => {
    const a = find(id);
    return a ? { periodId: id, value: a.value, comment: a.comment, rag: measureRag(measure, a.value) } : { periodId: id };
  };
  const quarters = lastQuarters(periodId, 4, calendar).map(quarterOf);
  const latest = quarters[quarters.length - 1];
  const before = quarters[quarters.length - 2];
  return { quarters, latest, trend: measureTrend(measure, latest.value, before.value) };
}

/** Actual entries of a measure from its stored `actuals` map (period id to value). */
export function entriesOf(measure: Pick<Measure, 'actuals'>): ActualEntry[] {
  const actuals = measure.actuals ?? {};
  return Object.keys(actuals).map((periodId) => ({ periodId, value: actuals[periodId] }));
}

/**
 * The measures with the actuals entered in the measure actuals list merged into their `actuals`
 * maps (an entered actual wins over one stored on the measure for the same period), so reports
 * read one set of figures wherever they were recorded.
 */
export function withListedActuals<M extends Pick<Measure, 'id' | 'actuals'>>(measures: readonly M[], actuals: readonly Pick<MeasureActual, 'measureId' | 'periodId' | 'value'>[]): M[] {
  if (actuals.length === 0) return measures.slice();
  const byMeasure = new Map<number, Record<string, number>>();
  for (const a of actuals) {
    if (typeof a.value !== 'number' || !Number.isFinite(a.value)) continue;
    const map = byMeasure.get(a.measureId) ?? {};
    map[a.periodId] = a.value;
    byMeasure.set(a.measureId, map);
  }
  return measures.map((m) => {
    const listed = byMeasure.get(m.id);
    if (!listed) return m;
    const merged: Record<string, number> = {};
    const own = m.actuals ?? {};
    // Drop an own entry written in the other id form of a listed period, so each period appears once.
    for (const k of Object.keys(own)) if (!Object.keys(listed).some((l) => comparePeriodIds(l, k) === 0)) merged[k] = own[k];
    return { ...m, actuals: { ...merged, ...listed } };
  });
}
