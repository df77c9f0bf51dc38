#!/usr/bin/env node
/**
 * `npm run test:tenant`: runs the contract suites that can point at a real SharePoint Online site
 * against the site named by SSM_TEST_SITE_URL (app-only certificate credentials; see
 * docs/testing-on-a-tenant.md), one file at a time so scratch lists are created and removed in
 * turn. Suites that need the local host itself are listed with the reason and not run.
 *
 * Plain Node (no project dependencies), so it starts before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Suites that run against a real site (each opens its target through test/data/support/target.ts). */
export const TENANT_SUITES = [
  'test/data/provisioning.contract.test.ts',
  'test/data/repositories.contract.test.ts',
  'test/data/dates.contract.test.ts',
  'test/reminders/reminderLog.contract.test.ts'
];

/** Suites that need the local host, and why; they run with `npm test`. */
export const HOST_ONLY_SUITES = {
  'test/data/paging.contract.test.ts': 'seeds 20,000 items in-process and counts requests in the host’s request log',
  'test/data/loadInitialOptions.contract.test.ts': 'seeds 12,000 items in-process and counts requests in the host’s request log',
  'test/data/throttling.contract.test.ts': 'turns on the host’s fault switches (429 with Retry-After)',
  'test/reminders/host.test.ts': 'reads the host’s Graph outbox and turns on its fault switches',
  'test/reminders/concurrency.test.ts': 'drops connections with the host’s fault switches, reads its outbox and reopens its data file',
  'test/host/sharepointRules.contract.test.ts': 'checks the host’s own directory and list rules against SharePoint’s'
};

const REQUIRED = ['SSM_TEST_SITE_URL', 'SSM_TEST_TENANT_ID', 'SSM_TEST_CLIENT_ID', 'SSM_TEST_CERT_PATH', 'SSM_TEST_USER_EMAIL'];
const missing = REQUIRED.filter((k) => !process.env[k]?.trim());
if (missing.length > 0) {
  console.error(`npm run test:tenant needs ${missing.join(', ')}. See docs/testing-on-a-tenant.md.`);
  process.exit(2);
}

for (const [file, reason] of Object.entries(HOST_ONLY_SUITES)) console.log(`Skipped on a tenant: ${file} (${reason})`);
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, '--runInBand', '--testTimeout=600000', ...TENANT_SUITES], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
