/**
 * The same officer saves the same quarter's update from two tabs, against the local host
 * (PnPjs repositories): SharePoint keeps one update per objective and period, and the second
 * save becomes a conflict showing both narratives; nothing is stored twice.
 */
import '../support/nodeDomWindow';
import { startLocalHost } from '../../local/host/server';
import { personas } from '../../local/sample-data';
import { reminderSeed } from '../../bench/reminders';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { periodById } from '../../src/domain/calendar';
import { saveUpdates } from '../../src/webparts/objectivesTracker/logic/saveUpdates';
import type { Person } from '../../src/domain/types';

type Host = Awaited<ReturnType<typeof startLocalHost>>;
let host: Host;
beforeEach(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: reminderSeed(2), personas, faults: {} });
});
afterEach(async () => {
  await host?.close();
});

const period = periodById('2021-22-Q4');

it('a second new update of the same objective and quarter is a conflict with both narratives, never a second item', async () => {
  const repos = createPnpRepositories(getSPForUrl(`${host.url}/sites/ssm`));
  const [objective] = (await repos.loadInitial(['objectives'])).objectives;
  const me = objective.responsibleOfficer as Person;
  // Both tabs opened before either saved: neither knows of an update for the quarter.
  const tab = (narrative: string) => saveUpdates({ repositories: repos, entries: [{ objective, narrative, status: 'In progress', rag: 'Amber' }], period, me });
  const first = await tab('<p>Written in the first tab</p>');
  expect(first.savedUpdates).toHaveLength(1);
  const second = await tab('<p>Written in the second tab</p>');

  expect(second.savedUpdates).toEqual([]);
  expect(second.failures).toEqual([]);
  expect(second.conflicts).toHaveLength(1);
  const conflict = second.conflicts[0];
  expect(conflict.kind).toBe('update');
  if (conflict.kind !== 'update') return;
  expect(conflict.theirs?.narrative).toBe('<p>Written in the first tab</p>');
  expect(conflict.mine.narrative).toBe('<p>Written in the second tab</p>');
  const stored = (await repos.objectiveUpdates.getForObjective(objective.id)).filter((u) => u.periodId === period.id);
  expect(stored).toHaveLength(1);

  // "Keep mine" saves the second narrative over the stored update (its etag), still one item.
  // As the form does, with the objective as it is now (the first save moved it on).
  const current = await repos.objectives.getById(objective.id);
  if (!current) throw new Error('objective gone');
  const kept = await saveUpdates({ repositories: repos, entries: [{ ...conflict.mine, objective: current, existing: conflict.theirs }], period, me });
  expect(kept.conflicts).toEqual([]);
  const after = (await repos.objectiveUpdates.getForObjective(objective.id)).filter((u) => u.periodId === period.id);
  expect(after.map((u) => u.narrative)).toEqual(['<p>Written in the second tab</p>']);
});

it('two tabs saving at the same moment store one update; the other gets the conflict', async () => {
  const repos = createPnpRepositories(getSPForUrl(`${host.url}/sites/ssm`));
  const [objective] = (await repos.loadInitial(['objectives'])).objectives;
  const me = objective.responsibleOfficer as Person;
  const tab = (narrative: string) => saveUpdates({ repositories: repos, entries: [{ objective, narrative, status: 'In progress', rag: 'Amber' }], period, me });
  const results = await Promise.all([tab('<p>Tab A</p>'), tab('<p>Tab B</p>')]);
  expect(results.map((r) => r.savedUpdates.length).sort()).toEqual([0, 1]);
  expect(results.map((r) => r.conflicts.length).sort()).toEqual([0, 1]);
  const stored = (await repos.objectiveUpdates.getForObjective(objective.id)).filter((u) => u.periodId === period.id);
  expect(stored).toHaveLength(1);
});
