/**
 * `npm run import -- --file paper.docx --list objectives|benefits|risks|bestPractice|lessonsLearned|successes [--apply]
 *   [--url http://127.0.0.1:4321] [--period 2021-22-Q4] [--service "Governance"] [--officer a@council.gov.uk]
 *   [--ignore "Heading"]... [--map "Heading=column key"]... [--create-service "Name|Phase 1|Council A;Council B"]...
 *   [--rejected rejected.xlsx]`
 *
 * Imports a CSV, text, XLSX or DOCX file into the local host (`npm start`, at SSM_PORT) or any
 * site whose REST API answers at `${url}/sites/ssm`. Without `--apply` it prints the dry run —
 * every row with its service, title, status, RAG, period, officer and action; columns that
 * would be lost; services the site lacks; rejected rows with the column at fault — and writes
 * nothing. With `--rejected` the rejected rows are also saved as a workbook to fix and import again.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { DataAccessError } from '../../src/data/errors';
import { getSPForUrl } from '../../src/data/sp';
import { periodById } from '../../src/domain/calendar';
import { SERVICE_PHASES, ServicePhase } from '../../src/domain/vocabularies';
import {
  applyImportPlan,
  canApply,
  createCellSanitiser,
  HtmlParserHost,
  IGNORE_COLUMN,
  IMPORT_COLUMNS,
  IMPORT_LISTS,
  ImportApplyError,
  ImportFileError,
  ImportListKind,
  ImportPlan,
  NewServiceChoice,
  normaliseHeading,
  planImport,
  readImportFile,
  rejectedRows,
  rejectedRowsWorkbook
} from '../../src/import';
import { originOf } from './localOrigin';

const USAGE = `Usage: npm run import -- --file paper.docx --list ${IMPORT_LISTS.join('|')} [--apply] [--url http://127.0.0.1:4321] [--period 2021-22-Q4] [--service NAME] [--officer EMAIL] [--ignore HEADING] [--map "HEADING=COLUMN"] [--create-service "NAME|PHASE|COUNCIL;COUNCIL"] [--rejected FILE.xlsx]`;

/** A mistake on the command line: printed with the usage, without a stack trace. */
class UsageError extends Error {}

/** Parsed command line. */
export interface ImportArgs {
  file: string;
  list: ImportListKind;
  apply: boolean;
  url?: string;
  period?: string;
  service?: string;
  officer?: string;
  columns: Record<string, string>;
  newServices: NewServiceChoice[];
  rejected?: string;
}

