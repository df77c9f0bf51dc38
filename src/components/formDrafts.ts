/**
 * Drafts of an edit form kept in the browser's localStorage, keyed by list, user and item,
 * so that a failed save (network, throttling, conflict) loses nothing: the form is restored
 * from the draft when it is opened again. A draft is removed once its save has succeeded, or
 * when the user discards it or takes the other person's version.
 */

/** Where drafts are kept; `localStorage` in the browser, a fake in tests. */
export type FormDraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'ssm.formDraft.v1';

/** A stored draft and when it was written. */
export interface IFormDraft<T> {
  /** The form's values. */
  value: T;
  /** ISO time it was written. */
  savedOn: string;
}

/** Storage key of a form draft: list, user and item id ('new' for an item not yet saved). */
export function formDraftKey(list: string, userId: number, itemId: number | 'new'): string {
  return [PREFIX, list, String(userId), String(itemId)].join('|');
}

/** The browser's localStorage, or undefined where there is none or policy blocks it. */
export function formDraftStorage(): FormDraftStorage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch (e) {
    // Some privacy settings make merely reading window.localStorage throw: drafts are then off.
    if (e instanceof Error) return undefined;
    throw e;
  }
}

/** Reads a draft; an entry that is not valid JSON is removed and reported as absent. */
export function readFormDraft<T>(storage: FormDraftStorage | undefined, key: string): IFormDraft<T> | undefined {
  if (!storage) return undefined;
  const raw = storage.getItem(key);
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    // Truncated or not ours: drop it so it cannot break the form again.
    if (!(e instanceof SyntaxError)) throw e;
  }
  if (parsed && typeof parsed === 'object' && 'value' in parsed && 'savedOn' in parsed) return parsed as IFormDraft<T>;
  storage.removeItem(key);
  return undefined;
}

/**
 * Writes a draft. Returns whether it was kept: a full or blocked storage is reported to the
 * caller (who then does not promise the user a draft), never thrown over the save error.
 */
export function writeFormDraft<T>(storage: FormDraftStorage | undefined, key: string, value: T, now: Date = new Date()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify({ value, savedOn: now.toISOString() }));
    return true;
  } catch (e) {
    // QuotaExceededError is a DOMException; anything that is not an error object is a bug.
    if (e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException)) return false;
    throw e;
  }
}

/** Removes a draft. */
export function clearFormDraft(storage: FormDraftStorage | undefined, key: string): void {
  storage?.removeItem(key);
}
