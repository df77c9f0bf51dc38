/**
 * How a status history (statusHistory.ts) is written: one line an update,
 * id|period|status|RAG|created|updatedOn|modified, times as seconds since the epoch in base 36.
 */

/** Between entries. */
export const ENTRY_SEPARATOR = '\n';
/** Between an entry's fields. */
export const FIELD_SEPARATOR = '|';

/** Seconds since the epoch in base 36 (a timestamp in 6 characters); '' when it is not a date. */
export function packTime(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return isNaN(ms) ? '' : Math.floor(ms / 1000).toString(36);
}

/** The ISO 8601 time of a packed one; undefined when it is not one. */
export function unpackTime(packed: string): string | undefined {
  if (packed === '') return undefined;
  if (!/^[0-9a-z]+$/.test(packed)) return undefined;
  return new Date(parseInt(packed, 36) * 1000).toISOString();
}

