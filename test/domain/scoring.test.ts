import {
  MAX_RISK_SCORE,
  RISK_BANDS,
  RiskScoreError,
  inherentScore,
  isReviewOverdue,
  residualChange,
  residualScore,
  riskBand,
  riskScore,
  scoreChange
} from '../../src/domain/scoring';

describe('riskScore', () => {
  it('multiplies likelihood by impact', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(4, 3)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
  });

  it.each([
    [0, 3],
    [6, 1],
    [2.5, 2],
    [Number.NaN, 1],
    [3, -1]
  ])('rejects likelihood %p and impact %p', (likelihood, impact) => {
    expect(() => riskScore(likelihood, impact)).toThrow(RiskScoreError);
  });

  it('scores inherent and residual risk separately', () => {
    const risk = { inherentLikelihood: 4, inherentImpact: 5, residualLikelihood: 2, residualImpact: 3 };
    expect(inherentScore(risk)).toBe(20);
    expect(residualScore(risk)).toBe(6);
  });
});

describe('riskBand', () => {
  it.each([
    [1, 'Low'],
    [4, 'Low'],
    [5, 'Medium'],
    [9, 'Medium'],
    [10, 'High'],
    [15, 'High'],
    [16, 'Very high'],
    [25, 'Very high']
  ])('puts %i in %s', (score, band) => {
    expect(riskBand(score)).toBe(band);
  });

  it('covers every score from 1 to 25 exactly once', () => {
    for (let score = 1; score <= MAX_RISK_SCORE; score++) {
      expect(RISK_BANDS.filter((b) => score >= b.min && score <= b.max)).toHaveLength(1);
    }
  });

  it.each([0, 26, 3.5])('rejects the score %p', (score) => {
    expect(() => riskBand(score)).toThrow(RiskScoreError);
  });
});

describe('score change since last quarter', () => {
  it.each([
    [12, 9, 'up'],
    [6, 9, 'down'],
    [9, 9, 'same'],
    [9, undefined, 'new']
  ] as const)('%p after %p is %s', (current, previous, change) => {
    expect(scoreChange(current, previous)).toBe(change);
  });

  it('compares the residual score with the previous residual score', () => {
    expect(residualChange({ residualLikelihood: 3, residualImpact: 4, previousResidualScore: 9 })).toBe('up');
    expect(residualChange({ residualLikelihood: 3, residualImpact: 3 })).toBe('new');
  });
});

describe('isReviewOverdue', () => {
  const today = '2022-04-01';

  it('is overdue for an open risk whose review date has passed', () => {
    expect(isReviewOverdue({ status: 'Open', reviewDate: '2022-03-31' }, today)).toBe(true);
  });

  it('is not overdue on the review date itself', () => {
    expect(isReviewOverdue({ status: 'Open', reviewDate: '2022-04-01' }, today)).toBe(false);
  });

  it('is never overdue for a closed risk', () => {
    expect(isReviewOverdue({ status: 'Closed', reviewDate: '2021-01-01' }, today)).toBe(false);
  });

  it('is not overdue without a review date, like the "Overdue reviews" list view', () => {
    expect(isReviewOverdue({ status: 'Open' }, today)).toBe(false);
  });
});
