/**
 * Repository interfaces: the only way components and jobs reach data. The PnPjs
 * implementation (pnpRepositories.ts) talks to SharePoint or the local host; tests may
 * pass in-memory fakes. Components receive a `Repositories` through props or context.
 */
import type { Objective, ObjectiveUpdate, Person, ReportSettingsItem, ReportSnapshot, ReminderLogEntry } from '../domain/types';
import type { ReportHistory } from '../domain/report/build';
import { INITIAL_KEYS } from './lists';
import type { InitialKeyOf, InitialListKey, ListKey, ModelOf, RepositoryKindOf } from './lists';
import type { ReportModel } from '../domain/report/model';
import type { PublishedPeriod } from '../domain/report/snapshot';
import type { ItemHistoryRepository } from './itemHistory';
import type { CommitteePapersRepository, PaperRecord } from './papers';

/** A new item: everything but the server-assigned identity and audit fields. */
export type NewItem<T> = Omit<T, 'id' | 'etag' | 'created' | 'modified'>;

/** Changes to an item, with the etag of the version the user edited (optimistic concurrency). */
export type ItemChanges<T> = Partial<NewItem<T>> & { id: number; etag: string };

/** Create, read, update and delete of one list, with full paging (no 100-item cap). */
export interface ListRepository<T> {
  /** Every item of the list, following every page. */
  getAll(): Promise<T[]>;
  /** One item by id, or undefined when it does not exist. */
  getById(id: number): Promise<T | undefined>;
  /** Creates an item and returns it as stored (with id and etag). */
  add(item: NewItem<T>): Promise<T>;
  /**
   * Updates an item sending IF-Match with its etag; throws ConflictError carrying the
   * server's version when someone else saved first. Returns the item as stored.
   */
  update(changes: ItemChanges<T>): Promise<T>;
  /** Deletes an item (IF-Match with the etag). */
  remove(id: number, etag: string): Promise<void>;
}

/** A list whose items belong to a reporting period, read by period through the indexed Period field. */
export interface PeriodListRepository<T> extends ListRepository<T> {
  /** Items of one reporting period. */
  getForPeriod(periodId: string): Promise<T[]>;
}

/** A write to a list: a new item, or changes to one with the etag of the version changed. */
export type ListWrite<T> = { add: NewItem<T> } | { update: ItemChanges<T> };

/** What became of one write of several: the item as stored, or the write's own error. */
export type WriteOutcome<T> = { ok: true; item: T } | { ok: false; error: unknown };

/**
 * The reminder log. A reminder run claims a chunk of officers (one entry each, Pending) before
 * sending and records Graph's answers after: each as one `$batch`, not a request per officer.
 */
export interface ReminderLogRepository extends PeriodListRepository<ReminderLogEntry> {
  /**
   * Writes the entries in one `$batch` (throttled parts retried after their Retry-After) and
   * returns each write's outcome in order; a ConflictError when someone changed the entry first.
   * An updated entry comes back read again, with its new etag, when `readBack` is set (one more
   * `$batch`); otherwise as the changes written, with an empty etag.
   */
  saveMany(writes: ReadonlyArray<ListWrite<ReminderLogEntry>>, options?: { readBack?: boolean }): Promise<Array<WriteOutcome<ReminderLogEntry>>>;
  /**
   * The entries of these keys as they are now (through the unique, indexed claim column): read
   * just before a chunk is claimed, so a run sees what other runs did since it started.
   */
  getForKeys(keys: readonly string[]): Promise<ReminderLogEntry[]>;
}

