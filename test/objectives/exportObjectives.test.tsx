/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * "Export to Excel" of the objectives tracker, for an auditor who may not edit: the objectives
 * the search leaves, in the order listed, with the search named as the filter applied. (Node
 * export conditions, so exceljs loads its Node build under jsdom.)
 */
import * as React from 'react';
import { readWorkbook } from '../support/workbookDownload';
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ObjectivesTracker } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { periodById } from '../../src/domain/calendar';
import { TODAY, memoryStorage, repositoriesFor, seed } from './fixtures';

setIconOptions({ disableWarnings: true });

const COLUMNS = { aim: true, status: true, rag: true, officer: true, latestUpdate: true, targetDate: true };

it('exports the objectives the search leaves, naming the search', async () => {
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      blobs.push(b);
      return 'blob:objectives';
    },
    revokeObjectURL: () => undefined
  });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  try {
    render(
      <AppShell repositories={repositoriesFor(seed(), { canEdit: false })}>
        <ObjectivesTracker serviceFilter="" columns={COLUMNS} today={TODAY} storage={memoryStorage()} />
      </AppShell>
    );
    await screen.findByText('Develop a shared digital strategy');
    fireEvent.change(screen.getByRole('searchbox', { name: strings.ObjectivesSearchLabel }), { target: { value: 'digital' } });
    await act(async () => {
      fireEvent.click(screen.getByText(strings.ExportExcel));
    });
    await screen.findByText(`Downloaded Shared-Services-Objectives-${TODAY}.xlsx.`, undefined, { timeout: 20000 });
    const wb = await readWorkbook(blobs[0]);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.ObjectivesSearchLabel}: digital`);
    expect(ws.getRow(5).getCell(1).value).toBe('Transformation and Partnerships');
    expect(ws.getRow(5).getCell(2).value).toBe('Develop a shared digital strategy');
    expect(ws.getRow(5).getCell(7).value).toBe(periodById('2021-22-Q3').label);
    expect(ws.getRow(5).getCell(8).value).toBe('Third quarter progress');
    expect(ws.getRow(6).getCell(2).value).toBeNull();
  } finally {
    click.mockRestore();
  }
});
