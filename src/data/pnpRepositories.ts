/**
 * PnPjs v4 implementation of the repositories (src/data/repositories.ts), against SharePoint
 * Online or the local host. Field names come only from schema.ts via selectFor/toItem/fromItem.
 */
import { createPnpItemHistory, HistoryList, toVersions, versionsOf } from './itemHistory';
import type { SPFI } from '@pnp/sp';
import { SPCollection } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import '@pnp/sp/security/list';
import type { IList } from '@pnp/sp/lists';
import type { IItems } from '@pnp/sp/items';
import { PermissionKind } from '@pnp/sp/security';
import { InjectHeaders, parseBinderWithErrorCheck, parseODataJSON } from '@pnp/queryable';
import { TimelinePipe } from '@pnp/core';
import type { Objective, ObjectiveUpdate, Person, ReminderLogEntry, ReportSettingsItem, ReportSnapshot, SnapshotIntegrity, Stored } from '../domain/types';
import type { ReportModel } from '../domain/report/model';
import { updatesFromHistories } from '../domain/statusHistoryRead';
import type { UpdateListStats } from '../domain/statusHistoryRead';
import type { ItemVersion } from '../domain/report/build';
import { newSnapshot, publishedPeriods, PublishedPeriod, readSnapshotModel, snapshotContent, UnreadableSnapshot } from '../domain/report/snapshot';
import { emptyInitialData } from './repositories';
import type {
  EditableListKey,
  FollowUpReads,
  InitialData,
  InitialLoad,
  ItemChanges,
  LoadInitialOptions,
  ListRepositories,
  ListRepository,
  ListWrite,
  ReminderLogRepository,
  WriteOutcome,
  NewItem,
  ObjectiveUpdateRepository,
  PeriodListRepository,
  Repositories,
  SnapshotRepository
} from './repositories';
import { BUILT_IN, FieldDef, fieldDef, ListKey, NOTE_MAX_LENGTH, restName, SCHEMA } from './schema';
import { INITIAL_KEYS, LIST_DECLARATIONS } from './lists';
import type { RepositoryKind } from './lists/declare';
import { unreachable } from '../domain/exhaustive';
import { derivedKey, fromItem, RawItem, selectFields, selectFor, toItem } from './mapping';
import {
  BatchPartFailure,
  BatchPartsError,
  ConflictError,
  ErrorContext,
  ListMissingError,
  NotFoundError,
  SnapshotUnreadableError,
  toDataAccessError
} from './errors';
import { contentHash, packModel, unpackModel } from './snapshotCodec';
import { PnpCommitteePapers } from './papersLibrary';
import { PaperRecord, versionedFileName } from './papers';
import { storeOversizeModel, storedModelText } from './snapshotFiles';
import { aloneRetryMs, BatchPart, batchSleep, executeMixedRound, PartResult, RoundPart, runBatch, RunBatchOptions, throttlingDecision } from './batch';

/** SharePoint's largest page (and the list view threshold). */
export const PAGE_SIZE = 5000;

/**
 * Parts in one `$batch` request of reads: SharePoint's REST `$batch` takes at most 100
 * (pnp/pnpcore#284; the PnPjs maintainers in pnp/pnpjs#3207).
 */
const BATCH_PARTS = 100;

/** Ids per `ID eq a or ID eq b …` read: short enough for any URL limit. */
const IDS_PER_READ = 40;

/** JSON without OData metadata (no etags): for reads that are never saved back. */
const NO_METADATA = 'application/json;odata=nometadata';

/** SharePoint's built-in item id, indexed on every list (the key of id-range reads). */
const ID = BUILT_IN.id;

/** Properties of the signed-in user read by currentUser (and loadInitial's `include.currentUser`). */
const CURRENT_USER_SELECT = ['Id', 'Title', 'Email'] as const;

/** Options of {@link createPnpRepositories}. */
export interface PnpRepositoriesOptions {
  /** Retry settings for throttled parts inside `$batch` responses. */
  batch?: Omit<RunBatchOptions, 'operation' | 'list'>;
}

/** One page of items with SharePoint's link to the next page, if any. */
interface ItemsPage {
  value: RawItem[];
  nextLink?: string;
}

/**
 * Parser keeping `odata.nextLink` (minimal metadata) or `d.__next` (verbose), as PnPjs's own
 * `items[Symbol.asyncIterator]` does; DefaultParse would drop it and with it every later page.
 */
function PageParse(): TimelinePipe {
  return parseBinderWithErrorCheck(async (r: Response): Promise<ItemsPage> => {
    const json = (await r.json()) as Record<string, unknown>;
    const verbose = json.d as Record<string, unknown> | undefined;
    const next = verbose && typeof verbose === 'object' ? verbose.__next : json['odata.nextLink'];
    return {
      value: parseODataJSON(json) as RawItem[],
      nextLink: typeof next === 'string' && next.length > 0 ? next : undefined
    };
  });
}

/** OData literal for $filter. */
function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

/**
 * `field eq value` on a field the schema indexes. Filtering a large list on a non-indexed
 * column fails with SharePoint's list view threshold error, so it is refused here first.
 */
export function indexedEq(list: ListKey, key: string, value: string | number): string {
  const def = fieldDef(list, key);
  if (!def.indexed) {
    throw new Error(`Schema: ${list}.${key} is not indexed; filtering on it fails on lists over 5,000 items.`);
  }
  return `${restName(def)} eq ${literal(value)}`;
}

/**
 * `filter` narrowed to the id window (start, start + 5,000]. ID comes first: SharePoint judges a
 * query on a large list by the first indexed column it filters on, which must select at most the
 * list view threshold ("Manage large lists and libraries",
 * https://support.microsoft.com/office/b8588dae-9387-48c2-9248-c24122f07c59); a plain
 * `Period eq 'x'` would be refused once one period passed 5,000 items.
 */
export function idWindow(start: number, filter: string): string {
  return `${ID} gt ${start} and ${ID} le ${start + PAGE_SIZE} and (${filter})`;
}

/** The list's highest item id, read in id order (indexed), for planning id windows. */
function lastIdOn(list: IList): Promise<RawItem[]> {
  return list.items.select(ID).orderBy(ID, false).top(1)() as Promise<RawItem[]>;
}

/** The id in a lastIdOn answer (0 for an empty list). */
function highestId(value: unknown): number {
  const newest = (value as RawItem[] | undefined)?.[0];
  return newest && typeof newest[ID] === 'number' ? (newest[ID] as number) : 0;
}

/**
 * What a page read of loadInitial fills: a list of InitialData, the snapshots of `include.snapshots`,
 * the settings of `include.reportSettings`, or the updates of the periods a `followUp` asked for.
 */
type PageKey = keyof InitialData | 'snapshots' | 'reportSettings' | 'periodUpdates' | 'objectiveDetails';

/** The InitialData keys (the lists' `initial` keys). */
const INITIAL_KEYS_BY_DATA: Readonly<Record<string, true>> = Object.fromEntries(Object.values(INITIAL_KEYS).map((k) => [k, true]));

/** The update list's statistics the status histories are checked against. */
const LIST_STATS_SELECT = ['ItemCount', 'LastItemModifiedDate'] as const;

/** What a report counts, orders and plans its reads by (`objectiveFields: 'summary'`; the title comes too). */
const OBJECTIVE_SUMMARY_FIELDS = ['serviceId', 'status', 'rag', 'lastUpdatePeriodId'] as const;

