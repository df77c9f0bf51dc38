/**
 * Areas of success and achievements for the annual review, taken from what the February 2022
 * monitoring report records as already achieved (benefits realised) and from the outcomes the
 * best-practice appendix describes. Dated within 2021/22.
 */
import type { Success } from '../../src/domain/types';
import type { SuccessCategory } from '../../src/domain/vocabularies';
import { p } from './html';
import { CHORLEY, SERVICE, SOUTH_RIBBLE } from './services';

interface SuccessSpec {
  title: string;
  serviceId: number;
  category: SuccessCategory;
  achievement: string;
  councils: string[];
  achievedOn: string;
}

const specs: SuccessSpec[] = [
  {
    title: 'Shared performance management framework completed',
    serviceId: SERVICE.transformation,
    category: 'Service improvement',
    achievement: p(
      'An improved performance management framework and data quality policy, supported by training for staff, completed the action of South Ribble\'s Annual Governance Statement action plan.',
      'The in-house system replaces InPhase, which cost South Ribble £40,000, so there are no system costs in future.'
    ),
    councils: [SOUTH_RIBBLE],
    achievedOn: '2021-09-30'
  },
  {
    title: 'Streamlined corporate support team',
    serviceId: SERVICE.transformation,
    category: 'Savings',
    achievement: p('One shared corporate support team of 8.57 FTE supports the shared senior management team, with improved resilience to manage absences and savings of £17k per council.'),
    councils: [],
    achievedOn: '2021-06-30'
  },
  {
    title: 'Communications capacity proven through the Covid-19 response',
    serviceId: SERVICE.communications,
    category: 'Resilience and capacity',
    achievement: p(
      'The larger shared communications team met the additional challenges and workload of updating colleagues, councillors and customers during the Covid-19 response, and reduced out of hours work for each officer.'
    ),
    councils: [],
    achievedOn: '2021-12-31'
  },
  {
    title: 'Campaigns planner introduced',
    serviceId: SERVICE.communications,
    category: 'Service improvement',
    achievement: p('A campaigns planner means as much activity as possible is planned on an 80/20 basis, as the reviewed communications strategy set out.'),
    councils: [],
    achievedOn: '2021-11-15'
  },
  {
    title: 'Apprentice appointed to a permanent role',
    serviceId: SERVICE.communications,
    category: 'Staff development',
    achievement: p('One of the apprentices took up a permanent position in the Communications team at the end of their apprenticeship in September 2021.'),
    councils: [],
    achievedOn: '2021-09-30'
  },
  {
    title: 'Direct line reports to service leads reduced',
    serviceId: SERVICE.governance,
    category: 'Staff development',
    achievement: p('Consistent service lead, manager and team leader levels reduced the direct line reports to the Governance service lead from 5 to 3.'),
    councils: [],
    achievedOn: '2021-07-31'
  },
  {
    title: 'Events, graphic design and museums teams working for South Ribble',
    serviceId: SERVICE.communications,
    category: 'Partnership working',
    achievement: p('Dedicated teams from Chorley bring specialist knowledge, extra capacity and consistent branding to South Ribble; the museums team grew from 7.2 to 11.4 FTE across both councils.'),
    councils: [SOUTH_RIBBLE],
    achievedOn: '2022-01-31'
  },
  {
    title: 'Specialist customer services teams at Chorley',
    serviceId: SERVICE.customerServices,
    category: 'Service improvement',
    achievement: p('Specialist teams for Customer Services, Revenues and Benefits, as South Ribble had, give Chorley customers direct access to a specialist and staff routes of progression.'),
    councils: [CHORLEY],
    achievedOn: '2022-02-28'
  }
];

/** The successes register; ids 1..n. */
export const successes: Success[] = specs.map((spec, i) => ({ id: i + 1, etag: '', ...spec }));
