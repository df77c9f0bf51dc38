/**
 * Brings every objective's status history (src/domain/statusHistory.ts) in line with the
 * update list: run by "Set up lists", so a site set up before the histories existed gets them
 * all at once, and one whose histories went stale (an update edited in SharePoint's own form)
 * is put right. Reads the objectives' histories and every update's status fields (SharePoint's
 * own paging, id order, so any list size is served) and writes, in `$batch`es, only the
 * histories that differ.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IItems } from '@pnp/sp/items';
import type { ObjectiveUpdate } from '../domain/types';
import { historiesOf } from '../domain/statusHistory';
import { BUILT_IN, fieldDef, restName, SCHEMA } from './schema';
import { fromItem, RawItem, selectFields } from './mapping';
import { runBatch, RunBatchOptions } from './batch';
import { toDataAccessError } from './errors';

/** Items a page: SharePoint's list view threshold, the most one page may hold. */
const PAGE_SIZE = 5000;

/** Parts a `$batch`: SharePoint's limit. */
const BATCH_PARTS = 100;

/** What an update's history entry is built from. */
const HISTORY_UPDATE_FIELDS = ['objectiveId', 'periodId', 'status', 'rag', 'updatedOn'] as const;

async function readAll(items: IItems): Promise<RawItem[]> {
  const all: RawItem[] = [];
  for await (const page of items.top(PAGE_SIZE)) all.push(...(page as RawItem[]));
  return all;
}

/** Writes the status history of every objective whose stored one differs from its updates; returns how many were written. */
export async function rebuildStatusHistories(sp: SPFI, options: Omit<RunBatchOptions, 'operation' | 'list'> = {}): Promise<number> {
  const objectivesList = sp.web.lists.getByTitle(SCHEMA.objectives.title);
  const historyColumn = restName(fieldDef('objectives', 'statusHistory'));
  let objectives: RawItem[];
  let updates: ObjectiveUpdate[];
  try {
    objectives = await readAll(objectivesList.items.select(BUILT_IN.id, historyColumn).orderBy(BUILT_IN.id, true));
    const { select } = selectFields('objectiveUpdates', HISTORY_UPDATE_FIELDS);
    const raw = await readAll(sp.web.lists.getByTitle(SCHEMA.objectiveUpdates.title).items.select(...select, BUILT_IN.modified).orderBy(BUILT_IN.id, true));
    updates = raw.map((r) => fromItem<ObjectiveUpdate>('objectiveUpdates', r));
  } catch (e) {
    throw await toDataAccessError(e, { operation: 'read', list: SCHEMA.objectiveUpdates.title });
  }
  const histories = historiesOf(updates);
  const writes: Array<{ id: number; history: string }> = [];
  for (const o of objectives) {
    const id = o[BUILT_IN.id] as number;
    const history = histories.get(id) ?? '';
    const stored = typeof o[historyColumn] === 'string' ? (o[historyColumn] as string) : '';
    if (stored !== history) writes.push({ id, history });
  }
  if (writes.length === 0) return 0;
  // The history is rebuilt from the list itself, so it is written over whatever is there (IF-Match *).
  const results = await runBatch(
    sp,
    writes.map((w) => (batched: SPFI) => batched.web.lists.getByTitle(SCHEMA.objectives.title).items.getById(w.id).update({ [historyColumn]: w.history }, '*').then(() => undefined)),
    { maxRequests: BATCH_PARTS, ...options, operation: 'update', list: 'objectives' }
  );
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) throw await toDataAccessError(failed.error, { operation: 'update', list: SCHEMA.objectives.title });
  return writes.length;
}