/** The objectives' column read on demand with `updateFields: 'history'`. */
const OBJECTIVE_HISTORY_FIELDS = ['statusHistory'] as const;

/** A list's ItemCount and LastItemModifiedDate as read. */
function listStats(value: unknown): UpdateListStats {
  const raw = (value ?? {}) as { ItemCount?: unknown; LastItemModifiedDate?: unknown };
  return {
    // An answer without a count accounts for nothing: the list is read.
    itemCount: typeof raw.ItemCount === 'number' ? raw.ItemCount : -1,
    lastItemModified: typeof raw.LastItemModifiedDate === 'string' ? raw.LastItemModifiedDate : undefined
  };
}

/** What statuses, changes and trends are computed from (`updateFields: 'status'`): no narrative, no author. */
const UPDATE_STATUS_FIELDS = ['objectiveId', 'periodId', 'status', 'rag', 'updatedOn'] as const;

/** The lists whose items are read in loadInitial, by InitialData key (each declaration's `initial`), and the snapshots. */
const INITIAL_LISTS = {
  ...(Object.fromEntries(Object.entries(INITIAL_KEYS).map(([list, key]) => [key, list])) as { readonly [K in keyof InitialData]: ListKey }),
  snapshots: 'snapshots',
  reportSettings: 'reportSettings',
  periodUpdates: 'objectiveUpdates',
  objectiveDetails: 'objectives'
} as { readonly [K in PageKey]: ListKey };

const userFields = (list: ListKey): FieldDef[] => SCHEMA[list].fields.filter((f) => f.type === 'User');

function isPerson(value: unknown): value is Person {
  return typeof value === 'object' && value !== null && typeof (value as Person).id === 'number';
}

/** Whether the people written in `model` lack the name or email the UI shows, so the stored item must be re-read. */
function needsUserReRead(list: ListKey, model: Record<string, unknown>): boolean {
  return userFields(list).some((f) => {
    const p = model[f.key];
    return isPerson(p) && (!p.displayName || !p.email);
  });
}

/**
 * SharePoint's add response carries user ids but not the expanded user; when the caller gave
 * the full person (a people picker always does) it is the same site user, so use it.
 */
function withPeopleFrom<T>(list: ListKey, stored: T, model: Record<string, unknown>): T {
  const out = { ...stored } as Record<string, unknown>;
  for (const f of userFields(list)) {
    const given = model[f.key];
    const saved = out[f.key];
    if (isPerson(given) && isPerson(saved) && saved.id === given.id) out[f.key] = { ...given };
  }
  return out as T;
}

/** Shared plumbing of every list repository. */
class PnpListRepository<T extends Stored> implements ListRepository<T> {
  public constructor(
    protected readonly sp: SPFI,
    protected readonly key: ListKey,
    protected readonly options: PnpRepositoriesOptions
  ) {}

  /** The list on the given (possibly batched) SPFI. */
  protected listOn(sp: SPFI): IList {
    return sp.web.lists.getByTitle(SCHEMA[this.key].title);
  }

  /** Items query with the schema's $select/$expand. */
  protected itemsOn(sp: SPFI): IItems {
    const { select, expand } = selectFor(this.key);
    const items = this.listOn(sp).items.select(...select);
    return expand.length > 0 ? items.expand(...expand) : items;
  }

  protected async fail(e: unknown, context: Omit<ErrorContext, 'list'>): Promise<never> {
    throw await toDataAccessError(e, { ...context, list: this.key });
  }

  /** Reads every page of a query (5,000 items a page) with PnPjs's async iteration. */
  protected async readAll(query: IItems): Promise<T[]> {
    const out: T[] = [];
    try {
      for await (const page of query.top(PAGE_SIZE)) {
        for (const raw of page as RawItem[]) out.push(fromItem<T>(this.key, raw));
      }
    } catch (e) {
      return this.fail(e, { operation: 'read' });
    }
    return out;
  }

  public getAll(): Promise<T[]> {
    return this.readAll(this.itemsOn(this.sp).orderBy(ID, true));
  }

  /**
   * Every item matching `filter`, read so that no query can match more than 5,000 items: the
   * filter is narrowed to id windows of 5,000 (`ID gt a and ID le a+5000 and (filter)`), ID being
   * the first, indexed, column, so SharePoint serves it on a list of any size (see the host's
   * queryItems for the threshold rule and its sources). The first window and the list's highest id
   * go in one `$batch`; the other windows, if any, in a second. Throttled, timed-out and cascade-failed
   * windows are retried (reads are idempotent).
   */
  protected async readFiltered(filter: string): Promise<T[]> {
    const batch = { ...this.options.batch, operation: 'read' as const, list: this.key };
    const first = await runBatch(this.sp, [(b: SPFI) => this.windowOn(b, 0, filter), (b: SPFI) => lastIdOn(this.listOn(b))], batch).catch((e: unknown) =>
      this.fail(e, { operation: 'read' })
    );
    const out: RawItem[] = [];
    const take = async (r: PartResult<unknown>): Promise<void> => {
      if (!r.ok) await this.fail(r.error, { operation: 'read' });
      else out.push(...(r.value as RawItem[]));
    };
    await take(first[0]);
    if (!first[1].ok) await this.fail(first[1].error, { operation: 'read' });
    const lastId = highestId(first[1].ok ? first[1].value : undefined);
    const starts: number[] = [];
    for (let start = PAGE_SIZE; start < lastId; start += PAGE_SIZE) starts.push(start);
    if (starts.length > 0) {
      const rest = await runBatch(this.sp, starts.map((start) => (b: SPFI) => this.windowOn(b, start, filter)), batch).catch((e: unknown) =>
        this.fail(e, { operation: 'read' })
      );
      for (const r of rest) await take(r);
    }
    return out.map((raw) => fromItem<T>(this.key, raw));
  }

  /** One id window of a filtered read: at most 5,000 items, so `$top` 5,000 gets them all. */
  private windowOn(batched: SPFI, start: number, filter: string): Promise<RawItem[]> {
    return this.itemsOn(batched).filter(idWindow(start, filter)).orderBy(ID, true).top(PAGE_SIZE)() as Promise<RawItem[]>;
  }

