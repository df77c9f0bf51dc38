/** @jest-environment jsdom */
/**
 * The benefits tracker web part against in-memory repositories: grouping by category with the
 * report's columns, totals and chart data, filters, read-only for auditors, and create/edit
 * with validation, drafts on failure and 412 conflicts.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ConflictError, DataAccessError } from '../../src/data/errors';
import type { ItemChanges } from '../../src/data/repositories';
import type { Benefit, Service } from '../../src/domain/types';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const CHORLEY = 'Chorley Council';
const SOUTH_RIBBLE = 'South Ribble Borough Council';
const service = (id: number, name: string, partnerCouncils: string[]): Service => ({ id, etag: '"1"', name, phase: 'Phase 1', partnerCouncils });
const SERVICES = [
  service(1, 'Transformation and Partnerships', [CHORLEY, SOUTH_RIBBLE]),
  service(3, 'Governance', [CHORLEY, SOUTH_RIBBLE]),
  service(7, 'Revenues and Benefits', ['Harborough District Council', 'Hinckley and Bosworth Borough Council', 'Melton Borough Council'])
];

const benefit = (id: number, serviceId: number, title: string, extra: Partial<Benefit>): Benefit => ({
  id,
  etag: `"${id}"`,
  title,
  serviceId,
  category: 'Financial savings',
  originalPosition: '<p>Before</p>',
  achievement: '<p>After</p>',
  whenDelivered: 'Already achieved',
  deliveryStatus: 'Achieved',
  realised: '<p>Realised</p>',
  savings: [],
  ...extra
});

function seed(): Benefit[] {
  return [
    benefit(1, 3, 'Reduction in corporate support staffing resource', {
      savings: [
        { council: CHORLEY, planned: 17000, realised: 17000 },
        { council: SOUTH_RIBBLE, planned: 17000, realised: 8500 }
      ],
      evidenceUrl: 'https://intranet.example.gov.uk/restructure.pdf'
    }),
    benefit(2, 7, 'Savings from the three-council Revenues and Benefits service', {
      whenDelivered: 'In progress - full savings expected next year',
      deliveryStatus: 'In progress',
      savings: [
        { council: 'Harborough District Council', planned: 30000, realised: 8334 },
        { council: 'Hinckley and Bosworth Borough Council', planned: 30000, realised: 8333 },
        { council: 'Melton Borough Council', planned: 30000, realised: 8333 }
      ]
    }),
    benefit(3, 1, 'A shared performance management framework', {
      category: 'Service development',
      savings: [{ council: SOUTH_RIBBLE, planned: 40000, realised: 40000 }]
    }),
    benefit(4, 1, 'Increased capacity for HR', { category: 'Resilience and capacity', fteBefore: 8.5, fteAfter: 9 })
  ];
}

function renderTracker(configure?: (repos: FakeRepositories) => void): FakeRepositories {
  const repositories = fakeRepositories({ services: SERVICES, benefits: seed() });
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <BenefitsTracker />
    </AppShell>
  );
  return repositories;
}

// eslint-disable-next-line @rushstack/no-new-null -- querySelector's own answer for no match.
const region = (name: string): HTMLElement | null => document.querySelector(`section[aria-label="${name}"]`);
const findRegion = async (name: string): Promise<HTMLElement> => {
  await screen.findAllByText(name);
  return region(name) as HTMLElement;
};
const rowOf = (text: string): HTMLElement => screen.getByText(text).closest('[role="row"]') as HTMLElement;

// Role queries walk the whole accessibility tree of Fluent's DOM and are slow on a shared
// machine; labels and text find the same elements directly.
async function choose(dropdownName: string, option: string, container: HTMLElement = document.body): Promise<void> {
  const label = within(container).getByText(dropdownName, { selector: 'label' });
  fireEvent.click(document.getElementById(label.id.replace(/-label$/, '')) as HTMLElement);
  const text = await screen.findByText(option, { selector: '.ms-Dropdown-optionText' });
  fireEvent.click(text.closest('button') as HTMLElement);
}

const button = (container: HTMLElement, text: string): HTMLElement => within(container).getByText(text).closest('button') as HTMLElement;
const field = (container: HTMLElement, label: string): HTMLInputElement => within(container).getByLabelText(label) as HTMLInputElement;
const dialog = async (): Promise<HTMLElement> => (await screen.findByText(lazyStrings.FormSave)).closest('.ms-Panel-main') as HTMLElement;

beforeEach(() => window.localStorage.clear());

describe('BenefitsTracker', () => {
  it('groups benefits by the four categories with the report columns, savings per council and FTE', async () => {
    renderTracker();
    const financial = await findRegion('Financial savings');
    const headers = within(financial).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(
      expect.arrayContaining([
        strings.ColumnBenefit,
        strings.ColumnOriginalPosition,
        strings.ColumnAchievement,
        strings.ColumnWhenDelivered,
        strings.ColumnBenefitsRealised,
        strings.ColumnSavings
      ])
    );
    expect(within(financial).getByText('Reduction in corporate support staffing resource')).toBeTruthy();
    expect(within(financial).getByText('Savings from the three-council Revenues and Benefits service')).toBeTruthy();
    expect(within(financial).queryByText('Increased capacity for HR')).toBeNull();

    const revs = rowOf('Savings from the three-council Revenues and Benefits service');
    expect(within(revs).getByText('Melton Borough Council: £30,000 planned, £8,333 realised')).toBeTruthy();
    expect(within(revs).getByText('Total: £90,000 planned, £25,000 realised')).toBeTruthy();

    const capacity = (region('Resilience and capacity') as HTMLElement);
    expect(within(capacity).getByText('8.5 FTE before, 9 FTE after')).toBeTruthy();
    expect(within((region('Staff development') as HTMLElement)).getByText(strings.BenefitsNone)).toBeTruthy();

    const evidence = within(rowOf('Reduction in corporate support staffing resource')).getByRole('link', {
      name: strings.EvidenceLinkLabel.replace('{0}', 'Reduction in corporate support staffing resource')
    });
    expect(evidence.getAttribute('href')).toBe('https://intranet.example.gov.uk/restructure.pdf');
  });

  it('charts realised against planned savings by service and gives the same figures as a table', async () => {
    renderTracker();
    const chart = await screen.findByTestId('bar-chart');
    expect(chart.getAttribute('role')).toBe('img');
    const bars = Array.from(chart.querySelectorAll('[data-group]')).map((g) => [
      g.getAttribute('data-group'),
      g.querySelector('[data-series="planned"]')?.getAttribute('data-value'),
      g.querySelector('[data-series="realised"]')?.getAttribute('data-value')
    ]);
    // Services in name order; the capacity benefit has no savings and adds nothing.
    expect(bars).toEqual([
      ['Governance', '34000', '25500'],
      ['Revenues and Benefits', '90000', '25000'],
      ['Transformation and Partnerships', '40000', '40000']
    ]);
    const table = screen.getByText(strings.ChartTitle, { selector: 'caption' }).closest('table') as HTMLElement;
    const revs = within(table).getByRole('rowheader', { name: 'Revenues and Benefits' }).closest('tr') as HTMLElement;
    expect(within(revs).getAllByRole('cell').map((c) => c.textContent)).toEqual(['£90,000', '£25,000']);

    const byCouncil = screen.getByTestId('savings-by-council');
    const melton = within(byCouncil).getByRole('rowheader', { name: 'Melton Borough Council' }).closest('tr') as HTMLElement;
    expect(within(melton).getAllByRole('cell').map((c) => c.textContent)).toEqual(['£30,000', '£8,333']);
    const overall = within(byCouncil).getByRole('rowheader', { name: strings.TotalAllCouncils }).closest('tr') as HTMLElement;
    expect(within(overall).getAllByRole('cell').map((c) => c.textContent)).toEqual(['£164,000', '£90,500']);
  });

  it('filters by service, category and delivery status, totals included', async () => {
    renderTracker();
    await findRegion('Financial savings');
    await choose(strings.FilterServiceLabel, 'Revenues and Benefits');
    expect(screen.getByText('Savings from the three-council Revenues and Benefits service')).toBeTruthy();
    expect(screen.queryByText('Reduction in corporate support staffing resource')).toBeNull();
    const groups = Array.from(screen.getByTestId('bar-chart').querySelectorAll('[data-group]')).map((g) => g.getAttribute('data-group'));
    expect(groups).toEqual(['Revenues and Benefits']);

    await choose(strings.FilterServiceLabel, strings.FilterAllServices);
    await choose(strings.FilterDeliveryStatusLabel, 'Achieved');
    expect(screen.queryByText('Savings from the three-council Revenues and Benefits service')).toBeNull();
    expect(screen.getByText('Reduction in corporate support staffing resource')).toBeTruthy();

    await choose(strings.FilterCategoryLabel, 'Service development');
    expect(region('Financial savings')).toBeNull();
    expect(screen.getByText('A shared performance management framework')).toBeTruthy();
  });

  it('is read-only for an auditor: no create or edit controls', async () => {
    renderTracker((repos) => {
      repos.canEdit = async () => false;
    });
    await screen.findByText(strings.RegisterReadOnlyNotice);
    expect(screen.getByText('Reduction in corporate support staffing resource')).toBeTruthy();
    expect(screen.queryByText(strings.NewBenefit)).toBeNull();
    expect(screen.queryAllByLabelText(/^Edit /)).toEqual([]);
    expect(screen.queryAllByText(strings.EditItem)).toEqual([]);
  });

  it('shows validation messages next to the fields and in the error bar, and saves nothing', async () => {
    const repositories = renderTracker();
    const add = jest.spyOn(repositories.benefits, 'add');
    fireEvent.click((await screen.findByText(strings.NewBenefit)).closest('button') as HTMLElement);
    const panel = await dialog();
    await choose(lazyStrings.FieldService, 'Governance', panel);
    fireEvent.change(field(panel, lazyStrings.FieldPlannedFor.replace('{0}', CHORLEY)), { target: { value: '-5' } });
    fireEvent.click(button(panel, lazyStrings.FormSave));

    expect(await within(panel).findByText(strings.ErrorValidationTitle)).toBeTruthy();
    // Each message once next to its field, once in the summary.
    expect(within(panel).getAllByText('Benefit is required.')).toHaveLength(2);
    expect(within(panel).getAllByText('Planned savings for Chorley Council must be zero or more.')).toHaveLength(2);
    expect(within(panel).getAllByText('Category is required.')).toHaveLength(2);
    expect(add).not.toHaveBeenCalled();
  });

  it('creates a benefit with savings for each partner council and lists it under its category', async () => {
    const repositories = renderTracker();
    const add = jest.spyOn(repositories.benefits, 'add');
    fireEvent.click((await screen.findByText(strings.NewBenefit)).closest('button') as HTMLElement);
    const panel = await dialog();
    fireEvent.change(field(panel, lazyStrings.FieldBenefit), { target: { value: 'Single payroll contract' } });
    await choose(lazyStrings.FieldService, 'Revenues and Benefits', panel);
    await choose(lazyStrings.FieldCategory, 'Financial savings', panel);
    await choose(lazyStrings.FieldDeliveryStatus, 'Planned', panel);
    fireEvent.change(field(panel, lazyStrings.FieldPlannedFor.replace('{0}', 'Melton Borough Council')), { target: { value: '£12,500' } });
    fireEvent.click(button(panel, lazyStrings.FormSave));

    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add).toHaveBeenCalledTimes(1);
    expect(add.mock.calls[0][0]).toMatchObject({
      title: 'Single payroll contract',
      serviceId: 7,
      category: 'Financial savings',
      deliveryStatus: 'Planned',
      savings: [{ council: 'Melton Borough Council', planned: 12500, realised: 0 }]
    });
    const financial = (region('Financial savings') as HTMLElement);
    expect(within(financial).getByText('Single payroll contract')).toBeTruthy();
  });

  it('keeps a draft when a save fails and restores it when the form is opened again', async () => {
    renderTracker((repos) => {
      repos.benefits.update = async () => {
        throw new DataAccessError('Could not save changes to "SSM Benefits": the network is down.', { operation: 'update', list: 'benefits' });
      };
    });
    fireEvent.click(await screen.findByLabelText('Edit Increased capacity for HR'));
    let panel = await dialog();
    fireEvent.change(field(panel, lazyStrings.FieldBenefit), { target: { value: 'More capacity for HR' } });
    fireEvent.click(button(panel, lazyStrings.FormSave));
    expect(await within(panel).findByText(/the network is down/)).toBeTruthy();
    expect(within(panel).getByText(lazyStrings.FormDraftKept)).toBeTruthy();

    fireEvent.click(button(panel, lazyStrings.FormCancel));
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    fireEvent.click(screen.getByLabelText('Edit Increased capacity for HR'));
    panel = await dialog();
    expect((field(panel, lazyStrings.FieldBenefit) as HTMLInputElement).value).toBe('More capacity for HR');
    expect(within(panel).getByText(/Your unsaved changes from .* have been restored\./)).toBeTruthy();
  });

  it('shows both versions on a 412 conflict and saves mine over theirs with their etag', async () => {
    const calls: Array<ItemChanges<Benefit>> = [];
    const theirs: Benefit = { ...seed()[3], etag: '"9"', title: 'Increased HR capacity (their wording)', modified: '2022-03-30T10:00:00Z' };
    renderTracker((repos) => {
      repos.benefits.update = async (changes) => {
        calls.push(changes);
        if (calls.length === 1) throw new ConflictError<Benefit>(theirs, changes, { operation: 'update', list: 'benefits', itemId: 4 });
        return { ...theirs, ...changes, etag: '"10"' } as Benefit;
      };
    });
    fireEvent.click(await screen.findByLabelText('Edit Increased capacity for HR'));
    const panel = await dialog();
    fireEvent.change(field(panel, lazyStrings.FieldBenefit), { target: { value: 'My wording' } });
    fireEvent.click(button(panel, lazyStrings.FormSave));

    const conflict = await within(panel).findByTestId('item-conflict');
    const titleRow = within(conflict).getByRole('rowheader', { name: lazyStrings.FieldBenefit }).closest('tr') as HTMLElement;
    expect(within(titleRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['My wording', 'Increased HR capacity (their wording)', lazyStrings.ItemConflictOutcomeBoth]);
    expect(titleRow.getAttribute('data-differs')).toBe('true');
    expect(within(conflict).getByText(lazyStrings.ItemConflictTheirsSaved.replace('{0}', '30 March 2022'))).toBeTruthy();

    await act(async () => {
      fireEvent.click(button(conflict, lazyStrings.ItemConflictKeepMine));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(calls.map((c) => [c.etag, c.title])).toEqual([
      ['"4"', 'My wording'],
      ['"9"', 'My wording']
    ]);
    expect(screen.getByText('My wording')).toBeTruthy();
  });

  it('"Keep mine" writes only the fields I changed: their change to a field I did not touch survives; a field both changed is side by side', async () => {
    const calls: Array<ItemChanges<Benefit>> = [];
    const opened = seed()[3];
    // They changed the title (as I did) and the achievement (which I did not touch).
    const theirs: Benefit = { ...opened, etag: '"9"', title: 'Their title', achievement: '<p>Their achievement</p>', modified: '2022-03-30T10:00:00Z' };
    renderTracker((repos) => {
      repos.benefits.update = async (changes) => {
        calls.push(changes);
        if (calls.length === 1) throw new ConflictError<Benefit>(theirs, changes, { operation: 'update', list: 'benefits', itemId: 4 });
        return { ...theirs, ...changes, etag: '"10"' } as Benefit;
      };
    });
    fireEvent.click(await screen.findByLabelText('Edit Increased capacity for HR'));
    const panel = await dialog();
    fireEvent.change(field(panel, lazyStrings.FieldBenefit), { target: { value: 'My title' } });
    fireEvent.change(field(panel, lazyStrings.FieldWhenDelivered), { target: { value: 'By March 2023' } });
    fireEvent.click(button(panel, lazyStrings.FormSave));

    const conflict = await within(panel).findByTestId('item-conflict');
    const rowOf = (label: string): HTMLElement => within(conflict).getByRole('rowheader', { name: label }).closest('tr') as HTMLElement;
    expect(rowOf(lazyStrings.FieldBenefit).getAttribute('data-change')).toBe('both');
    expect(within(rowOf(lazyStrings.FieldBenefit)).getAllByRole('cell').map((c) => c.textContent)).toEqual(['My title', 'Their title', lazyStrings.ItemConflictOutcomeBoth]);
    expect(rowOf(lazyStrings.FieldAchievement).getAttribute('data-change')).toBe('theirs');
    expect(rowOf(lazyStrings.FieldWhenDelivered).getAttribute('data-change')).toBe('mine');
    expect(rowOf(lazyStrings.FieldCategory).getAttribute('data-change')).toBe('none');
    // The field both changed comes first.
    expect(within(conflict).getAllByRole('rowheader')[0].textContent).toBe(lazyStrings.FieldBenefit);

    await act(async () => {
      fireEvent.click(button(conflict, lazyStrings.ItemConflictKeepMine));
    });
    await waitFor(() => expect(calls).toHaveLength(2));
    // Only my two fields, over their version's etag: their achievement is not written back.
    expect(calls[1]).toEqual({ id: 4, etag: '"9"', title: 'My title', whenDelivered: 'By March 2023' });
  });
});
