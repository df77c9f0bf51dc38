/** @jest-environment jsdom */
/**
 * The reminder mail's risk review link (`?review=<id>`): it opens that risk's review, which
 * keeps the residual score before the review as last quarter's score; a link to a risk that is
 * gone, or opened by someone who may only read, says so instead.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { Risk } from '../../src/domain/types';
import { RiskRegister } from '../../src/webparts/riskRegister/components/RiskRegister';
import { reviewValues } from '../../src/webparts/riskRegister/riskForm';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const OWNER = { id: 13, displayName: 'Craig Holden', email: 'craig.holden@chorley.example.gov.uk' };
const risk = (id: number, title: string, residual: [number, number], extra: Partial<Risk> = {}): Risk => ({
  id,
  etag: `"${id}"`,
  title,
  causeEffect: '<p>Cause</p>',
  owner: OWNER,
  inherentLikelihood: 4,
  inherentImpact: 4,
  residualLikelihood: residual[0],
  residualImpact: residual[1],
  controls: '<p>Controls</p>',
  reviewDate: '2022-03-18',
  previousResidualScore: 9,
  status: 'Open',
  ...extra
});

function renderAt(search: string, configure?: (repos: FakeRepositories) => void): FakeRepositories {
  window.history.pushState({}, '', `/SitePages/Risks.aspx${search}`);
  const repositories = fakeRepositories({ risks: [risk(1, 'Delays to ICT system migration', [4, 3]), risk(2, 'Loss of key staff', [3, 3])] });
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <RiskRegister today="2022-03-31" />
    </AppShell>
  );
  return repositories;
}

const button = (container: HTMLElement, text: string): HTMLElement => within(container).getByText(text).closest('button') as HTMLElement;

afterEach(() => window.history.pushState({}, '', '/'));

describe('risk review link', () => {
  it('keeps the residual score before the review as the previous score', () => {
    expect(reviewValues(risk(1, 'A', [4, 3])).previousResidualScore).toBe(12);
    // Scores off the scale (typed into the list by hand) leave the previous score as it was.
    expect(reviewValues(risk(1, 'A', [9, 3])).previousResidualScore).toBe(9);
  });

  it('opens the linked risk’s review and saves the review with last quarter’s score', async () => {
    const repositories = renderAt('?review=2');
    const update = jest.spyOn(repositories.risks, 'update');
    const panel = (await screen.findByText('Review risk: Loss of key staff', undefined, { timeout: 8000 })).closest('.ms-Panel-main') as HTMLElement;
    expect(within(panel).getByText(lazyStrings.RiskReviewIntro)).toBeTruthy();
    expect(within(panel).getByText("Residual score at last quarter's review: 9")).toBeTruthy();
    await act(async () => {
      fireEvent.click(button(panel, lazyStrings.FormSave));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(update.mock.calls[0][0]).toMatchObject({ id: 2, etag: '"2"', previousResidualScore: 9 });
    // Opened again by hand, the form is a plain edit.
    fireEvent.click(await screen.findByLabelText('Edit Loss of key staff'));
    expect(await screen.findByText(lazyStrings.RiskFormEditTitle)).toBeTruthy();
  });

  it('records the score before the review when it changes', async () => {
    const repositories = renderAt('?review=1');
    const update = jest.spyOn(repositories.risks, 'update');
    const panel = (await screen.findByText('Review risk: Delays to ICT system migration', undefined, { timeout: 8000 })).closest('.ms-Panel-main') as HTMLElement;
    expect(within(panel).getByText("Residual score at last quarter's review: 12")).toBeTruthy();
    await act(async () => {
      fireEvent.click(button(panel, lazyStrings.FormSave));
    });
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0][0]).toMatchObject({ id: 1, previousResidualScore: 12 });
  });

  it('says so when the linked risk is gone, or when the user may only read', async () => {
    renderAt('?review=77');
    expect(await screen.findByText(strings.RiskReviewLinkNotFound)).toBeTruthy();
    expect(screen.queryByText(lazyStrings.FormSave)).toBeNull();
  });

  it('does not open a review for a reader', async () => {
    renderAt('?review=2', (repos) => {
      repos.canEdit = async () => false;
    });
    expect(await screen.findByText(strings.RiskReviewLinkReadOnly)).toBeTruthy();
    expect(screen.queryByText(lazyStrings.FormSave)).toBeNull();
  });
});