/** Parses the command line; throws UsageError naming the option at fault. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const out: Partial<ImportArgs> & { columns: Record<string, string>; newServices: NewServiceChoice[] } = { apply: false, columns: {}, newServices: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--file') out.file = value();
    else if (a === '--list') out.list = value() as ImportListKind;
    else if (a === '--apply') out.apply = true;
    else if (a === '--url') out.url = value();
    else if (a === '--period') out.period = value();
    else if (a === '--service') out.service = value();
    else if (a === '--officer') out.officer = value();
    else if (a === '--rejected') out.rejected = value();
    else if (a === '--ignore') out.columns[normaliseHeading(value())] = IGNORE_COLUMN;
    else if (a === '--map') {
      const v = value();
      const eq = v.lastIndexOf('=');
      if (eq <= 0) throw new UsageError(`--map needs "Heading=column", for example --map "Lead=officerEmail", not "${v}".`);
      out.columns[normaliseHeading(v.slice(0, eq))] = v.slice(eq + 1).trim();
    } else if (a === '--create-service') {
      const [name, phase, councils] = value().split('|').map((p) => p.trim());
      if (!name || SERVICE_PHASES.indexOf(phase as ServicePhase) < 0) {
        throw new UsageError(`--create-service needs "Name|Phase|Council;Council" with a phase of ${SERVICE_PHASES.join(', ')}.`);
      }
      out.newServices.push({ name, phase: phase as ServicePhase, partnerCouncils: (councils ?? '').split(';').map((c) => c.trim()).filter((c) => c !== '') });
    } else throw new UsageError(`Unknown option ${a}.\n${USAGE}`);
  }
  if (!out.file) throw new UsageError(`--file is required.\n${USAGE}`);
  if (!out.list || IMPORT_LISTS.indexOf(out.list) < 0) throw new UsageError(`--list must be one of ${IMPORT_LISTS.join(', ')}.\n${USAGE}`);
  if (out.period) {
    try {
      periodById(out.period);
    } catch (e) {
      throw new UsageError(`--period: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (out.list) {
    const keys = IMPORT_COLUMNS[out.list].map((c) => c.key);
    for (const [heading, key] of Object.entries(out.columns)) {
      if (key !== IGNORE_COLUMN && keys.indexOf(key) < 0) throw new UsageError(`--map "${heading}": "${key}" is not a column of ${out.list}; use one of ${keys.join(', ')}.`);
    }
  }
  return out as ImportArgs;
}

const ACTION_MARK = { create: '+', update: '~', unchanged: '=', reject: '!' } as const;

/** The dry run as text for the terminal. */
export function describePlan(plan: ImportPlan): string {
  const lines: string[] = [];
  const periods = plan.periodIds.map((p) => periodById(p).label);
  lines.push(`Import into ${plan.list}${periods.length > 0 ? ` (progress updates for ${periods.join('; ')})` : ''}:`);
  lines.push(`  ${plan.create.length} to create, ${plan.update.length} to update, ${plan.unchanged.length} unchanged, ${rejectedRows(plan).length} rows rejected.`);
  lines.push('  Row | Service | Title | Status | RAG | Period | Officer | Action');
  for (const p of plan.preview) {
    const cells = [p.service || 'Programme-wide', p.title, p.status ?? '', p.rag ?? '', p.periodIds.map((id) => periodById(id).label.replace(/ \(.*$/, '')).join('; '), p.officer ?? '', p.action];
    lines.push(`  ${ACTION_MARK[p.action]} ${p.row} | ${cells.join(' | ')}${p.actions ? ` | ${p.actions} action${p.actions === 1 ? '' : 's'}` : ''}${p.formulaColumns.length > 0 ? ` | starts like a formula: ${p.formulaColumns.join(', ')}` : ''}`);
  }
  for (const u of plan.update) lines.push(`  ~ row ${u.row}: ${u.title} changes ${u.changedColumns.join(', ')}`);
  for (const r of plan.reject) lines.push(`  ! row ${r.row}, column "${r.column}": ${r.reason}`);
  for (const s of plan.newServices) {
    lines.push(
      s.create
        ? `  service "${s.name}" will be created (${s.phase ?? ''}; ${(s.partnerCouncils ?? []).join(', ')}) for rows ${s.rows.join(', ')}.`
        : `  service "${s.name}" is not on the site (rows ${s.rows.join(', ')}): add --create-service "${s.name}|Phase 1|Council A;Council B" to create it.`
    );
  }
  for (const u of plan.unmapped) {
    lines.push(`  unmapped column "${u.heading}": ${u.filledRows} row${u.filledRows === 1 ? ' holds' : 's hold'} data (first row ${u.firstRow}). Add --ignore "${u.heading}" or --map "${u.heading}=COLUMN".`);
  }
  for (const w of plan.warnings) lines.push(`  warning${w.row ? ` (row ${w.row})` : ''}: ${w.message}`);
  return lines.join('\n');
}

async function readFileOrExplain(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`There is no file "${file}" (looked in ${path.resolve(file)}).`);
    if (code === 'EISDIR') throw new UsageError(`"${file}" is a folder, not a file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`"${file}" cannot be read: permission denied.`);
    throw e;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseImportArgs(argv);
  const origin = originOf(args.url);
  const data = await readFileOrExplain(args.file);
  // jsdom is loaded from node_modules at run time: bundled by esbuild it cannot find its own worker file.
  const { JSDOM } = createRequire(__filename)('jsdom') as typeof import('jsdom');
  const window = new JSDOM('').window;
  const table = await readImportFile({ name: path.basename(args.file), data }, args.list, undefined, window as unknown as HtmlParserHost);
  console.log(`Using the site at ${origin}/sites/ssm.`);
  const repos = createPnpRepositories(getSPForUrl(`${origin}/sites/ssm`));
  const sanitiser = createCellSanitiser(window as unknown as Parameters<typeof createCellSanitiser>[0]);
  const now = new Date().toISOString();
  const plan = await planImport(repos, args.list, table, {
    sanitiser,
    now,
    periodId: args.period,
    defaultService: args.service,
    defaultOfficerEmail: args.officer,
    columns: args.columns,
    newServices: args.newServices
  });
  console.log(describePlan(plan));
  if (args.rejected && plan.rejectedCells.length > 0) {
    await fs.writeFile(args.rejected, await rejectedRowsWorkbook(plan));
    console.log(`Rejected rows written to ${path.resolve(args.rejected)}: correct them there and import that file again.`);
  }
  if (!canApply(plan)) {
    console.error('Nothing can be written until every unmapped column is mapped (--map) or left out (--ignore).');
    return 1;
  }
  if (!args.apply) {
    console.log('Dry run: nothing was written. Add --apply to write.');
    return 0;
  }
  const result = await applyImportPlan(repos, plan, { now });
  console.log(
    `Written: ${result.created} created, ${result.updated} updated, ${result.updatesCreated} progress updates created, ${result.updatesChanged} changed, ${result.servicesCreated ?? 0} services created, ${result.actionsWritten ?? 0} actions written.`
  );
  return 0;
}

// Run only as the entry point (run-ts.mjs names the bundle after this file), not when imported by tests.
if (/(^|[\\/_])import\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Usage, file, site and apply errors carry a message written for the user; anything else
      // is a bug, whose stack is shown only when asked for.
      if (e instanceof UsageError || e instanceof ImportFileError || e instanceof ImportApplyError) console.error(e.message);
      else if (e instanceof DataAccessError) console.error(`The site could not be read or written: ${e.message}`);
      else if (process.env.SSM_DEBUG) console.error(e);
      else console.error(`${e instanceof Error ? e.message : String(e)} (set SSM_DEBUG=1 to see the details).`);
      process.exitCode = 1;
    }
  );
}
