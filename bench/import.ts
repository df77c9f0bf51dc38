/**
 * Import benchmark: how long a file of 50,000 rows (ten times the limit) takes to be refused
 * with the size message, as CSV and as XLSX, and how long the dry run of a file at the limit
 * (5,000 rows) takes from bytes to plan. It asserts nothing.
 */
import { createRequire } from 'node:module';
import { Workbook } from 'exceljs';
import { buildImportPlan, createCellSanitiser, IMPORT_LIMITS, ImportFileError, readImportFile } from '../src/import';
import type { Service } from '../src/domain/types';

const HEADER = ['Description of the objective', 'Service', 'Status', 'RAG', 'Responsible officer email', 'Progress Update February 2022'];
const row = (i: number): string[] => [`Objective ${i}`, 'Governance', 'Ongoing', 'Green', `officer${i % 50}@example.gov.uk`, `Progress of objective ${i}, with a sentence or two of text.`];

function csvBytes(rows: number): Uint8Array {
  const lines = [HEADER.join(',')];
  for (let i = 1; i <= rows; i++) lines.push(row(i).join(','));
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function xlsxBytes(rows: number): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Tracker');
  ws.addRow(HEADER);
  for (let i = 1; i <= rows; i++) ws.addRow(row(i));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function timeRefusal(name: string, data: Uint8Array): Promise<string> {
  const started = performance.now();
  try {
    await readImportFile({ name, data }, 'objectives');
    return `${name}: read without a size message (unexpected)`;
  } catch (e) {
    const ms = Math.round(performance.now() - started);
    const message = e instanceof ImportFileError ? `${e.code}: ${e.message}` : String(e);
    return `${name} (${(data.length / 1024 / 1024).toFixed(1)} MB): refused in ${ms} ms (${message})`;
  }
}

/** Runs the benchmark and prints the figures. */
export async function runImportBenchmark(): Promise<void> {
  console.log(await timeRefusal('50,000-row CSV', csvBytes(50000)));
  const short = ['Description of the objective,Status', ...Array.from({ length: 50000 }, (_v, i) => `O${i},Ongoing`)].join('\r\n');
  console.log(await timeRefusal('50,000-row CSV of short rows', new TextEncoder().encode(short)));
  console.log(await timeRefusal('50,000-row XLSX', await xlsxBytes(50000)));
  // jsdom is loaded at run time: bundled by esbuild it cannot find its own worker file.
  const { JSDOM } = createRequire(__filename)('jsdom') as typeof import('jsdom');
  const sanitiser = createCellSanitiser(new JSDOM('').window as unknown as Parameters<typeof createCellSanitiser>[0]);
  const services: Service[] = [{ id: 1, etag: '"1"', name: 'Governance', phase: 'Phase 1', partnerCouncils: ['A', 'B'] }];
  const rows = IMPORT_LIMITS.maxRows - 1;
  for (const [name, data] of [['CSV', csvBytes(rows)], ['XLSX', await xlsxBytes(rows)]] as const) {
    const started = performance.now();
    const table = await readImportFile({ name: `limit.${name.toLowerCase()}`, data }, 'objectives');
    const plan = buildImportPlan('objectives', table, { services, existing: [] }, { sanitiser, now: '2022-03-01T00:00:00Z' });
    console.log(`import: dry run of ${rows.toLocaleString('en-GB')} rows from ${name} in ${Math.round(performance.now() - started)} ms (${plan.create.length} to create)`);
  }
}

if (/(^|[\\/_])import\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  runImportBenchmark().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