  public async getById(id: number): Promise<T | undefined> {
    const { select, expand } = selectFor(this.key);
    let raw: RawItem;
    try {
      const item = this.listOn(this.sp).items.getById(id).select(...select);
      raw = (await (expand.length > 0 ? item.expand(...expand) : item)()) as RawItem;
    } catch (e) {
      const err = await toDataAccessError(e, { operation: 'read', list: this.key, itemId: id });
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
    return fromItem<T>(this.key, raw);
  }

  /** Re-reads an item that must exist (just written). */
  protected async mustGet(id: number, operation: 'add' | 'update'): Promise<T> {
    const stored = await this.getById(id);
    if (!stored) throw new NotFoundError({ operation, list: this.key, itemId: id });
    return stored;
  }

  public async add(item: NewItem<T>): Promise<T> {
    const model = item as unknown as Record<string, unknown>;
    let raw: RawItem;
    try {
      raw = (await this.listOn(this.sp).items.add(toItem(this.key, model))) as RawItem;
    } catch (e) {
      return this.fail(e, { operation: 'add' });
    }
    const stored = fromItem<T>(this.key, raw);
    if (needsUserReRead(this.key, model)) return this.mustGet(stored.id, 'add');
    return withPeopleFrom(this.key, stored, model);
  }

  public async update(changes: ItemChanges<T>): Promise<T> {
    const { id, etag, ...rest } = changes as ItemChanges<T> & Record<string, unknown>;
    try {
      await this.listOn(this.sp).items.getById(id).update(toItem(this.key, rest), etag);
    } catch (e) {
      return this.conflictOr(e, { operation: 'update', itemId: id }, changes);
    }
    return this.mustGet(id, 'update');
  }

  public async remove(id: number, etag: string): Promise<void> {
    try {
      await this.listOn(this.sp).items.getById(id).delete(etag);
    } catch (e) {
      await this.conflictOr(e, { operation: 'remove', itemId: id }, { id, etag });
    }
  }

  /** On 412, throws ConflictError with the server's current version; otherwise the typed error. */
  protected async conflictOr(e: unknown, context: { operation: 'update' | 'remove'; itemId: number }, attempted: unknown): Promise<never> {
    const err = await toDataAccessError(e, { ...context, list: this.key });
    if (!(err instanceof ConflictError)) throw err;
    const current = await this.getById(context.itemId);
    if (!current) throw new NotFoundError({ ...context, list: this.key, cause: e });
    throw new ConflictError<T>(current, attempted, { ...context, list: this.key, status: err.status, serverMessage: err.serverMessage, cause: e });
  }
}

/** Objective updates, with per-objective and per-period reads and batched adds. */
/** A list read by reporting period through its indexed Period field (updates, reminder log, snapshots). */
class PnpPeriodListRepository<T extends Stored> extends PnpListRepository<T> implements PeriodListRepository<T> {
  public getForPeriod(periodId: string): Promise<T[]> {
    return this.readFiltered(indexedEq(this.key, 'periodId', periodId));
  }
}

/** The reminder log, with batched writes for the reminder run's claims and outcomes. */
class PnpReminderLogRepository extends PnpPeriodListRepository<ReminderLogEntry> implements ReminderLogRepository {
  public async getForKeys(keys: readonly string[]): Promise<ReminderLogEntry[]> {
    if (keys.length === 0) return [];
    // A chunk is at most 20 keys: one filter of ORs on the indexed claim column stays well within URL limits.
    return this.readFiltered(keys.map((k) => indexedEq(this.key, 'claimKey', k)).join(' or '));
  }

  public async saveMany(writes: ReadonlyArray<ListWrite<ReminderLogEntry>>, options: { readBack?: boolean } = {}): Promise<Array<WriteOutcome<ReminderLogEntry>>> {
    if (writes.length === 0) return [];
    const parts: BatchPart<RawItem | undefined>[] = writes.map((w) => (batched) => {
      if ('add' in w) return this.listOn(batched).items.add(toItem(this.key, w.add as unknown as Record<string, unknown>)) as Promise<RawItem>;
      const { id, etag, ...rest } = w.update as ItemChanges<ReminderLogEntry> & Record<string, unknown>;
      return this.listOn(batched).items.getById(id).update(toItem(this.key, rest), etag).then(() => undefined);
    });
    let results;
    try {
      // An update carries the etag it read, so sending it twice cannot overwrite a newer version
      // (the second attempt meets a 412); an add might save twice, so it is never resent on a doubt.
      const idempotent = (i: number): boolean => {
        const w = writes[i];
        return 'update' in w && typeof w.update.etag === 'string' && w.update.etag !== '' && w.update.etag !== '*';
      };
      results = await runBatch(this.sp, parts, { ...this.options.batch, operation: 'batch', list: this.key, idempotent });
    } catch (e) {
      return this.fail(e, { operation: 'batch' });
    }
    const outcomes: Array<WriteOutcome<ReminderLogEntry>> = [];
    const reRead: number[] = [];
    for (let i = 0; i < writes.length; i++) {
      const w = writes[i];
      const r = results[i];
      if (!r.ok) {
        // As add() and update() report them: a 412 on an update carries the entry as it is now.
        const error =
          'add' in w
            ? await toDataAccessError(r.error, { operation: 'add', list: this.key })
            : await this.conflictOr(r.error, { operation: 'update', itemId: w.update.id }, w.update).catch((e: unknown) => e);
        outcomes.push({ ok: false, error });
        continue;
      }
      if ('add' in w) outcomes.push({ ok: true, item: fromItem<ReminderLogEntry>(this.key, r.value as RawItem) });
      else {
        // MERGE answers 204 without the item: its new etag needs a read, done after every write has settled.
        outcomes.push({ ok: true, item: { ...(w.update as unknown as ReminderLogEntry), etag: '' } });
        if (options.readBack) reRead.push(i);
      }
    }
    if (reRead.length > 0) {
      const { select } = selectFor(this.key);
      const reads = await runBatch(
        this.sp,
        reRead.map((i) => (batched: SPFI) => this.listOn(batched).items.getById((writes[i] as { update: ItemChanges<ReminderLogEntry> }).update.id).select(...select)() as Promise<RawItem>),
        { ...this.options.batch, operation: 'read', list: this.key }
      );
      for (let k = 0; k < reRead.length; k++) {
        const read = reads[k];
        const i = reRead[k];
        outcomes[i] = read.ok
          ? { ok: true, item: fromItem<ReminderLogEntry>(this.key, read.value) }
          : { ok: false, error: await toDataAccessError(read.error, { operation: 'read', list: this.key }) };
      }
    }
    return outcomes;
  }
}

class PnpObjectiveUpdateRepository extends PnpPeriodListRepository<ObjectiveUpdate> implements ObjectiveUpdateRepository {
  public async getForObjective(objectiveId: number): Promise<ObjectiveUpdate[]> {
    const updates = await this.readFiltered(indexedEq(this.key, 'objectiveId', objectiveId));
    // Newest first, sorted here: UpdatedOn is not indexed, so no server $orderby on it.
    return updates.sort(
      (a, b) => b.periodId.localeCompare(a.periodId) || b.updatedOn.localeCompare(a.updatedOn) || b.id - a.id
    );
  }

  public async getByIds(ids: readonly number[]): Promise<ObjectiveUpdate[]> {
    const unique = ids.filter((id, i) => ids.indexOf(id) === i);
    if (unique.length === 0) return [];
    // Short `ID eq a or ID eq b` filters on the item id (indexed, so served on a list of any size), all in one $batch.
    const chunks: number[][] = [];
    for (let i = 0; i < unique.length; i += IDS_PER_READ) chunks.push(unique.slice(i, i + IDS_PER_READ));
    return this.readParts(chunks.map((chunk) => (b: SPFI) => this.itemsOn(b).filter(chunk.map((id) => `${ID} eq ${id}`).join(' or ')).top(PAGE_SIZE)() as Promise<RawItem[]>));
  }

