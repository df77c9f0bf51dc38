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
import { compareUpdates } from './progress';
import type { ObjectiveUpdate } from './types';
import { ENTRY_SEPARATOR, FIELD_SEPARATOR, packTime } from './statusHistoryFormat';
import { readHistory } from './statusHistoryRead';

export { readHistory, updatesFromHistories } from './statusHistoryRead';
export type { UpdateListStats } from './statusHistoryRead';

/** What a history entry holds of an update: its status fields and times. */
export type HistoryUpdate = Pick<ObjectiveUpdate, 'id' | 'objectiveId' | 'periodId' | 'status' | 'rag' | 'updatedOn' | 'created' | 'modified'>;

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
  return historyOfOwn(updates.filter((u) => u.objectiveId === objectiveId));
}

/**
 * The history of every objective the updates are of, by objective id (an objective without
 * updates has none here: its history is empty). One pass over the updates, for many objectives.
 */
export function historiesOf(updates: readonly HistoryUpdate[]): Map<number, string> {
  const byObjective = new Map<number, HistoryUpdate[]>();
  for (const u of updates) {
    const own = byObjective.get(u.objectiveId);
    if (own) own.push(u);
    else byObjective.set(u.objectiveId, [u]);
  }
  const histories = new Map<number, string>();
  byObjective.forEach((own, objectiveId) => histories.set(objectiveId, historyOfOwn(own)));
  return histories;
}

/** The history of one objective's updates. */
function historyOfOwn(own: readonly HistoryUpdate[]): string {
  return [...own]
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
