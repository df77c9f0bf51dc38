/**
 * `npm run report -- --period 2021-22-Q4 [--service "Governance"] [--kind highlight|quarterly|annual]
 *   [--out report.docx] [--url http://127.0.0.1:4321] [--publish] [--pdf] [--today YYYY-MM-DD]`
 *
 * Writes a committee report as a Word document with the same builder the web part's
 * "Download for committee" uses, reading the lists through PnPjs (getSPForUrl +
 * createPnpRepositories) from the local host:
 * - with `--url`, from the host at that origin (e.g. `npm start` running);
 * - without it, from `npm start`'s host at http://127.0.0.1:$SSM_PORT (4321 by default) when it answers, otherwise
 *   from a host started inside this process on a free loopback port with the sample data
 *   (stopped again when the report is written). That host's sample data is dated so that the
 *   period asked for is the last completed quarter (the paper then finds the whole quarter
 *   written), or for `--today`, or for SSM_TODAY when set; the console says which.
 * A past period for which the lists hold no item at all is named on the console (the paper is
 * still written, with its "nothing was entered" lines) rather than passed off as a report.
 * `--kind` defaults to the annual review for a period that closes the financial year (Q4) and
 * to the quarterly performance report otherwise. `--publish` also stores the report as a new
 * snapshot version and its Word file in the Committee papers library. `--pdf` also writes the
 * PDF beside the .docx, converted by LibreOffice (installed from Debian by ensure-paper-tools.mjs when missing). The paper shows the lists as
 * they stood at the period's end: benefits' and risks' values come from their version history,
 * and "realised this period" from when a benefit's status became Achieved.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { Packer } from 'docx';
import { startLocalHost } from '../host/server';
import { localOrigin } from './localOrigin';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';
import { ListMissingError, NotFoundError } from '../../src/data/errors';
import { isIsoDate, isoDateOf, periodById, periodShortLabel } from '../../src/domain/calendar';
import { buildReportModel, REPORT_KINDS, ReportKind, ReportModel, previousSnapshot } from '../../src/domain/report';
import type { ReportHistory } from '../../src/domain/report';
import type { ReportSnapshot } from '../../src/domain/types';
import { buildReportDocument, createRichTextConverter, reportFileName, RichTextWindow } from '../../src/reports';
import { renderFigures } from '../../src/reports/figures';
import type { ItemHistoryRepository } from '../../src/data/itemHistory';
import { createPnpItemHistory } from '../../src/data/itemHistory';
import type { ReportSettingsRepository } from '../../src/data/reportSettings';
import { listReportSettings } from '../../src/data/reportSettings';
import { ensurePaperTools, libreOfficePdfConverter, resvgRasterise } from './libreoffice';
import { sampleTodayAfter } from '../sample-data/dated';

/** Origin of `npm start`'s host when SSM_PORT is not set. */
export const DEFAULT_LOCAL_URL = 'http://127.0.0.1:4321';

const USAGE =
  'Usage: npm run report -- --period 2021-22-Q4 [--service "Governance"] [--kind highlight|quarterly|annual] [--out report.docx] [--url http://127.0.0.1:4321] [--publish] [--pdf] [--today YYYY-MM-DD]';

/** Parsed command line. */
export interface ReportArgs {
  period: string;
  service?: string;
  kind?: ReportKind;
  out?: string;
  url?: string;
  publish: boolean;
  /** Also write a PDF (LibreOffice). */
  pdf?: boolean;
  /** The day an in-process host dates its sample data for (YYYY-MM-DD). */
  today?: string;
}

/** Parses the command line; throws with the usage on anything unknown or missing. */
export function parseReportArgs(argv: readonly string[]): ReportArgs {
  let period: string | undefined;
  const args: Omit<ReportArgs, 'period'> = { publish: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--period') period = value();
    else if (a === '--service') args.service = value();
    else if (a === '--kind') {
      const k = value();
      if (REPORT_KINDS.indexOf(k as ReportKind) < 0) throw new Error(`--kind must be one of ${REPORT_KINDS.join(', ')}, not "${k}".`);
      args.kind = k as ReportKind;
    } else if (a === '--out') args.out = value();
    else if (a === '--url') args.url = value();
    else if (a === '--publish') args.publish = true;
    else if (a === '--pdf') args.pdf = true;
    else if (a === '--today') {
      const t = value();
      if (!isIsoDate(t)) throw new Error(`--today must be a date in the form YYYY-MM-DD, not "${t}".`);
      args.today = t;
    }
    else throw new Error(`Unknown option ${a}.\n${USAGE}`);
  }
  if (!period) throw new Error(`--period is required.\n${USAGE}`);
  // Fails early with the calendar's own message for a malformed id.
  periodById(period);
  return { ...args, period };
}

