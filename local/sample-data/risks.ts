/**
 * The shared services risk register at the end of 2021/22. Risks draw on the issues the
 * reports raise (staff retention, ICT and HR alignment, exit strategies, unequal benefit,
 * the legal review's pause). Some review dates fall before 31 March 2022 so that the
 * "Overdue reviews" view has rows; previous residual scores show risks moving both ways.
 */
import type { Risk } from '../../src/domain/types';
import { p, ul } from './html';
import { person } from './people';
import { SERVICE } from './services';

interface RiskSpec extends Omit<Risk, 'id' | 'etag' | 'owner'> {
  ownerId: number;
}

const specs: RiskSpec[] = [
  {
    title: 'Loss of key staff during and after restructures',
    causeEffect: p('Uncertainty during service reviews may lead experienced officers to leave, taking knowledge with them and delaying the objectives that depend on them.'),
    ownerId: 2,
    inherentLikelihood: 4,
    inherentImpact: 4,
    residualLikelihood: 3,
    residualImpact: 3,
    controls: ul('Early staff engagement and regular feedback sessions', 'Staff satisfaction survey every other quarter', 'Career progression and graduate roles'),
    reviewDate: '2022-03-18',
    previousResidualScore: 12,
    status: 'Open'
  },
  {
    title: 'Delays to ICT system migration',
    serviceId: SERVICE.ict,
    causeEffect: p('Integrations between the two networks are more complex than expected, so shared teams keep working across two systems for longer and dependent projects slip.'),
    ownerId: 13,
    inherentLikelihood: 4,
    inherentImpact: 4,
    residualLikelihood: 4,
    residualImpact: 3,
    controls: ul('Migration partner appointed', 'Discovery of both tenancies before migration', 'Monthly progress report to the shared ICT board'),
    reviewDate: '2022-04-29',
    previousResidualScore: 9,
    status: 'Open'
  },
  {
    title: 'Perceived loss of sovereignty for a partner council',
    causeEffect: p('Members or residents may feel that decisions about local services are no longer made locally, weakening support for sharing.'),
    ownerId: 9,
    inherentLikelihood: 3,
    inherentImpact: 4,
    residualLikelihood: 2,
    residualImpact: 3,
    controls: ul('Shared Services Joint Committee with equal representation', 'Local branding kept where services face the public'),
    reviewDate: '2022-06-30',
    previousResidualScore: 6,
    status: 'Open'
  },
  {
    title: 'Benefits of sharing fall unequally between the partners',
    causeEffect: p('If one council gains more capacity or savings than the other, the cost-sharing agreement may be challenged and trust between the partners eroded.'),
    ownerId: 15,
    inherentLikelihood: 3,
    inherentImpact: 4,
    residualLikelihood: 3,
    residualImpact: 3,
    controls: ul('Benefits tracker reported to each committee', 'Annual review of the budget split'),
    reviewDate: '2022-02-28',
    previousResidualScore: 6,
    status: 'Open'
  },
  {
    title: 'No agreed exit strategy for shared services',
    causeEffect: p('Without agreed terms for a partner leaving or a service being unwound, an exit would be costly, slow and disruptive to staff and customers.'),
    ownerId: 9,
    inherentLikelihood: 2,
    inherentImpact: 5,
    residualLikelihood: 2,
    residualImpact: 4,
    controls: p('Exit provisions being drafted for the shared services agreement.'),
    reviewDate: '2022-01-31',
    previousResidualScore: 10,
    status: 'Open'
  },
  {
    title: 'Legal services review delayed by maternity leave',
    serviceId: SERVICE.governance,
    causeEffect: p('The review is paused for 12 months so that staff on maternity leave can take part fairly, delaying the single operating model and its benefits.'),
    ownerId: 10,
    inherentLikelihood: 5,
    inherentImpact: 3,
    residualLikelihood: 4,
    residualImpact: 2,
    controls: ul('Shared Team Leaders in post to manage demand meanwhile', 'Review timetable agreed with HR and staff'),
    reviewDate: '2022-05-31',
    previousResidualScore: 4,
    status: 'Open'
  },
  {
    title: 'Different terms and conditions within shared teams',
    serviceId: SERVICE.transformation,
    causeEffect: p('Colleagues doing the same job on different pay, leave and working time arrangements may feel treated unfairly, harming morale and retention.'),
    ownerId: 4,
    inherentLikelihood: 4,
    inherentImpact: 3,
    residualLikelihood: 3,
    residualImpact: 3,
    controls: ul('Shared HR policy framework', 'Harmonisation proposals with trade unions'),
    reviewDate: '2022-03-25',
    previousResidualScore: 12,
    status: 'Open'
  },
  {
    title: 'Shared payroll go-live slips or produces errors',
    serviceId: SERVICE.transformation,
    causeEffect: p('Problems cleansing data from two HR systems could delay the April 2022 go-live or lead to incorrect payments to staff.'),
    ownerId: 4,
    inherentLikelihood: 3,
    inherentImpact: 5,
    residualLikelihood: 2,
    residualImpact: 4,
    controls: ul('Parallel payroll runs before go-live', 'Additional resource for data cleansing', 'Existing contracts extended as a fallback'),
    reviewDate: '2022-04-08',
    previousResidualScore: 12,
    status: 'Open'
  },
  {
    title: 'Insufficient capacity to deliver communications objectives',
    serviceId: SERVICE.communications,
    causeEffect: p('Capacity pressures in the team have already delayed the internal communications strategy and could delay the digital channels review that follows it.'),
    ownerId: 6,
    inherentLikelihood: 4,
    inherentImpact: 3,
    residualLikelihood: 3,
    residualImpact: 3,
    controls: p('Recovery plan with additional resource agreed in January 2022.'),
    reviewDate: '2022-03-11',
    previousResidualScore: 12,
    status: 'Open'
  },
  {
    title: 'Data sharing and cyber security across two networks',
    serviceId: SERVICE.ict,
    causeEffect: p('Connecting the councils\' networks increases the attack surface, and a weakness at one council could expose data held by the other.'),
    ownerId: 13,
    inherentLikelihood: 3,
    inherentImpact: 5,
    residualLikelihood: 2,
    residualImpact: 5,
    controls: ul('Data sharing agreement between the councils', 'Joint penetration testing', 'Multi-factor authentication for all shared accounts'),
    reviewDate: '2022-05-13',
    previousResidualScore: 10,
    status: 'Open'
  },
  {
    title: 'Customer Services live before staff are fully trained',
    serviceId: SERVICE.customerServices,
    causeEffect: p('As other partnerships have found, going live before systems and training are embedded lengthens waiting times and leads to more complaints.'),
    ownerId: 14,
    inherentLikelihood: 4,
    inherentImpact: 3,
    residualLikelihood: 2,
    residualImpact: 3,
    controls: ul('Training plan for each specialist team', 'Daily call monitoring during the first quarter'),
    reviewDate: '2022-04-22',
    previousResidualScore: 9,
    status: 'Open'
  },
  {
    title: 'Disagreement over apportionment of shared costs',
    serviceId: SERVICE.financialServices,
    causeEffect: p('If the basis for splitting shared budgets is not accepted by both councils, budget setting could be delayed and savings disputed.'),
    ownerId: 15,
    inherentLikelihood: 3,
    inherentImpact: 3,
    residualLikelihood: 2,
    residualImpact: 2,
    controls: p('Cost split agreed in the business case and reviewed annually by both Section 151 officers.'),
    reviewDate: '2022-09-30',
    previousResidualScore: 4,
    status: 'Open'
  },
  {
    title: 'Partner councils at different stages of implementation',
    serviceId: SERVICE.revenuesBenefits,
    causeEffect: p('Because the three councils joined at different times, not all staff can yet work across all three districts, limiting the resilience the partnership was meant to provide.'),
    ownerId: 16,
    inherentLikelihood: 4,
    inherentImpact: 3,
    residualLikelihood: 2,
    residualImpact: 3,
    controls: ul('Common document management system', 'Cross-council training programme'),
    reviewDate: '2022-03-04',
    previousResidualScore: 9,
    status: 'Open'
  },
  {
    title: 'Delays in processing benefit claims',
    serviceId: SERVICE.revenuesBenefits,
    causeEffect: p('Backlogs in one council\'s caseload delay payments to residents and increase calls to customer services.'),
    ownerId: 17,
    inherentLikelihood: 4,
    inherentImpact: 4,
    residualLikelihood: 2,
    residualImpact: 4,
    controls: ul('Work pooled across the partnership', 'Weekly performance reports to the partnership board'),
    reviewDate: '2022-06-17',
    previousResidualScore: 12,
    status: 'Open'
  },
  {
    title: 'Change fatigue among staff',
    causeEffect: p('Successive reviews and new systems in a short time may reduce engagement and productivity.'),
    ownerId: 5,
    inherentLikelihood: 3,
    inherentImpact: 3,
    residualLikelihood: 3,
    residualImpact: 2,
    controls: ul('Staff Listening Days', 'Employee engagement forum', 'Phased timetable for reviews'),
    reviewDate: '2022-04-14',
    previousResidualScore: 4,
    status: 'Open'
  },
  {
    title: 'Covid-19 restrictions cancel the events programme',
    serviceId: SERVICE.communications,
    causeEffect: p('Restrictions on gatherings could force cancellation of events and waste planning effort.'),
    ownerId: 8,
    inherentLikelihood: 4,
    inherentImpact: 3,
    residualLikelihood: 1,
    residualImpact: 2,
    controls: p('Restrictions lifted; events planned with contingency arrangements. Closed at the March 2022 review.'),
    reviewDate: '2022-03-01',
    previousResidualScore: 6,
    status: 'Closed'
  },
  {
    title: 'Loss of audit capacity during the Audit and Risk review',
    serviceId: SERVICE.governance,
    causeEffect: p('Vacancies during the restructure could prevent completion of the audit plans at both councils.'),
    ownerId: 11,
    inherentLikelihood: 3,
    inherentImpact: 4,
    residualLikelihood: 1,
    residualImpact: 3,
    controls: p('New structure implemented and posts filled. Closed once the review was complete.'),
    reviewDate: '2022-02-25',
    previousResidualScore: 6,
    status: 'Closed'
  }
];

/** Every risk; those without a serviceId are programme-wide. */
export const risks: Risk[] = specs.map(({ ownerId, ...rest }, i) => ({ ...rest, id: i + 1, etag: '', owner: person(ownerId) }));
