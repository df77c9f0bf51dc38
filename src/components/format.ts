/**
 * Formatting helpers for user-visible text: UK English dates, pounds sterling and string
 * templates with `{0}` placeholders (the SPFx loc convention).
 */

/** Replaces `{0}`, `{1}`, … in a loc string template with the arguments given. */
export function formatString(template: string, ...args: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (match: string, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}

// Date-only values are stored as YYYY-MM-DD (UTC midnight); formatting in UTC keeps the day.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const GBP_FORMAT = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** "31 March 2022" for an ISO date or date-time; undefined when the value is missing or invalid. */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return isNaN(time) ? undefined : DATE_FORMAT.format(new Date(time));
}

/** "£17,000" for an amount in pounds. */
export function formatPounds(amount: number): string {
  return GBP_FORMAT.format(amount);
}
