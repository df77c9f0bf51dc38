/**
 * What the workbench shows, read from the page's query string:
 *
 * - (nothing): the SharePoint page with the four web parts;
 * - `?webpart=<name>`: the SharePoint page with that one web part;
 * - `?host=teams&theme=default|dark|contrast[&webpart=<name>]`: the Teams tab view of one web
 *   part (the highlight report unless named), without SharePoint's chrome;
 * - `&today=YYYY-MM-DD` (with any of them): the web parts' clock set to that day, to see the
 *   product before, during or after an update deadline.
 */
import { IMPORT_LISTS, ImportListKind } from '../../src/domain/import/columns';
import { TeamsThemeName, toTeamsThemeName } from '../../src/components/themes';
import { isIsoDate } from '../../src/domain/calendar';

/** Web part folder names, in the order the SharePoint page shows them. */
export const PAGE_ORDER: readonly string[] = ['objectivesTracker', 'benefitsTracker', 'riskRegister', 'highlightReport'];

/** The web part a Teams tab shows when the URL names none. */
export const DEFAULT_TEAMS_WEBPART = 'highlightReport';

/** The parsed query string. */
export interface IWorkbenchRoute {
  /** Which host the page imitates. */
  host: 'sharePoint' | 'teams';
  /** The Teams theme (Teams view only), normalised exactly as the web parts normalise it. */
  teamsTheme?: TeamsThemeName;
  /** Web parts to show, in page order; empty when the named one does not exist. */
  webParts: string[];
  /** Whether the URL named a single web part. */
  single: boolean;
  /** The `webpart` value when it names no web part of the solution. */
  unknownWebPart?: string;
  /** The day the web parts' clock is set to (`?today=`), when the URL names a real date. */
  today?: string;
  /** The `today` value when it is not a real YYYY-MM-DD date (the real clock is used). */
  invalidToday?: string;
}

/**
 * Reads the route from a query string (`location.search`).
 * @param search the query string, with or without the leading "?"
 * @param known web part folder names that exist
 */
export function parseRoute(search: string, known: readonly string[]): IWorkbenchRoute {
  const params = new URLSearchParams(search);
  const teams = (params.get('host') ?? '').toLowerCase() === 'teams';
  const named = params.get('webpart') ?? undefined;
  const requested = named ?? (teams ? DEFAULT_TEAMS_WEBPART : undefined);
  // Names are matched case-insensitively: people type "?webpart=riskregister" too.
  const match = requested === undefined ? undefined : known.find((k) => k.toLowerCase() === requested.toLowerCase());
  const unknownWebPart = requested !== undefined && !match ? requested : undefined;

  let webParts: string[];
  if (match) webParts = [match];
  else if (unknownWebPart !== undefined) webParts = [];
  else webParts = PAGE_ORDER.filter((n) => known.indexOf(n) >= 0).concat(known.filter((n) => PAGE_ORDER.indexOf(n) < 0));

  const todayParam = params.get('today')?.trim();
  const today = todayParam && isIsoDate(todayParam) ? todayParam : undefined;

  return {
    host: teams ? 'teams' : 'sharePoint',
    teamsTheme: teams ? toTeamsThemeName(params.get('theme') ?? undefined) : undefined,
    webParts,
    single: named !== undefined || teams,
    unknownWebPart,
    today,
    invalidToday: todayParam && !today ? todayParam : undefined
  };
}

/** The query string of a workbench view, for links between views. */
export function routeSearch(route: { host?: 'sharePoint' | 'teams'; teamsTheme?: TeamsThemeName; webPart?: string; today?: string }): string {
  const params = new URLSearchParams();
  if (route.host === 'teams') {
    params.set('host', 'teams');
    params.set('theme', route.teamsTheme ?? 'default');
  }
  if (route.webPart) params.set('webpart', route.webPart);
  // A moved clock stays moved while the tester goes from view to view.
  if (route.today) params.set('today', route.today);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The list named by `?import=objectives|benefits|risks` (case-insensitive), whose web part
 * opens its "Import from a spreadsheet" panel on load; undefined when absent or unknown.
 * The property pane, where site owners find the import in SharePoint, does not exist here.
 */
export function parseImportQuery(search: string): ImportListKind | undefined {
  const value = (new URLSearchParams(search).get('import') ?? '').trim().toLowerCase();
  return IMPORT_LISTS.find((l) => l.toLowerCase() === value);
}
