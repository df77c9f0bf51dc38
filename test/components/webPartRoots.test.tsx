/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ListMissingError } from '../../src/data/errors';
import type { Benefit, Highlight, Objective, Risk, Service } from '../../src/domain/types';
import { ObjectivesTracker, IObjectiveColumns } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { RiskRegister } from '../../src/webparts/riskRegister/components/RiskRegister';
import { HighlightReport } from '../../src/webparts/highlightReport/components/HighlightReport';
import { FakeSeed, fakeRepositories } from './fakeRepositories';

// SharePoint registers Fluent's icon font on its pages; tests have no font, so no warnings.
setIconOptions({ disableWarnings: true });

const service = (id: number, name: string, partnerCouncils = ['Chorley Council', 'South Ribble Borough Council']): Service => ({
  id,
  etag: '"1"',
  name,
  phase: 'Phase 1',
  partnerCouncils
});

const objective = (id: number, serviceId: number, title: string, extra: Partial<Objective> = {}): Objective => ({
  id,
  etag: '"1"',
  title,
  aim: '<p>Aim</p>',
  serviceId,
  status: 'In progress',
  rag: 'Amber',
  ...extra
});

const SEED: FakeSeed = {
  services: [service(1, 'Transformation and Partnerships'), service(2, 'Governance')],
  objectives: [
    objective(10, 1, 'Develop a shared digital strategy', {
      status: 'Complete',
      rag: 'Green',
      responsibleOfficer: { id: 5, displayName: 'Alex Example', email: 'alex@chorley.example.gov.uk' },
      targetDate: '2022-03-31'
    }),
    objective(11, 2, 'Align the constitutions of both councils', { status: 'On hold', rag: 'Red' })
  ]
};

const ALL_COLUMNS: IObjectiveColumns = { status: true, rag: true, officer: true, targetDate: true };

function renderInShell(element: React.ReactElement, seed: FakeSeed = SEED, failWith?: () => unknown) {
  const repositories = fakeRepositories(seed, failWith);
  const result = render(<AppShell repositories={repositories}>{element}</AppShell>);
  return { ...result, repositories };
}

describe('ObjectivesTracker', () => {
  // The full behaviour (filters, quarterly update, history, conflicts) is tested in test/objectives/.
  it('shows a spinner, then each service as a group with its objectives, status, RAG, officer and target date', async () => {
    const { repositories } = renderInShell(<ObjectivesTracker serviceFilter="" columns={ALL_COLUMNS} />);
    expect(screen.getByText(strings.Loading)).toBeTruthy();

    const grid = await screen.findByRole('grid');
    const text = grid.textContent ?? '';
    // Services in name order.
    expect(text.indexOf('Governance')).toBeLessThan(text.indexOf('Transformation and Partnerships'));

    const row = screen.getByText('Develop a shared digital strategy').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('Complete')).toBeTruthy();
    expect(within(row).getByText('Green')).toBeTruthy();
    expect(within(row).getByText('Alex Example')).toBeTruthy();
    expect(within(row).getByText('31 March 2022')).toBeTruthy();

    const other = screen.getByText('Align the constitutions of both councils').closest('[role="row"]') as HTMLElement;
    expect(within(other).getByText('On hold')).toBeTruthy();
    expect(within(other).getByText('Red')).toBeTruthy();
    expect(within(other).getAllByText(strings.NotSet)).toHaveLength(2);

    // One round trip for exactly the lists it needs.
    expect(repositories.loadInitialCalls).toEqual([['services', 'objectives', 'updates', 'actions']]);
  });

  it('filters services by the default service filter and hides switched-off columns', async () => {
    renderInShell(
      <ObjectivesTracker serviceFilter="govern" columns={{ aim: false, status: true, rag: false, officer: false, latestUpdate: false, targetDate: false }} />
    );
    await screen.findByText('Align the constitutions of both councils');
    expect(screen.queryByText('Develop a shared digital strategy')).toBeNull();
    // The first, unnamed header is the grid's expand/collapse-all groups toggle.
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent).filter((t) => t);
    expect(headers).toEqual([strings.ColumnObjective, strings.ColumnStatus]);
  });

  it('says so when no service matches the filter, and when there are no services', async () => {
    const a = renderInShell(<ObjectivesTracker serviceFilter="Waste" columns={ALL_COLUMNS} />);
    await screen.findByText(strings.ObjectivesNoMatch.replace('{0}', 'Waste'));
    a.unmount();
    renderInShell(<ObjectivesTracker serviceFilter="" columns={ALL_COLUMNS} />, {});
    await screen.findByText(strings.ObjectivesNoServices);
  });

  it('shows a load failure in the shared error bar and recovers on "Try again"', async () => {
    let fail = true;
    const repositories = fakeRepositories(SEED);
    const load = repositories.loadInitial;
    repositories.loadInitial = async (lists) => {
      if (fail) throw new ListMissingError({ operation: 'read', list: 'objectives' });
      return load(lists);
    };
    render(
      <AppShell repositories={repositories}>
        <ObjectivesTracker serviceFilter="" columns={ALL_COLUMNS} />
      </AppShell>
    );
    await screen.findByText(strings.ErrorListMissingTitle);
    fail = false;
    screen.getByText(strings.TryAgain).click();
    await screen.findByText('Align the constitutions of both councils');
    await waitFor(() => expect(screen.queryByText(strings.ErrorListMissingTitle)).toBeNull());
  });
});

