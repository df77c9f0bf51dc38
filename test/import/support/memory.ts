/**
 * In-memory `Repositories` for the import tests: lists are arrays, etags change on every
 * write (and a stale etag is refused, "*" matches any), ensureUser hands out site users by email, and every
 * write is counted so tests can assert that a bad file wrote nothing.
 */
import type { CommitteePapersRepository } from '../../../src/data/papers';
import type { InitialData, ItemChanges, ListRepository, ListWrite, NewItem, ObjectiveUpdateRepository, Repositories, SnapshotRepository } from '../../../src/data/repositories';
import { emptyInitialData, saveEach } from '../../../src/data/repositories';
import { everyPlainList, initialItemsOf } from '../../support/everyList';
import type { ObjectiveUpdate, Person, ReminderLogEntry, Service, Stored } from '../../../src/domain/types';

/** Memory repositories with their write log. */
export interface MemoryRepositories extends Repositories {
  /** Every write, as "list:operation". */
  writes: string[];
  /** Users handed out by ensureUser. */
  users: Person[];
}

function list<T extends Stored>(name: string, items: T[], writes: string[]): ListRepository<T> {
  let nextId = 1;
  let version = 1;
  return {
    getAll: async () => items.map((i) => ({ ...i })),
    getById: async (id) => items.find((i) => i.id === id),
    add: async (item: NewItem<T>) => {
      writes.push(`${name}:add`);
      const stored = JSON.parse(JSON.stringify({ ...item, id: nextId++, etag: `"${version++}"` })) as T;
      items.push(stored);
      return { ...stored };
    },
    update: async (changes: ItemChanges<T>) => {
      writes.push(`${name}:update`);
      const index = items.findIndex((i) => i.id === changes.id);
      if (index < 0) throw new Error(`No item ${changes.id}`);
      // Etag "*" overwrites whatever version is stored, as SharePoint's If-Match: * does.
      if (changes.etag !== '*' && items[index].etag !== changes.etag) throw new Error(`Stale etag for item ${changes.id}`);
      const merged = { ...items[index], ...changes, etag: `"${version++}"` } as Record<string, unknown>;
      // Clearing a value (undefined) removes it, as a null column reads back as absent.
      for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
      items[index] = merged as unknown as T;
      return { ...items[index] };
    },
    remove: async (id) => {
      writes.push(`${name}:remove`);
      const index = items.findIndex((i) => i.id === id);
      if (index >= 0) items.splice(index, 1);
    }
  };
}

/** Report snapshots play no part in imports: any use is a test bug, so it fails loudly. */
const unused = (): Promise<never> => Promise.reject(new Error('The import must not touch report snapshots.'));
const snapshots: SnapshotRepository = { getAll: unused, getById: unused, getForPeriod: unused, publish: unused, publishedPeriods: unused };
const committeePapers: CommitteePapersRepository = { storePaper: unused, papersBySnapshot: unused, read: unused, versions: unused, integrity: unused };

/** Memory repositories holding the given services. */
export function memoryRepositories(services: Service[]): MemoryRepositories {
  const writes: string[] = [];
  const users: Person[] = [];
  const data: InitialData = { ...emptyInitialData(), services };
  const updates = list<ObjectiveUpdate>('objectiveUpdates', data.updates, writes);
  const objectiveUpdates: ObjectiveUpdateRepository = {
    ...updates,
    getForObjective: async (id) => data.updates.filter((u) => u.objectiveId === id),
    getForPeriod: async (period) => data.updates.filter((u) => u.periodId === period),
    getByIds: async (ids) => data.updates.filter((u) => ids.indexOf(u.id) >= 0),
    statusesOf: async (ids) => data.updates.filter((u) => ids.indexOf(u.objectiveId) >= 0).sort((a, b) => a.id - b.id),
    addMany: async (items) => {
      writes.push('objectiveUpdates:addMany');
      const out: ObjectiveUpdate[] = [];
      for (const i of items) out.push(await updates.add(i));
      return out;
    }
  };
  return {
    writes,
    users,
    ...everyPlainList((key) => list(key, initialItemsOf(data, key), writes)),
    objectiveUpdates,
    reminderLog: (() => {
      const log = list<ReminderLogEntry>('reminderLog', [], writes);
      return { ...log, getForPeriod: async () => [], getForKeys: async () => [], saveMany: (w: ReadonlyArray<ListWrite<ReminderLogEntry>>) => saveEach(log, w) };
    })(),
    snapshots,
    committeePapers,
    loadInitial: async (lists) => {
      const result: InitialData = emptyInitialData();
      for (const l of lists) (result as unknown as Record<string, unknown[]>)[l] = JSON.parse(JSON.stringify(data[l]));
      return result;
    },
    currentUser: async () => users[0] ?? { id: 1, displayName: 'Importer', email: 'importer@example.gov.uk' },
    ensureUser: async (email) => {
      const found = users.find((u) => u.email === email.toLowerCase());
      if (found) return found;
      const user = { id: users.length + 1, displayName: email.split('@')[0], email: email.toLowerCase() };
      users.push(user);
      return user;
    },
    canEdit: async () => true,
    canManage: async () => true
  };
}
