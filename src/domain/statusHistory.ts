/**
 * An objective's status history: the period, status, RAG and times of each of its updates,
 * kept on the objective itself (a plain text column) by the update save and the import. A
 * report's trend and "changed since" need every update's status but only one narrative per
 * objective, so with the histories it reads the objectives and the reported period's updates,
 * not the whole update history.
 *
 * The history is a copy. A view trusts it only when the copies account for the update list as
 * it stands: as many entries in all as the list has items, and no item changed after the newest
 * change the histories record (`historiesAccountFor`). An update added, edited or deleted in
 * SharePoint's own forms, or an objective whose history write failed, fails that check, and
 * the view reads the updates' statuses from the list as before. The check is of the list as a
 * whole, so a stale history can pass it (an update edited in SharePoint, then another saved in
 * the product): a view shows the histories first, then compares them with the list
 * (`sameStatuses`) before anything is downloaded, published or printed.
 */
import { isPeriodId } from './calendar';
import { compareUpdates } from './progress';
import type { Objective, ObjectiveUpdate } from './types';
import { OBJECTIVE_STATUSES, RAG_RATINGS } from './vocabularies';
import type { ObjectiveStatus, Rag } from './vocabularies';

/** What a history entry holds of an update: its status fields and times. */
export type HistoryUpdate = Pick<ObjectiveUpdate, 'id' | 'objectiveId' | 'periodId' | 'status' | 'rag' | 'updatedOn' | 'created' | 'modified'>;

/** The update list as SharePoint describes it: item count and when an item last changed. */
export interface UpdateListStats {
  /** Items in the list (SharePoint's ItemCount). */
  itemCount: number;
  /** When an item last changed (SharePoint's LastItemModifiedDate, ISO 8601). */
  lastItemModified?: string;
}

/** SharePoint's LastItemModifiedDate and an item's Modified are both to the second; a little slack for rounding. */
const STAMP_SLACK_MS = 2000;

const ENTRY_SEPARATOR = '\n';
const FIELD_SEPARATOR = '|';

/** Seconds since the epoch in base 36 (a timestamp in 6 characters); '' when it is not a date. */
function packTime(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return isNaN(ms) ? '' : Math.floor(ms / 1000).toString(36);
}

function unpackTime(packed: string): string | undefined {
  if (packed === '') return undefined;
  if (!/^[0-9a-z]+$/.test(packed)) return undefined;
  return new Date(parseInt(packed, 36) * 1000).toISOString();
}

/** One update as a history entry: id|period|status|RAG|created|updatedOn|modified (the last two empty when the same as created). */
export function historyEntry(update: HistoryUpdate): string {
  const created = packTime(update.created);
  const updatedOn = packTime(update.updatedOn);
  const modified = packTime(update.modified);
  return [
    String(update.id),
    update.periodId,
    update.status,
    update.rag,
    created,
    updatedOn === created ? '' : updatedOn,
    modified === created ? '' : modified
  ].join(FIELD_SEPARATOR);
}

/** An objective's history from its updates (others are left out), oldest first. */
export function historyOf(objectiveId: number, updates: readonly HistoryUpdate[]): string {
  return updates
    .filter((u) => u.objectiveId === objectiveId)
    .sort((a, b) => compareUpdates(a as ObjectiveUpdate, b as ObjectiveUpdate))
    .map(historyEntry)
    .join(ENTRY_SEPARATOR);
}

/** The history with `update` in it (in place of an entry of the same id), oldest first. */
export function withHistoryEntry(history: string | undefined, objectiveId: number, update: HistoryUpdate): string | undefined {
  const entries = readHistory(objectiveId, history);
  if (!entries) return undefined;
  return historyOf(objectiveId, [...entries.filter((e) => e.id !== update.id), { ...update, objectiveId }]);
}

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

/** A time to the second (what SharePoint keeps and a history records); NaN when it is not one. */
function toSecond(iso: string | undefined): number {
  const ms = Date.parse(iso ?? '');
  return isNaN(ms) ? NaN : Math.floor(ms / 1000);
}

/**
 * Whether two reads of the updates agree on everything a report takes from their statuses: the
 * same updates, each of the same objective and period, with the same status and RAG, written
 * and created at the same second. (The histories against the list itself.)
 */
export function sameStatuses(a: readonly ObjectiveUpdate[], b: readonly ObjectiveUpdate[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((u) => [u.id, u]));
  return a.every((u) => {
    const v = byId.get(u.id);
    if (!v) return false;
    const same = (x: number, y: number): boolean => x === y || (isNaN(x) && isNaN(y));
    return (
      u.objectiveId === v.objectiveId &&
      u.periodId === v.periodId &&
      u.status === v.status &&
      u.rag === v.rag &&
      same(toSecond(u.updatedOn), toSecond(v.updatedOn)) &&
      same(toSecond(u.created), toSecond(v.created))
    );
  });
}
