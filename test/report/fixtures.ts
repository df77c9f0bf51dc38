/**
 * A small, hand-checkable data set for report tests: two services, one shared by three
 * councils, with objectives updated over three quarters of 2021/22.
 */
import type { ReportData } from '../../src/domain/report';
import type { Benefit, Objective, ObjectiveUpdate, Risk } from '../../src/domain/types';

export const A = 'Aldwick Council';
export const B = 'Bramford Council';
export const C = 'Castleton Council';

const objective = (id: number, serviceId: number, title: string, status: Objective['status'], rag: Objective['rag']): Objective => ({
  id,
  etag: '',
  title,
  aim: `<p>Aim of ${title}.</p>`,
  serviceId,
  status,
  rag,
  responsibleOfficer: { id: 1, displayName: 'Priya Shah', email: 'priya.shah@example.gov.uk' }
});

const update = (id: number, objectiveId: number, periodId: string, status: ObjectiveUpdate['status'], rag: ObjectiveUpdate['rag'], updatedOn: string): ObjectiveUpdate => ({
  id,
  etag: '',
  objectiveId,
  periodId,
  narrative: `<p>Update ${id} for ${periodId}.</p>`,
  status,
  rag,
  updatedOn
});

const benefit = (id: number, serviceId: number, category: Benefit['category'], deliveryStatus: Benefit['deliveryStatus'], savings: Benefit['savings'], modified?: string): Benefit => ({
  id,
  etag: '',
  title: `Benefit ${id}`,
  serviceId,
  category,
  originalPosition: '<p>Before.</p>',
  achievement: '<p>After.</p>',
  whenDelivered: deliveryStatus === 'Achieved' ? 'Already achieved' : 'June 2022',
  deliveryStatus,
  realised: '<p>Realised.</p>',
  savings,
  modified
});

const risk = (id: number, serviceId: number | undefined, residual: [number, number], status: Risk['status'] = 'Open', previous?: number): Risk => ({
  id,
  etag: '',
  title: `Risk ${id}`,
  serviceId,
  causeEffect: '<p>Cause.</p>',
  inherentLikelihood: 5,
  inherentImpact: 4,
  residualLikelihood: residual[0],
  residualImpact: residual[1],
  controls: '<p>Controls.</p>',
  previousResidualScore: previous,
  status
});

/** Fresh fixture data (tests may change their copy). */
export function fixture(): ReportData {
  return {
    services: [
      { id: 1, etag: '', name: 'Revenues and Benefits', phase: 'Established', partnerCouncils: [A, B, C] },
      { id: 2, etag: '', name: 'Legal Services', phase: 'Phase 1', partnerCouncils: [A, B] }
    ],
    objectives: [
      // Today: complete. In Q3 it was in progress, in Q4 complete.
      objective(10, 1, 'Single benefits system', 'Complete', 'Green'),
      // Updated in Q2 only: keeps its Q2 state in later quarters.
      objective(11, 1, 'Shared debt recovery policy', 'In progress', 'Amber'),
      // First reported in Q4.
      objective(12, 1, 'Online claims', 'In progress', 'Green'),
      // RAG changes Q3 -> Q4, status stays.
      objective(20, 2, 'Case management system', 'Ongoing', 'Red')
    ],
    updates: [
      update(100, 10, '2021-22-Q2', 'Not started', 'Green', '2021-09-05T10:00:00Z'),
      update(101, 10, '2021-22-Q3', 'In progress', 'Green', '2021-12-06T10:00:00Z'),
      update(102, 10, '2021-22-Q4', 'Complete', 'Green', '2022-03-07T10:00:00Z'),
      update(110, 11, '2021-22-Q2', 'In progress', 'Amber', '2021-09-08T10:00:00Z'),
      update(120, 12, '2021-22-Q4', 'In progress', 'Green', '2022-03-02T10:00:00Z'),
      update(200, 20, '2021-22-Q3', 'Ongoing', 'Amber', '2021-12-01T10:00:00Z'),
      // Two updates in Q4: the later one wins.
      update(201, 20, '2021-22-Q4', 'Ongoing', 'Amber', '2022-03-01T09:00:00Z'),
      update(202, 20, '2021-22-Q4', 'Ongoing', 'Red', '2022-03-03T09:00:00+01:00')
    ],
    benefits: [
      benefit(30, 1, 'Financial savings', 'Achieved', [
        { council: A, planned: 10000, realised: 10000 },
        { council: B, planned: 10000, realised: 8000 },
        { council: C, planned: 5000, realised: 5000 }
      ], '2022-02-14T12:00:00Z'),
      benefit(31, 1, 'Financial savings', 'In progress', [
        { council: A, planned: 3000, realised: 1000 },
        { council: C, planned: 2000, realised: 0 }
      ], '2021-11-01T12:00:00Z'),
      benefit(32, 1, 'Resilience and capacity', 'Achieved', [], '2021-06-01T12:00:00Z'),
      benefit(40, 2, 'Financial savings', 'Achieved', [
        { council: A, planned: 7000, realised: 7000 },
        { council: B, planned: 7000, realised: 6500 }
      ], '2022-01-20T12:00:00Z'),
      benefit(41, 2, 'Staff development', 'Planned', [], '2022-01-20T12:00:00Z')
    ],
    risks: [
      risk(50, 1, [2, 3], 'Open', 9),
      risk(51, 1, [4, 4], 'Open', 12),
      risk(52, 1, [5, 5], 'Closed'),
      risk(53, 2, [3, 4], 'Open', 12),
      risk(54, undefined, [4, 5], 'Open')
    ],
    measures: [
      { id: 60, etag: '', title: 'Days to process new claims', serviceId: 1, unit: 'days', target: 20, direction: 'Lower is better', actuals: { '2021-22-Q3': 23, '2021-22-Q4': 18 } },
      { id: 61, etag: '', title: 'Council tax collected', serviceId: 1, unit: '%', target: 97.5, direction: 'Higher is better', actuals: { '2021-22-Q3': 84.1, '2021-22-Q4': 97.2 } },
      { id: 62, etag: '', title: 'Files closed on time', serviceId: 2, unit: '%', target: 90, direction: 'Higher is better', actuals: {} }
    ],
    highlights: [
      { id: 70, etag: '', serviceId: 1, meetingDate: '2022-03-22', periodId: '2021-22-Q4', keyPoints: '<ul><li>System live</li></ul>', activityOverview: '<p>Busy quarter.</p>' },
      { id: 71, etag: '', serviceId: 1, meetingDate: '2021-12-15', periodId: '2021-22-Q3', keyPoints: '<ul><li>Procured</li></ul>', activityOverview: '<p>Earlier.</p>' }
    ]
  };
}
