/** @jest-environment jsdom */
/**
 * The Word paper publishing stores: when the library refuses it, the snapshot still stands, the
 * message says so and how to retry, and the published version offers "Store the Word paper",
 * after which it links the stored file. Auditors see the link but no store button.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { TextDecoder, TextEncoder } from 'util';
import { renderReport, seed } from './fixtures';
import { fakeRepositories } from '../components/fakeRepositories';
import { PaperNotStoredError } from '../../src/data/papers';

// Publishing renders the Word paper (docx zips with TextEncoder, which jest's jsdom lacks).
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

describe('the Word paper of a published report', () => {
  it('says the snapshot stands when the paper could not be stored, and stores it on request', async () => {
    const repositories = fakeRepositories(seed());
    const store = repositories.committeePapers.storePaper;
    let refusals = 1;
    repositories.committeePapers.storePaper = async (snapshot, docx, fileName) => {
      if (refusals-- > 0) throw new PaperNotStoredError(snapshot.version, 'the library is not there.', { operation: 'add', list: 'committeePapers' });
      return store(snapshot, docx, fileName);
    };
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    fireEvent.click(screen.getByRole('button', { name: strings.ReportPublish }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Publish version 1' }));

    expect(await screen.findByText(strings.ErrorPaperNotStoredTitle)).toBeTruthy();
    expect(screen.getByText(/^Version 1 was published, but its Word paper could not be stored in Committee papers: the library is not there\.$/)).toBeTruthy();
    const [snapshot] = await repositories.snapshots.getAll();
    expect(snapshot.version).toBe(1);

    fireEvent.click(screen.getByRole('tab', { name: strings.ReportTabPublished }));
    const list = await screen.findByRole('table', { name: lazyStrings.ReportPublishedCaption });
    expect(within(list).queryByTestId('paper-link')).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: /^Version 1, / }));
    expect(await screen.findByText(lazyStrings.ReportPaperMissing)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: lazyStrings.ReportPaperStore }));

    expect(await screen.findByText('The Word paper of version 1 is kept in Committee papers as Shared-Services-Highlight-Report-Q4-2021-22-v1.docx.')).toBeTruthy();
    const link = await screen.findByRole('link', { name: lazyStrings.ReportPaperOpen });
    expect(link.getAttribute('href')).toBe('/sites/ssm/SSMCommitteePapers/Shared-Services-Highlight-Report-Q4-2021-22-v1.docx');
    expect(screen.queryByText(lazyStrings.ReportPaperMissing)).toBeNull();
    expect((await repositories.committeePapers.papersBySnapshot()).get(snapshot.id)?.version).toBe(1);
  });
});

describe('a stored Word paper changed afterwards', () => {
  it('is never offered as the paper as sent', async () => {
    const repositories = fakeRepositories(seed());
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    fireEvent.click(screen.getByRole('button', { name: strings.ReportPublish }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Publish version 1' }));
    await screen.findByText(/^Published version 1 of /);
    const [snapshot] = await repositories.snapshots.getAll();
    const paper = (await repositories.committeePapers.papersBySnapshot()).get(snapshot.id);
    repositories.alteredPapers.add(paper?.fileUrl ?? '');

    fireEvent.click(screen.getByRole('tab', { name: strings.ReportTabPublished }));
    const list = await screen.findByRole('table', { name: lazyStrings.ReportPublishedCaption });
    fireEvent.click(within(list).getByRole('button', { name: /^Version 1, / }));
    // Fluent's MessageBar renders its text a moment after the bar itself.
    await waitFor(() => expect(screen.getByTestId('paper-altered').textContent).toBe(lazyStrings.ReportPaperAltered));
    expect(screen.getByRole('link', { name: lazyStrings.ReportPaperOpenChanged }).getAttribute('href')).toBe(paper?.fileUrl);
    expect(screen.queryByRole('link', { name: lazyStrings.ReportPaperOpen })).toBeNull();
  });
});
