/**
 * The committee report model: status as of the period, changes since the previous period,
 * savings totals with three partner councils, top risks, measures and benefits realised.
 */
import { CalendarError } from '../../src/domain/calendar';
import { buildReportModel, ReportError, ReportModel } from '../../src/domain/report';
import { A, B, C, fixture } from './fixtures';

const build = (over: Partial<Parameters<typeof buildReportModel>[1]> = {}): ReportModel =>
  buildReportModel(fixture(), { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: '2022-03-10T09:00:00Z', ...over });

const section = (m: ReportModel, name: string) => {
  const s = m.services.find((x) => x.name === name);
  if (!s) throw new Error(`no section ${name}`);
  return s;
};

describe('report model: period and scope', () => {
  it('covers every service, in name order, with the period before for comparison', () => {
    const m = build();
    expect(m.services.map((s) => s.name)).toEqual(['Legal Services', 'Revenues and Benefits']);
    expect(m.period.id).toBe('2021-22-Q4');
    expect(m.previousPeriod.id).toBe('2021-22-Q3');
    expect(m.title).toBe('Shared Services Quarterly Performance Report, Q4 2021/22');
    expect(m.scope.serviceName).toBe('All shared services');
  });

  it('narrows to one service and names it in the title', () => {
    const m = build({ serviceId: 2, kind: 'highlight' });
    expect(m.services.map((s) => s.id)).toEqual([2]);
    expect(m.title).toBe('Shared Services Highlight Report, Q4 2021/22: Legal Services');
    expect(m.partnerCouncils).toEqual([A, B]);
  });

  it('names the financial year in the annual review title', () => {
    expect(build({ kind: 'annual' }).title).toBe('Shared Services Annual Review, 2021/22');
  });

  it('refuses an unknown service, kind or period with typed errors', () => {
    expect(() => build({ serviceId: 99 })).toThrow(ReportError);
    expect(() => build({ kind: 'monthly' as never })).toThrow(ReportError);
    expect(() => build({ periodId: '2021-Q5' })).toThrow(CalendarError);
  });
});

describe('report model: objectives as of the period', () => {
  it('shows the status reported at the period, not the objective as it is today', () => {
    const revs = section(build({ periodId: '2021-22-Q3' }), 'Revenues and Benefits');
    const byId = new Map(revs.objectives.map((o) => [o.id, o]));
    // Objective 10 is Complete today but was reported In progress in Q3.
    expect(byId.get(10)).toMatchObject({ status: 'In progress', updatedThisPeriod: true });
    expect(byId.get(10)?.update?.narrative).toContain('Update 101');
    // Objective 11 was last updated in Q2: its Q2 update is shown and flagged as not this period.
    expect(byId.get(11)).toMatchObject({ status: 'In progress', rag: 'Amber', updatedThisPeriod: false });
    expect(byId.get(11)?.update).toMatchObject({ periodId: '2021-22-Q2', periodLabel: 'Q2 2021/22' });
    // Objective 12 had no update by Q3.
    expect(byId.get(12)?.update).toBeUndefined();
  });

  it('takes the later of two updates in the same period, comparing times across UTC offsets', () => {
    const legal = section(build(), 'Legal Services');
    expect(legal.objectives[0]).toMatchObject({ id: 20, rag: 'Red' });
    expect(legal.objectives[0].update?.narrative).toContain('Update 202');
  });

  it('counts objectives by status as of the period', () => {
    const counts = build().objectiveStatusCounts;
    expect(counts).toEqual({ 'Not started': 0, 'In progress': 2, Ongoing: 1, 'On hold': 0, Complete: 1 });
  });
});

describe('report model: status and RAG over the last four quarters', () => {
  it('counts each objective as last reported by the end of each quarter, oldest quarter first', () => {
    const m = build();
    const trend = m.trend ?? [];
    expect(trend.map((t) => t.period.id)).toEqual(['2021-22-Q1', '2021-22-Q2', '2021-22-Q3', '2021-22-Q4']);
    const objectives = fixture().objectives.length;
    const sum = (r: Readonly<Record<string, number>>): number => Object.values(r).reduce((a, b) => a + b, 0);
    for (const t of trend) {
      // Every objective is counted once: by status and by RAG, or as not yet reported.
      expect(sum(t.statusCounts) + t.notReported).toBe(objectives);
      expect(sum(t.ragCounts) + t.notReported).toBe(objectives);
    }
    const q3 = trend[2];
    // Objective 12 had no update by Q3; objective 10 was reported In progress then.
    expect(q3.notReported).toBeGreaterThanOrEqual(1);
    expect(q3.statusCounts['In progress']).toBeGreaterThanOrEqual(1);
    // The report's quarter agrees with the report's own status counts for the objectives reported.
    const q4 = trend[3];
    for (const [status, n] of Object.entries(q4.statusCounts)) expect(n).toBeLessThanOrEqual(m.objectiveStatusCounts[status as keyof typeof m.objectiveStatusCounts]);
  });

  it('narrows the trend to the service reported on', () => {
    const m = build({ serviceId: 2 });
    const legal = fixture().objectives.filter((o) => o.serviceId === 2).length;
    for (const t of m.trend ?? []) expect(Object.values(t.ragCounts).reduce((a, b) => a + b, 0) + t.notReported).toBe(legal);
  });
});