/** The day an in-process host dates its sample data for, and why, for the console. */
export interface SampleDating {
  /** YYYY-MM-DD. */
  readonly today: string;
  /** One sentence saying which dating was used. */
  readonly description: string;
}

/**
 * How an in-process host dates its sample data: `--today`, else SSM_TODAY (as `npm start`
 * does), else so that the period asked for is the last completed quarter. Dating it for the
 * real today would leave a past period's paper empty, every item "created after the period".
 */
export function sampleDating(args: Pick<ReportArgs, 'period' | 'today'>, env: NodeJS.ProcessEnv = process.env): SampleDating {
  if (args.today !== undefined) return { today: args.today, description: `the sample data is dated for ${args.today} (--today)` };
  const fromEnv = env.SSM_TODAY?.trim();
  if (fromEnv) {
    if (!isIsoDate(fromEnv)) throw new Error(`SSM_TODAY must be a date in the form YYYY-MM-DD, not "${fromEnv}".`);
    return { today: fromEnv, description: `the sample data is dated for ${fromEnv} (SSM_TODAY)` };
  }
  const today = sampleTodayAfter(args.period);
  return { today, description: `the sample data is dated for ${today}, so that ${periodShortLabel(args.period)} is the last completed quarter (--today or SSM_TODAY to choose another day)` };
}

/**
 * What to say on the console when a period that has ended found no item at all (objective,
 * update, benefit, risk, measure, highlight report, best practice or lesson), so an empty paper
 * is never passed off silently; undefined otherwise. `today` is YYYY-MM-DD.
 */
export function emptyPeriodNotice(model: ReportModel, today: string): string | undefined {
  if (model.period.end >= today) return undefined;
  const any =
    model.services.some((s) => s.objectives.length > 0 || s.benefits.length > 0 || s.risks.length > 0 || s.measures.length > 0 || s.highlight !== undefined) ||
    model.topRisks.length > 0 ||
    (model.bestPractice?.length ?? 0) > 0 ||
    (model.lessonsLearned?.length ?? 0) > 0;
  if (any) return undefined;
  return `The lists hold nothing that existed by the end of ${periodShortLabel(model.period.id)}: no objective, benefit, risk, measure or highlight report, so the paper says that nothing was entered. Read a site that has that period's data, or (with no host running) date the sample data with --today.`;
}

/** Whether a SharePoint site answers at the origin. */
async function siteAnswers(origin: string): Promise<boolean> {
  try {
    const r = await fetch(`${origin}/sites/ssm/_api/web?$select=Title`, { headers: { accept: 'application/json' } });
    await r.arrayBuffer();
    return r.ok;
  } catch (e) {
    // Connection refused: nothing is listening. Anything else is a real error.
    if (e instanceof TypeError) return false;
    throw e;
  }
}

/** Snapshots of the site; a site provisioned before the snapshots list existed has none. */
async function readSnapshots(repos: Repositories): Promise<ReportSnapshot[]> {
  try {
    return await repos.snapshots.getAll();
  } catch (e) {
    if (e instanceof NotFoundError) {
      console.warn('The site has no report snapshots list yet, so no earlier published report is used.');
      return [];
    }
    throw e;
  }
}

/** Where the paper's settings and the items' version histories come from, besides the lists. */
export interface PaperSources {
  settings?: ReportSettingsRepository;
  history?: ItemHistoryRepository;
}

/** Best practice, lessons learned and successes; a site provisioned before those lists existed has none. */
async function readOptional<T>(read: () => Promise<T[]>, what: string): Promise<T[]> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ListMissingError) {
      console.warn(`The site has no ${what} list yet, so the paper shows none.`);
      return [];
    }
    throw e;
  }
}