/** saveMany done one write at a time through add and update: for repositories without batches (test doubles). */
export async function saveEach<T>(list: Pick<ListRepository<T>, 'add' | 'update'>, writes: ReadonlyArray<ListWrite<T>>): Promise<Array<WriteOutcome<T>>> {
  const outcomes: Array<WriteOutcome<T>> = [];
  for (const w of writes) {
    try {
      outcomes.push({ ok: true, item: 'add' in w ? await list.add(w.add) : await list.update(w.update) });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

/** Objective updates: the quarterly history. */
export interface ObjectiveUpdateRepository extends PeriodListRepository<ObjectiveUpdate> {
  /** Updates of one objective, newest first. */
  getForObjective(objectiveId: number): Promise<ObjectiveUpdate[]>;
  /** Updates by id (every field), in one `$batch`; ids not found are left out. */
  getByIds(ids: readonly number[]): Promise<ObjectiveUpdate[]>;
  /** Adds several updates in one $batch request; all or each fails with its own error. */
  addMany(items: NewItem<ObjectiveUpdate>[]): Promise<ObjectiveUpdate[]>;
  /**
   * Every update of these objectives with its status fields and times only (no narrative or
   * author), in id order: what their status histories are built from.
   */
  statusesOf(objectiveIds: readonly number[]): Promise<ObjectiveUpdate[]>;
}

/**
 * Published report snapshots (issue 6). Deliberately no update or remove: a snapshot is what
 * the committee saw, so publishing again adds the next version and never overwrites one.
 */
export interface SnapshotRepository {
  /** Every snapshot, all versions. */
  getAll(): Promise<ReportSnapshot[]>;
  /** One snapshot by id, or undefined when it does not exist. */
  getById(id: number): Promise<ReportSnapshot | undefined>;
  /** Every version of every scope published for a period, newest version first. */
  getForPeriod(periodId: string): Promise<ReportSnapshot[]>;
  /**
   * Publishes a report model as the next version of its period and scope; `publishedBy`
   * defaults to the signed-in user. `paper`, the Word paper rendered beforehand, is recorded
   * with it (`paperFileName`, its name with the version; `paperHash`). Returns the snapshot as stored.
   */
  publish(model: ReportModel, publishedBy?: Person, paper?: PaperRecord): Promise<ReportSnapshot>;
  /** The published reports, grouped by period and scope, newest period first. */
  publishedPeriods(): Promise<PublishedPeriod[]>;
}

/**
 * The repository interface of each repository kind a list declares (src/data/lists), for items
 * of model T. A new kind needs an entry here and a case in createPnpRepositories.
 */
export interface RepositoryKinds<T> {
  /** Plain create, read, update and delete. */
  list: ListRepository<T>;
  /** CRUD plus reads by reporting period (the list has an indexed Period field). */
  period: PeriodListRepository<T>;
  /** Objective updates (quarterly history). */
  objectiveUpdates: ObjectiveUpdateRepository;
  /** The reminder log. */
  reminderLog: ReminderLogRepository;
  /** Published report snapshots (immutable). */
  snapshots: SnapshotRepository;
  /** The Word papers of published reports, in a document library. */
  papers: CommitteePapersRepository;
}

/** The repository of each declared list, by list key. */
export type ListRepositories = { readonly [K in ListKey]: RepositoryKinds<ModelOf<K>>[RepositoryKindOf<K>] };

/**
 * Everything a web part's first render needs, fetched in one $batch round trip where possible:
 * all items of each list that declares an `initial` key, under that key (objective updates
 * come as `updates`).
 */
export type InitialData = { [K in InitialListKey as InitialKeyOf<K>]: Array<ModelOf<K>> };

/** An InitialData with every list empty (what loadInitial returns for lists not named). */
export function emptyInitialData(): InitialData {
  const out: Record<string, unknown[]> = {};
  for (const key of Object.values(INITIAL_KEYS) as string[]) out[key] = [];
  return out as InitialData;
}

/**
 * Lists whose items a user may or may not be allowed to edit (the targets of `canEdit`). On a list
 * declared `permissions: 'addOnly'` (snapshots, committee papers) "edit" means add: the check asks
 * AddListItems, which members hold there, since nobody edits those items.
 */
export type EditableListKey = keyof Omit<Repositories, 'loadInitial' | 'currentUser' | 'ensureUser' | 'canEdit' | 'canManage' | 'history'>;

/** Options of `loadInitial`. Without any, every item of every named list is read. */
export interface LoadInitialOptions {
  /**
   * Read only the objective updates of these reporting periods (through the indexed Period
   * field) instead of the whole history; an empty array reads none. The history of one
   * objective is then read on demand with `objectiveUpdates.getForObjective`.
   */
  updatesForPeriods?: readonly string[];
  /**
   * For views that only read (the highlight report): items come without their etags and other
   * OData metadata, which roughly halves what is downloaded. Items read so cannot be updated
   * (their etag is empty, so a save would be refused as a conflict).
   */
  readOnly?: boolean;
  /**
   * The highest ids the lists had at an earlier load (`InitialLoad.lastIds`). A list remembered as
   * longer than one page is then read by id range in the first round, so it needs no second one.
   * Only an optimisation: whatever the hints say, every item is read.
   */
  idHints?: Partial<Record<keyof InitialData, number>>;
  /**
   * `status`: the updates come with only what statuses, changes and trends are computed from (objective,
   * period, status, RAG, when written, when created), without narrative or author, about a third of
   * the download. For views that show the narratives of a few updates only: they read those with
   * `followUp` or `objectiveUpdates.getByIds`. `InitialLoad.updatesStatusOnly` says it was done.
   * `history`: the same updates, taken from the objectives' status histories when those account
   * for the update list as it stands (its item count and last change, read with the first round);
   * otherwise read as with `status`, in the next round. Needs `objectives` among the lists read.
   */
  updateFields?: 'all' | 'status' | 'history';
  /**
   * `summary`: the objectives come with what a report counts, orders and plans by (title,
   * service, status, RAG, last update period, when created), without their aim, officer or dates,
   * under half the download; `InitialLoad.objectivesSummaryOnly` says it was done. A view reads
   * every field of the objectives it shows with `followUp` (`objectives`) or a later load.
   */
  objectiveFields?: 'all' | 'summary';
  /**
   * Reads planned from what the first round returned (`unfinished`: the lists with more items to
   * come), sent with the second round (which a list over 5,000 items needs anyway), so they
   * usually cost no request of their own.
   */
  followUp?: (first: InitialLoad, unfinished: ReadonlySet<keyof InitialData>) => FollowUpReads | undefined;
  /** Reads that travel in the same `$batch` as the first page round, so they cost no request of their own. */
  include?: {
    /** Also read the signed-in user (`InitialLoad.currentUser`). */
    currentUser?: boolean;
    /** Also check EditListItems on these lists, AddListItems on an add-only one (`InitialLoad.canEdit`). */
    canEdit?: readonly EditableListKey[];
    /** Also read every published report snapshot (`InitialLoad.snapshots`). */
    snapshots?: boolean;
    /** Also read the committee paper's settings list (`InitialLoad.reportSettings`; empty when the site has no such list). */
    reportSettings?: boolean;
    /** Also read the latest reporting period any update is for (`InitialLoad.latestUpdatePeriod`), through the indexed Period column. */
    latestUpdatePeriod?: boolean;
  };
}

/** What `LoadInitialOptions.followUp` asks the second round to read. */
export interface FollowUpReads {
  /** Every field of the updates of these periods (`InitialLoad.periodUpdates`), through the indexed Period column. */
  updatesForPeriods?: readonly string[];
  /**
   * Every field of these updates (`InitialLoad.periodUpdates` too), one per objective and period,
   * through the indexed, unique objective-and-period column.
   */
  updatesOf?: ReadonlyArray<{ objectiveId: number; periodId: string }>;
  /** The version histories of these benefits and risks (`InitialLoad.history`). */
  history?: { benefits: readonly number[]; risks: readonly number[] };
  /** Every field of these objectives (`InitialLoad.objectiveDetails`), by id. */
  objectives?: readonly number[];
}

/** What `loadInitial` returns: the lists, plus the user and permissions when asked for in `include`. */
export interface InitialLoad extends InitialData {
  /** The signed-in user, when `include.currentUser` was set. */
  currentUser?: Person;
  /** Whether the user may edit each list named in `include.canEdit`. */
  canEdit?: Partial<Record<EditableListKey, boolean>>;
  /** Every published report snapshot, when `include.snapshots` was set. */
  snapshots?: ReportSnapshot[];
  /** The highest id of each list read whole, to pass as `idHints` next time. */
  lastIds?: Partial<Record<keyof InitialData, number>>;
  /** Set when `updates` were read with `updateFields: 'status'` or `'history'` (no narratives or authors). */
  updatesStatusOnly?: boolean;
  /** With `updateFields: 'history'`: whether the updates came from the objectives' status histories (else from the list). */
  updatesFromHistories?: boolean;
  /** Set when `objectives` were read with `objectiveFields: 'summary'`. */
  objectivesSummaryOnly?: boolean;
  /** Every field of the objectives a `followUp` asked for, in id order. */
  objectiveDetails?: Objective[];
  /** The paper settings list's items, when `include.reportSettings` was set (none when the site lacks the list). */
  reportSettings?: ReportSettingsItem[];
  /** The latest period any update is for (`include.latestUpdatePeriod`); undefined when there is no update. */
  latestUpdatePeriod?: string;
  /** Every field of the updates a `followUp` asked for (by period or by objective and period), in id order. */
  periodUpdates?: ObjectiveUpdate[];
  /** The version histories a `followUp` asked for. */
  history?: ReportHistory;
}

/** The data access of the whole product: the repository of every declared list, and loads and users. */
export interface Repositories extends ListRepositories {
  /**
   * Version histories of benefits and risks, so a paper for a past period shows values as they
   * stood at its end. Optional: without it (test doubles) papers use the values as they are now.
   */
  history?: ItemHistoryRepository;
  /**
   * Loads the named lists together: one $batch request for the first 5,000 items of each (and
   * its highest id), then, for lists with more, one more $batch reading the rest by id range
   * whatever the size. Lists not named come back empty. Options
   * narrow the updates read to some periods and add the user and permission checks to the
   * first round (see LoadInitialOptions); without them every item is read.
   */
  loadInitial(lists: ReadonlyArray<keyof InitialData>, options?: LoadInitialOptions): Promise<InitialLoad>;
  /** The signed-in user (site user), for "my objectives" and update authorship. */
  currentUser(): Promise<Person>;
  /** Resolves an email or login to a site user, adding them to the site if needed. */
  ensureUser(emailOrLogin: string): Promise<Person>;
  /**
   * Whether the current user may edit items of the given list (EditListItems); on a list declared
   * add-only (snapshots, committee papers), whether they may add items (AddListItems), which is
   * what publishing needs and what members hold there.
   */
  canEdit(list: EditableListKey): Promise<boolean>;
  /**
   * Whether the current user may manage the given list (ManageLists: SharePoint's Edit level,
   * which site members and owners hold; not Contribute or Read). Mailing every officer is theirs.
   */
  canManage(list: EditableListKey): Promise<boolean>;
}