  /** Reads, each a page of items, in one `$batch`: every item of every part, in id order; the first failure thrown. */
  private async readParts(parts: ReadonlyArray<(b: SPFI) => Promise<RawItem[]>>): Promise<ObjectiveUpdate[]> {
    const results = await runBatch(this.sp, parts, { maxRequests: BATCH_PARTS, ...this.options.batch, operation: 'read', list: this.key }).catch((e: unknown) =>
      this.fail(e, { operation: 'read' })
    );
    const out: ObjectiveUpdate[] = [];
    for (const r of results) {
      if (!r.ok) await this.fail(r.error, { operation: 'read' });
      else for (const raw of r.value) out.push(fromItem<ObjectiveUpdate>(this.key, raw));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  public async statusesOf(objectiveIds: readonly number[]): Promise<ObjectiveUpdate[]> {
    const unique = objectiveIds.filter((id, i) => objectiveIds.indexOf(id) === i);
    if (unique.length === 0) return [];
    const { select } = selectFields(this.key, UPDATE_STATUS_FIELDS);
    // One read an objective on the indexed Objective column (served on a list of any size), all in one $batch.
    return this.readParts(
      unique.map((id) => (b: SPFI) => this.listOn(b).items.select(...select, BUILT_IN.modified).filter(indexedEq(this.key, 'objectiveId', id)).top(PAGE_SIZE)() as Promise<RawItem[]>)
    );
  }

  public async addMany(items: NewItem<ObjectiveUpdate>[]): Promise<ObjectiveUpdate[]> {
    if (items.length === 0) return [];
    const models = items as unknown as Record<string, unknown>[];
    const parts: BatchPart<RawItem>[] = models.map((model) => (batched) =>
      this.listOn(batched).items.add(toItem(this.key, model)) as Promise<RawItem>
    );
    let results;
    try {
      results = await runBatch(this.sp, parts, { ...this.options.batch, operation: 'add', list: this.key });
    } catch (e) {
      return this.fail(e, { operation: 'batch' });
    }
    const saved: Array<ObjectiveUpdate | undefined> = new Array(items.length);
    const failures: BatchPartFailure[] = [];
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r.ok) {
        saved[i] = withPeopleFrom(this.key, fromItem<ObjectiveUpdate>(this.key, r.value), models[i]);
      } else {
        failures.push({ index: i, error: await toDataAccessError(r.error, { operation: 'add', list: this.key }) });
      }
    }
    await this.reReadPeople(saved, models);
    if (failures.length > 0) throw new BatchPartsError<ObjectiveUpdate>(saved, failures, { operation: 'batch', list: this.key });
    return saved as ObjectiveUpdate[];
  }

