/**
 * Starts the local Microsoft 365 host for development: `npm start`. Port from SSM_PORT
 * (default 4321), data in .local-data/ssm.sqlite (seeded with the sample data on first
 * start only, dated for today or SSM_TODAY), faults from SSM_FAULT_* variables.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { isIsoDate } from '../../src/domain/calendar';
import { startLocalHost } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.SSM_PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SSM_PORT must be a port number, not "${process.env.SSM_PORT ?? ''}".`);
  const dataDir = path.resolve(process.cwd(), '.local-data');
  mkdirSync(dataDir, { recursive: true });
  const staticDir = process.env.SSM_STATIC_DIR;
  // SSM_TODAY dates a new site's sample data for another day (the workbench's ?today= moves the page's clock).
  const today = process.env.SSM_TODAY?.trim() || undefined;
  if (today !== undefined && !isIsoDate(today)) throw new Error(`SSM_TODAY must be a date in the form YYYY-MM-DD, not "${today}".`);
  const host = await startLocalHost({ port, host: '127.0.0.1', dbFile: path.join(dataDir, 'ssm.sqlite'), seed: true, staticDir, today });
  const lines = [
    `Local Microsoft 365 host listening on ${host.url}`,
    `  SharePoint site: ${host.webUrl}  (REST at ${host.webUrl}/_api)`,
    `  Graph:           ${host.url}/v1.0`,
    '  Admin:',
    `    GET|DELETE ${host.url}/_admin/outbox     sent mail`,
    `    GET|POST   ${host.url}/_admin/faults     fault injection (latencyMs, rate429, rate503, retryAfterSeconds, pathPattern, seed)`,
    `    POST       ${host.url}/_admin/reset      wipe and reseed (?seed=false for an empty site)`,
    `    GET        ${host.url}/_admin/requests   request log`,
    '  Sign in as another persona with the X-SSM-User header or the ssm-user cookie (email or user id).',
    `  Data: ${path.join(dataDir, 'ssm.sqlite')}  (delete it, or POST /_admin/reset, to start again with the sample data dated for today)`
  ];
  console.log(lines.join('\n'));
  const stop = (): void => {
    host.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('Error while stopping the local host:', e);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
