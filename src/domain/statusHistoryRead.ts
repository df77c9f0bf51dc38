/**
 * Reading objectives' status histories (statusHistory.ts) and deciding whether they account for
 * the update list: what a view's first load needs, kept apart from the writing side so the code
 * every web part loads first carries only this.
 */
import { isPeriodId } from './calendar';
import type { Objective, ObjectiveUpdate } from './types';
import { OBJECTIVE_STATUSES, RAG_RATINGS } from './vocabularies';
import type { ObjectiveStatus, Rag } from './vocabularies';
import { ENTRY_SEPARATOR, FIELD_SEPARATOR, unpackTime } from './statusHistoryFormat';

/** The update list as SharePoint describes it: item count and when an item last changed. */
export interface UpdateListStats {
  /** Items in the list (SharePoint's ItemCount). */
  itemCount: number;
  /** When an item last changed (SharePoint's LastItemModifiedDate, ISO 8601). */
  lastItemModified?: string;
}

/** SharePoint's LastItemModifiedDate and an item's Modified are both to the second; a little slack for rounding. */
const STAMP_SLACK_MS = 2000;

/**
 * The updates (status fields and times, no narrative) an objective's history records, oldest
 * first; undefined when an entry cannot be read (the column was edited by hand).
 */
export function readHistory(objectiveId: number, history: string | undefined): ObjectiveUpdate[] | undefined {
  if (history === undefined || history.trim() === '') return [];
  const updates: ObjectiveUpdate[] = [];
  for (const line of history.split(ENTRY_SEPARATOR)) {
    const parts = line.trim().split(FIELD_SEPARATOR);
    if (parts.length !== 7) return undefined;
    const [idText, periodId, status, rag, createdText, updatedText, modifiedText] = parts;
    const id = Number(idText);
    if (!Number.isInteger(id) || id <= 0 || !isPeriodId(periodId)) return undefined;
    if (OBJECTIVE_STATUSES.indexOf(status as ObjectiveStatus) < 0 || RAG_RATINGS.indexOf(rag as Rag) < 0) return undefined;
    const created = unpackTime(createdText);
    if (createdText !== '' && !created) return undefined;
    const updatedOn = updatedText === '' ? created : unpackTime(updatedText);
    const modified = modifiedText === '' ? created : unpackTime(modifiedText);
    if ((updatedText !== '' && !updatedOn) || (modifiedText !== '' && !modified)) return undefined;
    updates.push({
      id,
      etag: '',
      objectiveId,
      periodId,
      narrative: '',
      status: status as ObjectiveStatus,
      rag: rag as Rag,
      updatedOn: updatedOn ?? '',
      ...(created ? { created } : {}),
      ...(modified ? { modified } : {})
    });
  }
  return updates;
}

/**
 * Every objective's updates (status fields only) from the histories, when they account for the
 * update list as `stats` describe it; undefined when they do not (then read the list).
 */
export function updatesFromHistories(objectives: ReadonlyArray<Pick<Objective, 'id' | 'statusHistory'>>, stats: UpdateListStats): ObjectiveUpdate[] | undefined {
  const updates: ObjectiveUpdate[] = [];
  let newest = Number.NEGATIVE_INFINITY;
  for (const o of objectives) {
    const entries = readHistory(o.id, o.statusHistory);
    if (!entries) return undefined;
    for (const u of entries) {
      updates.push(u);
      const changed = Date.parse(u.modified ?? u.created ?? '');
      if (!isNaN(changed) && changed > newest) newest = changed;
    }
  }
  return historiesAccountFor(updates.length, newest, stats) ? updates : undefined;
}

/** Whether `entries` history entries, the newest changed at `newestMs`, are the whole update list. */
function historiesAccountFor(entries: number, newestMs: number, stats: UpdateListStats): boolean {
  if (entries !== stats.itemCount) return false;
  if (entries === 0) return true;
  const last = Date.parse(stats.lastItemModified ?? '');
  return !isNaN(last) && last <= newestMs + STAMP_SLACK_MS;
}

