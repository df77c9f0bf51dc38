/**
 * `npm run import -- --file tracker.xlsx --list objectives|benefits|risks [--apply]
 *   [--url http://127.0.0.1:4321] [--period 2021-22-Q4] [--service "Governance"] [--officer a@council.gov.uk]`
 *
 * Imports a CSV or XLSX tracker into the local host (`npm start`) or any site whose REST API
 * answers at `${url}/sites/ssm`. Without `--apply` it prints the dry run (what would be
 * created, updated or rejected, with the column at fault) and writes nothing.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { getSPForUrl } from '../../src/data/sp';
import {
  applyImportPlan,
  createCellSanitiser,
  IMPORT_LISTS,
  ImportApplyError,
  ImportFileError,
  ImportListKind,
  ImportPlan,
  planImport,
  readImportFile,
  rejectedRows
} from '../../src/import';

/** Default origin of the local host. */
export const DEFAULT_LOCAL_URL = 'http://127.0.0.1:4321';

const USAGE = `Usage: npm run import -- --file tracker.xlsx --list ${IMPORT_LISTS.join('|')} [--apply] [--url ${DEFAULT_LOCAL_URL}] [--period 2021-22-Q4] [--service NAME] [--officer EMAIL]`;

interface Args {
  file: string;
  list: ImportListKind;
  apply: boolean;
  url: string;
  period?: string;
  service?: string;
  officer?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const out: Partial<Args> = { apply: false, url: DEFAULT_LOCAL_URL };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value. ${USAGE}`);
      return v;
    };
    if (a === '--file') out.file = value();
    else if (a === '--list') out.list = value() as ImportListKind;
    else if (a === '--apply') out.apply = true;
    else if (a === '--url') out.url = value();
    else if (a === '--period') out.period = value();
    else if (a === '--service') out.service = value();
    else if (a === '--officer') out.officer = value();
    else throw new Error(`Unknown option ${a}. ${USAGE}`);
  }
  if (!out.file) throw new Error(`--file is required. ${USAGE}`);
  if (!out.list || IMPORT_LISTS.indexOf(out.list) < 0) throw new Error(`--list must be one of ${IMPORT_LISTS.join(', ')}. ${USAGE}`);
  return out as Args;
}

/** The dry run as text for the terminal. */
export function describePlan(plan: ImportPlan): string {
  const lines: string[] = [];
  lines.push(`Import into ${plan.list}${plan.periodId ? ` (progress updates for ${plan.periodId})` : ''}:`);
  lines.push(`  ${plan.create.length} to create, ${plan.update.length} to update, ${plan.unchanged.length} unchanged, ${rejectedRows(plan).length} rows rejected.`);
  for (const c of plan.create) lines.push(`  + row ${c.row}: ${String((c.item as Record<string, unknown>).title)}${c.progress ? ' (with progress update)' : ''}`);
  for (const u of plan.update) lines.push(`  ~ row ${u.row}: ${u.title} (${u.changedColumns.join(', ')})`);
  for (const r of plan.reject) lines.push(`  ! row ${r.row}, column "${r.column}": ${r.reason}`);
  for (const w of plan.warnings) lines.push(`  warning${w.row ? ` (row ${w.row})` : ''}: ${w.message}`);
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const data = new Uint8Array(await fs.readFile(args.file));
  const table = await readImportFile({ name: path.basename(args.file), data }, args.list);
  const repos = createPnpRepositories(getSPForUrl(`${args.url.replace(/\/+$/, '')}/sites/ssm`));
  // jsdom is loaded from node_modules at run time: bundled by esbuild it cannot find its own worker file.
  const { JSDOM } = createRequire(__filename)('jsdom') as typeof import('jsdom');
  const sanitiser = createCellSanitiser(new JSDOM('').window as unknown as Parameters<typeof createCellSanitiser>[0]);
  const now = new Date().toISOString();
  const plan = await planImport(repos, args.list, table, { sanitiser, now, periodId: args.period, defaultService: args.service, defaultOfficerEmail: args.officer });
  console.log(describePlan(plan));
  if (!args.apply) {
    console.log('Dry run: nothing was written. Add --apply to write.');
    return 0;
  }
  const result = await applyImportPlan(repos, plan, { now });
  console.log(`Written: ${result.created} created, ${result.updated} updated, ${result.updatesCreated} progress updates created, ${result.updatesChanged} changed.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // File and apply errors carry a message written for the user; anything else is a bug.
    if (e instanceof ImportFileError || e instanceof ImportApplyError) console.error(e.message);
    else console.error(e);
    process.exitCode = 1;
  }
);
