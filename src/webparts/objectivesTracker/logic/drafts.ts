/**
 * Drafts of unsaved work in the browser's localStorage, keyed by user, item and reporting
 * period, so that a closed panel, a reload or a failed save loses nothing. A draft is removed
 * only once the save it belongs to has succeeded (or the user took the other person's version).
 */

/** Where drafts are kept; `localStorage` in the browser, a fake in tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'ssm.draft.v1';

/** What kind of work a draft holds. */
export type DraftKind = 'update' | 'objective';

/** Storage key of a draft: kind, user, item ('new' for an unsaved item) and period ('' when none). */
export function draftKey(kind: DraftKind, userId: number, itemId: number | 'new', periodId: string = ''): string {
  return [PREFIX, kind, String(userId), String(itemId), periodId].join('|');
}

/** The browser's localStorage, or undefined where there is none (or access is blocked by policy). */
export function browserStorage(): DraftStorage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    // Some privacy settings make merely touching localStorage throw: drafts are then off.
    return undefined;
  }
}

/** A stored draft with when it was written. */
export interface IStoredDraft<T> {
  value: T;
  /** ISO time of the last change. */
  savedOn: string;
}

/** Reads a draft; a corrupt entry is removed and reported as absent. */
export function readDraft<T>(storage: DraftStorage | undefined, key: string): IStoredDraft<T> | undefined {
  if (!storage) return undefined;
  const raw = storage.getItem(key);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as IStoredDraft<T>;
    if (parsed && typeof parsed === 'object' && 'value' in parsed) return parsed;
  } catch {
    // Not ours or truncated: fall through and drop it, so it cannot break the form again.
  }
  storage.removeItem(key);
  return undefined;
}

/** Writes a draft. Quota errors are returned, not thrown: typing must never fail because storage is full. */
export function writeDraft<T>(storage: DraftStorage | undefined, key: string, value: T, now: Date = new Date()): Error | undefined {
  if (!storage) return undefined;
  try {
    storage.setItem(key, JSON.stringify({ value, savedOn: now.toISOString() }));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Removes a draft (after a successful save). */
export function clearDraft(storage: DraftStorage | undefined, key: string): void {
  storage?.removeItem(key);
}
