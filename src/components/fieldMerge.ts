/**
 * Merge by field after a conflict: what the user changed, and what the other person changed,
 * each since the version the user opened. "Keep mine" writes only the user's fields, so the
 * other person's change to a field the user never touched survives.
 */

/** Fields each side changed since the version the user opened. */
export interface IFieldChanges {
  /** Model fields the user changed (written by "Keep mine"). */
  readonly mine: readonly string[];
  /** Model fields the other person changed (kept by "Keep mine" unless the user changed them too). */
  readonly theirs: readonly string[];
}

/** How one field stands after a conflict. */
export type FieldChange = 'none' | 'mine' | 'theirs' | 'both';

/** Whether two model values are the same (models are plain JSON-like data: text, numbers, people, arrays). */
function same(a: unknown, b: unknown): boolean {
  const blank = (v: unknown): boolean => v === undefined || v === null || v === '';
  if (blank(a) && blank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keys of `after` (and of `before`) whose values differ between the two. */
export function changedFields(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = Array.from(new Set(Object.keys(b).concat(Object.keys(a))));
  return keys.filter((k) => !same(b[k], a[k]));
}

/** Only the listed fields of a model (a field listed but absent is written as cleared). */
export function pickFields<M extends object>(model: M, fields: readonly string[]): Partial<M> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = (model as Record<string, unknown>)[f];
  return out as Partial<M>;
}

/** How a row showing these model fields stands: changed by the user, by the other person, by both, or by neither. */
export function changeOf(fields: readonly string[], changes: IFieldChanges): FieldChange {
  const mine = fields.some((f) => changes.mine.indexOf(f) >= 0);
  const theirs = fields.some((f) => changes.theirs.indexOf(f) >= 0);
  return mine && theirs ? 'both' : mine ? 'mine' : theirs ? 'theirs' : 'none';
}
