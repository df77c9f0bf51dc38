/**
 * Reminders for the cycle's new lists: a measure with its actual entered in the measure actuals
 * list is not due, a measure's own officer is reminded before the service lead, and a service's
 * lead is reminded when its staff survey result is due (every other quarter).
 */
import { periodById } from '../../src/domain/calendar';
import { planReminders } from '../../src/domain/reminders';
import type { Measure, Person, Service } from '../../src/domain/types';
import { renderReminderEmail } from '../../src/reminders/email';

const Q4 = periodById('2021-22-Q4');
const person = (id: number, displayName: string, email: string): Person => ({ id, displayName, email });
const lead = person(3, 'Lena Lead', 'lena@example.gov.uk');
const officer = person(4, 'Omar Officer', 'omar@example.gov.uk');
const SERVICES: Service[] = [
  { id: 1, etag: '', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['A', 'B'], serviceLead: lead },
  { id: 2, etag: '', name: 'Governance', phase: 'Phase 1', partnerCouncils: ['A', 'B'], serviceLead: lead }
];
const measure = (id: number, extra: Partial<Measure> = {}): Measure => ({ id, etag: '', title: `Measure ${id}`, serviceId: 1, unit: '%', target: 80, direction: 'Higher is better', actuals: {}, ...extra });
const base = { period: Q4, today: '2022-02-24', services: SERVICES, objectives: [], updates: [], risks: [] };

describe('reminders of the cycle', () => {
  it('counts entered actuals and reminds a measure’s own officer', () => {
    const plan = planReminders({
      ...base,
      measures: [measure(1), measure(2, { responsibleOfficer: officer }), measure(3)],
      measureActuals: [{ measureId: 3, periodId: '2021-Q4', value: 82 }]
    });
    expect(plan.officers.map((o) => [o.email, o.measures.map((m) => m.id)])).toEqual([
      ['lena@example.gov.uk', [1]],
      ['omar@example.gov.uk', [2]]
    ]);
  });

  it('reminds the lead of each service whose survey result is due, and says so in the mail', () => {
    const plan = planReminders({ ...base, measures: [], staffSurveys: [{ serviceId: 1, periodId: '2021-22-Q3' }, { serviceId: 2, periodId: '2021-22-Q2' }] });
    // ICT was surveyed last quarter (next due in Q1 2022/23); Governance two quarters ago (due now).
    expect(plan.officers).toHaveLength(1);
    expect(plan.officers[0].surveys).toEqual([{ serviceId: 2, title: 'Governance' }]);
    const { html } = renderReminderEmail(plan.officers[0], plan, { siteUrl: 'https://contoso.sharepoint.com/sites/ssm' });
    expect(html).toContain('Staff satisfaction survey results due (1)');
    expect(html).toContain('<li>Governance</li>');
    expect(html).toContain('1 item needs');
  });

  it('leaves surveys alone when the survey list is not read', () => {
    expect(planReminders({ ...base, measures: [] }).officers).toEqual([]);
  });
});
