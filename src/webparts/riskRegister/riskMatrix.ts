/**
 * Pure logic of the risk register's 5×5 heat map and filters: which cell each risk falls in
 * (inherent or residual likelihood × impact), the filter a cell click sets, and the change
 * of residual score since the last quarter's review. No React and no SharePoint here.
 */
import type { Risk, Service } from '../../domain/types';
import { matchesWords, searchablePlain, searchKey, searchWords, servicesOfCouncil } from '../../domain/search';
import { isReviewOverdue, residualChange, riskBand, RiskBand, RiskScoreError, ScoreChange } from '../../domain/scoring';
import { RISK_SCALE, RiskStatus } from '../../domain/vocabularies';
import { toIsoDate } from '../../components/pickedDates';

/** Which pair of scores the heat map and list use. */
export type ScoreBasis = 'inherent' | 'residual';

/** A cell of the heat map. */
export interface MatrixCellKey {
  /** Likelihood 1-5. */
  likelihood: number;
  /** Impact 1-5. */
  impact: number;
}

/** A cell with the risks in it. */
export interface MatrixCell extends MatrixCellKey {
  /** Likelihood × impact. */
  score: number;
  /** Band of the score. */
  band: RiskBand;
  /** Risks in the cell. */
  risks: Risk[];
}

/** The heat map: rows from impact 5 (top) to 1, each with likelihood 1 to 5, and what fitted nowhere. */
export interface RiskMatrix {
  /** Rows, highest impact first, as the matrix is drawn. */
  rows: MatrixCell[][];
  /** Risks whose scores are off the 1-5 scales (typed into the list by hand): counted, never hidden. */
  unplaced: Risk[];
}

/** Likelihood and impact of a risk on the basis chosen. */
export function cellOf(risk: Risk, basis: ScoreBasis): MatrixCellKey {
  return basis === 'inherent'
    ? { likelihood: risk.inherentLikelihood, impact: risk.inherentImpact }
    : { likelihood: risk.residualLikelihood, impact: risk.residualImpact };
}

const onScale = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= RISK_SCALE.min && value <= RISK_SCALE.max;

/** Buckets risks into the 25 cells of the heat map on the basis chosen. */
export function buildMatrix(risks: readonly Risk[], basis: ScoreBasis): RiskMatrix {
  const rows: MatrixCell[][] = [];
  for (let impact = RISK_SCALE.max; impact >= RISK_SCALE.min; impact--) {
    const row: MatrixCell[] = [];
    for (let likelihood = RISK_SCALE.min; likelihood <= RISK_SCALE.max; likelihood++) {
      const score = likelihood * impact;
      row.push({ likelihood, impact, score, band: riskBand(score), risks: [] });
    }
    rows.push(row);
  }
  const unplaced: Risk[] = [];
  for (const risk of risks) {
    const { likelihood, impact } = cellOf(risk, basis);
    if (!onScale(likelihood) || !onScale(impact)) {
      unplaced.push(risk);
      continue;
    }
    rows[RISK_SCALE.max - impact][likelihood - RISK_SCALE.min].risks.push(risk);
  }
  return { rows, unplaced };
}

/** Service filter value selecting programme-wide risks (those with no service). */
export const PROGRAMME_WIDE = 'programme' as const;

/** Filter of the risk register; an undefined member matches everything. */
export interface RiskFilter {
  /** Only this service, or `PROGRAMME_WIDE` for risks that belong to no service. */
  serviceId?: number | typeof PROGRAMME_WIDE;
  /** Only this status. */
  status?: RiskStatus;
  /** Only open risks whose review date has passed. */
  overdueOnly?: boolean;
  /** Only risks in this heat-map cell (on `basis`). */
  cell?: MatrixCellKey;
  /** Basis of `cell`. */
  basis: ScoreBasis;
  /** Only risks of services this partner council shares, and programme-wide risks (every partner shares those). */
  council?: string;
  /** Free text: every word must appear in the title, cause and effect, controls, owner or service name. */
  search?: string;
}

/** Risks matching the filter; `today` is YYYY-MM-DD; `services` name the services and their partners. */
export function filterRisks(risks: readonly Risk[], filter: RiskFilter, today: string, services: readonly Service[] = []): Risk[] {
  const shared = filter.council === undefined ? undefined : servicesOfCouncil(services, filter.council);
  const words = searchWords(filter.search);
  const names = new Map(services.map((s) => [s.id, s.name]));
  return risks.filter((r) => {
    if (shared && r.serviceId !== undefined && !shared.has(r.serviceId)) return false;
    if (words.length > 0 && !matchesWords(riskSearchText(r, r.serviceId === undefined ? undefined : names.get(r.serviceId)), words)) return false;
    if (filter.serviceId === PROGRAMME_WIDE && r.serviceId !== undefined) return false;
    if (typeof filter.serviceId === 'number' && r.serviceId !== filter.serviceId) return false;
    if (filter.status !== undefined && r.status !== filter.status) return false;
    if (filter.overdueOnly && !isReviewOverdue(r, today)) return false;
    if (filter.cell) {
      const at = cellOf(r, filter.basis);
      if (at.likelihood !== filter.cell.likelihood || at.impact !== filter.cell.impact) return false;
    }
    return true;
  });
}

/** The text a risk is searched by. */
function riskSearchText(r: Risk, serviceName: string | undefined): string {
  return searchKey([r.title, serviceName ?? '', r.owner?.displayName ?? '', searchablePlain(r.causeEffect), searchablePlain(r.controls)].join(' '));
}

/** Residual change since last quarter, or undefined when the scores are off the scale. */
export function safeResidualChange(risk: Risk): ScoreChange | undefined {
  try {
    return residualChange(risk);
  } catch (e) {
    // A hand-typed out-of-scale score has no change to show; anything else is a bug.
    if (e instanceof RiskScoreError) return undefined;
    throw e;
  }
}

/** Score on the basis, or undefined when off the scale. */
export function safeScore(risk: Risk, basis: ScoreBasis): number | undefined {
  const { likelihood, impact } = cellOf(risk, basis);
  return onScale(likelihood) && onScale(impact) ? likelihood * impact : undefined;
}

/** Sorts highest residual score first, then by title (UK collation); off-scale scores last. */
export function sortByResidual(risks: readonly Risk[]): Risk[] {
  return risks.slice().sort((a, b) => (safeScore(b, 'residual') ?? 0) - (safeScore(a, 'residual') ?? 0) || a.title.localeCompare(b.title, 'en-GB'));
}

/** Today as YYYY-MM-DD in the user's time zone (review dates are calendar days). */
export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now);
}
