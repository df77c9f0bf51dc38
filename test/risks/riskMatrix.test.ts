/** @jest-environment jsdom */
/**
 * Heat-map bucketing (inherent and residual), filters (service, programme-wide, status,
 * overdue review, cell), change of residual score since last quarter, and the risk form's
 * conversion and validation messages.
 */
import type { Risk } from '../../src/domain/types';
import {
  buildMatrix,
  filterRisks,
  PROGRAMME_WIDE,
  safeResidualChange,
  sortByResidual,
  todayIso
} from '../../src/webparts/riskRegister/riskMatrix';
import { convertRisk, fromIsoDate, riskValues, toIsoDate } from '../../src/webparts/riskRegister/riskForm';

const OWNER = { id: 7, displayName: 'Sam Owner', email: 'sam@council.example.gov.uk' };

function risk(id: number, inherent: [number, number], residual: [number, number], extra: Partial<Risk> = {}): Risk {
  return {
    id,
    etag: '"1"',
    title: `Risk ${id}`,
    causeEffect: '',
    owner: OWNER,
    inherentLikelihood: inherent[0],
    inherentImpact: inherent[1],
    residualLikelihood: residual[0],
    residualImpact: residual[1],
    controls: '',
    status: 'Open',
    ...extra
  };
}

const counts = (rows: ReturnType<typeof buildMatrix>['rows']): number[][] => rows.map((row) => row.map((c) => c.risks.length));

