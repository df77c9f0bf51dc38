/** @jest-environment jsdom */
/**
 * The published reports list with one snapshot altered after publishing and one unreadable
 * (test/report/snapshotIntegrity.contract.test.ts reads them so from the local host): the altered
 * one is never called "as it was published", the unreadable one is named with its reason on its
 * own row, and the other versions still open.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { publishedPeriods } from '../../src/domain/report/snapshot';
import { fakeRepositories } from '../components/fakeRepositories';
import { renderReport, seed, TODAY } from './fixtures';

describe('published reports with an altered and an unreadable snapshot', () => {
  it('flags the altered one, lists the unreadable one with its reason, and opens the rest', async () => {
    const repositories = fakeRepositories(seed());
    const { buildReportModel } = await import('../../src/domain/report');
    const data = await repositories.loadInitial(['services', 'objectives', 'updates', 'benefits', 'risks', 'measures', 'highlights']);
    const model = buildReportModel(data, { kind: 'highlight', periodId: '2021-22-Q4', generatedOn: `${TODAY}T09:00:00Z` });
    const v1 = await repositories.snapshots.publish(model, { id: 9, displayName: 'Test Officer', email: 't@example.gov.uk' });
    const v2 = await repositories.snapshots.publish(model, { id: 9, displayName: 'Test Officer', email: 't@example.gov.uk' });
    const altered = { ...v2, integrity: 'altered' as const };
    const verified = { ...v1, integrity: 'verified' as const };
    const unreadable = { id: 99, title: v1.title, periodId: v1.periodId, version: 3, publishedOn: v1.publishedOn, reason: 'The stored report could not be decompressed: bad data.' };
    repositories.snapshots.publishedPeriods = async () => publishedPeriods([verified, altered], [unreadable]);
    repositories.snapshots.getById = async (id) => (id === altered.id ? altered : id === verified.id ? verified : undefined);

    renderReport({ repositories });
    fireEvent.click(await screen.findByRole('tab', { name: strings.ReportTabPublished }));
    const list = await screen.findByRole('table', { name: lazyStrings.ReportPublishedCaption });
    const row = within(list).getAllByRole('row')[1];
    await waitFor(() => expect(within(row).getByTestId('unreadable-version').textContent).toContain('Version 3 of'));
    expect(within(row).getByTestId('unreadable-version').textContent).toContain('could not be decompressed');
    expect(within(row).getAllByRole('button').map((b) => b.textContent)).toEqual([
      lazyStrings.ReportVersionAltered.replace('{0}', '2'),
      expect.stringMatching(/^Version 1, /)
    ]);

    fireEvent.click(within(row).getByRole('button', { name: lazyStrings.ReportVersionAltered.replace('{0}', '2') }));
    await screen.findByTestId('altered-banner');
    expect(screen.queryByText(lazyStrings.ReportPublishedNote, { exact: false })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: lazyStrings.ReportPublishedBack }));
    fireEvent.click(await screen.findByRole('button', { name: /^Version 1, / }));
    await waitFor(() => expect(screen.getByTestId('published-banner').textContent).toMatch(/^Published version 1 /));
    expect(screen.queryByTestId('altered-banner')).toBeNull();
  });
});
