/**
 * A paper for a past period shows what was true at that period's end: building the same
 * period before and after later edits gives the same paper.
 */
import { buildReportModel } from '../../src/domain/report';
import type { ItemVersion, ReportData, ReportHistory } from '../../src/domain/report';
import { fixture } from './fixtures';

const PERIOD = '2021-22-Q3';
const GENERATED = '2022-01-10T09:00:00Z';

function dated(data: ReportData): ReportData {
  // Everything in the fixture was entered before the period ended.
  const at = '2021-05-01T09:00:00Z';
  const d = <T extends { created?: string }>(items: readonly T[]): T[] => items.map((i) => ({ ...i, created: at }));
  return { ...data, objectives: d(data.objectives), benefits: d(data.benefits), risks: d(data.risks), measures: d(data.measures), highlights: d(data.highlights), updates: d(data.updates) };
}

function historyOf(data: ReportData, extra: Map<number, ItemVersion[]> = new Map()): ReportHistory {
  const benefits = new Map<number, ItemVersion[]>();
  for (const b of data.benefits) benefits.set(b.id, [{ on: '2021-05-01T09:00:00Z', values: { deliveryStatus: b.deliveryStatus } }, ...(extra.get(b.id) ?? [])]);
  const risks = new Map<number, ItemVersion[]>();
  for (const r of data.risks) risks.set(r.id, [{ on: '2021-05-01T09:00:00Z', values: { residualLikelihood: r.residualLikelihood, residualImpact: r.residualImpact, status: r.status } }]);
  return { benefits, risks };
}

describe('a paper as it stood at its period end', () => {
  it('is the same before and after later edits', () => {
    const before = dated(fixture());
    const first = buildReportModel(before, { kind: 'quarterly', periodId: PERIOD, generatedOn: GENERATED, history: historyOf(before) });

    // After the period: a new risk, a new objective, a benefit achieved and a risk rescored.
    const after: ReportData = JSON.parse(JSON.stringify(before)) as ReportData;
    const risk0 = after.risks[0];
    (after.risks as unknown[]).push({ ...risk0, id: 999, title: 'Risk raised in 2026', created: '2026-12-01T10:00:00Z' });
    (after.objectives as unknown[]).push({ ...after.objectives[0], id: 998, title: 'Objective added later', created: '2023-04-01T10:00:00Z' });
    const notAchieved = after.benefits.find((b) => b.deliveryStatus !== 'Achieved');
    expect(notAchieved).toBeDefined();
    (notAchieved as { deliveryStatus: string }).deliveryStatus = 'Achieved';
    (risk0 as { residualLikelihood: number }).residualLikelihood = 5;
    const history = historyOf(before, new Map([[notAchieved!.id, [{ on: '2023-05-01T09:00:00Z', values: { deliveryStatus: 'Achieved' } }]]]));
    history.risks = new Map(history.risks);
    (history.risks as Map<number, ItemVersion[]>).set(risk0.id, [
      ...(history.risks.get(risk0.id) ?? []),
      { on: '2024-01-01T09:00:00Z', values: { residualLikelihood: 5 } }
    ]);

    const second = buildReportModel(after, { kind: 'quarterly', periodId: PERIOD, generatedOn: GENERATED, history });
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).not.toContain('Risk raised in 2026');
    expect(JSON.stringify(second)).not.toContain('Objective added later');
  });

  it('counts a benefit as realised in the period its status became Achieved, and says so', () => {
    const data = dated(fixture());
    const target = data.benefits.find((b) => b.deliveryStatus !== 'Achieved');
    expect(target).toBeDefined();
    const achieved = { ...data, benefits: data.benefits.map((b) => (b.id === target!.id ? { ...b, deliveryStatus: 'Achieved' as const } : b)) };
    const history = historyOf(data, new Map([[target!.id, [{ on: '2021-11-15T10:00:00Z', values: { deliveryStatus: 'Achieved' } }]]]));
    const m = buildReportModel(achieved, { kind: 'quarterly', periodId: PERIOD, generatedOn: GENERATED, history });
    const realised = m.services.flatMap((s) => s.realisedThisPeriod);
    expect(realised).toEqual([target!.id]);
    expect(m.realisedBasis).toBe('history');
    // The quarter before: not yet achieved, so not realised and shown as it then stood.
    const earlier = buildReportModel(achieved, { kind: 'quarterly', periodId: '2021-22-Q2', generatedOn: GENERATED, history });
    expect(earlier.services.flatMap((s) => s.realisedThisPeriod)).toEqual([]);
    expect(earlier.services.flatMap((s) => s.benefits).find((b) => b.id === target!.id)?.deliveryStatus).toBe(target!.deliveryStatus);
  });
});
