/**
 * Risk scoring: score = likelihood x impact on the 1-5 scales, so scores run from 1 to 25.
 *
 * Bands (the usual local-government 5x5 matrix):
 * - 1-4   Low       (accept and monitor)
 * - 5-9   Medium    (manage within the service)
 * - 10-15 High      (report to the joint committee)
 * - 16-25 Very high (immediate action, escalate)
 * Only products of two numbers from 1 to 5 occur, so e.g. 7, 11 and 13 never do; the bands
 * are still contiguous so that any score has exactly one band.
 */
import type { Risk } from './types';
import { RISK_SCALE } from './vocabularies';

/** Band of a risk score. */
export type RiskBand = 'Low' | 'Medium' | 'High' | 'Very high';

/** Definition of one band: inclusive score range. */
export interface RiskBandDef {
  /** Band name shown to users. */
  readonly band: RiskBand;
  /** Lowest score in the band. */
  readonly min: number;
  /** Highest score in the band. */
  readonly max: number;
}

/** The bands, lowest first, covering 1-25 without gaps. */
export const RISK_BANDS: readonly RiskBandDef[] = [
  { band: 'Low', min: 1, max: 4 },
  { band: 'Medium', min: 5, max: 9 },
  { band: 'High', min: 10, max: 15 },
  { band: 'Very high', min: 16, max: 25 }
];

/** Highest possible score. */
export const MAX_RISK_SCORE = RISK_SCALE.max * RISK_SCALE.max;

/** Direction of a residual score since the last quarter's review. */
export type ScoreChange = 'up' | 'down' | 'same' | 'new';

/** A likelihood, impact or score was outside its scale. */
export class RiskScoreError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'RiskScoreError';
    // Keeps `instanceof` working when compiled to ES5 by the SPFx toolchain.
    Object.setPrototypeOf(this, RiskScoreError.prototype);
  }
}

function checkScale(name: string, value: number): void {
  if (!Number.isInteger(value) || value < RISK_SCALE.min || value > RISK_SCALE.max) {
    throw new RiskScoreError(`${name} must be a whole number from ${RISK_SCALE.min} to ${RISK_SCALE.max}, not ${String(value)}.`);
  }
}

/** Risk score: likelihood x impact, each a whole number from 1 to 5. */
export function riskScore(likelihood: number, impact: number): number {
  checkScale('Likelihood', likelihood);
  checkScale('Impact', impact);
  return likelihood * impact;
}

/** Score before controls. */
export function inherentScore(risk: Pick<Risk, 'inherentLikelihood' | 'inherentImpact'>): number {
  return riskScore(risk.inherentLikelihood, risk.inherentImpact);
}

/** Score after controls. */
export function residualScore(risk: Pick<Risk, 'residualLikelihood' | 'residualImpact'>): number {
  return riskScore(risk.residualLikelihood, risk.residualImpact);
}

/** Band of a score from 1 to 25. */
export function riskBand(score: number): RiskBand {
  if (!Number.isInteger(score) || score < 1 || score > MAX_RISK_SCORE) {
    throw new RiskScoreError(`A risk score must be a whole number from 1 to ${MAX_RISK_SCORE}, not ${String(score)}.`);
  }
  const found = RISK_BANDS.find((b) => score >= b.min && score <= b.max);
  // Unreachable while RISK_BANDS covers 1-25; kept so a broken edit of the bands fails loudly.
  if (!found) throw new RiskScoreError(`No risk band covers score ${score}.`);
  return found.band;
}

/** How a score moved: 'new' when there is no previous score. */
export function scoreChange(current: number, previous: number | undefined): ScoreChange {
  if (previous === undefined || previous === null) return 'new';
  if (current > previous) return 'up';
  if (current < previous) return 'down';
  return 'same';
}

/** How a risk's residual score moved since the previous quarter's review. */
export function residualChange(risk: Pick<Risk, 'residualLikelihood' | 'residualImpact' | 'previousResidualScore'>): ScoreChange {
  return scoreChange(residualScore(risk), risk.previousResidualScore);
}

/**
 * Whether an open risk's review date has passed (review date before today, both YYYY-MM-DD).
 * Closed risks and risks without a review date are not overdue, matching the register's
 * "Overdue reviews" SharePoint view so that the app and the list agree.
 */
export function isReviewOverdue(risk: Pick<Risk, 'reviewDate' | 'status'>, today: string): boolean {
  if (risk.status !== 'Open' || !risk.reviewDate) return false;
  return risk.reviewDate.slice(0, 10) < today;
}
