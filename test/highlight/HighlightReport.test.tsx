/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { renderReport, seed } from './fixtures';
import { fakeRepositories } from '../components/fakeRepositories';
import { TextDecoder, TextEncoder } from 'util';

// Publishing renders the Word paper it stores (docx zips with TextEncoder, which jest's jsdom lacks).
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

/** The table following a heading inside a region (headings and tables are siblings' children). */
function tableAfter(region: HTMLElement, heading: string): HTMLTableElement {
  const h = within(region).getByRole('heading', { name: heading });
  const table = h.parentElement?.querySelector('table');
  if (!table) throw new Error(`No table after the heading "${heading}".`);
  return table as HTMLTableElement;
}

function rowOf(table: HTMLElement, text: string): HTMLTableRowElement {
  return within(table).getByText(text).closest('tr') as HTMLTableRowElement;
}

async function choose(label: string, option: string): Promise<void> {
  // A Fluent Dropdown is named by its label followed by the selected option.
  // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
  fireEvent.click(screen.getByRole('combobox', { name: new RegExp(`^${label} `) }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('HighlightReport', () => {
  it('shows the highlight, objectives, benefits realised, top risks and measures of each service for the current period', async () => {
    const { container } = renderReport();
    const service = await screen.findByRole('region', { name: 'Transformation and Partnerships' });
    // One h2 per web part (the page's outline), the report title below it.
    expect(container.querySelectorAll('h2')).toHaveLength(1);
    expect(screen.getByText('Shared Services Highlight Report, Q4 2021/22')).toBeTruthy();
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    expect(screen.getByRole('combobox', { name: new RegExp(`^${strings.ReportPeriodLabel} `) }).textContent).toContain('Q4 2021/22');

    // The general update of the period, not December's, sanitised.
    expect(within(service).getByText('March key points')).toBeTruthy();
    expect(within(service).queryByText('December key points')).toBeNull();
    expect(within(service).getByText('Committee meeting of 15 March 2022')).toBeTruthy();
    expect(container.querySelector('[onerror]')).toBeNull();

    const objectives = tableAfter(service, strings.ReportObjectivesHeading);
    const adopted = rowOf(objectives, 'Develop a shared digital strategy');
    expect(within(adopted).getByText('Complete')).toBeTruthy();
    expect(within(adopted).getByText('Green')).toBeTruthy();
    expect(within(adopted).getByText('Strategy adopted by both councils')).toBeTruthy();
    // Not updated in Q4: the Q3 update is shown and says so.
    const desk = rowOf(objectives, 'Share one ICT service desk');
    expect(within(desk).getByText('Service desk options appraised')).toBeTruthy();
    expect(desk.textContent).toContain(strings.ReportNotUpdatedThisPeriod);

    // Achieved during Q4 counts as realised this period; achieved last year does not.
    const benefits = tableAfter(service, strings.ReportBenefitsHeading);
    expect(within(benefits).getByText('Shared digital team saves salaries')).toBeTruthy();
    expect(within(benefits).queryByText('Joint procurement of licences')).toBeNull();

    // Open risks, highest residual first: 4x4 = 16 before 2x3 = 6; the closed one is left out.
    const risks = tableAfter(service, strings.ReportRisksHeading);
    const riskRows = (within(risks).getAllByRole('row') as HTMLTableRowElement[]).slice(1);
    expect(riskRows.map((r) => r.cells[0].textContent)).toEqual(['Data breach in shared systems', 'Loss of key digital staff']);
    expect(riskRows[0].textContent).toContain('16 (Very high)');

    // Measures against target, in words (not colour only).
    const measures = tableAfter(service, strings.ReportMeasuresHeading);
    const calls = rowOf(measures, 'Calls answered first time');
    expect(calls.textContent).toContain('85%');
    expect(calls.textContent).toContain(strings.ReportOnTarget);
    expect(calls.textContent).toContain(strings.ReportTrendImproved);
    const projects = rowOf(measures, 'Projects delivered on time');
    expect(projects.textContent).toContain(strings.ReportOffTarget);
    expect(projects.textContent).toContain(strings.ReportTrendWorsened);

    expect(screen.getByRole('region', { name: 'Governance' })).toBeTruthy();
  });

  it('counts the objectives by RAG rating beside the counts by status, over the same objectives', async () => {
    renderReport();
    const summary = await screen.findByRole('region', { name: strings.ReportSummaryHeading });
    const byRag = within(summary).getByRole('table', { name: strings.ReportRagCountsCaption });
    const byStatus = within(summary).getByRole('table', { name: strings.ReportStatusCountsCaption });
    const counts = (table: HTMLElement): number[] =>
      Array.from(table.querySelectorAll('tbody tr')).map((tr) => Number(tr.lastElementChild?.textContent));
    expect(Array.from(byRag.querySelectorAll('tbody tr')).map((tr) => tr.firstElementChild?.textContent)).toEqual(['Red', 'Amber', 'Green', 'Not rated']);
    // Objective 20 was rated Red this period.
    expect(counts(byRag)[0]).toBe(1);
    const total = (n: number[]): number => n.reduce((a, b) => a + b, 0);
    expect(total(counts(byRag))).toBe((seed().objectives ?? []).length);
    expect(total(counts(byRag))).toBe(total(counts(byStatus)));
  });

  it('shows status changes since the previous period', async () => {
    renderReport();
    const service = await screen.findByRole('region', { name: 'Transformation and Partnerships' });
    const changes = tableAfter(service, 'Status changes since Q3 2021/22');
    const row = rowOf(changes, 'Develop a shared digital strategy');
    expect(row.cells[1].textContent).toContain('In progress');
    expect(row.cells[1].textContent).toContain('Amber');
    expect(row.cells[2].textContent).toContain('Complete');
    expect(row.cells[2].textContent).toContain('Green');
    // Unchanged since Q3 (no Q4 update): not a change.
    expect(within(changes).queryByText('Share one ICT service desk')).toBeNull();

    const governance = screen.getByRole('region', { name: 'Governance' });
    const first = rowOf(tableAfter(governance, 'Status changes since Q3 2021/22'), 'Align the constitutions of both councils');
    expect(first.cells[1].textContent).toBe(strings.ReportFirstReported);
    expect(first.cells[2].textContent).toContain('On hold');
  });

  it('reports on one chosen service, another period and another kind of report', async () => {
    renderReport();
    await screen.findByRole('region', { name: 'Governance' });
    await choose(strings.ReportServiceLabel, 'Governance');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Transformation and Partnerships' })).toBeNull());
    expect(screen.getByText('Shared Services Highlight Report, Q4 2021/22: Governance')).toBeTruthy();

    await choose(strings.ReportServiceLabel, strings.ReportAllServices);
    await choose(strings.ReportPeriodLabel, 'Q3 2021/22 (October to December 2021)');
    const service = await screen.findByRole('region', { name: 'Transformation and Partnerships' });
    expect(within(service).getByText('December key points')).toBeTruthy();
    expect(within(service).queryByText('March key points')).toBeNull();

    await choose(strings.ReportKindLabel, strings.ReportKindQuarterly);
    expect(await screen.findByText('Shared Services Quarterly Performance Report, Q3 2021/22')).toBeTruthy();
  });

  it('opens on the latest reported period when nothing is reported for today’s period yet, and says so', async () => {
    renderReport({ today: '2022-05-02' });
    const service = await screen.findByRole('region', { name: 'Transformation and Partnerships' });
    expect(within(service).getByText('March key points')).toBeTruthy();
    expect(screen.getByText(strings.ReportFallbackPeriod.replace('{0}', 'Q1 2022/23').replace('{1}', 'Q4 2021/22'))).toBeTruthy();
  });

  it('publishes version 1 then 2, and shows a published version from its snapshot after the data changed', async () => {
    const repositories = fakeRepositories(seed());
    const first = renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });

    fireEvent.click(screen.getByRole('button', { name: strings.ReportPublish }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(lazyStrings.ReportPublishFirst)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish version 1' }));
    await screen.findByText(/^Published version 1 of "Shared Services Highlight Report, Q4 2021\/22"\. Its Word paper, as the committee receives it, is kept in Committee papers as Shared-Services-Highlight-Report-Q4-2021-22-v1\.docx\.$/);

    // Someone edits the general update after publication; the report is opened again.
    const h = (await repositories.highlights.getById(62))!;
    await repositories.highlights.update({ id: h.id, etag: h.etag, keyPoints: '<p>Rewritten after the meeting</p>' });
    first.unmount();
    renderReport({ repositories });
    const live = await screen.findByRole('region', { name: 'Governance' });
    expect(within(live).getByText('Rewritten after the meeting')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: strings.ReportPublish }));
    const again = await screen.findByRole('alertdialog');
    expect(within(again).getByText(/^The latest published version is 1, published on/)).toBeTruthy();
    fireEvent.click(within(again).getByRole('button', { name: 'Publish version 2' }));
    await screen.findByText(/^Published version 2 of "Shared Services Highlight Report, Q4 2021\/22"\. /);
    const stored = await repositories.snapshots.getAll();
    expect(stored.map((s) => s.version).sort()).toEqual([1, 2]);
    // Each version's Word paper is a file of its own in the papers library, linked to its snapshot.
    const papers = await repositories.committeePapers.papersBySnapshot();
    expect(stored.map((s) => papers.get(s.id)?.fileName).sort()).toEqual(['Shared-Services-Highlight-Report-Q4-2021-22-v1.docx', 'Shared-Services-Highlight-Report-Q4-2021-22-v2.docx']);
    expect(stored.every((s) => (papers.get(s.id)?.version ?? 0) === s.version && papers.get(s.id)?.snapshotId === s.id)).toBe(true);

    await repositories.highlights.update({ id: h.id, etag: h.etag, keyPoints: '<p>Today’s text</p>' });

    fireEvent.click(screen.getByRole('tab', { name: strings.ReportTabPublished }));
    const list = await screen.findByRole('table', { name: lazyStrings.ReportPublishedCaption });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^Version 2, /),
      expect.stringMatching(/^Version 1, /)
    ]);
    // Auditors open exactly what the committee received: each version links its stored Word file.
    const links = await within(list).findAllByTestId('paper-link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Word paper as sent, version 2', '/sites/ssm/SSMCommitteePapers/Shared-Services-Highlight-Report-Q4-2021-22-v2.docx'],
      ['Word paper as sent, version 1', '/sites/ssm/SSMCommitteePapers/Shared-Services-Highlight-Report-Q4-2021-22-v1.docx']
    ]);
    fireEvent.click(within(list).getByRole('button', { name: /^Version 1, .*Test Officer$/ }));

    const banner = await screen.findByTestId('published-banner');
    expect(banner.textContent).toMatch(/^Published version 1 on \d{1,2} [A-Z][a-z]+ \d{4} by Test Officer$/);
    expect((await screen.findByRole('link', { name: lazyStrings.ReportPaperOpen })).getAttribute('href')).toBe(
      '/sites/ssm/SSMCommitteePapers/Shared-Services-Highlight-Report-Q4-2021-22-v1.docx'
    );
    const governance = screen.getByRole('region', { name: 'Governance' });
    expect(within(governance).getByText('Governance key points')).toBeTruthy();
    expect(within(governance).queryByText('Today’s text')).toBeNull();
    // The first version has nothing before it to compare with.
    expect(screen.queryByTestId('report-changes')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: lazyStrings.ReportPublishedBack }));
    fireEvent.click(await screen.findByRole('button', { name: /^Version 2, / }));
    await waitFor(() => expect(screen.getByTestId('published-banner').textContent).toMatch(/^Published version 2 /));
    const v2 = screen.getByRole('region', { name: 'Governance' });
    expect(within(v2).getByText('Rewritten after the meeting')).toBeTruthy();
    expect(within(v2).queryByText('Today’s text')).toBeNull();
    // Version 2 says what changed since version 1: the rewritten key points, before and after.
    const changes = await screen.findByRole('table', { name: 'Changes since version 1' });
    const row = within(changes).getByText(lazyStrings.ReportVersionChangesItemKeyPoints).closest('tr') as HTMLElement;
    expect(within(row).getByText('Governance')).toBeTruthy();
    expect(within(row).getByText(lazyStrings.ReportVersionChangesChanged)).toBeTruthy();
    expect(within(row).getByText('Governance key points')).toBeTruthy();
    expect(within(row).getByText('Rewritten after the meeting')).toBeTruthy();
  });

  it('publishes the clerk’s own paper text, sanitised, with the snapshot', async () => {
    const repositories = fakeRepositories(seed());
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    fireEvent.click(screen.getByRole('button', { name: strings.ReportPaperTextEdit }));
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    const purpose = await screen.findByRole('textbox', { name: new RegExp(strings.ReportPaperPurpose) });
    purpose.innerHTML = '<p>The clerk’s purpose.</p><img src=x onerror="alert(1)"><script>alert(2)</script>';
    fireEvent.input(purpose);

    fireEvent.click(screen.getByRole('button', { name: strings.ReportPublish }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish version 1' }));
    await screen.findByText(/^Published version 1 of "Shared Services Highlight Report, Q4 2021\/22"\. Its Word paper, as the committee receives it, is kept in Committee papers as Shared-Services-Highlight-Report-Q4-2021-22-v1\.docx\.$/);
    const [snapshot] = await repositories.snapshots.getAll();
    expect(snapshot.model.narrative).toEqual({ purpose: '<p>The clerk’s purpose.</p>' });
    expect(snapshot.model.settings?.committeeName).toBe('Shared Services Joint Committee');
  });

  it('offers the paper text only to those who may publish', async () => {
    const repositories = fakeRepositories(seed());
    repositories.canEdit = async () => false;
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    expect(screen.getByRole('button', { name: strings.ReportDownload })).toBeTruthy();
    expect(screen.queryByRole('button', { name: strings.ReportPaperTextEdit })).toBeNull();
  });

  it('reads the lists, the published snapshots, the user and the permission in one load', async () => {
    const repositories = fakeRepositories(seed());
    const separately = jest.spyOn(repositories.snapshots, 'getAll');
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    expect(repositories.loadInitialCalls).toHaveLength(1);
    expect(repositories.loadInitialOptions[0]?.include).toEqual({
      snapshots: true,
      reportSettings: true,
      latestUpdatePeriod: true,
      currentUser: true,
      canEdit: ['snapshots', 'highlights', 'services']
    });
    // Of the updates only the statuses: the narratives shown come with the second round or by id.
    expect(repositories.loadInitialOptions[0]?.updateFields).toBe('history');
    expect(repositories.loadInitialOptions[0]?.readOnly).toBe(true);
    // The fake answers include.snapshots through getAll, once, inside loadInitial.
    expect(separately).toHaveBeenCalledTimes(1);
  });

  it('offers no publish button to users who cannot edit (auditors), but still the download', async () => {
    const repositories = fakeRepositories(seed());
    repositories.canEdit = async () => false;
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    expect(screen.getByRole('button', { name: strings.ReportDownload })).toBeTruthy();
    expect(screen.queryByRole('button', { name: strings.ReportPublish })).toBeNull();
    expect(screen.queryAllByRole('button').filter((b) => /publish/i.test(b.textContent ?? ''))).toEqual([]);
  });

  it('shows a failed load in the error bar with a retry', async () => {
    const repositories = fakeRepositories(seed(), () => new Error('The network is down'));
    renderReport({ repositories });
    expect(await screen.findByText(/The network is down/)).toBeTruthy();
    expect(screen.getByRole('button', { name: strings.TryAgain })).toBeTruthy();
  });

  it('follows the Teams theme and re-renders when it changes', async () => {
    const { container, rerenderWithTheme } = renderReport({ teamsTheme: 'default', inTeams: true });
    await screen.findByRole('region', { name: 'Governance' });
    // The colours of the heading and of the themed root, as the browser would compute them.
    const colours = (): string => {
      // ThemeProvider's own element paints the theme's background.
      const themed = container.firstElementChild as HTMLElement;
      return `${getComputedStyle(container.querySelector('h2') as HTMLElement).color} on ${getComputedStyle(themed).backgroundColor}`;
    };
    const light = colours();
    rerenderWithTheme('dark');
    await waitFor(() => expect(colours()).not.toBe(light));
    const dark = colours();
    rerenderWithTheme('contrast');
    await waitFor(() => expect(colours()).not.toBe(dark));
    expect(new Set([light, dark, colours()]).size).toBe(3);
    // The choices survive the theme change (no remount).
    expect(screen.getByRole('region', { name: 'Governance' })).toBeTruthy();
  });
});
