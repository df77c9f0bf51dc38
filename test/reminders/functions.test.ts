/**
 * The Azure Functions timer app: it registers the 08:00 timer and, with app-only tokens from
 * the credential, runs the same reminder code against SharePoint (here the local host).
 */
const timers: Array<{ name: string; options: { schedule: string; handler: unknown } }> = [];
jest.mock('@azure/functions', () => ({
  app: { timer: (name: string, options: { schedule: string; handler: unknown }) => timers.push({ name, options }) }
}));
import type { AccessToken, TokenCredential } from '@azure/identity';
import { startLocalHost } from '../../local/host/server';
import { personas } from '../../local/sample-data';
import { reminderSeed } from '../../bench/reminders';
import { runReminderJob } from '../../functions/src/wiring';

it('registers quarterlyReminders daily at 08:00 (app time zone)', async () => {
  await import('../../functions/src/functions/reminders');
  expect(timers).toHaveLength(1);
  expect(timers[0].name).toBe('quarterlyReminders');
  expect(timers[0].options.schedule).toBe('0 0 8 * * *');
  expect(typeof timers[0].options.handler).toBe('function');
});

it('runs with app-only tokens for SharePoint and Graph and sends as the shared mailbox', async () => {
  const host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: reminderSeed(25), personas, faults: {} });
  try {
    const scopes: string[] = [];
    const credential: TokenCredential = {
      getToken: async (scope: string | string[]): Promise<AccessToken> => {
        scopes.push(String(scope));
        return { token: 'app-only-token', expiresOnTimestamp: Date.now() + 3600000 };
      }
    };
    const logs: string[] = [];
    const result = await runReminderJob({
      env: { SSM_SITE_URL: host.webUrl, SSM_REMINDER_MAILBOX: 'reminders@example.gov.uk', SSM_GRAPH_URL: host.url },
      credential,
      // 1 March is in GMT, so this is 08:00 UK time on 1 March: round 1 of Q4 2021/22.
      now: () => new Date('2022-03-01T08:00:00Z'),
      log: (m) => logs.push(m)
    });
    expect(result.sent).toHaveLength(25);
    expect(host.outbox()).toHaveLength(25);
    expect(host.outbox().every((m) => m.from === 'reminders@example.gov.uk')).toBe(true);
    expect(scopes).toContain(`${host.url}/.default`);
    expect(logs[0]).toMatch(/sent 25/);
  } finally {
    await host.close();
  }
});

it('refuses to start without the site and mailbox settings', async () => {
  const credential: TokenCredential = { getToken: async () => null };
  await expect(runReminderJob({ env: {}, credential })).rejects.toThrow(/SSM_SITE_URL is required/);
});
