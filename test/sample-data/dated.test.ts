import { isPeriodId, nextDeadline, nextPeriod, previousPeriod, periodById } from '../../src/domain/calendar';
import { needsUpdate } from '../../src/domain/progress';
import { validateHighlight, validateMeasure, validateObjective, validateObjectiveUpdate, validateRisk } from '../../src/domain/validation';
import { myObjectivesForPeriod } from '../../src/webparts/objectivesTracker/logic/rows';
import { datedSampleData, personas, REFERENCE_TODAY, sampleData } from '../../local/sample-data';
import { idProblems, latestUpdateProblems, referenceProblems } from './integrity';

const TODAY = '2026-12-01';
const dated = datedSampleData(sampleData, TODAY);
const current = nextDeadline(TODAY);

describe('sample data dated for today', () => {
  it('leaves the data as written on the reference day', () => {
    expect(datedSampleData(sampleData, REFERENCE_TODAY)).toEqual(sampleData);
  });

  it('keeps every list and every item', () => {
    expect(Object.keys(dated).sort()).toEqual(Object.keys(sampleData).sort());
    for (const key of Object.keys(sampleData) as Array<keyof typeof sampleData>) {
      expect([key, (dated[key] as unknown[] | undefined)?.length]).toEqual([key, (sampleData[key] as unknown[] | undefined)?.length]);
    }
  });

  it('does not change the reference data it is given', () => {
    const before = JSON.stringify(sampleData);
    datedSampleData(sampleData, TODAY);
    expect(JSON.stringify(sampleData)).toBe(before);
  });

  it('rejects a day that is not YYYY-MM-DD', () => {
    expect(() => datedSampleData(sampleData, '01/12/2026')).toThrow(/YYYY-MM-DD/);
  });

  it('moves the reference update window to today\'s, so the last completed quarter is the one before', () => {
    expect(current.id).toBe('2026-27-Q3');
    const periods = new Set(dated.objectiveUpdates.map((u) => u.periodId));
    expect(periods.has(current.id)).toBe(true);
    expect(periods.has(previousPeriod(current.id).id)).toBe(true);
    for (const id of periods) expect(isPeriodId(id) && id <= current.id).toBe(true);
    expect(dated.highlights.map((h) => h.periodId)).toContain(previousPeriod(current.id).id);
    for (const m of dated.measures) for (const id of Object.keys(m.actuals)) expect(id <= current.id).toBe(true);
  });

  it('keeps every update within its quarter and none written after today', () => {
    for (const u of dated.objectiveUpdates) {
      const period = periodById(u.periodId);
      const day = u.updatedOn.slice(0, 10);
      expect(day >= period.start && day <= period.end).toBe(true);
      expect(day <= TODAY).toBe(true);
    }
    for (const b of dated.benefits) expect((b.modified ?? '').slice(0, 10) <= TODAY).toBe(true);
  });

  it('has some officers done, some due and exactly one late for today\'s window', () => {
    const open = dated.objectives.filter((o) => o.status !== 'Complete' && o.status !== 'On hold');
    const done = open.filter((o) => !needsUpdate(o, dated.objectiveUpdates, current));
    const owing = open.filter((o) => needsUpdate(o, dated.objectiveUpdates, current));
    const late = owing.filter((o) => (o.nextUpdateDue ?? '') < TODAY);
    const due = owing.filter((o) => (o.nextUpdateDue ?? '') >= TODAY);
    expect(done.length).toBeGreaterThanOrEqual(5);
    expect(due.length).toBeGreaterThanOrEqual(2);
    expect(late.map((o) => o.responsibleOfficer?.id)).toHaveLength(1);
    for (const o of dated.objectives) {
      if (o.nextUpdateDue !== undefined) expect(o.nextUpdateDue).toBe(nextPeriod(o.lastUpdatePeriodId ?? '').deadline);
    }
  });

  it('has open risks due for review in the coming weeks', () => {
    const inSixWeeks = '2027-01-12';
    const soon = dated.risks.filter((r) => r.status === 'Open' && (r.reviewDate ?? '') >= TODAY && (r.reviewDate ?? '') <= inSixWeeks);
    expect(soon.length).toBeGreaterThanOrEqual(3);
    const overdue = dated.risks.filter((r) => r.status === 'Open' && (r.reviewDate ?? '') < TODAY);
    expect(overdue.length).toBeLessThan(dated.risks.length / 2);
  });

  it('moves dates written in the text with the data', () => {
    const hr = dated.objectiveUpdates.find((u) => u.objectiveId === 1 && u.periodId === current.id);
    // "payroll is on track to go live in April 2022" was written two months before April.
    expect(hr?.narrative).toContain('January 2027');
    expect(hr?.narrative).not.toMatch(/2022/);
    const hrSystem = dated.objectiveUpdates.find((u) => u.objectiveId === 14 && u.periodId === current.id);
    expect(hrSystem?.narrative).toContain('Q1 2027/28');
    expect(dated.benefits.map((b) => b.whenDelivered)).toContain('March 2027');
  });

  it('stays consistent and valid once dated', () => {
    expect(idProblems(dated)).toEqual([]);
    expect(referenceProblems(dated)).toEqual([]);
    expect(latestUpdateProblems(dated)).toEqual([]);
    const problems = [
      ...dated.objectives.flatMap((o) => validateObjective(o)),
      ...dated.objectiveUpdates.flatMap((u) => validateObjectiveUpdate(u)),
      ...dated.risks.flatMap((r) => validateRisk(r)),
      ...dated.measures.flatMap((m) => validateMeasure(m)),
      ...dated.highlights.flatMap((h) => validateHighlight(h))
    ];
    expect(problems).toEqual([]);
  });

  it('gives the responsible officer persona objectives and a measure to update', () => {
    const officer = personas.find((p) => p.role === 'officer');
    expect(officer).toBeDefined();
    const id = officer?.userId ?? 0;
    const mine = myObjectivesForPeriod(dated.objectives, dated.objectiveUpdates, id, current.id);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((o) => needsUpdate(o, dated.objectiveUpdates, current)).length).toBeGreaterThanOrEqual(1);
    const led = dated.services.filter((s) => s.serviceLead?.id === id).map((s) => s.id);
    expect(dated.measures.some((m) => led.indexOf(m.serviceId) >= 0 && m.actuals[current.id] === undefined)).toBe(true);
  });
});
