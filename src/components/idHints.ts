/**
 * Remembers, in the browser, how long each list was at the last load (its highest id), so the
 * next load of a list over 5,000 items reads it all in its first `$batch` (see
 * `LoadInitialOptions.idHints`). Kept per site, and only ever a hint: a wrong or missing one costs
 * at most one more round, never an item.
 */
import type { InitialData } from '../data/repositories';

/** Highest ids by list. */
export type IdHints = Partial<Record<keyof InitialData, number>>;

const PREFIX = 'ssm:list-ids:';

/** The site part of the page's path ("/sites/shared-services"), so hints of two sites never mix. */
function siteOf(path: string): string {
  return /^\/(?:sites|teams)\/[^/]+/i.exec(path)?.[0].toLowerCase() ?? '/';
}

/** The browser's local storage, or undefined where there is none or it is refused (private modes). */
function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Reading localStorage throws when the browser blocks it: then the product works without hints.
    return undefined;
  }
}

/** The hints remembered for this site, if any. */
export function readIdHints(): IdHints | undefined {
  const store = storage();
  const raw = store?.getItem(PREFIX + siteOf(window.location.pathname));
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // A damaged entry is only a lost hint: start again without it.
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const hints: IdHints = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) hints[key as keyof InitialData] = value;
  }
  return hints;
}

/** Remembers the lists' highest ids from a load, next to those of other lists already remembered. */
export function rememberIdHints(lastIds: IdHints | undefined): void {
  const store = storage();
  if (!store || !lastIds || Object.keys(lastIds).length === 0) return;
  try {
    store.setItem(PREFIX + siteOf(window.location.pathname), JSON.stringify({ ...readIdHints(), ...lastIds }));
  } catch {
    // Storage full or refused: the next load simply takes one more round.
    return;
  }
}
