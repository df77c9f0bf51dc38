/** @jest-environment jsdom */
/**
 * The risk register web part against in-memory repositories: heat-map cells as named buttons
 * that filter the list (inherent/residual toggle), overdue reviews, change since last quarter,
 * read-only for auditors, and create/edit with validation and 412 conflicts.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ConflictError } from '../../src/data/errors';
import type { ItemChanges } from '../../src/data/repositories';
import type { Risk, Service } from '../../src/domain/types';
import { RiskRegister } from '../../src/webparts/riskRegister/components/RiskRegister';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const TODAY = '2022-03-31';
const SERVICES: Service[] = [{ id: 4, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] }];
const OWNER = { id: 13, displayName: 'Craig Holden', email: 'craig.holden@chorley.example.gov.uk' };

function risk(id: number, title: string, inherent: [number, number], residual: [number, number], extra: Partial<Risk> = {}): Risk {
  return {
    id,
    etag: `"${id}"`,
    title,
    causeEffect: '<p>Cause</p>',
    owner: OWNER,
    inherentLikelihood: inherent[0],
    inherentImpact: inherent[1],
    residualLikelihood: residual[0],
    residualImpact: residual[1],
    controls: '<ul><li>Monthly board</li></ul>',
    status: 'Open',
    ...extra
  };
}

const seed = (): Risk[] => [
  risk(1, 'Delays to ICT system migration', [4, 4], [4, 3], { serviceId: 4, reviewDate: '2022-03-18', previousResidualScore: 9 }),
  risk(2, 'Loss of key staff', [4, 4], [3, 3], { reviewDate: '2022-06-30', previousResidualScore: 12 }),
  risk(3, 'Exit of a partner council', [2, 5], [4, 3], { reviewDate: '2022-05-01', previousResidualScore: 12 }),
  risk(4, 'Old closed risk', [5, 5], [1, 1], { status: 'Closed' })
];

function renderRegister(configure?: (repos: FakeRepositories) => void): FakeRepositories {
  const repositories = fakeRepositories({ services: SERVICES, risks: seed() });
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <RiskRegister today={TODAY} />
    </AppShell>
  );
  return repositories;
}

// Text and label queries: role queries over Fluent's whole DOM are slow on a shared machine.
const listed = (): string[] =>
  Array.from(document.querySelectorAll('[role="row"] strong')).map((e) => e.textContent ?? '');
const rowOf = (title: string): HTMLElement => screen.getByText(title).closest('[role="row"]') as HTMLElement;
const button = (container: HTMLElement, text: string): HTMLElement => within(container).getByText(text).closest('button') as HTMLElement;
const dialog = async (): Promise<HTMLElement> => (await screen.findByText(lazyStrings.FormSave)).closest('.ms-Panel-main') as HTMLElement;


/** A heat-map cell by its sentence, e.g. 'Likelihood 4 Likely, impact 3 Moderate: 2 risks' (the band follows). */
const heatCell = (container: HTMLElement, sentence: string): HTMLElement =>
  within(container).getByRole('button', { name: (name: string) => name.startsWith(`${sentence}.`) });

