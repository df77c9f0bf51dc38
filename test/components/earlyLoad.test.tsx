/** @jest-environment jsdom */
/**
 * A first load started in a web part's onInit is handed to the first component on the same
 * repositories that asks with the same key, once; anything else reads afresh.
 */
import { earlyLoad } from '../../src/components/earlyLoad';
import type { Repositories } from '../../src/data/repositories';
import { fakeRepositories } from './fakeRepositories';
import { seed } from '../highlight/fixtures';
import { startTrackerLoad } from '../../src/webparts/objectivesTracker/earlyLoad';
import { trackerLoadKey, trackerPeriodsOn } from '../../src/webparts/objectivesTracker/logic/loadTracker';
import { REPORT_LOAD_KEY, startReportLoad } from '../../src/webparts/highlightReport/earlyLoad';

const repositories = {} as Repositories;
const others = {} as Repositories;

describe('earlyLoad', () => {
  it('hands the early load to the first asker with the same key, and reads afresh after', async () => {
    const fresh = jest.fn(async () => 'fresh');
    const early = earlyLoad(repositories, Promise.resolve({ key: 'Q4', value: 'early' }));
    await expect(early.takeOr(repositories, 'Q4', fresh)).resolves.toBe('early');
    expect(fresh).not.toHaveBeenCalled();
    // A remount (the lists set up, say) reads afresh.
    await expect(early.takeOr(repositories, 'Q4', fresh)).resolves.toBe('fresh');
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('reads afresh for another key or other repositories', async () => {
    const fresh = jest.fn(async () => 'fresh');
    await expect(earlyLoad(repositories, Promise.resolve({ key: 'Q3', value: 'early' })).takeOr(repositories, 'Q4', fresh)).resolves.toBe('fresh');
    await expect(earlyLoad(repositories, Promise.resolve({ key: 'Q4', value: 'early' })).takeOr(others, 'Q4', fresh)).resolves.toBe('fresh');
    expect(fresh).toHaveBeenCalledTimes(2);
  });

  it("gives the early load's failure to the component, and leaves none unhandled when no component asks", async () => {
    const failure = new Error('throttled');
    const early = earlyLoad(repositories, Promise.reject(failure));
    await expect(early.takeOr(repositories, 'Q4', async () => 'fresh')).rejects.toBe(failure);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    earlyLoad(repositories, Promise.reject(new Error('never asked for')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describe('the web parts that start their first load early', () => {
  it("are taken by the tracker for today's periods, and by the report, without a second read", async () => {
    const repos = fakeRepositories(seed());
    const fresh = jest.fn(async () => {
      throw new Error('read afresh');
    });
    const tracker = await startTrackerLoad(repos, '2022-03-20').takeOr(repos, trackerLoadKey(trackerPeriodsOn('2022-03-20')), fresh);
    expect(tracker.data.objectives.length).toBeGreaterThan(0);
    const report = await startReportLoad(repos, '2022-03-20').takeOr(repos, REPORT_LOAD_KEY, fresh);
    expect(report.data.objectives.length).toBe(tracker.data.objectives.length);
    expect(fresh).not.toHaveBeenCalled();
    expect(repos.loadInitialCalls).toHaveLength(2);
  });
});