  /** Re-reads, in one more batch, the saved items whose people were given without names. */
  private async reReadPeople(saved: Array<ObjectiveUpdate | undefined>, models: Record<string, unknown>[]): Promise<void> {
    const indexes = saved.map((s, i) => (s && needsUserReRead(this.key, models[i]) ? i : -1)).filter((i) => i >= 0);
    if (indexes.length === 0) return;
    const { select, expand } = selectFor(this.key);
    const parts: BatchPart<RawItem>[] = indexes.map((i) => (batched) => {
      const item = this.listOn(batched).items.getById((saved[i] as ObjectiveUpdate).id).select(...select);
      return (expand.length > 0 ? item.expand(...expand) : item)() as Promise<RawItem>;
    });
    const results = await runBatch(this.sp, parts, { ...this.options.batch, operation: 'read', list: this.key });
    const failed = results.map((r, k) => (r.ok ? undefined : { error: r.error, id: saved[indexes[k]]?.id })).filter((f) => f !== undefined)[0];
    // The items were saved; failing to re-read only the names is reported, not hidden.
    if (failed) throw await toDataAccessError(failed.error, { operation: 'read', list: this.key, itemId: failed.id });
    indexes.forEach((i, k) => {
      const r = results[k];
      if (r.ok) saved[i] = fromItem<ObjectiveUpdate>(this.key, r.value);
    });
  }
}

/** One read of a loadInitial round: a page of a list, the current user, or a permission check. */
type InitialPart =
  | ({
      kind: 'page';
      key: PageKey;
      filter?: string;
      nextLink?: string;
      readOnly?: boolean;
      whole?: boolean;
      /** A window of SharePoint's own paging: items after this id (`$skiptoken=Paged=TRUE&p_ID=N`), in id order. */
      fromId?: number;
      /** The window's last id: items beyond it belong to the next window and are dropped. */
      toId?: number;
      /** The unbounded filter this part reads a window of, and the id up to which windows are planned. */
      bounded?: { filter: string; coveredTo: number };
    } & Retries)
  | ({ kind: 'lastId'; key: PageKey } & Retries)
  | ({ kind: 'listStats'; key: PageKey } & Retries)
  | ({ kind: 'latestPeriod' } & Retries)
  | ({ kind: 'versions'; list: HistoryList; id: number } & Retries)
  | ({ kind: 'user' } & Retries)
  | ({ kind: 'canEdit'; list: EditableListKey } & Retries);

/** How often a read of loadInitial was throttled, or failed for want of time or by another part (then sent on its own). */
interface Retries {
  throttled: number;
  transient?: number;
  alone?: boolean;
}

/** Whether the updates' statuses are to come from the objectives' status histories. */
function historyMode(lists: ReadonlyArray<keyof InitialData>, options: LoadInitialOptions): boolean {
  return options.updateFields === 'history' && options.updatesForPeriods === undefined && lists.indexOf('objectives') >= 0 && lists.indexOf('updates') >= 0;
}

/** The first-round parts of every list (one per period when the updates are narrowed to periods). */
function firstPageParts(lists: ReadonlyArray<keyof InitialData>, options: LoadInitialOptions): InitialPart[] {
  const parts: InitialPart[] = [];
  const readOnly = options.readOnly === true;
  for (const key of lists.filter((k, i) => lists.indexOf(k) === i)) {
    const periods = key === 'updates' ? options.updatesForPeriods : undefined;
    if (key === 'updates' && periods === undefined && historyMode(lists, options)) {
      // The updates' statuses come from the objectives' histories, checked against the list's
      // item count and last change; the list itself is read only when they do not account for it.
      parts.push({ kind: 'listStats', key, throttled: 0 }, { kind: 'lastId', key, throttled: 0 });
      continue;
    }
    if (periods === undefined) {
      // The highest id rides along, so a list of more than one page is read in one more round,
      // or in this one when an earlier load left a hint that the list is that long.
      // With a hint, no need to ask: a list that has grown past it is paged on by its next link.
      // The highest id is read with a hint too: a last window that comes back full then needs no
      // further page when it already reaches that id.
      const hint = options.idHints?.[key];
      if (hint !== undefined && hint > PAGE_SIZE) parts.push(...idRangeParts(key, 0, hint).map((p) => ({ ...p, readOnly })));
      else parts.push({ kind: 'page', key, readOnly, whole: true, throttled: 0 });
      parts.push({ kind: 'lastId', key, throttled: 0 });
      continue;
    }
    // One equality filter per period rather than `a or b`, each narrowed to id windows (idWindow)
    // so no query can match more than 5,000 items: the windows up to the hint (or the first one)
    // now, with the list's highest id; the rest, if the list is longer, in the next round.
    const hint = options.idHints?.[key] ?? 0;
    const coveredTo = Math.max(PAGE_SIZE, Math.ceil(hint / PAGE_SIZE) * PAGE_SIZE);
    for (const period of periods.filter((p, i) => periods.indexOf(p) === i)) {
      const filter = indexedEq(INITIAL_LISTS[key], 'periodId', period);
      for (let start = 0; start < coveredTo; start += PAGE_SIZE) {
        parts.push({ kind: 'page', key, filter: idWindow(start, filter), readOnly, throttled: 0, bounded: start === 0 ? { filter, coveredTo } : undefined });
      }
    }
    if (periods.length > 0) parts.push({ kind: 'lastId', key, throttled: 0 });
  }
  if (options.include?.snapshots) parts.push({ kind: 'page', key: 'snapshots', readOnly, whole: true, throttled: 0 }, { kind: 'lastId', key: 'snapshots', throttled: 0 });
  if (options.include?.reportSettings) parts.push({ kind: 'page', key: 'reportSettings', readOnly, whole: true, throttled: 0 });
  if (options.include?.latestUpdatePeriod) parts.push({ kind: 'latestPeriod', throttled: 0 });
  if (options.include?.currentUser) parts.push({ kind: 'user', throttled: 0 });
  const editable = options.include?.canEdit ?? [];
  for (const list of editable.filter((l, i) => editable.indexOf(l) === i)) parts.push({ kind: 'canEdit', list, throttled: 0 });
  return parts;
}

/**
 * The second-round parts of a `followUp`: each period's updates in id windows up to the updates'
 * highest id (read in the first round), and one versions read per item.
 */
function followUpParts(reads: FollowUpReads | undefined, updatesLastId: number | undefined, readOnly: boolean): InitialPart[] {
  if (!reads) return [];
  const parts: InitialPart[] = [];
  const periods = reads.updatesForPeriods ?? [];
  for (const period of periods.filter((p, i) => periods.indexOf(p) === i)) {
    const filter = indexedEq('objectiveUpdates', 'periodId', period);
    // Without a known highest id, the first window reads on and plans the rest when it is known.
    const coveredTo = Math.max(PAGE_SIZE, Math.ceil((updatesLastId ?? 0) / PAGE_SIZE) * PAGE_SIZE);
    for (let start = 0; start < coveredTo; start += PAGE_SIZE) {
      parts.push({ kind: 'page', key: 'periodUpdates', filter: idWindow(start, filter), readOnly, throttled: 0, bounded: start === 0 ? { filter, coveredTo } : undefined });
    }
  }
  if (periods.length > 0) parts.push({ kind: 'lastId', key: 'periodUpdates', throttled: 0 });
  // A few dozen keys a read on the unique key column: each selects at most that many items.
  const keys = (reads.updatesOf ?? []).map((u) => derivedKey(u, fieldDef('objectiveUpdates', 'objectivePeriodKey').derivedFrom ?? []));
  const unique = keys.filter((k, i) => keys.indexOf(k) === i);
  for (let i = 0; i < unique.length; i += IDS_PER_READ) {
    const filter = unique.slice(i, i + IDS_PER_READ).map((k) => indexedEq('objectiveUpdates', 'objectivePeriodKey', k)).join(' or ');
    parts.push({ kind: 'page', key: 'periodUpdates', filter, readOnly, throttled: 0 });
  }
  // Objectives by id: short `ID eq a or ID eq b` filters on the item id, served on a list of any size.
  const objectives = (reads.objectives ?? []).filter((id, i, all) => all.indexOf(id) === i);
  for (let i = 0; i < objectives.length; i += IDS_PER_READ) {
    parts.push({ kind: 'page', key: 'objectiveDetails', filter: objectives.slice(i, i + IDS_PER_READ).map((id) => `${ID} eq ${id}`).join(' or '), readOnly, throttled: 0 });
  }
  for (const id of reads.history?.benefits ?? []) parts.push({ kind: 'versions', list: 'benefits', id, throttled: 0 });
  for (const id of reads.history?.risks ?? []) parts.push({ kind: 'versions', list: 'risks', id, throttled: 0 });
  return parts;
}

/** How loadInitial reads the updates and objectives (LoadInitialOptions.updateFields). */
interface UpdateReads {
  /** Updates with their status fields only. */
  statusOnly: boolean;
  /** Objectives with their status histories. */
  histories: boolean;
  /** Objectives with what a report counts and orders by only (`objectiveFields: 'summary'`). */
  objectiveSummary: boolean;
}

/** Issues one InitialPart on the batched SPFI. */
function issueInitialPart(batched: SPFI, part: InitialPart, reads: UpdateReads): Promise<unknown> {
  if (part.kind === 'user') return batched.web.currentUser.select(...CURRENT_USER_SELECT)();
  if (part.kind === 'listStats') return batched.web.lists.getByTitle(SCHEMA[INITIAL_LISTS[part.key]].title).select(...LIST_STATS_SELECT)();
  if (part.kind === 'canEdit') return batched.web.lists.getByTitle(SCHEMA[part.list].title).currentUserHasPermissions(editPermissionOf(part.list));
  if (part.kind === 'lastId') return lastIdOn(batched.web.lists.getByTitle(SCHEMA[INITIAL_LISTS[part.key]].title));
  if (part.kind === 'versions') return versionsOf(batched, part.list, part.id);
  if (part.kind === 'latestPeriod') {
    // Newest period first on the indexed Period column (period ids sort as text in time order).
    const period = restName(fieldDef('objectiveUpdates', 'periodId'));
    return batched.web.lists.getByTitle(SCHEMA.objectiveUpdates.title).items.select(period).orderBy(period, false).top(1)();
  }
  const metadata = part.readOnly ? [InjectHeaders({ Accept: NO_METADATA })] : [];
  if (part.nextLink) return SPCollection([batched.web, part.nextLink]).using(...metadata, PageParse())();
  const listKey = INITIAL_LISTS[part.key];
  const history = part.key === 'objectives' && reads.histories ? OBJECTIVE_HISTORY_FIELDS : [];
  const { select, expand } =
    part.key === 'updates' && reads.statusOnly
      ? selectFields(listKey, UPDATE_STATUS_FIELDS)
      : part.key === 'objectives' && reads.objectiveSummary
        ? selectFields(listKey, [...OBJECTIVE_SUMMARY_FIELDS, ...history], true)
        : selectFor(listKey, history);
  let items = batched.web.lists.getByTitle(SCHEMA[listKey].title).items.select(...select).orderBy(ID, true).top(PAGE_SIZE);
  if (part.filter) items = items.filter(part.filter);
  // PnPjs's skip() writes SharePoint's own paging token, $skiptoken=Paged=TRUE&p_ID=N.
  if (part.fromId !== undefined) items = items.skip(part.fromId);
  if (expand.length > 0) items = items.expand(...expand);
  return items.using(...metadata, PageParse())();
}

/** The error context of a failed InitialPart. */
function initialPartContext(part: InitialPart): ErrorContext {
  if (part.kind === 'user') return { operation: 'user' };
  if (part.kind === 'canEdit') return { operation: 'permissions', list: part.list };
  if (part.kind === 'versions') return { operation: 'read', list: part.list, itemId: part.id };
  if (part.kind === 'latestPeriod') return { operation: 'read', list: 'objectiveUpdates' };
  if (part.kind === 'listStats') return { operation: 'read', list: INITIAL_LISTS[part.key] };
  return { operation: 'read', list: INITIAL_LISTS[part.key] };
}

/**
 * Loads every page of the named lists: round 1 is one `$batch` with the first page of each
 * list (and the user and permission checks asked for in `options.include`); each later round
 * is one `$batch` with the next pages of the lists that have more, plus any part SharePoint
 * throttled in the previous round (sent again after its Retry-After).
 */
function loadInitial(
  sp: SPFI,
  lists: ReadonlyArray<keyof InitialData>,
  options: PnpRepositoriesOptions,
  loadOptions: LoadInitialOptions = {}
): Promise<InitialLoad> {
  return readInRounds(sp, options, firstPageParts(lists, loadOptions), loadOptions);
}

/**
 * The reads of the rest of a list after its first page, in parallel windows of SharePoint's own
 * paging: `$skiptoken=Paged=TRUE&p_ID=N` with `$top=5000` in id order, no filter, which SharePoint
 * serves on a list of any size ("Manage large lists and libraries",
 * https://support.microsoft.com/office/b8588dae-9387-48c2-9248-c24122f07c59; PnPjs's items.skip
 * and its async iteration page the same way). Window k covers ids (N, N + 5,000], which hold at most
 * 5,000 items, so one page gets them all; the last window is open-ended and follows its next link
 * for items added meanwhile. They all go in the next `$batch`: a list of any size costs one round
 * more, not one round a page.
 */
function idRangeParts(key: PageKey, afterId: number, lastId: number): InitialPart[] {
  const parts: InitialPart[] = [];
  let start = afterId;
  for (; start + PAGE_SIZE < lastId; start += PAGE_SIZE) {
    parts.push({ kind: 'page', key, fromId: start, toId: start + PAGE_SIZE, whole: true, throttled: 0 });
  }
  parts.push({ kind: 'page', key, fromId: start, whole: true, throttled: 0 });
  return parts;
}

/** The filtered windows (idWindow) after `coveredTo` up to the list's highest id. */
function boundedWindowParts(key: PageKey, filter: string, coveredTo: number, lastId: number, readOnly?: boolean): InitialPart[] {
  const parts: InitialPart[] = [];
  for (let start = coveredTo; start < lastId; start += PAGE_SIZE) parts.push({ kind: 'page', key, filter: idWindow(start, filter), readOnly, throttled: 0 });
  return parts;
}

/**
 * Runs reads in `$batch` rounds: the given parts first, then the rest of each list with more
 * than one page (by id range when its highest id is known, otherwise page by page) and any part
 * SharePoint throttled (sent again after its Retry-After), until nothing is left.
 */
async function readInRounds(sp: SPFI, options: PnpRepositoriesOptions, first: InitialPart[], loadOptions: LoadInitialOptions = {}): Promise<InitialLoad> {
  const data: InitialLoad = emptyInitialData();
  if (first.some((p) => p.kind === 'page' && p.key === 'snapshots')) data.snapshots = [];
  if (first.some((p) => p.kind === 'page' && p.key === 'reportSettings')) data.reportSettings = [];
  // Waiting for the update list's statistics and every objective, to take the updates from the histories.
  let awaitingHistories = first.some((p) => p.kind === 'listStats' && p.key === 'updates');
  let updateStats: UpdateListStats | undefined;
  const reads: UpdateReads = {
    statusOnly: awaitingHistories || (loadOptions.updateFields === 'status' && first.some((p) => p.kind === 'page' && p.key === 'updates')),
    histories: awaitingHistories,
    objectiveSummary: loadOptions.objectiveFields === 'summary' && first.some((p) => p.kind === 'page' && p.key === 'objectives')
  };
  if (reads.statusOnly) data.updatesStatusOnly = true;
  if (reads.objectiveSummary) data.objectivesSummaryOnly = true;
  let round = 0;
  // Up to 100 parts a request, SharePoint's limit for a REST $batch (PnPjs's own default is 20, so a
  // first load of many lists would go as several requests one after another).
  const batchOptions: RunBatchOptions = { maxRequests: BATCH_PARTS, ...options.batch, operation: 'read' };
  // Lists read whole (not narrowed to periods): first pages without a filter, or id ranges.
  const wholeLists = new Set<PageKey>();
  for (const p of first) if (p.kind === 'page' && p.whole) wholeLists.add(p.key);
  let pending = first;
  // Highest ids read so far, and the filtered reads waiting for one to plan their further windows.
  const lastIds = new Map<PageKey, number>();
  let unplanned: Array<{ key: PageKey; filter: string; coveredTo: number; readOnly?: boolean }> = [];
  while (pending.length > 0) {
    round += 1;
    const parts: RoundPart<unknown>[] = pending.map((part) => ({ part: (batched) => issueInitialPart(batched, part, reads), alone: part.alone }));
    let results;
    try {
      results = await executeMixedRound(sp, parts, batchOptions);
    } catch (e) {
      throw await toDataAccessError(e, { operation: 'read' });
    }
    const next: InitialPart[] = [];
    let waitMs = 0;
    const continued: Array<{ key: PageKey; nextLink: string; afterId: number; first: boolean; readOnly?: boolean; whole?: boolean }> = [];
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      const entry = pending[i];
      if (!r.ok) {
        const context = initialPartContext(entry);
        // Every part here is a read: one failed by another part or timed out is sent again on its own.
        const aloneMs = aloneRetryMs(r.error, (entry.transient ?? 0) + 1, true, batchOptions);
        if (aloneMs !== undefined) {
          next.push({ ...entry, alone: true, transient: (entry.transient ?? 0) + 1 });
          waitMs = Math.max(waitMs, aloneMs);
          continue;
        }
        const decision = throttlingDecision(r.error, entry.throttled + 1, { ...batchOptions, operation: context.operation, list: context.list });
        if (decision && 'retryInMs' in decision) {
          next.push({ ...entry, throttled: entry.throttled + 1 });
          waitMs = Math.max(waitMs, decision.retryInMs);
          continue;
        }
        const error = decision ? decision.error : await toDataAccessError(r.error, context);
        // A site provisioned before the paper settings list existed: its papers take the defaults.
        if (entry.kind === 'page' && entry.key === 'reportSettings' && (error instanceof ListMissingError || error instanceof NotFoundError)) continue;
        throw error;
      }
      if (entry.kind === 'user') {
        data.currentUser = toPerson(r.value as RawUser);
      } else if (entry.kind === 'canEdit') {
        data.canEdit = { ...data.canEdit, [entry.list]: r.value === true };
      } else if (entry.kind === 'lastId') {
        lastIds.set(entry.key, highestId(r.value));
      } else if (entry.kind === 'listStats') {
        updateStats = listStats(r.value);
      } else if (entry.kind === 'latestPeriod') {
        const newest = (r.value as RawItem[] | undefined)?.[0];
        const period = newest?.[restName(fieldDef('objectiveUpdates', 'periodId'))];
        if (typeof period === 'string' && period !== '') data.latestUpdatePeriod = period;
      } else if (entry.kind === 'versions') {
        // The maps were created when the follow-up was planned.
        (data.history?.[entry.list] as Map<number, ItemVersion[]> | undefined)?.set(entry.id, toVersions(entry.list, r.value as Array<Record<string, unknown>>));
      } else {
        const read = r.value as ItemsPage;
        // A window of known end keeps only its own ids; the rest belong to the next window.
        const page: ItemsPage =
          entry.toId === undefined ? read : { value: read.value.filter((raw) => typeof raw[ID] !== 'number' || (raw[ID] as number) <= (entry.toId as number)) };
        if (entry.bounded) unplanned.push({ key: entry.key, ...entry.bounded, readOnly: entry.readOnly });
        const listKey = INITIAL_LISTS[entry.key];
        if (entry.key === 'snapshots') {
          // Unpacked once every page is in (below).
          const snapshots = (data.snapshots = data.snapshots ?? []);
          for (const raw of page.value) snapshots.push(fromItem<ReportSnapshot>(listKey, raw));
        } else if (entry.key === 'reportSettings') {
          const settings = (data.reportSettings = data.reportSettings ?? []);
          for (const raw of page.value) settings.push(fromItem<ReportSettingsItem>(listKey, raw));
        } else if (entry.key === 'periodUpdates') {
          const updates = (data.periodUpdates = data.periodUpdates ?? []);
          for (const raw of page.value) updates.push(fromItem<ObjectiveUpdate>(listKey, raw));
        } else if (entry.key === 'objectiveDetails') {
          const details = (data.objectiveDetails = data.objectiveDetails ?? []);
          for (const raw of page.value) details.push(fromItem<Objective>(listKey, raw));
        } else {
          const target = data[entry.key] as unknown[];
          for (const raw of page.value) target.push(fromItem(listKey, raw));
        }
        if (page.nextLink) {
          const last = page.value[page.value.length - 1];
          const afterId = last && typeof last[ID] === 'number' ? (last[ID] as number) : 0;
          continued.push({ key: entry.key, nextLink: page.nextLink, afterId, first: !entry.filter && !entry.nextLink && entry.fromId === undefined, readOnly: entry.readOnly, whole: entry.whole });
        }
      }
    }
    for (const c of continued) {
      const lastId = lastIds.get(c.key);
      // A list read whole whose page already reaches its highest id (read in the same round) has nothing more.
      // (A highest id of 0 is one that could not be read: the list is paged on.)
      if (c.whole && lastId !== undefined && lastId > 0 && c.afterId >= lastId) continue;
      // A first page in id order (no filter) continues by id range when the list's highest id is known.
      if (c.first && c.afterId > 0 && lastId !== undefined) {
        next.push(...idRangeParts(c.key, c.afterId, lastId).map((p) => ({ ...p, readOnly: c.readOnly })));
      } else {
        next.push({ kind: 'page', key: c.key, nextLink: c.nextLink, readOnly: c.readOnly, whole: c.whole, throttled: 0 });
      }
    }
    unplanned = unplanned.filter((u) => {
      const lastId = lastIds.get(u.key);
      if (lastId === undefined) return true;
      next.push(...boundedWindowParts(u.key, u.filter, u.coveredTo, lastId, u.readOnly));
      return false;
    });
    // Once every objective is in, the updates come from their histories, or are read in the next round.
    if (awaitingHistories && updateStats && !next.some((p) => p.kind === 'page' && p.key === 'objectives')) {
      awaitingHistories = false;
      const fromHistories = updatesFromHistories(data.objectives, updateStats);
      // The histories are read for this only: the objectives are kept without them.
      for (const o of data.objectives) delete o.statusHistory;
      if (fromHistories) {
        data.updates = fromHistories.sort((a, b) => a.id - b.id);
        data.updatesFromHistories = true;
        // The list's length, for a later read of it (the report checks the histories against it) to take one round.
        const lastId = lastIds.get('updates');
        if (lastId !== undefined && lastId > 0) data.lastIds = { ...data.lastIds, updates: lastId };
      } else {
        data.updatesFromHistories = false;
        wholeLists.add('updates');
        const lastId = lastIds.get('updates') ?? 0;
        next.push(...(lastId > 0 ? idRangeParts('updates', 0, lastId) : [{ kind: 'page' as const, key: 'updates' as const, whole: true, throttled: 0 }]).map((p) => ({ ...p, readOnly: loadOptions.readOnly === true })));
      }
    }
    // Once the first round is in, the caller's further reads go with the second.
    if (round === 1 && loadOptions.followUp) {
      const unfinished = new Set<keyof InitialData>();
      for (const p of next) if (p.kind === 'page' && p.whole && p.key in INITIAL_KEYS_BY_DATA) unfinished.add(p.key as keyof InitialData);
      const reads = loadOptions.followUp(data, unfinished);
      if (reads?.history) data.history = { benefits: new Map(), risks: new Map() };
      if (reads?.updatesForPeriods) data.periodUpdates = [];
      next.push(...followUpParts(reads, lastIds.get('updates'), loadOptions.readOnly === true));
    }
    if (waitMs > 0) await batchSleep(batchOptions, waitMs);
    pending = next;
  }
  // A list read whole is returned in id order (ranges retried after throttling arrive out of
  // turn) and, but for the snapshots and settings, leaves its highest id as a hint for next time.
  for (const key of Array.from(wholeLists)) {
    if (key === 'periodUpdates' || key === 'objectiveDetails') continue;
    const items = (key === 'snapshots' ? data.snapshots : key === 'reportSettings' ? data.reportSettings : data[key]) as Stored[] | undefined;
    if (!items || items.length === 0) continue;
    items.sort((a, b) => a.id - b.id);
    if (key !== 'snapshots' && key !== 'reportSettings') data.lastIds = { ...data.lastIds, [key]: items[items.length - 1].id };
  }
  // An update asked for both by its period and by its key is kept once.
  if (data.periodUpdates) data.periodUpdates = data.periodUpdates.sort((a, b) => a.id - b.id).filter((u, i, all) => i === 0 || all[i - 1].id !== u.id);
  if (data.objectiveDetails) data.objectiveDetails = data.objectiveDetails.sort((a, b) => a.id - b.id).filter((o, i, all) => i === 0 || all[i - 1].id !== o.id);
  // An unreadable snapshot never stops the report: it is left out here and listed, with the
  // reason, among the published reports (publishedPeriods).
  if (data.snapshots) data.snapshots = (await readableSnapshots(data.snapshots, sp)).readable;
  return data;
}

