/** @jest-environment jsdom */
/**
 * The successes register beside best practice and lessons learned: filters by service, council
 * and category (a success naming no council benefits every partner of its service), the one
 * edit pattern (field-named messages, sanitised text, both versions after a 412), read only for
 * auditors; and the annual review listing the year's successes.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ConflictError } from '../../src/data/errors';
import type { Service, Success } from '../../src/domain/types';
import { filterSuccesses, successesBetween } from '../../src/domain/annualReview';
import { validateSuccess } from '../../src/domain/validation';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const CHORLEY = 'Chorley Council';
const SOUTH_RIBBLE = 'South Ribble Borough Council';
const service = (id: number, name: string, partnerCouncils: string[]): Service => ({ id, etag: `"${id}"`, name, phase: 'Phase 1', partnerCouncils });
const SERVICES = (): Service[] => [
  service(1, 'Transformation and Partnerships', [CHORLEY, SOUTH_RIBBLE]),
  service(2, 'Communications and Visitor Economy', [CHORLEY, SOUTH_RIBBLE]),
  service(7, 'Revenues and Benefits', ['Harborough District Council', 'Melton Borough Council'])
];
const success = (id: number, title: string, serviceId: number, category: Success['category'], councils: string[], achievedOn: string): Success => ({
  id,
  etag: `"${id}"`,
  title,
  serviceId,
  category,
  councils,
  achievedOn,
  achievement: `<p>${title} achieved</p>`
});
const SUCCESSES = (): Success[] => [
  success(1, 'Performance framework completed', 1, 'Service improvement', [SOUTH_RIBBLE], '2021-09-30'),
  success(2, 'Campaigns planner introduced', 2, 'Service improvement', [], '2021-11-15'),
  success(3, 'Apprentice made permanent', 2, 'Staff development', [], '2021-09-30'),
  success(4, 'One benefits system', 7, 'Savings', [], '2020-06-30')
];

function renderTab(configure?: (repos: FakeRepositories) => void): FakeRepositories {
  const repositories = fakeRepositories({ services: SERVICES(), lists: { successes: SUCCESSES() } });
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <BenefitsTracker />
    </AppShell>
  );
  fireEvent.click(screen.getByText(strings.RegisterTabSuccesses, { selector: '.ms-Pivot-text' }).closest('button') as HTMLElement);
  return repositories;
}

const titles = (region: HTMLElement): string[] => Array.from(region.querySelectorAll('[role="row"] strong')).map((e) => e.textContent ?? '');
const region = async (): Promise<HTMLElement> => {
  await screen.findByRole('heading', { name: lazyStrings.SuccessesHeading, level: 2 }, { timeout: 8000 });
  return document.querySelector(`section[aria-label="${lazyStrings.SuccessesHeading}"]`) as HTMLElement;
};
async function choose(label: string, option: string, container: HTMLElement = document.body): Promise<void> {
  const l = within(container).getAllByText(label, { selector: 'label' })[0];
  fireEvent.click(document.getElementById(l.id.replace(/-label$/, '')) as HTMLElement);
  const text = await screen.findByText(option, { selector: '.ms-Dropdown-optionText' });
  fireEvent.click(text.closest('button') as HTMLElement);
}
const panelOf = async (): Promise<HTMLElement> => (await screen.findByText(lazyStrings.FormSave, undefined, { timeout: 8000 })).closest('.ms-Panel-main') as HTMLElement;
const save = async (panel: HTMLElement): Promise<void> => {
  await act(async () => {
    fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
  });
};

beforeEach(() => window.localStorage.clear());

describe('successes rules', () => {
  it('filters by service, category and council (no council named: every partner of the service)', () => {
    const all = SUCCESSES();
    expect(filterSuccesses(all, { serviceId: 2 }, SERVICES()).map((s) => s.id)).toEqual([2, 3]);
    expect(filterSuccesses(all, { category: 'Service improvement' }, SERVICES()).map((s) => s.id)).toEqual([1, 2]);
    expect(filterSuccesses(all, { council: ' chorley council' }, SERVICES()).map((s) => s.id)).toEqual([2, 3]);
    expect(filterSuccesses(all, { council: 'Melton Borough Council' }, SERVICES()).map((s) => s.id)).toEqual([4]);
  });

  it('lists the successes of a year, oldest first', () => {
    expect(successesBetween(SUCCESSES(), '2021-04-01', '2022-03-31').map((s) => s.title)).toEqual([
      'Apprentice made permanent',
      'Performance framework completed',
      'Campaigns planner introduced'
    ]);
  });

  it('names every missing field, and a council written twice', () => {
    expect(validateSuccess({ title: '', achievement: '<p> </p>', councils: [] }).map((e) => e.message)).toEqual([
      'Success is required.',
      'Service is required.',
      'What was achieved is required: the text is empty.',
      'Category is required.',
      'Achieved on is required.'
    ]);
    const twice = validateSuccess({ title: 'x', serviceId: 1, achievement: '<p>x</p>', category: 'Savings', achievedOn: '2022-01-31', councils: [CHORLEY, ' chorley council'] });
    expect(twice.map((e) => e.field)).toEqual(['councils']);
  });
});

describe('Successes register', () => {
  it('filters by service, council and category, and adds a success for some councils', async () => {
    const repositories = renderTab();
    const list = await region();
    await waitFor(() => expect(titles(list)).toHaveLength(4));
    // Newest first.
    expect(titles(list)[0]).toBe('Campaigns planner introduced');
    await choose(strings.FilterCategoryLabel, 'Staff development');
    await waitFor(() => expect(titles(list)).toEqual(['Apprentice made permanent']));
    await choose(strings.FilterCategoryLabel, strings.FilterAllCategories);
    await choose(strings.FilterCouncilLabel, SOUTH_RIBBLE);
    await waitFor(() => expect(titles(list)).toHaveLength(3));
    await choose(strings.FilterServiceLabel, 'Transformation and Partnerships');
    await waitFor(() => expect(titles(list)).toEqual(['Performance framework completed']));
    // A success always names a service: no programme-wide choice.
    expect(screen.queryByText(strings.ProgrammeWide, { selector: '.ms-Dropdown-title' })).toBeNull();

    const add = jest.spyOn(repositories.successes, 'add');
    fireEvent.click(screen.getByText(lazyStrings.NewSuccess).closest('button') as HTMLElement);
    const panel = await panelOf();
    await save(panel);
    expect(within(panel).getAllByText('Success is required.').length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Service is required.').length).toBeGreaterThan(0);
    expect(add).not.toHaveBeenCalled();

    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldSuccess), { target: { value: 'Shared HR policies adopted' } });
    await choose(lazyStrings.FieldService, 'Transformation and Partnerships', panel);
    await choose(lazyStrings.FieldSuccessCategory, 'Service improvement', panel);
    const label = within(panel).getByText(lazyStrings.FieldCouncilsBenefiting, { selector: 'label' });
    fireEvent.click(document.getElementById(label.id.replace(/-label$/, '')) as HTMLElement);
    await screen.findAllByRole('option');
    // The service's partner councils are offered.
    expect(Array.from(document.querySelectorAll('.ms-Dropdown-item .ms-Dropdown-optionText')).map((e) => e.textContent)).toEqual([CHORLEY, SOUTH_RIBBLE]);
    const option = screen.getByText(CHORLEY, { selector: '.ms-Dropdown-optionText' }).closest('.ms-Dropdown-item') as HTMLElement;
    fireEvent.click(option.querySelector('input') as HTMLElement);
    const editor = panel.querySelector('[contenteditable="true"]') as HTMLElement;
    editor.innerHTML = '<p>One parental leave policy<script>alert(1)</script></p>';
    fireEvent.input(editor);
    await save(panel);
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toMatchObject({
      title: 'Shared HR policies adopted',
      serviceId: 1,
      category: 'Service improvement',
      councils: [CHORLEY],
      achievement: '<p>One parental leave policy</p>'
    });
    expect((add.mock.calls[0][0] as Success).achievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // It benefits Chorley only, so the South Ribble filter still leaves it out.
    expect(titles(list)).toEqual(['Performance framework completed']);
    await choose(strings.FilterCouncilLabel, CHORLEY);
    await waitFor(() => expect(titles(list)).toEqual(['Shared HR policies adopted']));
  });

  it('shows both versions when someone else saved the success first, keeping what was typed', async () => {
    const theirs: Success = { ...SUCCESSES()[1], etag: '"9"', title: 'Campaigns planner in use' };
    renderTab((repos) => {
      repos.successes.update = async (changes) => {
        throw new ConflictError<Success>(theirs, changes, { operation: 'update', list: 'successes', itemId: 2 });
      };
    });
    const list = await region();
    await waitFor(() => expect(titles(list)).toHaveLength(4));
    fireEvent.click(screen.getByLabelText('Edit Campaigns planner introduced'));
    const panel = await panelOf();
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldSuccess), { target: { value: 'Campaigns planner adopted' } });
    await save(panel);
    const conflict = await within(panel).findByTestId('item-conflict');
    const row = within(conflict).getByText(lazyStrings.FieldSuccess).closest('tr') as HTMLElement;
    expect(Array.from(row.querySelectorAll('td')).map((c) => c.textContent)).toEqual(['Campaigns planner adopted', 'Campaigns planner in use', lazyStrings.ItemConflictOutcomeBoth]);
    expect((within(panel).getByLabelText(lazyStrings.FieldSuccess) as HTMLInputElement).value).toBe('Campaigns planner adopted');
  });

  it('is read only for an auditor', async () => {
    renderTab((repos) => {
      repos.canEdit = async () => false;
    });
    await region();
    expect(await screen.findByText(strings.RegisterReadOnlyNotice)).toBeTruthy();
    expect(screen.queryByText(lazyStrings.NewSuccess)).toBeNull();
    expect(screen.queryByText(strings.ImportButton)).toBeNull();
    expect(screen.queryAllByText(strings.EditItem)).toEqual([]);
  });
});
