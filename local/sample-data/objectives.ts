/**
 * Service development objectives and their quarterly updates over 2021/22. The phase 1
 * objectives, aims, statuses and Q4 narratives summarise the February 2022 monitoring
 * report; Q2 and Q3 updates and the objectives of the other services are invented but
 * plausible, with some statuses changing between quarters.
 */
import { nextPeriod, periodById } from '../../src/domain/calendar';
import type { Objective, ObjectiveUpdate } from '../../src/domain/types';
import type { ObjectiveStatus, Rag } from '../../src/domain/vocabularies';
import { p, ul } from './html';
import { person } from './people';
import { PERIOD } from './periods';
import { SERVICE } from './services';


// Update deadlines from the product's reporting calendar, so the sample agrees with it.
const DUE_Q3_2021_22 = periodById(PERIOD.q3).deadline;
const DUE_Q4_2021_22 = periodById(PERIOD.q4).deadline;
const DUE_Q1_2022_23 = nextPeriod(PERIOD.q4).deadline;

interface ObjectiveSpec {
  id: number;
  title: string;
  aim: string;
  serviceId: number;
  status: ObjectiveStatus;
  rag: Rag;
  officerId: number;
  targetDate?: string;
  lastUpdatePeriodId: string;
  nextUpdateDue?: string;
}

function objective(spec: ObjectiveSpec): Objective {
  const { officerId, ...rest } = spec;
  return { ...rest, etag: '', responsibleOfficer: person(officerId) };
}