/** Raw SharePoint user (web/currentuser, ensureuser). */
interface RawUser {
  Id: number;
  Title?: string;
  Email?: string;
}

function toPerson(u: RawUser): Person {
  return { id: u.Id, displayName: u.Title ?? '', email: u.Email ?? '' };
}

/** The signed-in site user. */
async function readCurrentUser(sp: SPFI): Promise<Person> {
  try {
    return toPerson((await sp.web.currentUser.select(...CURRENT_USER_SELECT)()) as RawUser);
  } catch (e) {
    throw await toDataAccessError(e, { operation: 'user' });
  }
}

/** A snapshot as read: shown with its integrity, or listed as unreadable with the reason. */
type SnapshotRead = { ok: true; snapshot: ReportSnapshot } | { ok: false; unreadable: UnreadableSnapshot };

/**
 * A snapshot as read: its fingerprint checked against the column as stored, then its model
 * unpacked (snapshotCodec) and checked deeply, so a hand-edited column is caught here, for its
 * own row, not deep inside a render and never for the other snapshots.
 */
async function readStoredSnapshot(s: ReportSnapshot, sp: SPFI): Promise<SnapshotRead> {
  try {
    // A report too large for the column is kept in a file the column points to (snapshotFiles):
    // the fingerprint covers the file's content, so a changed file reads as altered too.
    const stored: unknown = await storedModelText(sp, s.model);
    let integrity: SnapshotIntegrity = 'unverified';
    if (s.contentHash) {
      const text = typeof stored === 'string' ? stored : JSON.stringify(stored ?? null);
      integrity = (await contentHash(snapshotContent(s, text))) === s.contentHash ? 'verified' : 'altered';
    }
    return { ok: true, snapshot: { ...s, integrity, model: readSnapshotModel(await unpackModel(stored)) } };
  } catch (e) {
    const unreadable: UnreadableSnapshot = {
      id: s.id,
      title: s.title,
      periodId: s.periodId,
      serviceId: s.serviceId,
      version: s.version,
      publishedOn: s.publishedOn,
      publishedBy: s.publishedBy,
      reason: e instanceof Error ? e.message : String(e)
    };
    return { ok: false, unreadable };
  }
}

