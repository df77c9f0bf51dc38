/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node export conditions: exceljs's Node build (which jest loads) requires uuid, whose "browser"
// export is an ES module jest does not transform. The browser bundle uses exceljs's own browser build.
/**
 * The "Import from a spreadsheet" panel against in-memory repositories: a dry run of a CSV
 * File (counts, a rejected row with its column and reason), apply with confirmation and a rerun
 * that creates nothing, binary junk refused with a clear error and nothing written, and the
 * column template download (which the import itself accepts).
 */
import * as React from 'react';
import { TextDecoder } from 'util';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ImportPanel } from '../../src/components/import/ImportPanel';
import { readFileBytes } from '../../src/components/import/readFile';
import { formatString } from '../../src/components/format';
import { periodById } from '../../src/domain/calendar';
import type { ImportListKind } from '../../src/domain/import/columns';
import type { Service } from '../../src/domain/types';
import { memoryRepositories, MemoryRepositories } from '../import/support/memory';
import { Workbook } from 'exceljs';

setIconOptions({ disableWarnings: true });

// Browsers have TextDecoder (the CSV reader decodes with it); jest's jsdom environment does not expose Node's.
if (typeof (globalThis as { TextDecoder?: unknown }).TextDecoder === 'undefined') {
  Object.assign(globalThis, { TextDecoder });
}

// jsdom has no object URLs; browsers do. The template test records what is handed to it.
beforeEach(() => {
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:stub'), revokeObjectURL: jest.fn() });
});

const TODAY = '2022-02-15';
const COUNCILS = ['Chorley Council', 'South Ribble Borough Council'];
const services = (): Service[] =>
  ['Transformation and Partnerships', 'Governance'].map((name, i) => ({ id: i + 1, etag: '"1"', name, phase: 'Phase 1' as const, partnerCouncils: COUNCILS }));

const HEADER = 'Description of the objective,What does the objective aim to achieve,Service,Status,RAG,Responsible officer email,Progress update February 2022';
const OBJECTIVES_CSV = [
  HEADER,
  'Deliver a shared HR model,<p>One HR team for both councils.</p>,Transformation and Partnerships,Ongoing,Green,hr.lead@chorley.example.gov.uk,<p>The HR system has been procured.</p>',
  'Merge the communications teams,<ul><li>One team</li></ul>,Governance,Ongoing,Purple,comms@chorley.example.gov.uk,Structure agreed.',
  'Single committee calendar,One calendar,Governance,In progress,Amber,clerk@chorley.example.gov.uk,Draft calendar shared.'
].join('\r\n');

function csvFile(text: string, name: string = 'tracker.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

interface Rendered {
  repos: MemoryRepositories;
  onImported: jest.Mock;
}

function renderPanel(list: ImportListKind, today: string = TODAY): Rendered {
  const repos = memoryRepositories(services());
  const onImported = jest.fn();
  render(
    <AppShell repositories={repos}>
      <ImportPanel list={list} isOpen={true} onDismiss={jest.fn()} onImported={onImported} today={today} />
    </AppShell>
  );
  return { repos, onImported };
}

function chooseFile(file: File): void {
  fireEvent.change(screen.getByLabelText(lazyStrings.ImportFileLabel), { target: { files: [file] } });
}

/** Runs the dry run and waits for its counts. */
async function dryRun(file: File): Promise<void> {
  chooseFile(file);
  fireEvent.click(screen.getByText(lazyStrings.ImportCheckButton));
  await screen.findByText(lazyStrings.ImportDryRunHeading, undefined, { timeout: 20000 });
}

/** The number shown for one outcome (create, update, unchanged, reject). */
function count(outcome: string): number {
  const item = document.querySelector(`[data-count="${outcome}"]`);
  if (!item) throw new Error(`No count for ${outcome}`);
  return Number(item.querySelector('span')?.textContent);
}

function tableRows(caption: string): string[][] {
  const table = screen.getByText(caption).closest('table');
  if (!table) throw new Error(`No table "${caption}"`);
  return Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''));
}

function rejectedRows(): string[][] {
  return tableRows(lazyStrings.ImportRejectedCaption);
}

