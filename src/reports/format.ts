/**
 * UK English formatting for committee papers: dates, money, lists of names, scores.
 * Works on date-only strings so a date cannot move with the time zone.
 */
import { lazyStrings } from '../loc/lazy';
import { formatString } from '../components/format';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "22 March 2022" from "2022-03-22" (or an ISO timestamp, using its date part); '' when missing or invalid. */
export function longDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return '';
  const month = Number(m[2]);
  if (month < 1 || month > 12) return '';
  return `${Number(m[3])} ${MONTHS[month - 1]} ${m[1]}`;
}

/** "March 2022" from "2022-03-22"; '' when missing or invalid. */
export function monthYear(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso ?? '');
  if (!m) return '';
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${m[1]}` : '';
}

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const POUNDS_AND_PENCE = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 2, minimumFractionDigits: 2 });
const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "£42,500", or "£4,000.50" when there are pence: committee papers show savings to the penny. */
export function pounds(amount: number): string {
  const pence = Math.round(amount * 100);
  return pence % 100 === 0 ? POUNDS.format(pence / 100) : POUNDS_AND_PENCE.format(pence / 100);
}

/** A measure value with its unit: "83%", "2.1 days", "£1,200", "3,900 visitors". */
export function measureValue(value: number | undefined, unit: string): string {
  if (value === undefined) return lazyStrings.PaperNotRecorded;
  const n = NUMBER.format(value);
  const u = unit.trim();
  if (u === '%') return `${n}%`;
  if (u === '£') return `£${n}`;
  return u ? `${n} ${u}` : n;
}

/** "A", "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return formatString(lazyStrings.PaperListAnd, items.slice(0, -1).join(', '), items[items.length - 1]);
}
