/**
 * General update reports: one highlight per service for the December 2021 and March 2022
 * meetings of the Shared Services Joint Committee. Key points follow the February 2022 report
 * where it covers the service; the rest are invented but consistent with the other sample lists.
 */
import type { Highlight } from '../../src/domain/types';
import { p, ul } from './html';
import { PERIOD } from './periods';
import { SERVICE } from './services';

/** Dates of the two committee meetings in the sample. */
export const MEETING = { december2021: '2021-12-15', march2022: '2022-03-22' } as const;

type Row = [serviceId: number, meetingDate: string, keyPoints: string, activityOverview: string];

const DEC = MEETING.december2021;
const MAR = MEETING.march2022;

const rows: Row[] = [
  [SERVICE.transformation, DEC,
    ul('iTrent contract awarded for the shared HR and payroll system', 'All responsible officers trained on the in-house performance system', 'Management development programme ready to launch in January'),
    p('The service has concentrated on the HR system implementation and on embedding the shared performance framework. Data cleansing for iTrent is behind plan and extra resource has been added.')],
  [SERVICE.transformation, MAR,
    ul('Payroll on track to go live on iTrent in April 2022', 'Shared performance management system objective complete', 'Management development programme launched in January 2022'),
    p('The service has moved from building shared systems to embedding them. The performance team will now focus on helping managers and Directors use performance data to improve services.')],
  [SERVICE.communications, DEC,
    ul('Shared museums, tourism and culture team live since October 2021', 'All events team posts filled, including the events intern', 'Internal communications strategy delayed by capacity pressures'),
    p('A busy quarter of events across both boroughs and the launch of the shared museums team. Work on the internal communications strategy has slipped and a recovery plan is being prepared.')],
  [SERVICE.communications, MAR,
    ul('Recovery plan with additional resource in place for the internal communications strategy', 'Thank you events held for colleagues\' work during the pandemic', '2022 events programme for South Ribble in development'),
    p('The team has audited the councils\' digital channels and widened use of social media while the internal communications work gets back on track. The conservation plan for South Ribble Museum and the Worden Hall operating plan are due in May.')],
  [SERVICE.governance, DEC,
    ul('Appointments made to the new Audit and Risk structure', 'Proposals for the wider legal service drafted', 'Shared democratic services team leader in post'),
    p('The Governance reviews are nearing completion. Administrative tasks from Audit and Risk are moving to Corporate Support.')],
  [SERVICE.governance, MAR,
    ul('Review of Shared Audit and Risk complete', 'Legal services review paused for 12 months to give staff on maternity leave an equal opportunity', 'Health and Safety trainee post to be recruited in 2022'),
    p('The Audit and Risk structure is fully implemented. Shared Team Leaders will manage the legal service during the pause in its review.')],
  [SERVICE.ict, DEC,
    ul('Shared ICT structure live from October 2021', 'Two specialist posts covered by agency staff', 'Principles for system procurement agreed'),
    p('The first quarter of the shared ICT service. Migration planning for a single Microsoft 365 tenancy has begun with an external partner.')],
  [SERVICE.ict, MAR,
    ul('Single service desk taking calls from both councils', 'Specialist posts filled', 'Microsoft 365 migration plan being reworked after discovery'),
    p('The service desk is settling in well. Discovery found more integrations than expected, so the pilot migration has moved to May 2022.')],
  [SERVICE.customerServices, DEC,
    ul('Appointments to specialist teams confirmed', 'Training plans agreed for each team', 'Go-live planned for January 2022'),
    p('Preparation for the shared Customer Services go-live, with training scheduled before launch so that customers are not affected.')],
  [SERVICE.customerServices, MAR,
    ul('Shared service live since January 2022', 'Call answering below target while routing is adjusted', 'First contact resolution above target'),
    p('The specialist teams are resolving more enquiries first time, although waiting times are longer than target in the first weeks. The review of contact channels will be scoped in the spring.')],
  [SERVICE.financialServices, DEC,
    ul('Joint budget monitoring and closedown timetable issued', 'Single finance system procurement paused until the ICT migration'),
    p('Both councils now report budget monitoring to the same dates. The finance system work will resume once the Microsoft 365 tenancy is in place.')],
  [SERVICE.financialServices, MAR,
    ul('Quarter three budget monitoring reported to both councils together', 'Budgets for 2022/23 set on the agreed cost split'),
    p('A steady quarter focused on budget setting for 2022/23 and preparation for closedown.')],
  [SERVICE.revenuesBenefits, DEC,
    ul('Staff can now pick up work from all three councils', 'Processing times for new claims falling', 'Harmonised working arrangements under consultation'),
    p('The partnership has extended shared document access across the three councils, improving resilience. Consultation on common working arrangements has taken longer at one council.')],
  [SERVICE.revenuesBenefits, MAR,
    ul('New claims processed within target at all three councils', 'Two of three councils have agreed harmonised working arrangements', 'Council tax collection close to target'),
    p('Pooling work across the partnership has brought processing times within target. Supplier demonstrations for online self-service are being arranged.')]
];

/** Every highlight; the December meeting reports Q3 and the March meeting Q4. */
export const highlights: Highlight[] = rows.map(([serviceId, meetingDate, keyPoints, activityOverview], i) => ({
  id: i + 1,
  etag: '',
  serviceId,
  meetingDate,
  periodId: meetingDate === DEC ? PERIOD.q3 : PERIOD.q4,
  keyPoints,
  activityOverview
}));
