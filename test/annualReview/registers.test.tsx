/** @jest-environment jsdom */
/**
 * The registers beside the benefits tracker: best practice and lessons learned (add, edit,
 * filter by service, council and category; messages naming each field; read only for auditors)
 * and the services screen (partner councils picked from those known, a programme-wide group,
 * editing behind the edit permission).
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { BestPractice, LessonLearned, Service } from '../../src/domain/types';
import { filterBestPractice, filterLessons, knownCouncils } from '../../src/domain/annualReview';
import { validateBestPractice } from '../../src/domain/validation';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const CHORLEY = 'Chorley Council';
const SOUTH_RIBBLE = 'South Ribble Borough Council';
const service = (id: number, name: string, partnerCouncils: string[], extra: Partial<Service> = {}): Service => ({
  id,
  etag: `"${id}"`,
  name,
  phase: 'Phase 1',
  partnerCouncils,
  ...extra
});
const SERVICES = (): Service[] => [
  service(1, 'Transformation and Partnerships', [CHORLEY, SOUTH_RIBBLE], { sharedSince: '2020-04-01' }),
  service(2, 'Governance', [CHORLEY, SOUTH_RIBBLE]),
  service(7, 'Revenues and Benefits', ['Harborough District Council', 'Melton Borough Council'])
];
const practice = (id: number, title: string, from: string, to: string, serviceId?: number): BestPractice => ({
  id,
  etag: `"${id}"`,
  title,
  fromCouncil: from,
  toCouncil: to,
  description: `<p>${title} shared</p>`,
  serviceId
});
const PRACTICES = (): BestPractice[] => [
  practice(1, 'Performance and Project Leads Network', SOUTH_RIBBLE, CHORLEY, 1),
  practice(2, 'OD Programme', CHORLEY, SOUTH_RIBBLE),
  practice(3, 'Joint benefits processing', 'Melton Borough Council', 'Harborough District Council', 7)
];
const lesson = (id: number, title: string, category: LessonLearned['category'], serviceId?: number): LessonLearned => ({
  id,
  etag: `"${id}"`,
  title,
  lesson: `<p>${title}</p>`,
  category,
  serviceId
});
const LESSONS = (): LessonLearned[] => [
  lesson(1, 'Agree ICT systems before go-live', 'IT', 1),
  lesson(2, 'Allow time for consultation with staff', 'HR', 2),
  lesson(3, 'Plan an exit strategy from the start', 'Exit strategy'),
  lesson(4, 'Shared systems need one supplier contract', 'IT', 7)
];

function renderTab(tab: string, configure?: (repos: FakeRepositories) => void): FakeRepositories {
  const repositories = fakeRepositories({ services: SERVICES(), lists: { bestPractice: PRACTICES(), lessonsLearned: LESSONS() } });
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <BenefitsTracker />
    </AppShell>
  );
  fireEvent.click(screen.getByText(tab, { selector: '.ms-Pivot-text' }).closest('button') as HTMLElement);
  return repositories;
}

const titles = (region: HTMLElement): string[] => Array.from(region.querySelectorAll('[role="row"] strong')).map((e) => e.textContent ?? '');
const region = async (name: string): Promise<HTMLElement> => {
  await screen.findByRole('heading', { name, level: 2 }, { timeout: 8000 });
  return document.querySelector(`section[aria-label="${name}"]`) as HTMLElement;
};
async function choose(label: string, option: string, container: HTMLElement = document.body): Promise<void> {
  const l = within(container).getAllByText(label, { selector: 'label' })[0];
  fireEvent.click(document.getElementById(l.id.replace(/-label$/, '')) as HTMLElement);
  const text = await screen.findByText(option, { selector: '.ms-Dropdown-optionText' });
  fireEvent.click(text.closest('button') as HTMLElement);
}
const panelOf = async (): Promise<HTMLElement> => (await screen.findByText(lazyStrings.FormSave, undefined, { timeout: 8000 })).closest('.ms-Panel-main') as HTMLElement;
const button = (container: HTMLElement, text: string): HTMLElement => within(container).getByText(text).closest('button') as HTMLElement;
const save = async (panel: HTMLElement): Promise<void> => {
  await act(async () => {
    fireEvent.click(button(panel, lazyStrings.FormSave));
  });
};

beforeEach(() => window.localStorage.clear());

describe('annual review filters', () => {
  it('knows every council once, and filters by service, council and category', () => {
    expect(knownCouncils(SERVICES(), [practice(9, 'x', ' chorley council ', 'Wyre Council')])).toEqual([
      CHORLEY,
      'Harborough District Council',
      'Melton Borough Council',
      SOUTH_RIBBLE,
      'Wyre Council'
    ]);
    expect(filterBestPractice(PRACTICES(), { council: 'melton borough council' }).map((p) => p.id)).toEqual([3]);
    expect(filterBestPractice(PRACTICES(), { serviceId: 'programme' }).map((p) => p.id)).toEqual([2]);
    // Practice has a category of its own; practice recorded without one matches no category.
    const categorised = PRACTICES().map((p) => (p.id === 1 ? { ...p, category: 'Networks and engagement' as const } : p));
    expect(filterBestPractice(categorised, { category: 'Networks and engagement' }).map((p) => p.id)).toEqual([1]);
    expect(filterBestPractice(categorised, { category: 'Systems and processes', council: CHORLEY }).map((p) => p.id)).toEqual([]);
    // A lesson concerns its service's councils; a programme-wide one every council.
    expect(filterLessons(LESSONS(), { council: 'Melton Borough Council' }, SERVICES()).map((l) => l.id)).toEqual([3, 4]);
    expect(filterLessons(LESSONS(), { category: 'IT', council: CHORLEY }, SERVICES()).map((l) => l.id)).toEqual([1]);
  });

  it('names the fields of best practice, and refuses practice passed from a council to itself', () => {
    expect(validateBestPractice({ title: ' ', fromCouncil: '', toCouncil: '' }).map((e) => e.message)).toEqual([
      'Best practice is required.',
      'From council is required.',
      'To council is required.'
    ]);
    expect(validateBestPractice({ title: 'HR policies', fromCouncil: CHORLEY, toCouncil: ' chorley council' }).map((e) => e.message)).toEqual([
      'To council must be a different council from the one the practice came from.'
    ]);
  });
});

describe('Best practice register', () => {
  it('lists practice, filters by council and service, and adds practice between two known councils', async () => {
    const repositories = renderTab(strings.RegisterTabBestPractice);
    const list = await region(strings.BestPracticeHeading);
    await waitFor(() => expect(titles(list)).toHaveLength(3));
    await choose(strings.FilterCouncilLabel, 'Melton Borough Council');
    await waitFor(() => expect(titles(list)).toEqual(['Joint benefits processing']));
    await choose(strings.FilterCouncilLabel, strings.FilterAllCouncils);
    await choose(strings.FilterServiceLabel, strings.ProgrammeWide);
    await waitFor(() => expect(titles(list)).toEqual(['OD Programme']));

    const add = jest.spyOn(repositories.bestPractice, 'add');
    fireEvent.click(screen.getByText(lazyStrings.NewBestPractice).closest('button') as HTMLElement);
    const panel = await panelOf();
    await save(panel);
    expect(within(panel).getAllByText('Best practice is required.').length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('From council is required.').length).toBeGreaterThan(0);
    expect(add).not.toHaveBeenCalled();

    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldBestPractice), { target: { value: 'Improving Attendance Policy' } });
    for (const [label, council] of [
      [lazyStrings.FieldFromCouncil, SOUTH_RIBBLE],
      [lazyStrings.FieldToCouncil, CHORLEY]
    ]) {
      const input = within(panel).getByRole('combobox', { name: label }) as HTMLInputElement;
      fireEvent.focus(input);
      fireEvent.input(input, { target: { value: council } });
      fireEvent.keyDown(input, { key: 'Enter', keyCode: 13, which: 13 });
    }
    await choose(lazyStrings.FieldService, 'Transformation and Partnerships', panel);
    await save(panel);
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toEqual({
      title: 'Improving Attendance Policy',
      fromCouncil: SOUTH_RIBBLE,
      toCouncil: CHORLEY,
      description: '',
      serviceId: 1
    });
  });

  it('is read only for an auditor', async () => {
    renderTab(strings.RegisterTabBestPractice, (repos) => {
      repos.canEdit = async () => false;
    });
    await region(strings.BestPracticeHeading);
    expect(await screen.findByText(strings.RegisterReadOnlyNotice)).toBeTruthy();
    expect(screen.queryByText(lazyStrings.NewBestPractice)).toBeNull();
    expect(screen.queryAllByText(strings.EditItem)).toEqual([]);
  });
});

describe('Lessons learned register', () => {
  it('filters by category and council, and edits a lesson with sanitised text', async () => {
    const repositories = renderTab(strings.RegisterTabLessons);
    const list = await region(strings.LessonsHeading);
    await waitFor(() => expect(titles(list)).toHaveLength(4));
    await choose(strings.FilterCategoryLabel, 'IT');
    await waitFor(() => expect(titles(list)).toEqual(['Agree ICT systems before go-live', 'Shared systems need one supplier contract']));
    await choose(strings.FilterCouncilLabel, CHORLEY);
    await waitFor(() => expect(titles(list)).toEqual(['Agree ICT systems before go-live']));

    const update = jest.spyOn(repositories.lessonsLearned, 'update');
    fireEvent.click(screen.getByLabelText('Edit Agree ICT systems before go-live'));
    const panel = await panelOf();
    const editor = panel.querySelector('[contenteditable="true"]') as HTMLElement;
    editor.innerHTML = '<p>&nbsp;</p>';
    fireEvent.input(editor);
    await save(panel);
    expect(within(panel).getAllByText('Lesson is required: the text is empty.').length).toBeGreaterThan(0);
    editor.innerHTML = '<p>Agree the systems first<img src=x onerror="alert(1)"></p>';
    fireEvent.input(editor);
    await save(panel);
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(update.mock.calls[0][0]).toMatchObject({ id: 1, etag: '"1"', lesson: '<p>Agree the systems first</p>', category: 'IT' });
  });
});

describe('Services screen', () => {
  it('adds a programme-wide group whose partner councils are picked from those known', async () => {
    const repositories = renderTab(strings.RegisterTabServices);
    const list = await region(lazyStrings.ServicesHeading);
    await waitFor(() => expect(titles(list)).toEqual(['Governance', 'Revenues and Benefits', 'Transformation and Partnerships']));
    const add = jest.spyOn(repositories.services, 'add');
    fireEvent.click(screen.getByText(lazyStrings.NewService).closest('button') as HTMLElement);
    const panel = await panelOf();
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldServiceName), { target: { value: 'All shared services' } });
    await save(panel);
    expect(within(panel).getAllByText('Phase is required.').length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Partner councils must include at least two different councils.').length).toBeGreaterThan(0);

    await choose(lazyStrings.FieldPhase, 'Established', panel);
    // The councils offered are the ones already known.
    const label = within(panel).getByText(lazyStrings.FieldPartnerCouncils, { selector: 'label' });
    fireEvent.click(document.getElementById(label.id.replace(/-label$/, '')) as HTMLElement);
    await screen.findAllByRole('option');
    const offered = Array.from(document.querySelectorAll('.ms-Dropdown-item .ms-Dropdown-optionText')).map((e) => e.textContent);
    expect(offered).toEqual([CHORLEY, 'Harborough District Council', 'Melton Borough Council', SOUTH_RIBBLE]);
    for (const council of [CHORLEY, SOUTH_RIBBLE]) {
      const option = screen.getByText(council, { selector: '.ms-Dropdown-optionText' }).closest('.ms-Dropdown-item') as HTMLElement;
      fireEvent.click(option.querySelector('input') as HTMLElement);
    }
    await save(panel);
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toMatchObject({ name: 'All shared services', phase: 'Established', partnerCouncils: [CHORLEY, SOUTH_RIBBLE] });
    expect(titles(list)).toContain('All shared services');
  });

  it('shows the services read only to someone who may not edit them', async () => {
    renderTab(strings.RegisterTabServices, (repos) => {
      repos.canEdit = async (l) => l !== 'services';
    });
    await region(lazyStrings.ServicesHeading);
    expect(await screen.findByText(lazyStrings.ServicesReadOnlyNotice)).toBeTruthy();
    expect(screen.queryByText(lazyStrings.NewService)).toBeNull();
    expect(screen.getByText('1 April 2020')).toBeTruthy();
  });
});