describe('other web part roots', () => {
  it('BenefitsTracker groups benefits by category and totals savings across councils', async () => {
    const benefit: Benefit = {
      id: 1,
      etag: '"1"',
      title: 'Shared corporate support',
      serviceId: 1,
      category: 'Financial savings',
      originalPosition: '',
      achievement: '',
      whenDelivered: 'Already achieved',
      deliveryStatus: 'Achieved',
      realised: '',
      savings: [
        { council: 'Chorley Council', planned: 17000, realised: 17000 },
        { council: 'South Ribble Borough Council', planned: 17000, realised: 8500 }
      ]
    };
    renderInShell(<BenefitsTracker />, { services: SEED.services, benefits: [benefit] });
    const financial = await screen.findByRole('region', { name: 'Financial savings' });
    const row = within(financial).getByText('Shared corporate support').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('Transformation and Partnerships')).toBeTruthy();
    expect(within(row).getByText('Total: £34,000 planned, £25,500 realised')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Staff development' })).getByText(strings.BenefitsNone)).toBeTruthy();
  });

  it('RiskRegister shows scores with bands, highest residual first, and programme-wide risks', async () => {
    const risk = (id: number, title: string, l: number, i: number, serviceId?: number): Risk => ({
      id,
      etag: '"1"',
      title,
      serviceId,
      causeEffect: '',
      inherentLikelihood: 5,
      inherentImpact: 5,
      residualLikelihood: l,
      residualImpact: i,
      controls: '',
      status: 'Open'
    });
    renderInShell(<RiskRegister />, {
      services: SEED.services,
      risks: [risk(1, 'Loss of key staff', 2, 2, 2), risk(2, 'Exit of a partner council', 4, 4)]
    });
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((r) => within(r).getAllByRole('gridcell')[0].querySelector('strong')?.textContent)).toEqual(['Exit of a partner council', 'Loss of key staff']);
    expect(within(rows[0]).getByText(strings.ProgrammeWide)).toBeTruthy();
    expect(within(rows[0]).getByText('16 (Very high)')).toBeTruthy();
    expect(within(rows[1]).getByText('4 (Low)')).toBeTruthy();
    expect(within(rows[1]).getByText('Governance')).toBeTruthy();
  });

  it('HighlightReport shows the latest meeting per service with sanitised rich text', async () => {
    const highlight = (id: number, meetingDate: string, keyPoints: string): Highlight => ({
      id,
      etag: '"1"',
      serviceId: 2,
      meetingDate,
      periodId: '2021-22-Q3',
      keyPoints,
      activityOverview: '<p>Overview</p>'
    });
    const { container } = renderInShell(<HighlightReport />, {
      services: SEED.services,
      highlights: [
        highlight(1, '2021-12-07', '<p>Older point</p>'),
        highlight(2, '2022-03-15', '<ul><li>Newer point</li></ul><img src="x" onerror="alert(1)">')
      ]
    });
    const governance = await screen.findByRole('region', { name: 'Governance' });
    expect(within(governance).getByText('Newer point')).toBeTruthy();
    expect(within(governance).queryByText('Older point')).toBeNull();
    expect(within(governance).getByText(strings.HighlightsMeeting.replace('{0}', '15 March 2022'))).toBeTruthy();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Transformation and Partnerships' })).getByText(strings.HighlightsNone)).toBeTruthy();
  });
});