/** Every objective; ids 1-8 are the February 2022 report's, in its order. */
export const objectives: Objective[] = [
  objective({
    id: 1,
    title: 'Deliver a shared HR operating model',
    aim: p(
      'A modern HR function, built on one operating model, that works effectively for both councils.',
      'Alongside the new HR system, service leads and managers will be upskilled so that more can be done through self-service, leaving HR free to work more strategically.'
    ),
    serviceId: SERVICE.transformation,
    status: 'Ongoing',
    rag: 'Green',
    officerId: 4,
    targetDate: '2023-03-31',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 2,
    title: 'Develop a shared performance management system',
    aim: p(
      'A project to review the systems the councils use to collect and report performance data and to find one solution that is fit for purpose.',
      'The work may overlap with project management and other corporate information systems, such as risk management.'
    ),
    serviceId: SERVICE.transformation,
    status: 'Complete',
    rag: 'Green',
    officerId: 1,
    targetDate: '2021-12-31',
    lastUpdatePeriodId: PERIOD.q4
  }),
  objective({
    id: 3,
    title: 'Deliver and embed a shared internal communications strategy',
    aim: p(
      'A chance to review how we communicate with colleagues and councillors, and which channels we use.',
      'The strategy will consider how new technology and the working practices adopted during Covid-19 can help us communicate better.'
    ),
    serviceId: SERVICE.communications,
    status: 'Ongoing',
    rag: 'Amber',
    officerId: 7,
    targetDate: '2022-09-30',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 4,
    title: 'Create a shared events team',
    aim: p('A new team that delivers events consistently, develops the programme across both councils and frees up resource elsewhere in the organisations.'),
    serviceId: SERVICE.communications,
    status: 'Complete',
    rag: 'Green',
    officerId: 8,
    targetDate: '2021-06-30',
    lastUpdatePeriodId: PERIOD.q4
  }),
  objective({
    id: 5,
    title: 'Undertake a review of digital channels',
    aim: p(
      'A review of how both councils use digital channels, looking at improvements to current practice and at upskilling the team.',
      'The Shared Services Review identified digital channels as an area to improve so that we can engage customers through the most effective channels as working practices change after Covid-19.'
    ),
    serviceId: SERVICE.communications,
    status: 'Ongoing',
    rag: 'Green',
    officerId: 7,
    targetDate: '2022-12-31',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 6,
    title: 'Review museums, tourism and culture service',
    aim: p(
      'A review of the museums, tourism and culture teams across Chorley and South Ribble that creates a permanent arrangement for the South Ribble Museum and Exhibition Centre.',
      'It will also consider how other cultural projects are delivered.'
    ),
    serviceId: SERVICE.communications,
    status: 'Complete',
    rag: 'Green',
    officerId: 8,
    targetDate: '2021-10-31',
    lastUpdatePeriodId: PERIOD.q4
  }),
  objective({
    id: 7,
    title: 'Review of legal services',
    aim: p(
      'A review that brings the shared legal service onto a single operating model so that the wider benefits of sharing can be realised.',
      'Functions will be grouped into specialisms, including a look at Land Charges, so that resources and expertise are weighted to the business needs of both councils.'
    ),
    serviceId: SERVICE.governance,
    status: 'Ongoing',
    rag: 'Amber',
    officerId: 10,
    targetDate: '2023-06-30',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 8,
    title: 'Review of Shared Audit and Risk',
    aim: p('A leaner Shared Audit and Risk function, with transactional work either automated or passed to Corporate Support as the central administrative resource.'),
    serviceId: SERVICE.governance,
    status: 'Complete',
    rag: 'Green',
    officerId: 11,
    targetDate: '2022-01-31',
    lastUpdatePeriodId: PERIOD.q4
  }),
  objective({
    id: 9,
    title: 'Implement the shared ICT service structure',
    aim: p('One ICT team serving both councils, with a single service desk and specialist infrastructure, applications and security roles.'),
    serviceId: SERVICE.ict,
    status: 'In progress',
    rag: 'Green',
    officerId: 12,
    targetDate: '2022-06-30',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 10,
    title: 'Move both councils onto a single Microsoft 365 tenancy',
    aim: p('Shared email, calendars and document storage so that staff in shared teams can collaborate without switching between two networks.'),
    serviceId: SERVICE.ict,
    status: 'In progress',
    rag: 'Amber',
    officerId: 13,
    targetDate: '2022-12-31',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 11,
    title: 'Adopt shared principles for business system procurement',
    aim: p('Decisions on new systems based on objective measures: meeting key specifications, usability and overall contract cost.'),
    serviceId: SERVICE.ict,
    status: 'Complete',
    rag: 'Green',
    officerId: 12,
    targetDate: '2021-12-31',
    lastUpdatePeriodId: PERIOD.q3
  }),
  objective({
    id: 12,
    title: 'Introduce specialist customer contact teams',
    aim: p('Customers reach a specialist in their enquiry straight away, with teams built around the functions that receive the most contact, and staff gain routes of progression as their expertise grows.'),
    serviceId: SERVICE.customerServices,
    status: 'In progress',
    rag: 'Green',
    officerId: 14,
    targetDate: '2022-09-30',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 13,
    title: 'Review customer contact channels and online forms',
    aim: p('Fewer avoidable calls, by making the most common requests easy to complete online at either council.'),
    serviceId: SERVICE.customerServices,
    status: 'Not started',
    rag: 'Amber',
    officerId: 14,
    targetDate: '2023-03-31',
    // No Q4 update yet: this objective shows in the "Overdue updates" view.
    lastUpdatePeriodId: PERIOD.q3,
    nextUpdateDue: DUE_Q4_2021_22
  }),
  objective({
    id: 14,
    title: 'Implement a single financial management system',
    aim: p('One finance system and chart of accounts for both councils, reducing duplicated processing and simplifying shared budget reporting.'),
    serviceId: SERVICE.financialServices,
    status: 'On hold',
    rag: 'Amber',
    officerId: 15,
    targetDate: '2023-04-01',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 15,
    title: 'Align budget monitoring and closedown timetables',
    aim: p('Both councils report budget monitoring and close their accounts to the same timetable, so the shared team can plan its workload across the year.'),
    serviceId: SERVICE.financialServices,
    status: 'Complete',
    rag: 'Green',
    officerId: 15,
    targetDate: '2021-12-31',
    lastUpdatePeriodId: PERIOD.q4
  }),
  objective({
    id: 16,
    title: 'Harmonise working arrangements for staff of the three councils',
    aim: p('Colleagues in the same teams no longer work to different hours, leave and working time rules depending on which council employs them.'),
    serviceId: SERVICE.revenuesBenefits,
    status: 'In progress',
    rag: 'Amber',
    officerId: 16,
    targetDate: '2022-09-30',
    lastUpdatePeriodId: PERIOD.q4,
    nextUpdateDue: DUE_Q1_2022_23
  }),
  objective({
    id: 17,
    title: 'Reduce processing times for new benefit claims',
    aim: p('Faster decisions for residents by letting staff pick up work from any of the three councils to manage peaks and troughs.'),
    serviceId: SERVICE.revenuesBenefits,
    status: 'In progress',
    rag: 'Amber',
    officerId: 17,
    targetDate: '2022-12-31',
    // No Q4 update yet, with the deadline still ahead: due.
    lastUpdatePeriodId: PERIOD.q3,
    nextUpdateDue: DUE_Q4_2021_22
  }),
  objective({
    id: 18,
    title: 'Launch online self-service for council tax accounts',
    aim: p('Customers can view their council tax account and report changes online at any of the three councils without calling customer services.'),
    serviceId: SERVICE.revenuesBenefits,
    status: 'Not started',
    rag: 'Green',
    officerId: 18,
    targetDate: '2023-03-31',
    // No update since Q2: the Q3 deadline has passed, so this officer is late.
    lastUpdatePeriodId: PERIOD.q2,
    nextUpdateDue: DUE_Q3_2021_22
  })
];

