import { isIsoDate, isPeriodId, nextPeriod, periodById } from '../../src/domain/calendar';
import type { Service } from '../../src/domain/types';
import {
  validateBenefit,
  validateBestPractice,
  validateBudgetLine,
  validateCommitteeMeeting,
  validateMeasureActual,
  validateStaffSurvey,
  validateHighlight,
  validateLessonLearned,
  validateMeasure,
  validateObjective,
  validateObjectiveUpdate,
  validateRisk,
  validateService
} from '../../src/domain/validation';
import {
  BENEFIT_CATEGORIES,
  BENEFIT_DELIVERY_STATUSES,
  MEASURE_DIRECTIONS,
  OBJECTIVE_STATUSES,
  RAG_RATINGS,
  RISK_STATUSES,
  SERVICE_PHASES
} from '../../src/domain/vocabularies';
import { personas, sampleData } from '../../local/sample-data';
import { idProblems, latestUpdateProblems, referenceProblems, updatesByObjective } from './integrity';

const { users, services, objectives, objectiveUpdates, benefits, risks, measures, highlights } = sampleData;
const END_OF_YEAR = '2022-03-31';

function serviceNamed(name: string): Service {
  const found = services.find((s) => s.name === name);
  if (!found) throw new Error(`No service named ${name}`);
  return found;
}

describe('sample data: identity and references', () => {
  it('numbers every list from 1 with empty etags', () => {
    expect(idProblems(sampleData)).toEqual([]);
  });

  it('resolves every service, objective and person reference', () => {
    expect(referenceProblems(sampleData)).toEqual([]);
  });

  it('has the editor, service lead and auditor personas first, the auditor read-only, and a responsible officer', () => {
    expect(personas).toEqual([
      { userId: 1, role: 'editor', canEdit: true },
      { userId: 2, role: 'serviceLead', canEdit: true },
      { userId: 3, role: 'auditor', canEdit: false },
      { userId: 14, role: 'officer', canEdit: true }
    ]);
    expect(users.length - 3).toBeGreaterThanOrEqual(10);
    expect(users.length - 3).toBeLessThanOrEqual(15);
  });

  it('gives every user a unique email on a fictional example domain', () => {
    const emails = users.map((u) => u.email);
    expect(new Set(emails).size).toBe(users.length);
    for (const email of emails) expect(email).toMatch(/^[a-z.]+@[a-z-]+\.example\.gov\.uk$/);
  });

  it('keeps a few directory people who are not yet site users, on the same fictional domains', () => {
    const directory = sampleData.directory ?? [];
    expect(directory.length).toBeGreaterThan(0);
    const siteEmails = new Set(users.map((u) => u.email.toLowerCase()));
    for (const p of directory) {
      expect(siteEmails.has(p.email.toLowerCase())).toBe(false);
      expect(p.email).toMatch(/^[a-z.]+@[a-z-]+\.example\.gov\.uk$/);
      expect(p.displayName.trim()).not.toBe('');
    }
    expect(new Set(directory.map((p) => p.email)).size).toBe(directory.length);
  });

  it('does not name the real officer who wrote the history-of-sharing note', () => {
    expect(JSON.stringify(sampleData)).not.toMatch(/Proudfoot/i);
  });
});