/** The readable snapshots of a read; the unreadable ones are listed by publishedPeriods only. */
async function readableSnapshots(found: readonly ReportSnapshot[], sp: SPFI): Promise<{ readable: ReportSnapshot[]; unreadable: UnreadableSnapshot[] }> {
  const reads = await Promise.all(found.map((s) => readStoredSnapshot(s, sp)));
  const readable: ReportSnapshot[] = [];
  const unreadable: UnreadableSnapshot[] = [];
  for (const r of reads) {
    if (r.ok) readable.push(r.snapshot);
    else unreadable.push(r.unreadable);
  }
  return { readable, unreadable };
}

/**
 * Report snapshots: reads and publish only. Wraps a list repository instead of extending one
 * so that update and remove do not exist on it at all (snapshots are immutable; the list's own
 * permissions, set on provisioning, stop members changing them through SharePoint).
 */
class PnpSnapshotRepository implements SnapshotRepository {
  private readonly list: PnpPeriodListRepository<ReportSnapshot>;

  public constructor(
    private readonly sp: SPFI,
    key: ListKey,
    options: PnpRepositoriesOptions
  ) {
    this.list = new PnpPeriodListRepository<ReportSnapshot>(sp, key, options);
  }

  public async getAll(): Promise<ReportSnapshot[]> {
    return (await readableSnapshots(await this.list.getAll(), this.sp)).readable;
  }

