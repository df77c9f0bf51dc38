/**
 * In-memory fakes for reminder tests: just the repository methods the reminder run uses,
 * with etags so a stale update throws ConflictError as SharePoint's 412 would, and a unique
 * `key` so a second add of the same key throws DuplicateValueError as SharePoint's unique
 * claim column does.
 */
import { emptyInitialData, saveEach } from '../../../src/data/repositories';
import type { InitialData, ItemChanges, ListRepository, ListWrite, NewItem, Repositories, WriteOutcome } from '../../../src/data/repositories';
import { ConflictError, DuplicateValueError } from '../../../src/data/errors';
import type { Stored } from '../../../src/domain/types';

/** A list held in memory. `failNext` makes the next write throw once (for error paths). */
export class MemoryList<T extends Stored> implements ListRepository<T> {
  public items: T[] = [];
  private nextId = 1;
  public writes = 0;
  public failWrites?: (kind: 'add' | 'update', item: Partial<T>) => Error | undefined;

  public async getAll(): Promise<T[]> {
    return this.items.map((i) => ({ ...i }));
  }

  public async getById(id: number): Promise<T | undefined> {
    const found = this.items.find((i) => i.id === id);
    return found ? { ...found } : undefined;
  }

  public async add(item: NewItem<T>): Promise<T> {
    const err = this.failWrites?.('add', item as Partial<T>);
    if (err) throw err;
    const key = (item as { key?: unknown }).key;
    if (key !== undefined && this.items.some((i) => (i as unknown as { key?: unknown }).key === key)) throw new DuplicateValueError({ operation: 'add', list: 'reminderLog' });
    this.writes++;
    const id = this.nextId++;
    const stored = { ...(item as object), id, etag: `"${id},1"` } as T;
    this.items.push(stored);
    return { ...stored };
  }

  public async update(changes: ItemChanges<T>): Promise<T> {
    const err = this.failWrites?.('update', changes as Partial<T>);
    if (err) throw err;
    const index = this.items.findIndex((i) => i.id === changes.id);
    if (index < 0) throw new Error(`No item ${changes.id}`);
    const current = this.items[index];
    if (current.etag !== changes.etag) throw new ConflictError<T>({ ...current }, changes, { operation: 'update', list: 'reminderLog', itemId: changes.id });
    this.writes++;
    const version = Number(/,(\d+)"/.exec(current.etag)?.[1] ?? '1') + 1;
    const next = { ...current, ...changes, etag: `"${current.id},${version}"` } as T;
    this.items[index] = next;
    return { ...next };
  }

  public async remove(id: number): Promise<void> {
    this.items = this.items.filter((i) => i.id !== id);
  }

  /** Writes in turn, as the PnPjs repository's one $batch would; `saveManyCalls` counts the batches. */
  public saveManyCalls = 0;
  public async saveMany(writes: ReadonlyArray<ListWrite<T>>): Promise<Array<WriteOutcome<T>>> {
    this.saveManyCalls++;
    return saveEach(this, writes);
  }

  /** Items of these keys, as the unique claim column's filter returns them. */
  public async getForKeys(keys: readonly string[]): Promise<T[]> {
    return this.items.filter((i) => keys.indexOf((i as unknown as { key?: string }).key ?? '') >= 0).map((i) => ({ ...i }));
  }

  /** Items of one period, as the indexed Period filter returns them. */
  public async getForPeriod(periodId: string): Promise<T[]> {
    return this.items.filter((i) => (i as unknown as { periodId?: string }).periodId === periodId).map((i) => ({ ...i }));
  }
}

/** Repositories with fixed list data and an in-memory reminder log. */
export function memoryRepositories(data: Partial<InitialData>): Pick<Repositories, 'loadInitial' | 'reminderLog'> & { reminderLog: MemoryList<import('../../../src/domain/types').ReminderLogEntry> } {
  const full: InitialData = { ...emptyInitialData(), ...data };
  return {
    reminderLog: new MemoryList(),
    async loadInitial(lists) {
      const out: InitialData = emptyInitialData();
      for (const k of lists) (out as unknown as Record<string, unknown>)[k] = (full[k] as unknown[]).map((x) => ({ ...(x as object) }));
      return out;
    }
  };
}
