/**
 * Wiring of the timer app: settings from app settings, app-only tokens from @azure/identity,
 * PnPjs for the lists and a Graph client for the mail. Everything else is the shared code in
 * src/reminders (the code the tests exercise); this file only connects it.
 */
import type { TokenCredential } from '@azure/identity';
import { BearerToken } from '@pnp/queryable';
import { JSDOM } from 'jsdom';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import {
  createGraphClient,
  createSanitiser,
  GraphMailer,
  ReminderConfigError,
  ReminderRunResult,
  reminderSettingsFromEnv,
  runReminders,
  ukToday
} from '../../src/reminders';

/** Graph's service root; SSM_GRAPH_URL overrides it (only to point at the local host). */
export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';

/** What one timer invocation needs from outside. */
export interface ReminderJobDeps {
  /** App settings (process.env in Azure). */
  env: Readonly<Record<string, string | undefined>>;
  /** App-only credential (certificate) for SharePoint and Graph tokens. */
  credential: TokenCredential;
  /** Clock (tests). */
  now?: () => Date;
  /** Log line sink (InvocationContext.log in Azure). */
  log?: (message: string) => void;
}

async function tokenFor(credential: TokenCredential, scope: string): Promise<string> {
  const token = await credential.getToken(scope);
  if (!token) throw new ReminderConfigError('credential', `No access token was issued for ${scope}; check the app registration and its certificate.`);
  return token.token;
}

/** Runs one day's reminders as the shared mailbox; throws ReminderRunError when it could not finish. */
export async function runReminderJob(deps: ReminderJobDeps): Promise<ReminderRunResult> {
  const settings = reminderSettingsFromEnv(deps.env);
  const graphUrl = (deps.env.SSM_GRAPH_URL || DEFAULT_GRAPH_URL).replace(/\/+$/, '');
  const siteOrigin = new URL(settings.siteUrl).origin;
  // SharePoint app-only access must use a certificate-based token for the tenant's SharePoint resource.
  const spToken = await tokenFor(deps.credential, `${siteOrigin}/.default`);
  const sp = getSPForUrl(settings.siteUrl).using(BearerToken(spToken));
  const repositories = createPnpRepositories(sp);
  const client = createGraphClient({ baseUrl: graphUrl, getToken: () => tokenFor(deps.credential, `${graphUrl}/.default`) });
  const mailer = new GraphMailer(client, { sender: { kind: 'mailbox', address: settings.mailbox } });
  const sanitise = createSanitiser(new JSDOM('').window as unknown as Parameters<typeof createSanitiser>[0]);
  const now = deps.now ?? ((): Date => new Date());
  const result = await runReminders({
    repositories,
    mailer,
    today: ukToday(now()),
    now,
    calendar: settings.calendar,
    schedule: settings.schedule,
    links: settings.links,
    sanitise,
    pendingPolicy: settings.pendingPolicy,
    pendingStaleMinutes: settings.pendingStaleMinutes
  });
  deps.log?.(
    `Reminders for ${result.plan.period.id}, round ${result.plan.round?.round ?? '-'}: sent ${result.sent.length}, ` +
      `already sent ${result.alreadySent.length}, in progress ${result.inProgress.length}, failed ${result.failed.length}, ` +
      `unconfirmed ${result.unconfirmed.length}, unassigned items ${result.plan.unassigned.length}, Graph batches ${result.batchRequests}.`
  );
  return result;
}
