/**
 * In-memory `Repositories` for component tests: each list is an array, `loadInitial` returns
 * the lists asked for (and empty arrays for the rest, as the contract says), and every call
 * is recorded so tests can assert what a component read.
 */
import type {
  InitialData,
  InitialLoad,
  ItemChanges,
  ListRepository,
  LoadInitialOptions,
  NewItem,
  ObjectiveUpdateRepository,
  Repositories,
  SnapshotRepository
} from '../../src/data/repositories';
import type { CommitteePaper, Person, ReminderLogEntry, ReportSnapshot, Stored } from '../../src/domain/types';
import { CommitteePapersRepository, versionedFileName } from '../../src/data/papers';
import { emptyInitialData, saveEach } from '../../src/data/repositories';
import { everyPlainList, initialItemsOf } from '../support/everyList';
import type { ListKey } from '../../src/data/lists';
import { newSnapshot, publishedPeriods, versionsOf } from '../../src/domain/report/snapshot';

/**
 * Seed data of the fake; lists not given start empty. Lists that loadInitial does not read (best
 * practice, say) are seeded under `lists`, by list key.
 */
export type FakeSeed = Partial<InitialData> & { lists?: Partial<Record<ListKey, Stored[]>> };

function listRepository<T extends Stored>(items: T[]): ListRepository<T> {
  let nextId = items.reduce((max, i) => Math.max(max, i.id), 0) + 1;
  return {
    getAll: async () => items.slice(),
    getById: async (id) => items.find((i) => i.id === id),
    add: async (item: NewItem<T>) => {
      const stored = { ...item, id: nextId++, etag: '"1"' } as unknown as T;
      items.push(stored);
      return stored;
    },
    update: async (changes: ItemChanges<T>) => {
      const index = items.findIndex((i) => i.id === changes.id);
      if (index < 0) throw new Error(`No item ${changes.id}`);
      items[index] = { ...items[index], ...changes };
      return items[index];
    },
    remove: async (id) => {
      const index = items.findIndex((i) => i.id === id);
      if (index >= 0) items.splice(index, 1);
    }
  };
}

/** Fake repositories plus the log of `loadInitial` calls. */
export interface FakeRepositories extends Repositories {
  /** Addresses of stored Word papers to report as changed after they were stored. */
  alteredPapers: Set<string>;
  /** Lists requested by each `loadInitial` call, in order. */
  loadInitialCalls: Array<ReadonlyArray<keyof InitialData>>;
  /** Options of each `loadInitial` call, in order (undefined when none were given). */
  loadInitialOptions: Array<LoadInitialOptions | undefined>;
}

