/** @jest-environment jsdom */
/**
 * The highlight report when its repositories read the updates' statuses only (as the PnPjs ones
 * do): it shows exactly the report it shows from every update read whole, with the narratives
 * read in the first load's second round or, for those that missed it, by id before it renders.
 */
import { screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { formatString } from '../../src/components/format';
import { REPORT_FIRST_ROWS } from '../../src/webparts/highlightReport/components/ReportView';
import { generateLargeData } from '../../local/sample-data/generate';
import type { InitialLoad } from '../../src/data/repositories';
import type { Objective, ObjectiveUpdate } from '../../src/domain/types';
import { renderReport, seed } from './fixtures';
import { FakeRepositories, FakeSeed, fakeRepositories } from '../components/fakeRepositories';

/**
 * Repositories that answer `updateFields: 'status'` or `'history'` with the updates' statuses
 * only (as the PnPjs ones do, from the status histories when `fromHistories`) and, if
 * `followUps`, a follow-up.
 */
function statusOnly(
  followUps: boolean,
  lastPeriods = true,
  fromHistories = false,
  s: FakeSeed = seed(),
  stale?: (u: ObjectiveUpdate) => ObjectiveUpdate
): { repositories: FakeRepositories; getByIds: jest.SpyInstance } {
  const repositories = fakeRepositories(lastPeriods ? withLastUpdatePeriods(s) : s);
  const whole = repositories.loadInitial;
  repositories.loadInitial = async (lists, options) => {
    const read: InitialLoad = await whole(lists, options);
    if (options?.updateFields !== 'status' && options?.updateFields !== 'history') return read;
    const all = read.updates;
    const summary = options.objectiveFields === 'summary';
    const out: InitialLoad = {
      ...read,
      updatesStatusOnly: true,
      updatesFromHistories: options.updateFields === 'history' ? fromHistories : undefined,
      updates: all.map(({ author: _a, ...u }) => ({ ...u, narrative: '' })).map((u) => (options.updateFields === 'history' && stale ? stale(u) : u)),
      // As `objectiveFields: 'summary'` reads them: no aim, officer or dates.
      ...(summary
        ? {
            objectivesSummaryOnly: true,
            objectives: read.objectives.map(({ aim: _aim, responsibleOfficer: _o, targetDate: _t, nextUpdateDue: _n, ...o }) => ({ ...o }) as Objective)
          }
        : {})
    };
    const reads = followUps ? options.followUp?.(out, new Set()) : undefined;
    if (reads) {
      const byKey = (u: ObjectiveUpdate): boolean => (reads.updatesOf ?? []).some((k) => k.objectiveId === u.objectiveId && k.periodId === u.periodId);
      out.periodUpdates = all.filter((u) => (reads.updatesForPeriods ?? []).indexOf(u.periodId) >= 0 || byKey(u));
      if (reads.objectives) out.objectiveDetails = read.objectives.filter((o) => (reads.objectives ?? []).indexOf(o.id) >= 0);
    }
    return out;
  };
  const getByIds = jest.spyOn(repositories.objectiveUpdates, 'getByIds');
  return { repositories, getByIds };
}

/** The seed with each objective's last update period, as the update save keeps it. */
function withLastUpdatePeriods(s: FakeSeed): FakeSeed {
  const updates = s.updates ?? [];
  return {
    ...s,
    objectives: (s.objectives ?? []).map((o) => {
      const own = updates.filter((u) => u.objectiveId === o.id).map((u) => u.periodId).sort();
      return own.length > 0 ? { ...o, lastUpdatePeriodId: own[own.length - 1] } : o;
    })
  };
}

/** The live report's text once shown. */
async function reportText(repositories: FakeRepositories): Promise<string> {
  const { container, unmount } = renderReport({ repositories });
  await screen.findByRole('region', { name: 'Governance' });
  const text = container.textContent ?? '';
  unmount();
  return text;
}

describe('HighlightReport reading the statuses of the updates only', () => {
  it('shows the same report, with the narratives read in the second round (by period, and by last update period) and nothing read by id', async () => {
    const expected = await reportText(fakeRepositories(seed()));
    const { repositories, getByIds } = statusOnly(true);
    const text = await reportText(repositories);
    expect(text).toBe(expected);
    expect(getByIds).not.toHaveBeenCalled();
  });

  it('reads by id the narrative of an objective without a last update period, and shows the same report', async () => {
    const expected = await reportText(fakeRepositories(seed()));
    const { repositories, getByIds } = statusOnly(true, false);
    expect(await reportText(repositories)).toBe(expected);
    expect(getByIds).toHaveBeenCalledTimes(1);
    // Objective 11 has no last update period: its Q3 update is the one read by id.
    expect(getByIds.mock.calls[0][0]).toEqual([102]);
  });

  it('reads by key the exact narratives shown when the statuses came from the histories, and nothing by id', async () => {
    const expected = await reportText(fakeRepositories(seed()));
    const { repositories, getByIds } = statusOnly(true, false, true);
    expect(await reportText(repositories)).toBe(expected);
    expect(getByIds).not.toHaveBeenCalled();
  });

  it('reads by id the narratives the second round did not bring, and shows the same report', async () => {
    const expected = await reportText(fakeRepositories(seed()));
    const { repositories, getByIds } = statusOnly(false);
    const text = await reportText(repositories);
    expect(text).toBe(expected);
    expect(getByIds).toHaveBeenCalledTimes(1);
    const asked = getByIds.mock.calls[0][0] as number[];
    const updates: ObjectiveUpdate[] = seed().updates ?? [];
    // Only the updates shown: fewer than every update, each one of them.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(updates.length);
    for (const id of asked) expect(updates.some((u) => u.id === id)).toBe(true);
  });

  it("shows a long report once each table's first rows have their narratives, and offers the rest, the download and printing only once they are read", async () => {
    // The generator copies the sample lists with structuredClone, which jest's jsdom lacks.
    if (typeof globalThis.structuredClone === 'undefined') Object.assign(globalThis, { structuredClone: (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown });
    const g = generateLargeData({ objectives: 240, updatesPerObjective: 2, seed: 5 });
    const long: FakeSeed = { services: g.services, objectives: g.objectives, updates: g.objectiveUpdates, benefits: g.benefits, risks: g.risks, measures: g.measures, highlights: g.highlights };
    const expected = await reportText(fakeRepositories(long));

    const { repositories, getByIds } = statusOnly(true, true, true, long);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const byId = new Map((g.objectiveUpdates as ObjectiveUpdate[]).map((u) => [u.id, u]));
    getByIds.mockImplementation(async (ids: readonly number[]) => {
      await gate;
      return ids.map((id) => byId.get(id)).filter((u): u is ObjectiveUpdate => !!u);
    });
    const { container, unmount } = renderReport({ repositories });
    const service = g.services.find((sv) => g.objectives.filter((o) => o.serviceId === sv.id).length > REPORT_FIRST_ROWS);
    expect(service).toBeDefined();
    const section = await screen.findByRole('region', { name: service?.name });
    const count = g.objectives.filter((o) => o.serviceId === service?.id).length;
    // The first rows are there with their narratives; the rest is being read: no "Show all", no download yet.
    expect(within(section).getByText(formatString(strings.ReportRestLoading, count - REPORT_FIRST_ROWS))).toBeTruthy();
    expect(within(section).queryByRole('button', { name: formatString(strings.ReportShowAllObjectives, count) })).toBeNull();
    expect(screen.getByRole('button', { name: strings.ReportDownload }).hasAttribute('disabled') || screen.getByRole('button', { name: strings.ReportDownload }).getAttribute('aria-disabled') === 'true').toBe(true);
    expect(getByIds).toHaveBeenCalledTimes(1);
    // Asked for the rest only: none of the first rows' narratives, which came with the second round.
    const asked = getByIds.mock.calls[0][0] as number[];
    expect(asked.length).toBeGreaterThan(0);

    release();
    await waitFor(() => expect(within(screen.getByRole('region', { name: service?.name })).getByRole('button', { name: formatString(strings.ReportShowAllObjectives, count) })).toBeTruthy());
    const download = screen.getByRole('button', { name: strings.ReportDownload });
    expect(download.hasAttribute('disabled') || download.getAttribute('aria-disabled') === 'true').toBe(false);
    expect(container.textContent).toBe(expected);
    unmount();
  }, 60_000);

  it('checks the histories against the list once the report is on screen, and builds it from the list where they disagree', async () => {
    const expected = await reportText(fakeRepositories(seed()));
    // A history that missed an edit made in SharePoint's own form: the update says Complete, its copy In progress.
    const { repositories } = statusOnly(true, true, true, seed(), (u) => (u.status === 'Complete' ? { ...u, status: 'In progress' } : u));
    const calls = jest.spyOn(repositories, 'loadInitial');
    const { container, unmount } = renderReport({ repositories });
    await screen.findByText(strings.ReportHistoriesDisagree);
    // The first load, then with the report on screen one load of the statuses from the list and every objective whole.
    await waitFor(() => expect(calls).toHaveBeenCalledTimes(2));
    const later = calls.mock.calls.slice(1).map(([lists, options]) => `${lists.join()} ${options?.updateFields ?? 'all'}`);
    expect(later).toEqual(['objectives,updates status']);
    await waitFor(() => expect((container.textContent ?? '').replace(strings.ReportHistoriesDisagree, '')).toBe(expected));
    unmount();
  });

  it('says nothing when the histories agree with the list', async () => {
    const { repositories } = statusOnly(true, true, true);
    const calls = jest.spyOn(repositories, 'loadInitial');
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    await waitFor(() => expect(calls).toHaveBeenCalledTimes(2));
    await waitFor(() => {
      const download = screen.getByRole('button', { name: strings.ReportDownload });
      expect(download.hasAttribute('disabled') || download.getAttribute('aria-disabled') === 'true').toBe(false);
    });
    expect(screen.queryByText(strings.ReportHistoriesDisagree)).toBeNull();
  });
});