/** Presses "Apply the import", confirms, and waits for the result. */
async function applyAndConfirm(): Promise<void> {
  fireEvent.click(screen.getByText(lazyStrings.ImportApplyButton));
  fireEvent.click(await screen.findByText(lazyStrings.ImportConfirmApply));
  await screen.findByText(lazyStrings.ImportAppliedHeading, undefined, { timeout: 20000 });
}

function applyButton(): HTMLButtonElement {
  const button = screen.getByText(lazyStrings.ImportApplyButton).closest('button');
  if (!button) throw new Error('No apply button');
  return button;
}

describe('ImportPanel', () => {
  it('dry-runs a CSV file: counts, and the rejected row with its column and reason; nothing is written', async () => {
    const { repos } = renderPanel('objectives');
    await dryRun(csvFile(OBJECTIVES_CSV));

    expect(count('create')).toBe(2);
    expect(count('update')).toBe(0);
    expect(count('unchanged')).toBe(0);
    expect(count('reject')).toBe(1);
    const rows = rejectedRows();
    expect(rows).toHaveLength(1);
    const [row, column, reason] = rows[0];
    // Row 3 of the file (the header is row 1), the file's own RAG heading, and the bad value.
    expect(row).toBe('3');
    expect(column).toBe('RAG');
    expect(reason).toContain('"Purple"');
    // The period is read from the heading "Progress update February 2022", and shown by its label.
    expect(screen.getByText(formatString(lazyStrings.ImportPeriodsUsed, periodById('2021-22-Q4').label))).toBeTruthy();
    // Every row previewed: row, service, title, status, RAG, period, officer, action.
    const preview = tableRows(lazyStrings.ImportPreviewCaption);
    expect(preview).toEqual([
      ['2', 'Transformation and Partnerships', 'Deliver a shared HR model', 'Ongoing', 'Green', periodById('2021-22-Q4').label, 'hr.lead@chorley.example.gov.uk', lazyStrings.ImportActionCreate],
      ['3', 'Governance', 'Merge the communications teams', 'Ongoing', '', periodById('2021-22-Q4').label, 'comms@chorley.example.gov.uk', lazyStrings.ImportActionReject],
      ['4', 'Governance', 'Single committee calendar', 'In progress', 'Amber', periodById('2021-22-Q4').label, 'clerk@chorley.example.gov.uk', lazyStrings.ImportActionCreate]
    ]);
    expect(repos.writes).toEqual([]);
  });

  it('applies after confirmation through the repositories, and a second run creates nothing', async () => {
    const { repos, onImported } = renderPanel('objectives');
    await dryRun(csvFile(OBJECTIVES_CSV));
    await applyAndConfirm();

    expect(document.body.textContent).toContain(formatString(lazyStrings.ImportDone, 2, 0, 2, 0));
    expect(document.body.textContent).toContain(formatString(lazyStrings.ImportSkipped, 1));
    const objectives = await repos.objectives.getAll();
    expect(objectives.map((o) => o.title).sort()).toEqual(['Deliver a shared HR model', 'Single committee calendar']);
    expect(objectives.find((o) => o.title === 'Deliver a shared HR model')?.responsibleOfficer?.email).toBe('hr.lead@chorley.example.gov.uk');
    const updates = await repos.objectiveUpdates.getAll();
    expect(updates.map((u) => u.periodId)).toEqual(['2021-22-Q4', '2021-22-Q4']);
    // Sanitised rich text kept as HTML.
    expect(updates.map((u) => u.narrative)).toContain('<p>The HR system has been procured.</p>');
    expect(onImported).toHaveBeenCalledTimes(1);

    // The same file again: everything is unchanged, so there is nothing to apply.
    fireEvent.click(screen.getByText(lazyStrings.ImportAnotherFile));
    await dryRun(csvFile(OBJECTIVES_CSV));
    expect(count('create')).toBe(0);
    expect(count('unchanged')).toBe(2);
    expect(applyButton().disabled).toBe(true);
    expect(screen.getByText(lazyStrings.ImportNothingToWrite)).toBeTruthy();

    // One status changed in the spreadsheet: the second apply updates it and creates nothing.
    const writesBefore = repos.writes.length;
    await dryRun(csvFile(OBJECTIVES_CSV.replace('Single committee calendar,One calendar,Governance,In progress', 'Single committee calendar,One calendar,Governance,Complete')));
    expect(count('create')).toBe(0);
    expect(count('update')).toBe(1);
    await applyAndConfirm();
    expect(document.body.textContent).toContain(formatString(lazyStrings.ImportDone, 0, 1, 0, 1));
    expect(repos.writes.slice(writesBefore).some((w) => w.endsWith(':add'))).toBe(false);
    expect((await repos.objectives.getAll()).find((o) => o.title === 'Single committee calendar')?.status).toBe('Complete');
    expect(await repos.objectives.getAll()).toHaveLength(2);
    expect(await repos.objectiveUpdates.getAll()).toHaveLength(2);
  });

  it('dry-runs an Excel workbook chosen as a File, naming the worksheet read', async () => {
    renderPanel('objectives');
    const rows = OBJECTIVES_CSV.split('\r\n').map((line) => line.split(','));
    // Written by exceljs, not by the code under test.
    const workbook = new Workbook();
    workbook.addWorksheet('Tracker').addRows(rows);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    await dryRun(new File([data], 'tracker.xlsx'));
    expect(count('create')).toBe(2);
    expect(count('reject')).toBe(1);
    expect(rejectedRows()[0].slice(0, 2)).toEqual(['3', 'RAG']);
    expect(screen.getByText(formatString(lazyStrings.ImportSheet, 'Tracker'))).toBeTruthy();
  });

  it('cancelling the confirmation writes nothing', async () => {
    const { repos } = renderPanel('objectives');
    await dryRun(csvFile(OBJECTIVES_CSV));
    fireEvent.click(applyButton());
    fireEvent.click(await screen.findByText(lazyStrings.ImportConfirmCancel));
    await waitFor(() => expect(screen.queryByText(lazyStrings.ImportConfirmTitle)).toBeNull());
    expect(repos.writes).toEqual([]);
    expect(applyButton().disabled).toBe(false);
  });

  it('refuses binary junk with a clear error and writes nothing', async () => {
    const { repos, onImported } = renderPanel('benefits');
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 37 + 11) % 256;
    chooseFile(new File([junk], 'benefits.csv'));
    fireEvent.click(screen.getByText(lazyStrings.ImportCheckButton));

    expect(await screen.findByText(strings.ErrorImportFileTitle, undefined, { timeout: 20000 })).toBeTruthy();
    await waitFor(() => expect(document.body.textContent).toContain('its content is binary'));
    expect(screen.queryByText(lazyStrings.ImportDryRunHeading)).toBeNull();
    expect(screen.queryByText(lazyStrings.ImportApplyButton)).toBeNull();
    expect(repos.writes).toEqual([]);
    expect(onImported).not.toHaveBeenCalled();
  });

  it('offers the column template as a CSV download that the import itself accepts', async () => {
    const blobs: Blob[] = [];
    const create = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:template-${blobs.length}`;
    });
    const revoke = jest.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });

    renderPanel('risks');
    const link = screen.getByText(lazyStrings.ImportTemplateLink).closest('a');
    if (!link) throw new Error('No template link');
    await waitFor(() => expect(link.getAttribute('href')).toBe('blob:template-1'));
    expect(link.getAttribute('download')).toBe('risks-import-template.csv');

    const text = new TextDecoder('utf-8').decode(await readFileBytes(new File([blobs[0]], 'template.csv')));
    const [header] = text.replace(/^\ufeff/, '').split('\r\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['Risk', 'Service', 'Risk owner email', 'Inherent likelihood', 'Residual impact', 'Status']));

    // The template's example row is a valid risk of the Governance service.
    await dryRun(new File([blobs[0]], 'risks-import-template.csv', { type: 'text/csv' }));
    expect(count('create')).toBe(1);
    expect(count('reject')).toBe(0);
  });

  it('asks for the period when the heading names none, and files the updates under any quarter of any year chosen', async () => {
    const { repos } = renderPanel('objectives', '2022-05-20');
    const csv = [
      'Description of the objective,Service,Status,RAG,Responsible officer email,Progress update',
      'Deliver a shared HR model,Governance,Ongoing,Green,hr.lead@chorley.example.gov.uk,Procured.'
    ].join('\r\n');
    await dryRun(csvFile(csv));
    // Never guessed to be the current quarter.
    expect(count('create')).toBe(0);
    expect(rejectedRows()[0][2]).toContain('names no period: choose the period');

    // A quarter six years back.
    fireEvent.click(screen.getByText(lazyStrings.ImportPeriodFromHeadings));
    fireEvent.click(await screen.findByText('2016/17'));
    fireEvent.click(screen.getByText(periodById('2016-17-Q1').label));
    fireEvent.click(await screen.findByText(periodById('2016-17-Q3').label));
    fireEvent.click(screen.getByText(lazyStrings.ImportCheckButton));
    await waitFor(() => expect(count('create')).toBe(1));
    expect(screen.getByText(formatString(lazyStrings.ImportPeriodsUsed, periodById('2016-17-Q3').label))).toBeTruthy();
    await applyAndConfirm();
    const updates = await repos.objectiveUpdates.getAll();
    expect(updates.map((u) => [u.periodId, u.updatedOn.slice(0, 10)])).toEqual([['2016-17-Q3', '2016-12-31']]);
  });

  it('assigns the default officer to new rows without one', async () => {
    const { repos } = renderPanel('objectives');
    fireEvent.change(screen.getByLabelText(lazyStrings.ImportDefaultOfficerLabel), { target: { value: 'lead@chorley.example.gov.uk' } });
    const csv = OBJECTIVES_CSV.split('\r\n')
      .map((line) => line.split(',').filter((_c, i) => i !== 5).join(','))
      .join('\r\n');
    await dryRun(csvFile(csv));
    expect(count('create')).toBe(2);
    await applyAndConfirm();
    expect((await repos.objectives.getAll()).every((o) => o.responsibleOfficer?.email === 'lead@chorley.example.gov.uk')).toBe(true);
  });

  it('stops on a column with data that maps to nothing until it is left out, then lists the rejected rows after applying as a workbook to download', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: jest.fn((b: Blob) => {
        blobs.push(b);
        return `blob:${blobs.length}`;
      }), revokeObjectURL: jest.fn() });
    const { repos } = renderPanel('objectives');
    const csv = OBJECTIVES_CSV.split('\r\n')
      .map((line, i) => `${line},${i === 0 ? 'Budget code' : `B-${i}`}`)
      .join('\r\n');
    await dryRun(csvFile(csv));
    expect(screen.getByText(lazyStrings.ImportUnmappedHeading)).toBeTruthy();
    expect(applyButton().disabled).toBe(true);

    fireEvent.click(screen.getByText(lazyStrings.ImportUnmappedChoose));
    fireEvent.click(await screen.findByText(lazyStrings.ImportUnmappedIgnore));
    expect(await screen.findByText(lazyStrings.ImportChoicesChanged)).toBeTruthy();
    expect(applyButton().disabled).toBe(true);
    fireEvent.click(screen.getByText(lazyStrings.ImportCheckButton));
    await screen.findByText(lazyStrings.ImportApplyButton, undefined, { timeout: 20000 });
    expect(screen.queryByText(lazyStrings.ImportUnmappedHeading)).toBeNull();
    expect(applyButton().disabled).toBe(false);
    await applyAndConfirm();
    expect(await repos.objectives.getAll()).toHaveLength(2);

    // After applying: the rejected row is still listed, and offered as a workbook.
    expect(rejectedRows().map((r) => r.slice(0, 2))).toEqual([['3', 'RAG']]);
    const link = await screen.findByTestId('import-rejected-download');
    expect(link.getAttribute('download')).toBe('objectives-rejected-rows.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load((await readFileBytes(new File([blobs[blobs.length - 1]], 'r.xlsx'))) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Description of the objective');
    expect(sheet.getRow(2).getCell(1).value).toBe('Merge the communications teams');
    expect(String(sheet.getRow(2).getCell(9).value)).toContain('"Purple"');
  });
});