  public async getById(id: number): Promise<ReportSnapshot | undefined> {
    const found = await this.list.getById(id);
    if (!found) return undefined;
    const read = await readStoredSnapshot(found, this.sp);
    if (!read.ok) throw new SnapshotUnreadableError(read.unreadable.reason, { operation: 'read', list: 'snapshots', itemId: id });
    return read.snapshot;
  }

  public async getForPeriod(periodId: string): Promise<ReportSnapshot[]> {
    const found = (await readableSnapshots(await this.list.getForPeriod(periodId), this.sp)).readable;
    return found.sort((a, b) => b.version - a.version || b.id - a.id);
  }

  public async publish(model: ReportModel, publishedBy?: Person, paper?: PaperRecord): Promise<ReportSnapshot> {
    const by = publishedBy ?? (await readCurrentUser(this.sp));
    // The next version is one more than the highest stored for the same period and scope,
    // unreadable versions included, so a number is never reused.
    const all = await readableSnapshots(await this.list.getForPeriod(model.period.id), this.sp);
    const existing = [...all.readable, ...all.unreadable.map((u) => ({ ...u, model }) as unknown as ReportSnapshot)];
    // SharePoint keeps a date and time to the second; the fingerprint covers what it keeps.
    const publishedOn = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const item = newSnapshot(model, existing, by, publishedOn);
    const packed = await packModel(item.model);
    // The Json column stores the packed string as a JSON string literal (two quotes more).
    // One too large for the column is stored as a file of the papers library and the column
    // points to it; the fingerprint covers the packed report either way.
    const column = JSON.stringify(packed).length > NOTE_MAX_LENGTH ? await storeOversizeModel(this.sp, item, packed) : packed;
    const recorded = paper ? { paperFileName: versionedFileName(paper.fileName, item.version), paperHash: paper.fileHash } : {};
    const stored = { ...item, model: column as unknown as ReportModel, contentHash: await contentHash(snapshotContent(item, packed)), ...recorded };
    const read = await readStoredSnapshot(await this.list.add(stored as NewItem<ReportSnapshot>), this.sp);
    if (!read.ok) throw new SnapshotUnreadableError(read.unreadable.reason, { operation: 'add', list: 'snapshots' });
    return read.snapshot;
  }

  public async publishedPeriods(): Promise<PublishedPeriod[]> {
    const { readable, unreadable } = await readableSnapshots(await this.list.getAll(), this.sp);
    return publishedPeriods(readable, unreadable);
  }
}

/**
 * The permission `canEdit` asks of a list: AddListItems on an add-only list (what its work needs:
 * publishing adds a snapshot and a paper, and members hold "SSM Add only" there, never
 * EditListItems), EditListItems on every other.
 */
export function editPermissionOf(list: EditableListKey): PermissionKind {
  return SCHEMA[list].permissions === 'addOnly' ? PermissionKind.AddListItems : PermissionKind.EditListItems;
}

/** The repository of one declared list, by its repository kind. */
function repositoryOf(sp: SPFI, key: ListKey, kind: RepositoryKind, options: PnpRepositoriesOptions): unknown {
  switch (kind) {
    case 'list':
      return new PnpListRepository<Stored>(sp, key, options);
    case 'period':
      return new PnpPeriodListRepository<Stored>(sp, key, options);
    case 'objectiveUpdates':
      return new PnpObjectiveUpdateRepository(sp, key, options);
    case 'reminderLog':
      return new PnpReminderLogRepository(sp, key, options);
    case 'snapshots':
      return new PnpSnapshotRepository(sp, key, options);
    case 'papers':
      return new PnpCommitteePapers(sp);
    default:
      return unreachable(kind, 'repository kind');
  }
}

/** Builds the repositories of every list over one SPFI (from getSP or getSPForUrl). */
export function createPnpRepositories(sp: SPFI, options: PnpRepositoriesOptions = {}): Repositories {
  const lists: Record<string, unknown> = {};
  for (const decl of LIST_DECLARATIONS) lists[decl.key] = repositoryOf(sp, decl.key, decl.repository, options);
  return {
    ...(lists as unknown as ListRepositories),
    history: createPnpItemHistory(sp),
    loadInitial: (lists, loadOptions) => loadInitial(sp, lists, options, loadOptions),
    async currentUser(): Promise<Person> {
      try {
        return toPerson((await sp.web.currentUser.select(...CURRENT_USER_SELECT)()) as RawUser);
      } catch (e) {
        throw await toDataAccessError(e, { operation: 'user' });
      }
    },
    async ensureUser(emailOrLogin: string): Promise<Person> {
      try {
        return toPerson((await sp.web.ensureUser(emailOrLogin)) as RawUser);
      } catch (e) {
        throw await toDataAccessError(e, { operation: 'user' });
      }
    },
    async canEdit(list): Promise<boolean> {
      try {
        return await sp.web.lists.getByTitle(SCHEMA[list].title).currentUserHasPermissions(editPermissionOf(list));
      } catch (e) {
        throw await toDataAccessError(e, { operation: 'permissions', list });
      }
    },
    async canManage(list): Promise<boolean> {
      try {
        return await sp.web.lists.getByTitle(SCHEMA[list].title).currentUserHasPermissions(PermissionKind.ManageLists);
      } catch (e) {
        throw await toDataAccessError(e, { operation: 'permissions', list });
      }
    }
  };
}