describe('report model: period diffing', () => {
  it('lists status and RAG changes since the previous period, and objectives first reported now', () => {
    const m = build();
    const revs = section(m, 'Revenues and Benefits');
    expect(revs.statusChanges.map((c) => c.objectiveId)).toEqual([10, 12]);
    const completed = revs.statusChanges[0];
    expect(completed.title).toBe('Single benefits system');
    expect(completed.from).toMatchObject({ status: 'In progress', periodLabel: 'Q3 2021/22' });
    expect(completed.to).toMatchObject({ status: 'Complete', periodId: '2021-22-Q4' });
    expect(completed.statusChanged).toBe(true);
    expect(revs.statusChanges[1].from).toBeUndefined();

    const legal = section(m, 'Legal Services');
    expect(legal.statusChanges).toHaveLength(1);
    expect(legal.statusChanges[0]).toMatchObject({ objectiveId: 20, statusChanged: false, ragChanged: true });
    expect(legal.statusChanges[0].from?.rag).toBe('Amber');
    expect(legal.statusChanges[0].to.rag).toBe('Red');
  });

  it('does not count an objective that was not updated as changed', () => {
    const revs = section(build(), 'Revenues and Benefits');
    expect(revs.statusChanges.some((c) => c.objectiveId === 11)).toBe(false);
  });

  it('compares Q1 with Q4 of the previous financial year', () => {
    const m = build({ periodId: '2022-23-Q1' });
    expect(m.previousPeriod.id).toBe('2021-22-Q4');
    // Nothing was updated in Q1, so nothing changed.
    expect(m.services.every((s) => s.statusChanges.length === 0)).toBe(true);
  });
});

describe('report model: savings with three partner councils', () => {
  it('totals planned and realised savings per council, per service and overall', () => {
    const m = build();
    expect(m.partnerCouncils).toEqual([A, B, C]);
    expect(m.savings.byCouncil).toEqual([
      { council: A, planned: 20000, realised: 18000 },
      { council: B, planned: 17000, realised: 14500 },
      { council: C, planned: 7000, realised: 5000 }
    ]);
    expect(m.savings.planned).toBe(44000);
    expect(m.savings.realised).toBe(37500);
    expect(m.savings.byService).toEqual([
      { serviceId: 2, serviceName: 'Legal Services', planned: 14000, realised: 13500 },
      { serviceId: 1, serviceName: 'Revenues and Benefits', planned: 30000, realised: 24000 }
    ]);
  });

  it('lists every partner of a service, even one with no savings yet', () => {
    const data = fixture();
    data.benefits = data.benefits.filter((b) => b.id !== 30);
    const revs = section(buildReportModel(data, { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: '2022-03-10T09:00:00Z' }), 'Revenues and Benefits');
    expect(revs.savings.byCouncil.map((c) => [c.council, c.planned])).toEqual([
      [A, 3000],
      [B, 0],
      [C, 2000]
    ]);
  });
});

describe('report model: risks, measures and benefits realised', () => {
  it('ranks open risks by residual score, programme-wide ones included in the summary', () => {
    const m = build();
    expect(m.topRisks.map((r) => r.id)).toEqual([54, 51, 53, 50]);
    expect(m.topRisks[0]).toMatchObject({ residualScore: 20, band: 'Very high', change: 'new', serviceName: undefined });
    expect(m.topRisks[1]).toMatchObject({ residualScore: 16, change: 'up', serviceName: 'Revenues and Benefits' });
    expect(section(m, 'Revenues and Benefits').risks.map((r) => r.id)).toEqual([51, 50]);
    expect(build({ riskLimit: 2 }).services[1].risks).toHaveLength(2);
  });

  it('judges measures against target in their own polarity', () => {
    const revs = section(build(), 'Revenues and Benefits');
    const claims = revs.measures.find((x) => x.id === 60);
    const tax = revs.measures.find((x) => x.id === 61);
    expect(claims).toMatchObject({ actual: 18, previous: 23, onTarget: true, trend: 'improved' });
    expect(tax).toMatchObject({ actual: 97.2, onTarget: false, trend: 'improved' });
    const files = section(build(), 'Legal Services').measures[0];
    expect(files.onTarget).toBeUndefined();
    expect(files.actual).toBeUndefined();
    expect(build({ kind: 'annual' }).services[1].measures[0].year.map((y) => y.actual)).toEqual([undefined, undefined, 23, 18]);
  });

  it('without an earlier snapshot, counts achieved benefits changed within the period as realised', () => {
    const m = build();
    expect(m.realisedBasis).toBe('modified');
    expect(section(m, 'Revenues and Benefits').realisedThisPeriod).toEqual([30]);
    expect(section(m, 'Legal Services').realisedThisPeriod).toEqual([40]);
  });

  it('with the previous period snapshot, counts benefits achieved since it', () => {
    const then = fixture();
    then.benefits = then.benefits.map((b) => (b.id === 30 ? { ...b, deliveryStatus: 'In progress' as const } : b));
    const q3 = buildReportModel(then, { kind: 'quarterly', periodId: '2021-22-Q3', generatedOn: '2021-12-10T09:00:00Z' });
    const m = build({ previousSnapshot: q3 });
    expect(m.realisedBasis).toBe('snapshot');
    expect(section(m, 'Revenues and Benefits').realisedThisPeriod).toEqual([30]);
    expect(section(m, 'Legal Services').realisedThisPeriod).toEqual([]);
  });

  it('takes the highlight of the period', () => {
    const revs = section(build(), 'Revenues and Benefits');
    expect(revs.highlight?.meetingDate).toBe('2022-03-22');
    expect(section(build(), 'Legal Services').highlight).toBeUndefined();
  });

  it('is plain JSON: a round trip gives the same model', () => {
    const m = build({ kind: 'annual' });
    // No Dates, Maps or class instances: what a snapshot stores is exactly what was shown.
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