/** Builds the report model for the arguments from the repositories. */
export async function buildFromRepositories(repos: Repositories, args: ReportArgs, now: Date = new Date(), sources: PaperSources = {}): Promise<ReportModel> {
  const lists = await repos.loadInitial(['services', 'objectives', 'updates', 'actions', 'benefits', 'risks', 'measures', 'highlights']);
  // The cycle's lists; a site provisioned before they existed reads as having none.
  const cycle = await readOptional(() => repos.loadInitial(['meetings', 'measureActuals', 'staffSurveys', 'budgetLines']).then((l) => [l]), 'committee meetings, measure actuals, staff surveys or budget');
  const data = {
    ...lists,
    bestPractice: await readOptional(() => repos.bestPractice.getAll(), 'best practice'),
    lessonsLearned: await readOptional(() => repos.lessonsLearned.getAll(), 'lessons learned'),
    successes: await readOptional(() => repos.successes.getAll(), 'successes'),
    meetings: cycle[0]?.meetings ?? [],
    measureActuals: cycle[0]?.measureActuals ?? [],
    staffSurveys: cycle[0]?.staffSurveys ?? [],
    budgetLines: cycle[0]?.budgetLines ?? []
  };
  let serviceId: number | undefined;
  if (args.service !== undefined) {
    const wanted = args.service.trim().toLowerCase();
    const found = data.services.find((s) => s.name.toLowerCase() === wanted || String(s.id) === wanted);
    if (!found) throw new Error(`No service is called "${args.service}". Services: ${data.services.map((s) => s.name).join(', ')}.`);
    serviceId = found.id;
  }
  const period = periodById(args.period);
  const kind = args.kind ?? (period.kind === 'annual' ? 'annual' : 'quarterly');
  const earlier = previousSnapshot(await readSnapshots(repos), period.id, serviceId);
  const settings = await (sources.settings ?? listReportSettings(repos.reportSettings)).get();
  let history: ReportHistory | undefined;
  if (sources.history) history = await sources.history.reportHistory({ benefits: data.benefits.map((b) => b.id), risks: data.risks.map((r) => r.id) });
  return buildReportModel(data, { kind, periodId: period.id, serviceId, generatedOn: now.toISOString(), previousSnapshot: earlier?.model, settings, history });
}

/**
 * jsdom, loaded at run time: run-ts.mjs bundles this script with esbuild, and jsdom cannot be
 * bundled (it resolves a worker file next to its own sources).
 */
function loadJsdom(): typeof import('jsdom') {
  return createRequire(__filename)('jsdom') as typeof import('jsdom');
}

/** Renders a model to .docx bytes, with jsdom as the DOM for rich text. */
export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const { JSDOM } = loadJsdom();
  const { window } = new JSDOM('');
  try {
    const richText = createRichTextConverter(window as unknown as RichTextWindow);
    const figures = await renderFigures(model, resvgRasterise);
    return await Packer.toBuffer(buildReportDocument(model, { richText, figures }));
  } finally {
    window.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseReportArgs(argv);
  let origin = args.url?.replace(/\/+$/, '');
  let stop: (() => Promise<void>) | undefined;
  if (!origin) {
    const local = localOrigin();
    if (await siteAnswers(local)) {
      origin = local;
      console.log(`Reading from the local host at ${origin}.`);
    } else {
      const dating = sampleDating(args);
      const host = await startLocalHost({ port: 0, host: '127.0.0.1', dbFile: ':memory:', seed: true, today: dating.today });
      origin = host.url;
      stop = () => host.close();
      console.log(`No local host at ${local}; started one with the sample data at ${origin} for this report: ${dating.description}.`);
    }
  } else {
    console.log(`Reading from ${origin}.`);
  }
  // The site's data is dated already; only a host started here can be dated for a day.
  if (!stop && args.today !== undefined) console.warn(`--today ${args.today} is not used: it dates the sample data of a host this command starts, and ${origin} is already running.`);
  try {
    const sp = getSPForUrl(`${origin}/sites/ssm`);
    const repos = createPnpRepositories(sp);
    const now = new Date();
    const model = await buildFromRepositories(repos, args, now, { history: createPnpItemHistory(sp) });
    const empty = emptyPeriodNotice(model, isoDateOf(now));
    if (empty) console.warn(empty);
    const out = path.resolve(args.out ?? reportFileName(model));
    const docx = await renderDocx(model);
    await fs.writeFile(out, docx);
    console.log(`Wrote ${model.title} (${model.services.length === 1 ? '1 service' : `${model.services.length} services`}) to ${out}.`);
    if (args.pdf) {
      ensurePaperTools();
      const pdfOut = out.replace(/\.docx$/i, '') + '.pdf';
      await fs.writeFile(pdfOut, await libreOfficePdfConverter.toPdf(docx, path.basename(out)));
      console.log(`Wrote the PDF to ${pdfOut}.`);
    }
    if (args.publish) {
      const snapshot = await repos.snapshots.publish(model);
      console.log(`Published as snapshot "${snapshot.title}", version ${snapshot.version}.`);
      // The very file written above is what the committee receives: it is kept in the papers library.
      const paper = await repos.committeePapers.storePaper(snapshot, docx, reportFileName(model));
      console.log(`Stored the Word paper in Committee papers as ${paper.fileUrl}.`);
    }
    return 0;
  } finally {
    if (stop) await stop();
  }
}

// Run only as the entry point (run-ts.mjs names the bundle after this file), not when imported by tests.
if (/(^|[\\/_])report\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    }
  );
}