describe('sample data: vocabularies and ranges', () => {
  it('uses only vocabulary values', () => {
    for (const s of services) expect(SERVICE_PHASES).toContain(s.phase);
    for (const o of objectives) {
      expect(OBJECTIVE_STATUSES).toContain(o.status);
      expect(RAG_RATINGS).toContain(o.rag);
    }
    for (const u of objectiveUpdates) {
      expect(OBJECTIVE_STATUSES).toContain(u.status);
      expect(RAG_RATINGS).toContain(u.rag);
    }
    for (const b of benefits) {
      expect(BENEFIT_CATEGORIES).toContain(b.category);
      expect(BENEFIT_DELIVERY_STATUSES).toContain(b.deliveryStatus);
    }
    for (const r of risks) expect(RISK_STATUSES).toContain(r.status);
    for (const m of measures) expect(MEASURE_DIRECTIONS).toContain(m.direction);
  });

  it('uses every objective status somewhere', () => {
    expect(new Set(objectives.map((o) => o.status))).toEqual(new Set(OBJECTIVE_STATUSES));
  });

  it('keeps RAG consistent with status: complete is green, on hold never green', () => {
    for (const item of [...objectives, ...objectiveUpdates]) {
      if (item.status === 'Complete') expect(item.rag).toBe('Green');
      if (item.status === 'On hold') expect(item.rag).not.toBe('Green');
    }
  });

  it('passes the product validators', () => {
    const problems: string[] = [];
    const note = (what: string, errors: { message: string }[]): void => {
      if (errors.length > 0) problems.push(`${what}: ${errors.map((e) => e.message).join(' ')}`);
    };
    services.forEach((s) => note(`service ${s.id}`, validateService(s)));
    objectives.forEach((o) => note(`objective ${o.id}`, validateObjective(o)));
    objectiveUpdates.forEach((u) => note(`update ${u.id}`, validateObjectiveUpdate(u)));
    benefits.forEach((b) => note(`benefit ${b.id}`, validateBenefit(b, { service: services.find((s) => s.id === b.serviceId) })));
    risks.forEach((r) => note(`risk ${r.id}`, validateRisk(r)));
    measures.forEach((m) => note(`measure ${m.id}`, validateMeasure(m)));
    highlights.forEach((h) => note(`highlight ${h.id}`, validateHighlight(h, { others: highlights, id: h.id })));
    (sampleData.bestPractice ?? []).forEach((p) => note(`best practice ${p.id}`, validateBestPractice(p)));
    (sampleData.lessonsLearned ?? []).forEach((l) => note(`lesson ${l.id}`, validateLessonLearned(l)));
    sampleData.committeeMeetings.forEach((m) => note(`meeting ${m.id}`, validateCommitteeMeeting(m, { others: sampleData.committeeMeetings, id: m.id })));
    sampleData.measureActuals.forEach((a) => note(`actual ${a.id}`, validateMeasureActual(a)));
    sampleData.staffSurveys.forEach((s) => note(`survey ${s.id}`, validateStaffSurvey(s)));
    sampleData.budgetLines.forEach((b) => note(`budget line ${b.id}`, validateBudgetLine(b, { service: services.find((s) => s.id === b.serviceId) })));
    expect(problems).toEqual([]);
  });

  it('writes rich text as simple HTML paragraphs and lists', () => {
    const rich = [
      ...objectives.map((o) => o.aim),
      ...objectiveUpdates.map((u) => u.narrative),
      ...benefits.flatMap((b) => [b.originalPosition, b.achievement, b.realised]).filter((h) => h !== ''),
      ...risks.flatMap((r) => [r.causeEffect, r.controls]),
      ...highlights.flatMap((h) => [h.keyPoints, h.activityOverview])
    ];
    for (const html of rich) {
      expect(html).toMatch(/^<(p|ul)>/);
      const tags = html.match(/<\/?([a-z]+)/g) ?? [];
      for (const tag of tags) expect(['p', 'ul', 'li']).toContain(tag.replace(/[</]/g, ''));
    }
  });
});

describe('sample data: services', () => {
  it('has the phase 1, phase 2 and established services of the reports', () => {
    const phases = Object.fromEntries(services.map((s) => [s.name, s.phase]));
    expect(phases).toMatchObject({
      'Transformation and Partnerships': 'Phase 1',
      'Communications and Visitor Economy': 'Phase 1',
      Governance: 'Phase 1',
      ICT: 'Phase 2',
      'Customer Services': 'Phase 2'
    });
    expect(phases['Shared Financial Services']).toBeDefined();
    for (const name of ['Transformation and Partnerships', 'Communications and Visitor Economy', 'Governance']) {
      expect(serviceNamed(name).partnerCouncils).toEqual(['Chorley Council', 'South Ribble Borough Council']);
    }
  });

  it('includes a service shared by three councils', () => {
    const three = services.filter((s) => s.partnerCouncils.length >= 3);
    expect(three.map((s) => s.name)).toContain('Revenues and Benefits');
    expect(new Set(serviceNamed('Revenues and Benefits').partnerCouncils).size).toBe(3);
  });
});

