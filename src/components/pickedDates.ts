/**
 * Dates picked in a date picker and the `YYYY-MM-DD` values the lists store: the date on the
 * user's calendar, never shifted by UTC. No React here, so form logic can use it in Node.
 */

/** YYYY-MM-DD of a date picked in the user's calendar (not shifted by UTC). */
export function toIsoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local calendar date of YYYY-MM-DD, for the date picker; undefined when absent or invalid. */
export function fromIsoDate(iso: string | undefined): Date | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : undefined;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}
