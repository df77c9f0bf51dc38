/**
 * The committee cycle's own lists: the forward plan (framework report, paras 13-15: general
 * updates at every meeting, quarterly reports in June, September and December 2022, the annual
 * review in March 2023), the measures' quarterly actuals with officers' comments, staff
 * satisfaction surveys every other quarter, and the shared budgets split between the councils.
 * Figures follow the February 2022 report where it gives them (the £902k Transformation and
 * Partnerships staffing budget, £85k savings; corporate support at £156,645 to each council,
 * saving £17k each) and are plausible elsewhere.
 */
import type { BudgetLine, CommitteeMeeting, MeasureActual, StaffSurvey } from '../../src/domain/types';
import { MEETING } from './highlights';
import { p } from './html';
import { measures } from './measures';
import { person } from './people';
import { PERIOD } from './periods';
import { CHORLEY, REVS_BENS_PARTNERS, SERVICE, SOUTH_RIBBLE, services } from './services';

const meeting = (id: number, title: string, meetingDate: string, reports: CommitteeMeeting['reports']): CommitteeMeeting => ({ id, etag: '', title, meetingDate, reports });

/** The joint committee's meetings, December 2021 to March 2023. */
export const committeeMeetings: CommitteeMeeting[] = [
  meeting(1, 'Shared Services Joint Committee, December 2021', MEETING.december2021, ['highlight']),
  meeting(2, 'Shared Services Joint Committee, March 2022', MEETING.march2022, ['highlight']),
  meeting(3, 'Shared Services Joint Committee, June 2022', '2022-06-21', ['highlight', 'quarterly']),
  meeting(4, 'Shared Services Joint Committee, September 2022', '2022-09-20', ['highlight', 'quarterly']),
  meeting(5, 'Shared Services Joint Committee, December 2022', '2022-12-13', ['highlight', 'quarterly']),
  meeting(6, 'Shared Services Joint Committee, March 2023', '2023-03-14', ['highlight', 'annual'])
];

/** Comments officers gave with some actuals, by measure title and period. */
const COMMENTS: Record<string, string> = {
  [`Calls answered within 60 seconds|${PERIOD.q4}`]: p('Call routing is being adjusted after go-live; two agents joined in March.'),
  [`Average call waiting time|${PERIOD.q4}`]: p('Longer waits in the first weeks of the shared service while the specialist teams settled in.'),
  [`Availability of core systems|${PERIOD.q4}`]: p('One unplanned outage of the finance system in February (four hours).'),
  [`Corporate strategy projects rated green|${PERIOD.q3}`]: p('Two projects slipped while the HR and payroll system took priority.'),
  [`Average days to process new benefit claims|${PERIOD.q2}`]: p('Backlog after the summer; overtime agreed across the three councils.')
};

/** Every quarterly actual of the measures, entered by the lead of the measure's service. */
export const measureActuals: MeasureActual[] = measures.flatMap((m) =>
  Object.keys(m.actuals).map((periodId) => ({ measure: m, periodId }))
).map(({ measure, periodId }, i) => ({
  id: i + 1,
  etag: '',
  measureId: measure.id,
  periodId,
  value: measure.actuals[periodId],
  comment: COMMENTS[`${measure.title}|${periodId}`] ?? '',
  enteredBy: services.find((s) => s.id === measure.serviceId)?.serviceLead ?? person(1)
}));

type SurveyRow = [serviceId: number, periodId: string, surveyed: number, responses: number, satisfied: number, themes: string];

const surveys: SurveyRow[] = [
  [SERVICE.transformation, PERIOD.q2, 34, 25, 72, p('Positive about the shared performance framework; workload during the HR system implementation.')],
  [SERVICE.transformation, PERIOD.q4, 34, 27, 78, p('Better communication from the shared management team; wish for more hybrid working guidance.')],
  [SERVICE.communications, PERIOD.q2, 41, 28, 69, p('Events team proud of the summer programme; capacity pressures in internal communications.')],
  [SERVICE.communications, PERIOD.q4, 41, 30, 74, p('Recovery plan welcomed; museums team settling in well.')],
  [SERVICE.governance, PERIOD.q2, 52, 33, 66, p('Uncertainty while the legal services review was pending.')],
  [SERVICE.governance, PERIOD.q4, 52, 38, 71, p('Clarity after the Audit and Risk structure was completed; the pause in the legal review was understood.')],
  [SERVICE.ict, PERIOD.q4, 28, 19, 63, p('First survey since the shared service went live: service desk workload, two posts covered by agency staff.')],
  [SERVICE.revenuesBenefits, PERIOD.q3, 60, 44, 75, p('Staff across the three councils value the specialist teams; travel between offices raised.')]
];

/** Staff satisfaction surveys of the services, every other quarter. */
export const staffSurveys: StaffSurvey[] = surveys.map(([serviceId, periodId, surveyed, responses, satisfiedPercent, themes], i) => ({
  id: i + 1,
  etag: '',
  serviceId,
  periodId,
  surveyed,
  responses,
  satisfiedPercent,
  themes
}));

const halves = (total: number): BudgetLine['split'] => [
  { council: CHORLEY, amount: total / 2 },
  { council: SOUTH_RIBBLE, amount: total / 2 }
];

/** The shared budgets of 2021/22 and 2022/23, split between the partner councils, with savings approved. */
export const budgetLines: BudgetLine[] = [
  { serviceId: SERVICE.transformation, financialYear: 2021, sharedBudget: 902000, split: halves(902000), savingsApproved: 85000 },
  { serviceId: SERVICE.transformation, financialYear: 2022, sharedBudget: 817000, split: halves(817000), savingsApproved: 119000 },
  { serviceId: SERVICE.governance, financialYear: 2021, sharedBudget: 1250000, split: halves(1250000), savingsApproved: 45000 },
  { serviceId: SERVICE.communications, financialYear: 2021, sharedBudget: 1130000, split: [{ council: CHORLEY, amount: 640000 }, { council: SOUTH_RIBBLE, amount: 490000 }], savingsApproved: 30000 },
  { serviceId: SERVICE.ict, financialYear: 2022, sharedBudget: 2400000, split: halves(2400000), savingsApproved: 60000 },
  {
    serviceId: SERVICE.revenuesBenefits,
    financialYear: 2021,
    sharedBudget: 1800000,
    split: REVS_BENS_PARTNERS.map((council) => ({ council, amount: 600000 })),
    savingsApproved: 25000
  }
].map((line, i) => ({ id: i + 1, etag: '', ...line }));