describe('heat-map bucketing', () => {
  const risks = [risk(1, [4, 5], [2, 3]), risk(2, [4, 5], [4, 5]), risk(3, [1, 1], [1, 1])];

  it('puts each risk in the cell of its residual likelihood (across) and impact (rows from 5 down to 1)', () => {
    const { rows, unplaced } = buildMatrix(risks, 'residual');
    expect(counts(rows)).toEqual([
      [0, 0, 0, 1, 0], // impact 5: risk 2 at likelihood 4
      [0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0], // impact 3: risk 1 at likelihood 2
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0] // impact 1: risk 3 at likelihood 1
    ]);
    expect(unplaced).toEqual([]);
    expect(rows[0][3]).toMatchObject({ likelihood: 4, impact: 5, score: 20, band: 'Very high' });
    expect(rows[4][0]).toMatchObject({ likelihood: 1, impact: 1, score: 1, band: 'Low' });
  });

  it('uses the inherent scores when asked', () => {
    const { rows } = buildMatrix(risks, 'inherent');
    expect(rows[0][3].risks.map((r) => r.id)).toEqual([1, 2]);
    expect(rows[2][1].risks).toEqual([]);
  });

  it('bands every cell from its likelihood × impact', () => {
    const { rows } = buildMatrix([], 'residual');
    expect(rows.map((row) => row.map((c) => c.band))).toEqual([
      ['Medium', 'High', 'High', 'Very high', 'Very high'],
      ['Low', 'Medium', 'High', 'Very high', 'Very high'],
      ['Low', 'Medium', 'Medium', 'High', 'High'],
      ['Low', 'Low', 'Medium', 'Medium', 'High'],
      ['Low', 'Low', 'Low', 'Low', 'Medium']
    ]);
  });

  it('keeps risks with scores typed off the scale aside instead of dropping them', () => {
    const odd = risk(9, [6, 2], [0, 3]);
    expect(buildMatrix([odd], 'residual').unplaced).toEqual([odd]);
    expect(buildMatrix([odd], 'inherent').unplaced).toEqual([odd]);
    expect(counts(buildMatrix([odd], 'inherent').rows).flat().reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('filters', () => {
  const today = '2022-03-31';
  const risks = [
    risk(1, [4, 5], [2, 3], { serviceId: 4, reviewDate: '2022-03-18' }),
    risk(2, [4, 5], [4, 5], { reviewDate: '2022-06-30' }),
    risk(3, [3, 3], [2, 3], { serviceId: 4, status: 'Closed', reviewDate: '2022-01-31' })
  ];
  const ids = (list: Risk[]): number[] => list.map((r) => r.id);

  it('filters by service, or programme-wide risks only', () => {
    expect(ids(filterRisks(risks, { basis: 'residual', serviceId: 4 }, today))).toEqual([1, 3]);
    expect(ids(filterRisks(risks, { basis: 'residual', serviceId: PROGRAMME_WIDE }, today))).toEqual([2]);
  });

  it('filters by status and by overdue review (open risks only, due before today)', () => {
    expect(ids(filterRisks(risks, { basis: 'residual', status: 'Open' }, today))).toEqual([1, 2]);
    expect(ids(filterRisks(risks, { basis: 'residual', overdueOnly: true }, today))).toEqual([1]);
  });

  it('filters by a heat-map cell on the basis the map shows', () => {
    expect(ids(filterRisks(risks, { basis: 'residual', cell: { likelihood: 2, impact: 3 } }, today))).toEqual([1, 3]);
    expect(ids(filterRisks(risks, { basis: 'inherent', cell: { likelihood: 2, impact: 3 } }, today))).toEqual([]);
    expect(ids(filterRisks(risks, { basis: 'inherent', cell: { likelihood: 4, impact: 5 } }, today))).toEqual([1, 2]);
  });

  it('sorts highest residual score first, then by title', () => {
    const list = [risk(1, [1, 1], [2, 2], { title: 'B' }), risk(2, [1, 1], [1, 4], { title: 'A' }), risk(3, [1, 1], [5, 5], { title: 'C' })];
    expect(sortByResidual(list).map((r) => r.title)).toEqual(['C', 'A', 'B']);
  });
});

describe('change since last quarter', () => {
  it('detects a residual score going up, down, staying the same, or new this quarter', () => {
    expect(safeResidualChange(risk(1, [4, 4], [4, 3], { previousResidualScore: 9 }))).toBe('up');
    expect(safeResidualChange(risk(2, [4, 4], [2, 4], { previousResidualScore: 10 }))).toBe('down');
    expect(safeResidualChange(risk(3, [4, 4], [2, 5], { previousResidualScore: 10 }))).toBe('same');
    expect(safeResidualChange(risk(4, [4, 4], [2, 5]))).toBe('new');
  });

  it('has no change to show when the residual scores are off the scale', () => {
    expect(safeResidualChange(risk(5, [4, 4], [0, 5], { previousResidualScore: 10 }))).toBeUndefined();
  });
});

describe('risk form values', () => {
  it('names every missing or out-of-scale field in UK English', () => {
    const values = { ...riskValues(undefined), inherentLikelihood: 6, residualImpact: 2.5 };
    const messages = convertRisk(values).errors.map((e) => e.message);
    expect(messages).toEqual([
      'Risk is required.',
      'Risk owner is required.',
      'Inherent likelihood must be from 1 to 5.',
      'Inherent impact is required.',
      'Residual likelihood is required.',
      'Residual impact must be a whole number.'
    ]);
  });

  it('converts a complete form with sanitised rich text and no errors', () => {
    const stored = risk(1, [4, 4], [3, 3], { previousResidualScore: 12, reviewDate: '2022-06-30' });
    const values = { ...riskValues(stored), controls: '<p>Monthly board</p><script>alert(1)</script>' };
    const { model, errors } = convertRisk(values);
    expect(errors).toEqual([]);
    expect(model.controls).toBe('<p>Monthly board</p>');
    expect(model.previousResidualScore).toBe(12);
    expect(model.reviewDate).toBe('2022-06-30');
  });

  it('reads and writes review dates as calendar days, whatever the time zone', () => {
    const date = fromIsoDate('2022-03-31') as Date;
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2022, 2, 31]);
    expect(toIsoDate(date)).toBe('2022-03-31');
    expect(todayIso(new Date(2022, 0, 5, 23, 30))).toBe('2022-01-05');
    expect(fromIsoDate(undefined)).toBeUndefined();
  });
});