describe('sample data: objectives and updates', () => {
  it('has every objective of the February 2022 report in its service with the report\'s status', () => {
    const report: [string, string, string][] = [
      ['Transformation and Partnerships', 'Deliver a shared HR operating model', 'Ongoing'],
      ['Transformation and Partnerships', 'Develop a shared performance management system', 'Complete'],
      ['Communications and Visitor Economy', 'Deliver and embed a shared internal communications strategy', 'Ongoing'],
      ['Communications and Visitor Economy', 'Create a shared events team', 'Complete'],
      ['Communications and Visitor Economy', 'Undertake a review of digital channels', 'Ongoing'],
      ['Communications and Visitor Economy', 'Review museums, tourism and culture service', 'Complete'],
      ['Governance', 'Review of legal services', 'Ongoing'],
      ['Governance', 'Review of Shared Audit and Risk', 'Complete']
    ];
    for (const [service, title, status] of report) {
      const objective = objectives.find((o) => o.title === title);
      expect(objective).toBeDefined();
      expect(objective?.serviceId).toBe(serviceNamed(service).id);
      expect(objective?.status).toBe(status);
      expect(objective?.aim.length).toBeGreaterThan(20);
    }
    // A few objectives for the services the report does not cover.
    const phase1 = new Set(report.map(([service]) => serviceNamed(service).id));
    const others = new Set(objectives.filter((o) => !phase1.has(o.serviceId)).map((o) => o.serviceId));
    expect(others.size).toBe(services.length - phase1.size);
  });

  it('gives each objective its latest update\'s status, RAG and period', () => {
    expect(latestUpdateProblems(sampleData)).toEqual([]);
  });

  it('has several 2021/22 updates per objective, one per quarter, written within the quarter', () => {
    const byObjective = updatesByObjective(objectiveUpdates);
    for (const o of objectives) {
      const list = byObjective.get(o.id) ?? [];
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(new Set(list.map((u) => u.periodId)).size).toBe(list.length);
    }
    for (const u of objectiveUpdates) {
      expect(['2021-22-Q1', '2021-22-Q2', '2021-22-Q3', '2021-22-Q4']).toContain(u.periodId);
      const period = periodById(u.periodId);
      const day = u.updatedOn.slice(0, 10);
      expect(u.updatedOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(day >= period.start && day <= period.end).toBe(true);
    }
  });

  it('ends each report objective with a Q4 update and changes some statuses between quarters', () => {
    const byObjective = updatesByObjective(objectiveUpdates);
    for (const id of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const list = byObjective.get(id) ?? [];
      expect(list[list.length - 1]?.periodId).toBe('2021-22-Q4');
    }
    const changed = objectives.filter((o) => new Set((byObjective.get(o.id) ?? []).map((u) => u.status)).size > 1);
    expect(changed.length).toBeGreaterThanOrEqual(5);
  });

  it('sets the next update due from the calendar, with some objectives overdue at the year end', () => {
    for (const o of objectives) {
      if (o.status === 'Complete') expect(o.nextUpdateDue).toBeUndefined();
      else expect(o.nextUpdateDue).toBe(nextPeriod(o.lastUpdatePeriodId ?? '').deadline);
    }
    const overdue = objectives.filter((o) => o.nextUpdateDue !== undefined && o.nextUpdateDue < END_OF_YEAR && o.status !== 'On hold');
    expect(overdue.length).toBeGreaterThanOrEqual(1);
  });
});

describe('sample data: benefits', () => {
  it('covers all four categories of the tracker', () => {
    expect(new Set(benefits.map((b) => b.category))).toEqual(new Set(BENEFIT_CATEGORIES));
    expect(benefits.length).toBeGreaterThanOrEqual(28);
  });

  it('only records savings for the service\'s partner councils, once each', () => {
    for (const b of benefits) {
      const partners = services.find((s) => s.id === b.serviceId)?.partnerCouncils ?? [];
      const councils = b.savings.map((s) => s.council);
      for (const council of councils) expect(partners).toContain(council);
      expect(new Set(councils).size).toBe(councils.length);
    }
  });

  it('records the report\'s figures: £17k per council for corporate support, 7.2 to 11.4 FTE for museums', () => {
    const corporate = benefits.find((b) => b.title === 'Reduction in corporate support staffing resource');
    expect(corporate?.savings).toEqual([
      { council: 'Chorley Council', planned: 17000, realised: 17000 },
      { council: 'South Ribble Borough Council', planned: 17000, realised: 17000 }
    ]);
    const museums = benefits.find((b) => b.title === 'Increased capacity for Museums, Culture and Tourism');
    expect([museums?.fteBefore, museums?.fteAfter]).toEqual([7.2, 11.4]);
    const staffing = benefits.find((b) => b.title === 'Reduction in Transformation and Partnerships staffing budget');
    expect(staffing?.savings.reduce((sum, s) => sum + s.realised, 0)).toBe(85000);
  });

  it('splits savings of the three-council service between all three partners', () => {
    const revs = serviceNamed('Revenues and Benefits');
    const saving = benefits.find((b) => b.serviceId === revs.id && b.savings.length > 0);
    expect(saving?.savings.map((s) => s.council).sort()).toEqual([...revs.partnerCouncils].sort());
    expect(saving?.savings.reduce((sum, s) => sum + s.realised, 0)).toBe(25000);
  });

  it('keeps "when delivered" as written and matches the delivery status to it', () => {
    for (const b of benefits) {
      if (b.whenDelivered === 'Already achieved') expect(b.deliveryStatus).toBe('Achieved');
      if (b.whenDelivered.startsWith('In progress')) expect(b.deliveryStatus).toBe('In progress');
    }
    expect(benefits.map((b) => b.whenDelivered)).toEqual(expect.arrayContaining(['Already achieved', 'In progress - expected 2022', 'June 2022']));
  });

  it('links evidence on an https intranet path', () => {
    for (const b of benefits) expect(b.evidenceUrl).toMatch(/^https:\/\/intranet\.[a-z.]+\.example\.gov\.uk\//);
  });
});

describe('sample data: risks, measures and highlights', () => {
  it('has 12 to 20 risks scored 1-5, with overdue reviews and scores moving both ways', () => {
    expect(risks.length).toBeGreaterThanOrEqual(12);
    expect(risks.length).toBeLessThanOrEqual(20);
    for (const r of risks) {
      for (const score of [r.inherentLikelihood, r.inherentImpact, r.residualLikelihood, r.residualImpact]) {
        expect(Number.isInteger(score) && score >= 1 && score <= 5).toBe(true);
      }
      expect(r.residualLikelihood * r.residualImpact).toBeLessThanOrEqual(r.inherentLikelihood * r.inherentImpact);
      expect(isIsoDate(r.reviewDate)).toBe(true);
    }
    const open = risks.filter((r) => r.status === 'Open');
    expect(open.some((r) => (r.reviewDate ?? '') < END_OF_YEAR)).toBe(true);
    expect(open.some((r) => (r.reviewDate ?? '') > END_OF_YEAR)).toBe(true);
    const score = (r: (typeof risks)[number]): number => r.residualLikelihood * r.residualImpact;
    expect(risks.some((r) => r.previousResidualScore !== undefined && score(r) > r.previousResidualScore)).toBe(true);
    expect(risks.some((r) => r.previousResidualScore !== undefined && score(r) < r.previousResidualScore)).toBe(true);
    expect(risks.some((r) => r.serviceId === undefined)).toBe(true);
  });

  it('has 2 to 4 measures per service with actuals keyed by period id', () => {
    for (const s of services) {
      const own = measures.filter((m) => m.serviceId === s.id);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.length).toBeLessThanOrEqual(4);
    }
    // Only a service shared during the year's last quarter may still owe its first actual.
    const lastQuarter = periodById('2021-22-Q4');
    for (const m of measures) {
      const sharedSince = services.find((s) => s.id === m.serviceId)?.sharedSince ?? '';
      if (sharedSince < lastQuarter.start) expect(Object.keys(m.actuals).length).toBeGreaterThan(0);
      for (const id of Object.keys(m.actuals)) expect(isPeriodId(id)).toBe(true);
    }
    expect(measures.filter((m) => Object.keys(m.actuals).length === 0)).toHaveLength(1);
  });

  it('has one highlight per service for the December 2021 and March 2022 meetings', () => {
    for (const [month, periodId] of [['2021-12', '2021-22-Q3'], ['2022-03', '2021-22-Q4']]) {
      const atMeeting = highlights.filter((h) => h.meetingDate.startsWith(month));
      expect(atMeeting.map((h) => h.serviceId).sort((a, b) => a - b)).toEqual(services.map((s) => s.id));
      for (const h of atMeeting) expect(h.periodId).toBe(periodId);
    }
    expect(highlights).toHaveLength(services.length * 2);
  });
});
