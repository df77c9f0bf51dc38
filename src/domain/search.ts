/**
 * Free-text search and partner-council matching shared by the registers: case- and
 * accent-insensitive, every word of the query must appear somewhere in the item's text.
 */
import type { Service } from './types';

/** Any character other than printable ASCII and ordinary whitespace: text without one needs no Unicode folding. */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

/** Normalises text for case- and accent-insensitive search. */
export function searchKey(text: string): string {
  // Most text is plain ASCII: skip the costly Unicode decomposition for it (5,000 rows at once).
  const folded = !NOT_PLAIN_ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('en-GB');
  return folded.replace(/\s+/g, ' ').trim();
}

/** The text of stored rich text (HTML) for searching: tags become spaces. */
export function searchablePlain(html: string | undefined): string {
  return html ? html.replace(/<[^>]*>/g, ' ') : '';
}

/** The words of a query, normalised; none for a blank query. */
export function searchWords(query: string | undefined): string[] {
  return query ? searchKey(query).split(' ').filter((w) => w !== '') : [];
}

/** Whether every word appears in `text` (already a `searchKey`). */
export function matchesWords(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.indexOf(w) < 0) return false;
  return true;
}

/** Every partner council of the services, sorted by name, each once. */
export function partnerCouncilsOf(services: readonly Service[]): string[] {
  const all = new Set<string>();
  for (const s of services) for (const c of s.partnerCouncils) if (c.trim()) all.add(c.trim());
  return Array.from(all).sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** Ids of the services `council` shares. */
export function servicesOfCouncil(services: readonly Service[], council: string): Set<number> {
  return new Set(services.filter((s) => s.partnerCouncils.some((c) => c.trim() === council)).map((s) => s.id));
}