describe('RiskRegister', () => {
  it('shows open risks highest residual first, with scores and bands, change since last quarter and overdue reviews', async () => {
    renderRegister();
    await screen.findByText('Delays to ICT system migration');
    expect(listed()).toEqual(['Delays to ICT system migration', 'Exit of a partner council', 'Loss of key staff']);

    const ict = rowOf('Delays to ICT system migration');
    expect(within(ict).getByText('16 (Very high)')).toBeTruthy();
    expect(within(ict).getByText('12 (High)')).toBeTruthy();
    expect(within(ict).getByText('Up from 9')).toBeTruthy();
    expect(within(ict).getByLabelText('Review overdue: due 18 March 2022')).toBeTruthy();
    expect(within(ict).getByText('ICT')).toBeTruthy();

    const staff = rowOf('Loss of key staff');
    expect(within(staff).getByText('Down from 12')).toBeTruthy();
    expect(within(staff).queryByText(strings.ReviewOverdue)).toBeNull();
    expect(within(staff).getByText(strings.ProgrammeWide)).toBeTruthy();
    expect(within(rowOf('Exit of a partner council')).getByText(strings.ChangeSame)).toBeTruthy();
  });

  it('names each heat-map cell by likelihood, impact and count, and filters the list when a cell is chosen', async () => {
    renderRegister();
    await screen.findByText('Delays to ICT system migration');
    const map = screen.getByTestId('heat-map');
    const cell = heatCell(map, 'Likelihood 4 Likely, impact 3 Moderate: 2 risks');
    expect(cell.tagName).toBe('BUTTON');
    // What sighted users see: the count and the band.
    const shown = Array.from(cell.querySelectorAll('[aria-hidden="true"]')).map((e) => e.textContent).join('');
    expect(shown).toBe(`2${strings.BandHigh}`);
    expect(heatCell(map, 'Likelihood 3 Possible, impact 3 Moderate: 1 risk')).toBeTruthy();
    expect(heatCell(map, 'Likelihood 5 Almost certain, impact 5 Catastrophic: 0 risks')).toBeTruthy();
    // The closed risk is filtered out by the default "Open" status, so it is not counted.
    expect(heatCell(map, 'Likelihood 1 Rare, impact 1 Insignificant: 0 risks')).toBeTruthy();

    fireEvent.click(cell);
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    expect(listed()).toEqual(['Delays to ICT system migration', 'Exit of a partner council']);
    // MessageBar renders its text a moment later so screen readers announce it.
    await waitFor(() => expect(screen.getByTestId('cell-filter').textContent).toContain('Showing risks with residual likelihood 4 Likely and impact 3 Moderate.'));

    // Choosing the cell again shows every risk.
    fireEvent.click(cell);
    expect(listed()).toHaveLength(3);
    expect(screen.queryByTestId('cell-filter')).toBeNull();
  });

  it('switches the heat map to inherent scores', async () => {
    renderRegister();
    await screen.findByText('Delays to ICT system migration');
    fireEvent.click(screen.getByLabelText(strings.HeatMapInherent));
    const map = screen.getByTestId('heat-map');
    const cell = heatCell(map, 'Likelihood 4 Likely, impact 4 Major: 2 risks');
    expect(heatCell(map, 'Likelihood 4 Likely, impact 3 Moderate: 0 risks')).toBeTruthy();
    fireEvent.click(cell);
    expect(listed()).toEqual(['Delays to ICT system migration', 'Loss of key staff']);
  });

  it('lists only overdue reviews when asked', async () => {
    renderRegister();
    await screen.findByText('Delays to ICT system migration');
    fireEvent.click(screen.getByLabelText(strings.FilterOverdueOnly));
    expect(listed()).toEqual(['Delays to ICT system migration']);
    expect(heatCell(screen.getByTestId('heat-map'), 'Likelihood 4 Likely, impact 3 Moderate: 1 risk')).toBeTruthy();
  });

  it('is read-only for an auditor: no create or edit controls', async () => {
    renderRegister((repos) => {
      repos.canEdit = async () => false;
    });
    await screen.findByText(strings.RegisterReadOnlyNotice);
    expect(screen.getByText('Loss of key staff')).toBeTruthy();
    expect(screen.queryByText(strings.NewRisk)).toBeNull();
    expect(screen.queryAllByText(strings.EditItem)).toEqual([]);
  });

  it('shows validation messages for a new risk and saves nothing', async () => {
    const repositories = renderRegister();
    const add = jest.spyOn(repositories.risks, 'add');
    fireEvent.click((await screen.findByText(strings.NewRisk)).closest('button') as HTMLElement);
    const panel = await dialog();
    fireEvent.click(button(panel, lazyStrings.FormSave));
    expect(await within(panel).findByText(strings.ErrorValidationTitle)).toBeTruthy();
    for (const message of ['Risk is required.', 'Risk owner is required.', 'Inherent likelihood is required.', 'Residual impact is required.']) {
      expect(within(panel).getAllByText(message)).toHaveLength(2);
    }
    expect(add).not.toHaveBeenCalled();
  });

  it('creates a risk whose owner is typed as an email address and resolved to a site user', async () => {
    const newcomer = { id: 42, displayName: 'Nia Newcomer', email: 'nia.newcomer@southribble.example.gov.uk' };
    const repositories = renderRegister((repos) => {
      repos.ensureUser = async (login) => {
        expect(login).toBe(newcomer.email);
        return newcomer;
      };
    });
    const add = jest.spyOn(repositories.risks, 'add');
    fireEvent.click((await screen.findByText(strings.NewRisk)).closest('button') as HTMLElement);
    const panel = await dialog();
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldRisk), { target: { value: 'Payroll contract ends' } });
    const owner = within(panel).getByPlaceholderText(lazyStrings.FieldOwnerPlaceholder);
    // Type the address and press Enter, as a user would in the ComboBox.
    fireEvent.focus(owner);
    fireEvent.input(owner, { target: { value: newcomer.email } });
    fireEvent.keyDown(owner, { key: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect((owner as HTMLInputElement).value).toBe('Nia Newcomer'));
    for (const [name, value] of [
      [lazyStrings.FieldInherentLikelihood, '3 Possible'],
      [lazyStrings.FieldInherentImpact, '4 Major'],
      [lazyStrings.FieldResidualLikelihood, '2 Unlikely'],
      [lazyStrings.FieldResidualImpact, '4 Major']
    ]) {
      const label = within(panel).getByText(name, { selector: 'label' });
      fireEvent.click(document.getElementById(label.id.replace(/-label$/, '')) as HTMLElement);
      fireEvent.click((await screen.findByText(value, { selector: '.ms-Dropdown-optionText' })).closest('button') as HTMLElement);
    }
    await act(async () => {
      fireEvent.click(button(panel, lazyStrings.FormSave));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toMatchObject({
      title: 'Payroll contract ends',
      owner: newcomer,
      inherentLikelihood: 3,
      inherentImpact: 4,
      residualLikelihood: 2,
      residualImpact: 4,
      status: 'Open'
    });
    // New this quarter, in the residual cell it was given.
    expect(within(rowOf('Payroll contract ends')).getByText(strings.ChangeNew)).toBeTruthy();
    expect(heatCell(screen.getByTestId('heat-map'), 'Likelihood 2 Unlikely, impact 4 Major: 1 risk')).toBeTruthy();
  });

  it('edits a risk, shows the new scores as they are chosen, and shows both versions on a 412', async () => {
    const calls: Array<ItemChanges<Risk>> = [];
    const theirs: Risk = { ...seed()[1], etag: '"7"', residualLikelihood: 2, modified: '2022-03-29T09:00:00Z' };
    renderRegister((repos) => {
      repos.risks.update = async (changes) => {
        calls.push(changes);
        if (calls.length === 1) throw new ConflictError<Risk>(theirs, changes, { operation: 'update', list: 'risks', itemId: 2 });
        return { ...theirs, ...changes, etag: '"8"' } as Risk;
      };
    });
    fireEvent.click(await screen.findByLabelText('Edit Loss of key staff'));
    const panel = await dialog();
    const label = within(panel).getByText(lazyStrings.FieldResidualLikelihood, { selector: 'label' });
    fireEvent.click(document.getElementById(label.id.replace(/-label$/, '')) as HTMLElement);
    fireEvent.click((await screen.findByText('5 Almost certain', { selector: '.ms-Dropdown-optionText' })).closest('button') as HTMLElement);
    expect(within(panel).getByText('Inherent score 16 (Very high); residual score 15 (High)')).toBeTruthy();
    expect(within(panel).getByText("Residual score at last quarter's review: 12")).toBeTruthy();

    fireEvent.click(button(panel, lazyStrings.FormSave));
    const conflict = await within(panel).findByTestId('item-conflict');
    const row = within(conflict).getByText(lazyStrings.FieldResidualLikelihood).closest('tr') as HTMLElement;
    expect(Array.from(row.querySelectorAll('td')).map((c) => c.textContent)).toEqual(['5 Almost certain', '2 Unlikely', lazyStrings.ItemConflictOutcomeBoth]);

    // Take theirs: the form shows their value and nothing is saved.
    fireEvent.click(button(conflict, lazyStrings.ItemConflictTakeTheirs));
    expect(within(panel).queryByTestId('item-conflict')).toBeNull();
    expect(within(panel).getByText('Inherent score 16 (Very high); residual score 6 (Medium)')).toBeTruthy();
    await act(async () => {
      fireEvent.click(button(panel, lazyStrings.FormSave));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(calls.map((c) => [c.etag, c.residualLikelihood])).toEqual([
      ['"2"', 5],
      ['"7"', 2]
    ]);
  });
  it('asks for confirmation, with the reason, before saving a residual score above the inherent one', async () => {
    const calls: Array<ItemChanges<Risk>> = [];
    renderRegister((repos) => {
      repos.risks.update = async (changes) => {
        calls.push(changes);
        return { ...seed()[1], ...changes, etag: '"3"' } as Risk;
      };
    });
    fireEvent.click(await screen.findByLabelText('Edit Loss of key staff'));
    const panel = await dialog();
    // Inherent 4 x 4 = 16; residual 5 x 4 = 20.
    for (const [name, value] of [
      [lazyStrings.FieldResidualLikelihood, '5 Almost certain'],
      [lazyStrings.FieldResidualImpact, '4 Major']
    ]) {
      const label = within(panel).getByText(name, { selector: 'label' });
      fireEvent.click(document.getElementById(label.id.replace(/-label$/, '')) as HTMLElement);
      fireEvent.click((await screen.findByText(value, { selector: '.ms-Dropdown-optionText' })).closest('button') as HTMLElement);
    }
    fireEvent.click(button(panel, lazyStrings.FormSave));
    const warning = await within(panel).findByText(/The residual score \(20\) is higher than the inherent score \(16\)/);
    expect(warning.closest('[data-warning]')?.getAttribute('data-warning')).toBe('residualAboveInherent');
    expect(calls).toHaveLength(0);
    // Going back saves nothing; saving anyway saves the scores as chosen.
    fireEvent.click(button(panel, lazyStrings.FormGoBack));
    expect(within(panel).queryByText(lazyStrings.FormSaveAnyway)).toBeNull();
    fireEvent.click(button(panel, lazyStrings.FormSave));
    await act(async () => {
      fireEvent.click(await within(panel).findByText(lazyStrings.FormSaveAnyway));
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ residualLikelihood: 5, residualImpact: 4 });
  });

  it('warns that a review date typed as dd/mm/yyyy has passed, and saves it only once confirmed', async () => {
    const calls: Array<ItemChanges<Risk>> = [];
    renderRegister((repos) => {
      repos.risks.update = async (changes) => {
        calls.push(changes);
        return { ...seed()[1], ...changes, etag: '"3"' } as Risk;
      };
    });
    fireEvent.click(await screen.findByLabelText('Edit Loss of key staff'));
    const panel = await dialog();
    const date = within(panel).getByRole('combobox', { name: lazyStrings.FieldReviewDate });
    fireEvent.change(date, { target: { value: '15/03/2022' } });
    fireEvent.blur(date);
    await waitFor(() => expect((date as HTMLInputElement).value).toBe('15 March 2022'));
    fireEvent.click(button(panel, lazyStrings.FormSave));
    expect(await within(panel).findByText(/Review date 15 March 2022 has already passed/)).toBeTruthy();
    expect(calls).toHaveLength(0);
    await act(async () => {
      fireEvent.click(within(panel).getByText(lazyStrings.FormSaveAnyway));
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].reviewDate).toBe('2022-03-15');
  });

  it('keeps the date when typed text is not a date, and says what was not taken', async () => {
    renderRegister();
    fireEvent.click(await screen.findByLabelText('Edit Loss of key staff'));
    const panel = await dialog();
    const date = within(panel).getByRole('combobox', { name: lazyStrings.FieldReviewDate });
    fireEvent.change(date, { target: { value: '31/02/2023' } });
    fireEvent.blur(date);
    expect(await within(panel).findByText(/"31\/02\/2023" is not a date, so it was not taken/)).toBeTruthy();
    expect((date as HTMLInputElement).value).toBe('30 June 2022');
  });
});
