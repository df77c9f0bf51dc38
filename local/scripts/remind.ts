/**
 * `npm run remind -- [--dry-run] [--today YYYY-MM-DD] [--url http://127.0.0.1:4321] [--period 2021-22-Q4]`
 * (without `--url`, the local host at http://127.0.0.1:$SSM_PORT, 4321 by default)
 *
 * Runs the quarterly reminder job against the local host (`npm start`), with the same code as
 * the Azure Functions timer app: `--dry-run` prints the plan (officer, items, round,
 * escalation) and writes nothing; without it the mail lands in the host's outbox
 * (`GET /_admin/outbox`) and a summary is printed. Settings come from the SSM_* variables
 * described in functions/README.md; the site URL and mailbox default to the local host's.
 */
import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';
import { getSPForUrl, ThrottlingRetryOptions } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';
import {
  createGraphClient,
  createSanitiser,
  GraphMailer,
  ReminderRunError,
  ReminderRunResult,
  ReminderSettings,
  reminderSettingsFromEnv,
  runReminders,
  ukToday
} from '../../src/reminders';
import { isIsoDate } from '../../src/domain/calendar';
import { localOrigin } from './localOrigin';

/**
 * jsdom loaded at run time: it cannot be bundled (it resolves a worker file next to itself),
 * and run-ts.mjs bundles everything but node:* builtins.
 */
function loadJsdom(): typeof Jsdom {
  return createRequire(__filename)('jsdom') as typeof Jsdom;
}

/** Default origin of the local host when SSM_PORT is not set. */
export const DEFAULT_LOCAL_URL = 'http://127.0.0.1:4321';

/** Everything a reminder run needs, wired for the local host. */
export interface LocalReminderDeps {
  repositories: Pick<Repositories, 'loadInitial' | 'reminderLog'>;
  mailer: GraphMailer;
  settings: ReminderSettings;
  sanitise: (html: string) => string;
}

/**
 * Wires the PnPjs repositories (site at `${url}/sites/ssm`) and a Graph client (at `${url}/v1.0`,
 * any bearer token) for the local host. `sleep` replaces real waits (tests).
 */
export function localReminderDeps(url: string, env: NodeJS.ProcessEnv = process.env, sleep?: (ms: number) => Promise<void>): LocalReminderDeps {
  const origin = url.replace(/\/+$/, '');
  const settings = reminderSettingsFromEnv(env, { siteUrl: `${origin}/sites/ssm`, mailbox: 'performance@example.gov.uk' });
  const retry: ThrottlingRetryOptions = { retries: 10, ...(sleep ? { sleep } : {}) };
  const repositories = createPnpRepositories(getSPForUrl(settings.siteUrl, { retry }), { batch: retry });
  // The local host checks only that a bearer token is present.
  const client = createGraphClient({ baseUrl: origin, getToken: async () => 'local-host-token' });
  const mailer = new GraphMailer(client, { sender: { kind: 'mailbox', address: settings.mailbox }, maxRetries: 10, ...(sleep ? { sleep } : {}) });
  const sanitise = createSanitiser(new (loadJsdom().JSDOM)('').window as unknown as Parameters<typeof createSanitiser>[0]);
  return { repositories, mailer, settings, sanitise };
}

/** Parsed command line. */
interface Args {
  dryRun: boolean;
  today: string;
  url: string;
  period?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { dryRun: false, today: ukToday(new Date()), url: localOrigin() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value.`);
      return v;
    };
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--today') args.today = value();
    else if (a === '--url') args.url = value();
    else if (a === '--period') args.period = value();
    else throw new Error(`Unknown option ${a}. Usage: npm run remind -- [--dry-run] [--today YYYY-MM-DD] [--url ${DEFAULT_LOCAL_URL}] [--period 2021-22-Q4]`);
  }
  if (!isIsoDate(args.today)) throw new Error(`--today must be a date in the form YYYY-MM-DD, not "${args.today}".`);
  return args;
}

/** Human-readable report of a run. */
export function describeRun(result: ReminderRunResult): string {
  const { plan } = result;
  const lines: string[] = [];
  const round = plan.round;
  lines.push(`Period ${plan.period.label} (${plan.period.id}), updates due ${plan.period.deadline}; today ${plan.today}.`);
  if (!round) {
    lines.push('No reminders today: the first reminder day for this period has not come yet.');
    return lines.join('\n');
  }
  lines.push(`Round ${round.round} (started ${round.startsOn})${round.escalation ? ', escalation: service leads copied in' : ''}.`);
  const decision = new Map(result.decisions.map((d) => [d.officer.email, d.decision]));
  for (const o of plan.officers) {
    lines.push(`- ${o.displayName || o.email} <${o.email}> [${decision.get(o.email) ?? 'send'}]${o.cc.length ? ` cc ${o.cc.join(', ')}` : ''}`);
    for (const x of o.objectives) lines.push(`    objective #${x.id}: ${x.title}`);
    for (const x of o.risks) lines.push(`    risk #${x.id}: ${x.title} (review ${x.reviewDate})`);
    for (const x of o.measures) lines.push(`    measure #${x.id}: ${x.title}`);
  }
  for (const u of plan.unassigned) lines.push(`! ${u.kind} #${u.id} "${u.title}" has nobody to remind (${u.reason === 'noOfficer' ? 'no officer set' : 'officer has no email'}).`);
  if (result.dryRun) {
    lines.push(`Dry run: ${plan.officers.length} officers planned; nothing written or sent.`);
  } else {
    lines.push(
      `Sent ${result.sent.length} in ${result.batchRequests} batch requests; already sent ${result.alreadySent.length}; ` +
        `in progress elsewhere ${result.inProgress.length}; failed ${result.failed.length}; unconfirmed ${result.unconfirmed.length}.`
    );
    for (const f of result.failed) lines.push(`  failed ${f.key}: ${f.detail}`);
    for (const u of result.unconfirmed) lines.push(`  unconfirmed ${u.key}: ${u.detail}`);
  }
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  console.log(`Using the host at ${args.url.replace(/\/+$/, '')}.`);
  const deps = localReminderDeps(args.url);
  try {
    const result = await runReminders({
      repositories: deps.repositories,
      mailer: deps.mailer,
      today: args.today,
      periodId: args.period,
      calendar: deps.settings.calendar,
      schedule: deps.settings.schedule,
      links: deps.settings.links,
      sanitise: deps.sanitise,
      dryRun: args.dryRun,
      pendingPolicy: deps.settings.pendingPolicy,
      pendingStaleMinutes: deps.settings.pendingStaleMinutes
    });
    console.log(describeRun(result));
    return result.failed.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ReminderRunError) {
      console.log(describeRun(e.result as ReminderRunResult));
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

// Run only as the entry point: bundlers inline this file into the benchmark too, where
// `require.main === module` would also hold. run-ts.mjs names the bundle after this file.
if (/(^|[\\/_])remind\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
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
