/**
 * Timer trigger: the quarterly update reminders, daily at 08:00 UK time.
 *
 * NCRONTAB `0 0 8 * * *` is read in the app's time zone: set the app setting
 * WEBSITE_TIME_ZONE to "GMT Standard Time" (Windows) or "Europe/London" (Linux) so that 08:00
 * follows British Summer Time (see functions/README.md). Reruns are harmless: the reminder log
 * makes each officer's round go out once.
 */
import { app, InvocationContext, Timer } from '@azure/functions';
import { ClientCertificateCredential, DefaultAzureCredential, TokenCredential } from '@azure/identity';
import { ReminderRunError } from '../../../src/reminders';
import { runReminderJob } from '../wiring';

/** Certificate credential when a certificate is configured, otherwise DefaultAzureCredential (managed identity, Azure CLI locally). */
function credentialFromEnv(env: NodeJS.ProcessEnv): TokenCredential {
  const { AZURE_TENANT_ID: tenant, AZURE_CLIENT_ID: client, AZURE_CLIENT_CERTIFICATE_PATH: certificate } = env;
  if (tenant && client && certificate) return new ClientCertificateCredential(tenant, client, certificate);
  return new DefaultAzureCredential();
}

/** Handler of the timer. */
export async function quarterlyReminders(timer: Timer, context: InvocationContext): Promise<void> {
  if (timer.isPastDue) context.warn('The reminder timer is running late (missed schedule); running now.');
  try {
    const result = await runReminderJob({ env: process.env, credential: credentialFromEnv(process.env), log: (m) => context.log(m) });
    for (const f of result.failed) context.warn(`Not sent ${f.key}: ${f.detail}`);
    for (const u of result.plan.unassigned) context.warn(`Nobody to remind about ${u.kind} ${u.id} "${u.title}" (${u.reason}).`);
  } catch (e) {
    if (e instanceof ReminderRunError) {
      const r = e.result as { unconfirmed: Array<{ key: string; detail: string }> };
      for (const u of r.unconfirmed) context.error(`Unconfirmed ${u.key}: ${u.detail}`);
    }
    // Rethrown so the invocation shows as failed in Application Insights.
    throw e;
  }
}

app.timer('quarterlyReminders', { schedule: '0 0 8 * * *', handler: quarterlyReminders });
