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

/**
 * A message about a number of things in the right grammatical number: `one` ("1 update
 * saved.") when the count is 1, else `many` ("{0} updates saved."), never "update(s)". The
 * count is `{0}`; further arguments are `{1}`, `{2}`, ….
 */
export function formatCount(count: number, one: string, many: string, ...args: ReadonlyArray<string | number>): string {
  return formatString(count === 1 ? one : many, count, ...args);
}

// Date-only values are stored as YYYY-MM-DD (UTC midnight); formatting in UTC keeps the day.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const GBP_FORMAT = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const GBP_PENCE_FORMAT = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "31 March 2022" for an ISO date or date-time; undefined when the value is missing or invalid. */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return isNaN(time) ? undefined : DATE_FORMAT.format(new Date(time));
}

/**
 * "£17,000" for whole pounds, "£4,000.50" when there are pence: amounts are shown to the penny
 * (never rounded to the pound), without ".00" on the whole amounts most savings are.
 */
export function formatPounds(amount: number): string {
  // Rounded to the penny first, so sums such as 0.1 + 0.2 show as £0.30.
  const pence = Math.round(amount * 100);
  return pence % 100 === 0 ? GBP_FORMAT.format(pence / 100) : GBP_PENCE_FORMAT.format(pence / 100);
}

// A moment is shown as UK people read it: the date in words and the 24-hour time in London.
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Europe/London'
});

/** "3 March 2027 at 14:05" (UK time) for an ISO date-time; undefined when missing or invalid. */
export function formatDateTime(iso: string | undefined, template = '{0} at {1}'): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (isNaN(time)) return undefined;
  const parts = DATE_TIME_FORMAT.formatToParts(new Date(time));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return formatString(template, `${part('day')} ${part('month')} ${part('year')}`, `${part('hour')}:${part('minute')}`);
}