type UpdateRow = [objectiveId: number, periodId: string, status: ObjectiveStatus, rag: Rag, authorId: number, updatedOn: string, narrative: string];

const rows: UpdateRow[] = [
  // 1 Shared HR operating model
  [1, PERIOD.q2, 'In progress', 'Green', 4, '2021-08-20T14:05:00Z', p('Evaluation of tenders for a shared HR and payroll system is complete and a preferred supplier has been chosen. A management development programme is being designed with input from service leads.')],
  [1, PERIOD.q3, 'Ongoing', 'Amber', 4, '2021-12-08T10:30:00Z', p('The iTrent contract has been awarded and the implementation plan agreed. Cleansing the two councils\' HR records is taking longer than planned, which puts pressure on the April payroll go-live, so extra resource has been allocated.')],
  [1, PERIOD.q4, 'Ongoing', 'Green', 4, '2022-02-14T09:15:00Z', p('The shared HR system (iTrent) has been procured and data are being cleansed ready for testing; payroll is on track to go live in April 2022, with further modules following the programme plan.', 'A management development programme, launched in January 2022, helps managers apply the shared policies and processes consistently.')],
  // 2 Shared performance management system
  [2, PERIOD.q2, 'In progress', 'Green', 1, '2021-08-24T11:00:00Z', p('The in-house system has been built and is collecting Q2 data for corporate reporting. Training for responsible officers is booked for October and November.')],
  [2, PERIOD.q3, 'Ongoing', 'Green', 1, '2021-12-10T15:45:00Z', p('All responsible officers have been trained and Q3 data are being collected through the system. Some reports are being refined following feedback from the Performance and Project Leads Network.')],
  [2, PERIOD.q4, 'Complete', 'Green', 1, '2022-02-11T10:20:00Z', p('The in-house system is in place, every responsible officer has been trained and it was used for corporate reporting in Q2 and Q3.', 'It will be embedded further this quarter; the team will then focus on helping managers and Directors use performance data and service insight to improve performance.')],
  // 3 Internal communications strategy
  [3, PERIOD.q2, 'In progress', 'Green', 7, '2021-08-17T13:10:00Z', p('Feedback on current internal channels has been gathered from colleagues and councillors, and an outline for the strategy has been agreed with the service lead.')],
  [3, PERIOD.q3, 'Ongoing', 'Red', 7, '2021-11-13T16:00:00Z', p('Drafting of the strategy has stalled because of capacity pressures in the team. Improvements to existing channels continue in the meantime.')],
  [3, PERIOD.q4, 'Ongoing', 'Amber', 6, '2022-02-15T12:40:00Z', p('The review has been delayed by capacity issues in the team, but a recovery plan with additional resource is now in place.', 'Meanwhile we have kept improving internal communications in response to colleagues\' feedback and held a series of thank you events recognising their work during the pandemic.')],
  // 4 Shared events team
  [4, PERIOD.q2, 'In progress', 'Green', 8, '2021-09-09T09:30:00Z', p('The shared events team has been in place since 1 April. Recruitment to the remaining vacant posts is under way, with interviews planned for October.')],
  [4, PERIOD.q3, 'Complete', 'Green', 8, '2021-12-06T14:20:00Z', p('All posts in the shared events team have been filled, including the new events intern. The team is now planning the 2022 programme across both boroughs.')],
  [4, PERIOD.q4, 'Complete', 'Green', 8, '2022-02-10T11:05:00Z', p('The new team has operated since 1 April and recruitment to its vacant posts has been completed.')],
  // 5 Digital channels
  [5, PERIOD.q2, 'Not started', 'Amber', 7, '2021-08-21T10:00:00Z', p('The review is scheduled to follow the internal communications work; in the meantime, usage figures for each council\'s digital channels are being collected.')],
  [5, PERIOD.q3, 'In progress', 'Green', 7, '2021-11-14T09:50:00Z', p('Key publishing processes have been updated and an audit of the councils\' digital channels has begun.') + ul('Use of social media platforms widened', 'Content calendar shared across both councils')],
  [5, PERIOD.q4, 'Ongoing', 'Green', 7, '2022-02-15T15:30:00Z', p('Initial work is done: key processes have been updated, digital channels audited and use of social media expanded.', 'A wider review will follow once the internal communications work is complete.')],
  // 6 Museums, tourism and culture
  [6, PERIOD.q2, 'In progress', 'Amber', 8, '2021-08-13T13:25:00Z', p('Consultation on the proposed shared structure has closed. The timetable has slipped slightly so that the review can reflect discussions about the scale of museum services at each council.')],
  [6, PERIOD.q3, 'Complete', 'Green', 8, '2021-12-07T10:10:00Z', p('The shared museums, tourism and culture team went live in October 2021 and work has started on a conservation plan for South Ribble Museum.')],
  [6, PERIOD.q4, 'Complete', 'Green', 8, '2022-02-09T16:15:00Z', p('The shared team has been in place since October 2021, slightly later than planned so that the review could be aligned with discussions about the scale of museum services at both councils.')],
  // 7 Legal services
  [7, PERIOD.q2, 'In progress', 'Green', 10, '2021-08-22T11:35:00Z', p('Shared Team Leader roles have been filled as part of the wider Governance review. Options for grouping functions into specialisms, including Land Charges, are being drafted.')],
  [7, PERIOD.q3, 'Ongoing', 'Green', 10, '2021-12-09T14:50:00Z', p('Proposals for the wider legal service have been drafted and shared with the Monitoring Officer. Staff consultation is planned for the new year.')],
  [7, PERIOD.q4, 'Ongoing', 'Amber', 9, '2022-02-16T10:45:00Z', p('Shared Team Leaders are in post and proposals for the wider legal service have been prepared.', 'The review will pause for 12 months so that colleagues currently on maternity leave have an equal opportunity to take part.')],
  // 8 Shared Audit and Risk
  [8, PERIOD.q2, 'In progress', 'Green', 11, '2021-08-15T09:05:00Z', p('Staff have been consulted on the proposed structure, and transactional tasks have been identified for automation or transfer to Corporate Support.')],
  [8, PERIOD.q3, 'In progress', 'Green', 11, '2021-12-03T12:00:00Z', p('Appointments to the new structure have been made and administrative tasks are being handed over to Corporate Support.')],
  [8, PERIOD.q4, 'Complete', 'Green', 11, '2022-02-08T15:10:00Z', p('The review is complete and the new structure has been implemented across both councils.')],
  // 9 ICT structure
  [9, PERIOD.q2, 'In progress', 'Green', 12, '2021-08-28T10:40:00Z', p('Consultation on the shared ICT structure has closed and the final structure has been agreed by both councils.')],
  [9, PERIOD.q3, 'In progress', 'Amber', 12, '2021-11-15T13:30:00Z', p('The new structure went live in October. Two specialist posts remain vacant after an unsuccessful first round of recruitment, so agency cover is in place.')],
  [9, PERIOD.q4, 'In progress', 'Green', 12, '2022-02-17T09:20:00Z', p('Both specialist posts have now been filled and the single service desk is taking calls from both councils.')],
  // 10 Microsoft 365 tenancy
  [10, PERIOD.q2, 'Not started', 'Green', 13, '2021-08-29T14:00:00Z', p('Migration planning will begin once the shared ICT structure is in place.')],
  [10, PERIOD.q3, 'In progress', 'Green', 13, '2021-11-16T11:15:00Z', p('A migration partner has been appointed and a discovery exercise of both tenancies is under way.')],
  [10, PERIOD.q4, 'In progress', 'Amber', 13, '2022-02-18T16:30:00Z', p('Discovery found more line-of-business integrations than expected, so the migration plan is being reworked.') + ul('Pilot migration of the shared ICT team moved to May 2022', 'Licensing costs under review with both finance teams')],
  // 11 Procurement principles
  [11, PERIOD.q2, 'In progress', 'Green', 12, '2021-08-28T10:55:00Z', p('Draft principles for system procurement have been shared with service leads for comment.')],
  [11, PERIOD.q3, 'Complete', 'Green', 12, '2021-11-15T13:45:00Z', p('The principles have been agreed and are now applied to every system procurement, starting with door access and time management.')],
  // 12 Specialist customer contact teams
  [12, PERIOD.q2, 'Not started', 'Green', 14, '2021-08-30T09:00:00Z', p('The Customer Services review is due to be implemented in Q4; staff briefings on the proposed specialist model have taken place.')],
  [12, PERIOD.q3, 'In progress', 'Green', 14, '2021-11-17T10:25:00Z', p('Appointments to the specialist teams have been confirmed and training plans agreed for each team.')],
  [12, PERIOD.q4, 'In progress', 'Green', 14, '2022-02-21T14:35:00Z', p('The shared service went live in January with specialist teams for the busiest enquiry types. Telephony routing is being adjusted as call patterns settle.')],
  // 13 Contact channels (no Q4 update: overdue)
  [13, PERIOD.q2, 'Not started', 'Green', 14, '2021-08-30T09:10:00Z', p('This review will start after the specialist teams are in place.')],
  [13, PERIOD.q3, 'Not started', 'Amber', 14, '2021-11-17T10:40:00Z', p('The start has been put back to allow the new teams to bed in; a scope will be drafted in the spring.')],
  // 14 Single financial management system
  [14, PERIOD.q2, 'In progress', 'Green', 15, '2021-08-27T15:20:00Z', p('Requirements for a single finance system have been gathered from both councils.')],
  [14, PERIOD.q3, 'On hold', 'Amber', 15, '2021-11-14T11:50:00Z', p('Procurement is paused until the single Microsoft 365 tenancy is in place, as the preferred systems depend on it.')],
  [14, PERIOD.q4, 'On hold', 'Amber', 15, '2022-02-22T10:05:00Z', p('The work remains on hold pending the ICT migration, which has itself been re-planned. Requirements will be revisited in Q2 2022/23.')],
  // 15 Budget timetables
  [15, PERIOD.q2, 'Ongoing', 'Green', 15, '2021-08-27T15:35:00Z', p('A joint timetable for budget monitoring has been agreed; closedown dates will be aligned for 2021/22.')],
  [15, PERIOD.q3, 'Complete', 'Green', 15, '2021-11-14T12:05:00Z', p('Both councils now report budget monitoring on the same dates and a joint closedown timetable for 2021/22 has been issued.')],
  [15, PERIOD.q4, 'Complete', 'Green', 15, '2022-02-22T10:20:00Z', p('Quarter three budget monitoring was reported to both councils to the same timetable.')],
  // 16 Harmonised working arrangements (three councils)
  [16, PERIOD.q2, 'In progress', 'Green', 16, '2021-08-23T13:00:00Z', p('Differences in hours, leave and working time between the three employers have been mapped.')],
  [16, PERIOD.q3, 'In progress', 'Amber', 16, '2021-12-10T09:40:00Z', p('Proposals for common working arrangements are with the three HR teams. Trade union consultation has taken longer than planned at one council.')],
  [16, PERIOD.q4, 'In progress', 'Amber', 16, '2022-02-23T11:30:00Z', p('Two of the three councils have agreed the proposals; the third expects a decision in April.')],
  // 17 Benefit claim processing times (three councils; no Q4 update yet: due)
  [17, PERIOD.q2, 'In progress', 'Red', 17, '2021-08-23T14:10:00Z', p('Processing times rose over the summer because staff cannot yet work on all three councils\' caseloads.')],
  [17, PERIOD.q3, 'In progress', 'Amber', 17, '2021-12-10T10:00:00Z', p('Access to the shared document system has been extended so that staff can pick up work from any of the three councils; times are starting to fall.')],
  // 18 Online self-service (three councils; no update since Q2: late)
  [18, PERIOD.q1, 'Not started', 'Green', 18, '2021-06-04T14:25:00Z', p('The self-service portal is planned for the next phase of the partnership\'s programme.')],
  [18, PERIOD.q2, 'Not started', 'Green', 18, '2021-08-23T14:25:00Z', p('Supplier demonstrations are being arranged with the three councils\' customer services teams.')]
];

/** Every quarterly update, oldest first within each objective. */
export const objectiveUpdates: ObjectiveUpdate[] = rows.map(([objectiveId, periodId, status, rag, authorId, updatedOn, narrative], i) => ({
  id: i + 1,
  etag: '',
  objectiveId,
  periodId,
  narrative,
  status,
  rag,
  author: person(authorId),
  updatedOn
}));