/** Builds fake repositories over the seed; `failWith` makes `loadInitial` reject with it. */
export function fakeRepositories(seed: FakeSeed, failWith?: () => unknown): FakeRepositories {
  const { lists: listSeeds, ...initialSeed } = seed;
  const data: InitialData = { ...emptyInitialData(), ...initialSeed };
  const updates = listRepository(data.updates);
  const objectiveUpdates: ObjectiveUpdateRepository = {
    ...updates,
    getForObjective: async (id) => data.updates.filter((u) => u.objectiveId === id),
    getForPeriod: async (period) => data.updates.filter((u) => u.periodId === period),
    getByIds: async (ids) => data.updates.filter((u) => ids.indexOf(u.id) >= 0),
    statusesOf: async (ids) => data.updates.filter((u) => ids.indexOf(u.objectiveId) >= 0).sort((a, b) => a.id - b.id),
    addMany: async (items) => Promise.all(items.map((i) => updates.add(i)))
  };
  const me: Person = { id: 1, displayName: 'Test Officer', email: 'officer@council.example.gov.uk' };
  const loadInitialCalls: Array<ReadonlyArray<keyof InitialData>> = [];
  const loadInitialOptions: Array<LoadInitialOptions | undefined> = [];
  const snapshotItems: ReportSnapshot[] = [];
  const snapshotList = listRepository(snapshotItems);
  // Same versioning rules as the PnPjs repository (domain functions), and no update or remove.
  const snapshots: SnapshotRepository = {
    getAll: snapshotList.getAll,
    getById: snapshotList.getById,
    getForPeriod: async (periodId) => snapshotItems.filter((s) => s.periodId === periodId).sort((a, b) => b.version - a.version),
    publish: async (model, publishedBy, paper) => {
      const item = newSnapshot(model, versionsOf(snapshotItems, model.period.id, model.scope.serviceId), publishedBy ?? me, new Date().toISOString());
      const recorded = paper ? { paperFileName: versionedFileName(paper.fileName, item.version), paperHash: paper.fileHash } : {};
      return snapshotList.add({ ...item, ...recorded } as NewItem<ReportSnapshot>);
    },
    publishedPeriods: async () => publishedPeriods(snapshotItems)
  };
  // The papers library: a stored paper is kept by snapshot id, as the PnPjs repository links it.
  const papers = new Map<number, CommitteePaper>();
  // Addresses of stored papers a test says were changed afterwards.
  const alteredPapers = new Set<string>();
  const committeePapers: CommitteePapersRepository = {
    storePaper: async (snapshot, docx, fileName) => {
      // jsdom has neither Blob.arrayBuffer nor Web Crypto: the fake notes the size where the hash would be.
      const size = docx instanceof Uint8Array ? docx.byteLength : docx.size;
      const name = versionedFileName(fileName, snapshot.version);
      const paper: CommitteePaper = {
        id: papers.size + 1,
        etag: '"1"',
        fileName: name,
        fileUrl: `/sites/ssm/SSMCommitteePapers/${name}`,
        content: 'Word paper',
        reportKind: snapshot.model.kind,
        periodId: snapshot.periodId,
        serviceId: snapshot.serviceId,
        version: snapshot.version,
        snapshotId: snapshot.id,
        fileHash: `fake:${size}`
      };
      papers.set(snapshot.id, paper);
      return paper;
    },
    papersBySnapshot: async () => new Map(papers),
    read: async () => new Uint8Array(),
    versions: async () => [],
    integrity: async (paper) => (alteredPapers.has(paper.fileUrl) ? 'altered' : 'verified')
  };
  const repositories: FakeRepositories = {
    committeePapers,
    alteredPapers,
    ...everyPlainList((key) => listRepository(listSeeds?.[key] ?? initialItemsOf(data, key))),
    objectiveUpdates,
    reminderLog: (() => {
      const log = listRepository<ReminderLogEntry>([]);
      return {
        ...log,
        getForPeriod: async (periodId: string) => (await log.getAll()).filter((e) => e.periodId === periodId),
        getForKeys: async (keys: readonly string[]) => (await log.getAll()).filter((e) => keys.indexOf(e.key) >= 0),
        saveMany: (writes) => saveEach(log, writes)
      };
    })(),
    snapshots,
    loadInitialCalls,
    loadInitialOptions,
    // As the PnPjs repository: updates narrowed to periods, user and permissions on request. They
    // are read through `repositories` at call time, so a test replacing currentUser/canEdit is honoured.
    loadInitial: async (lists, options) => {
      loadInitialCalls.push(lists);
      loadInitialOptions.push(options);
      if (failWith) throw failWith();
      const result: InitialLoad = emptyInitialData();
      for (const list of lists) (result as unknown as Record<string, unknown[]>)[list] = data[list].slice();
      const periods = options?.updatesForPeriods;
      if (periods) result.updates = result.updates.filter((u) => periods.indexOf(u.periodId) >= 0);
      if (options?.include?.currentUser) result.currentUser = await repositories.currentUser();
      for (const list of options?.include?.canEdit ?? []) result.canEdit = { ...result.canEdit, [list]: await repositories.canEdit(list) };
      if (options?.include?.snapshots) result.snapshots = await repositories.snapshots.getAll();
      return result;
    },
    currentUser: async () => me,
    ensureUser: async () => me,
    canEdit: async () => true,
    canManage: async () => true
  };
  return repositories;
}
