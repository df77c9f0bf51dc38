/** @jest-environment jsdom */
/**
 * The highlight report when its repositories read the updates' statuses only (as the PnPjs ones
 * do): it shows exactly the report it shows from every update read whole, with the narratives
 * read in the first load's second round or, for those that missed it, by id before it renders.
 */
import { screen } from '@testing-library/react';
import type { InitialLoad } from '../../src/data/repositories';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { renderReport, seed } from './fixtures';
import { FakeRepositories, FakeSeed, fakeRepositories } from '../components/fakeRepositories';

/** Repositories that answer `updateFields: 'status'` and, if `followUps`, a follow-up, as the PnPjs ones do. */
function statusOnly(followUps: boolean, lastPeriods = true): { repositories: FakeRepositories; getByIds: jest.SpyInstance } {
  const s = lastPeriods ? withLastUpdatePeriods(seed()) : seed();
  const repositories = fakeRepositories(s);
  const whole = repositories.loadInitial;
  repositories.loadInitial = async (lists, options) => {
    const read: InitialLoad = await whole(lists, options);
    if (options?.updateFields !== 'status') return read;
    const all = read.updates;
    const out: InitialLoad = { ...read, updatesStatusOnly: true, updates: all.map(({ author: _a, ...u }) => ({ ...u, narrative: '' })) };
    const reads = followUps ? options.followUp?.(out, new Set()) : undefined;
    if (reads) {
      const byKey = (u: ObjectiveUpdate): boolean => (reads.updatesOf ?? []).some((k) => k.objectiveId === u.objectiveId && k.periodId === u.periodId);
      out.periodUpdates = all.filter((u) => (reads.updatesForPeriods ?? []).indexOf(u.periodId) >= 0 || byKey(u));
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
});
