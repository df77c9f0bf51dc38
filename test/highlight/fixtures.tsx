/**
 * Data for the highlight report tests: two services over Q3 and Q4 2021/22, with a status change,
 * a benefit achieved in Q4, risks of different residual scores and measures on and off target.
 * Today is fixed at 20 March 2022, so the current period is Q4 2021/22.
 */
import * as React from 'react';
import { render, RenderResult } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { TeamsThemeName } from '../../src/components/themes';
import type { Benefit, Highlight, Measure, Objective, ObjectiveUpdate, Person, Risk, Service } from '../../src/domain/types';
import { HighlightReport } from '../../src/webparts/highlightReport/components/HighlightReport';
import { FakeRepositories, FakeSeed, fakeRepositories } from '../components/fakeRepositories';

// SharePoint registers Fluent's icon font on its pages; tests have no font, so no warnings.
setIconOptions({ disableWarnings: true });

export const TODAY = '2022-03-20';
export const PERIOD = '2021-22-Q4';

const AUTHOR: Person = { id: 5, displayName: 'Alex Example', email: 'alex@chorley.example.gov.uk' };

const service = (id: number, name: string): Service => ({
  id,
  etag: '"1"',
  name,
  phase: 'Phase 1',
  partnerCouncils: ['Chorley Council', 'South Ribble Borough Council']
});

const objective = (id: number, serviceId: number, title: string, extra: Partial<Objective> = {}): Objective => ({
  id,
  etag: '"1"',
  title,
  aim: `<p>Aim of ${title}</p>`,
  serviceId,
  status: 'In progress',
  rag: 'Amber',
  ...extra
});

const update = (id: number, objectiveId: number, periodId: string, narrative: string, extra: Partial<ObjectiveUpdate> = {}): ObjectiveUpdate => ({
  id,
  etag: '"1"',
  objectiveId,
  periodId,
  narrative,
  status: 'In progress',
  rag: 'Amber',
  author: AUTHOR,
  updatedOn: periodId === PERIOD ? '2022-03-08T10:00:00Z' : '2021-12-08T10:00:00Z',
  ...extra
});

const benefit = (id: number, serviceId: number, title: string, extra: Partial<Benefit> = {}): Benefit => ({
  id,
  etag: '"1"',
  title,
  serviceId,
  category: 'Financial savings',
  originalPosition: '<p>Before</p>',
  achievement: '<p>Aim</p>',
  whenDelivered: 'March 2022',
  deliveryStatus: 'In progress',
  realised: '',
  savings: [],
  ...extra
});

const risk = (id: number, serviceId: number | undefined, title: string, likelihood: number, impact: number, extra: Partial<Risk> = {}): Risk => ({
  id,
  etag: '"1"',
  title,
  serviceId,
  causeEffect: '<p>Cause</p>',
  inherentLikelihood: 5,
  inherentImpact: 5,
  residualLikelihood: likelihood,
  residualImpact: impact,
  controls: '<p>Controls</p>',
  status: 'Open',
  ...extra
});

const measure = (id: number, serviceId: number, title: string, target: number, actuals: Record<string, number>): Measure => ({
  id,
  etag: '"1"',
  title,
  serviceId,
  unit: '%',
  target,
  direction: 'Higher is better',
  actuals
});

const highlight = (id: number, serviceId: number, periodId: string, meetingDate: string, keyPoints: string): Highlight => ({
  id,
  etag: '"1"',
  serviceId,
  periodId,
  meetingDate,
  keyPoints,
  activityOverview: `<p>Activity overview ${id}</p>`
});

/** A fresh seed each call: the fake repositories mutate their arrays. */
export function seed(): FakeSeed {
  return {
    services: [service(1, 'Transformation and Partnerships'), service(2, 'Governance')],
    objectives: [
      objective(10, 1, 'Develop a shared digital strategy'),
      objective(11, 1, 'Share one ICT service desk'),
      objective(20, 2, 'Align the constitutions of both councils')
    ],
    updates: [
      update(100, 10, '2021-22-Q3', '<p>Strategy drafted</p>'),
      update(101, 10, PERIOD, '<p>Strategy adopted by both councils</p>', { status: 'Complete', rag: 'Green' }),
      update(102, 11, '2021-22-Q3', '<p>Service desk options appraised</p>', { rag: 'Green' }),
      update(200, 20, PERIOD, '<p>Constitution working group met</p>', { status: 'On hold', rag: 'Red' })
    ],
    benefits: [
      benefit(30, 1, 'Shared digital team saves salaries', {
        deliveryStatus: 'Achieved',
        realised: '<p>Two posts shared from January</p>',
        modified: '2022-02-14T09:00:00Z',
        savings: [{ council: 'Chorley Council', planned: 20000, realised: 15000 }]
      }),
      benefit(31, 1, 'Joint procurement of licences', { deliveryStatus: 'Achieved', realised: '<p>Done last year</p>', modified: '2021-06-01T09:00:00Z' }),
      benefit(32, 2, 'Single committee clerk', { deliveryStatus: 'In progress' })
    ],
    risks: [
      risk(40, 1, 'Loss of key digital staff', 2, 3),
      risk(41, 1, 'Data breach in shared systems', 4, 4),
      risk(42, 1, 'Closed old risk', 5, 5, { status: 'Closed' }),
      risk(43, 2, 'Members do not agree the constitution', 3, 3)
    ],
    measures: [
      measure(50, 1, 'Calls answered first time', 80, { '2021-22-Q3': 70, [PERIOD]: 85 }),
      measure(51, 1, 'Projects delivered on time', 90, { '2021-22-Q3': 88, [PERIOD]: 75 })
    ],
    highlights: [
      highlight(60, 1, '2021-22-Q3', '2021-12-07', '<p>December key points</p>'),
      highlight(61, 1, PERIOD, '2022-03-15', '<ul><li>March key points</li></ul><img src="x" onerror="alert(1)">'),
      highlight(62, 2, PERIOD, '2022-03-15', '<p>Governance key points</p>')
    ]
  };
}

/** Renders the report in the shared providers over fake repositories. */
export function renderReport(options: { seed?: FakeSeed; repositories?: FakeRepositories; teamsTheme?: TeamsThemeName; inTeams?: boolean; today?: string } = {}): RenderResult & { repositories: FakeRepositories; rerenderWithTheme: (theme: TeamsThemeName | undefined) => void } {
  const repositories = options.repositories ?? fakeRepositories(options.seed ?? seed());
  const element = (theme: TeamsThemeName | undefined): React.ReactElement => (
    <AppShell repositories={repositories} teamsTheme={theme}>
      <HighlightReport today={options.today ?? TODAY} inTeams={options.inTeams} />
    </AppShell>
  );
  const result = render(element(options.teamsTheme));
  return { ...result, repositories, rerenderWithTheme: (theme: TeamsThemeName | undefined) => result.rerender(element(theme)) };
}
