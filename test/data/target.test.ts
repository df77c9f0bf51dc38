/**
 * The contract suites' target selection: the local host unless SSM_TEST_SITE_URL is set, a clear
 * message naming what is missing, and scratch list names that never collide with the product's.
 */
import { hostOnly, prefixListNames, TARGET, tenantSettings } from './support/target';
import { LISTS, SCHEMA } from '../../src/data/schema';

const full = {
  SSM_TEST_SITE_URL: 'https://contoso.sharepoint.com/sites/ssm-test/',
  SSM_TEST_TENANT_ID: '00000000-0000-0000-0000-000000000001',
  SSM_TEST_CLIENT_ID: '00000000-0000-0000-0000-000000000002',
  SSM_TEST_CERT_PATH: '/secure/ssm-test.pem',
  SSM_TEST_USER_EMAIL: 'tester@contoso.onmicrosoft.com'
};

it('runs against the local host when no site is named', () => {
  expect(tenantSettings({})).toBeUndefined();
  // This suite runs without SSM_TEST_SITE_URL in CI.
  if (!process.env.SSM_TEST_SITE_URL) expect(TARGET).toBe('host');
});

it('reads a site and its app-only credentials, trimming the trailing slash', () => {
  expect(tenantSettings({ ...full, SSM_TEST_RUN_ID: 'run42' })).toEqual({
    siteUrl: 'https://contoso.sharepoint.com/sites/ssm-test',
    tenantId: full.SSM_TEST_TENANT_ID,
    clientId: full.SSM_TEST_CLIENT_ID,
    certPath: full.SSM_TEST_CERT_PATH,
    certPassword: undefined,
    userEmail: full.SSM_TEST_USER_EMAIL,
    runId: 'run42'
  });
  const a = tenantSettings(full)?.runId;
  expect(a).toMatch(/^[a-z0-9]+$/);
});

it('names every missing variable, and refuses an address that is not SharePoint Online', () => {
  expect(() => tenantSettings({ SSM_TEST_SITE_URL: full.SSM_TEST_SITE_URL, SSM_TEST_TENANT_ID: 'x' })).toThrow(
    'SSM_TEST_CLIENT_ID, SSM_TEST_CERT_PATH, SSM_TEST_USER_EMAIL are not set'
  );
  expect(() => tenantSettings({ ...full, SSM_TEST_SITE_URL: 'http://localhost:3000/sites/ssm' })).toThrow(/SharePoint Online site address/);
});

it('gives every list a prefixed title and URL name, once, keeping the list folder', () => {
  const before = LISTS.map((l) => ({ title: l.title, url: l.url }));
  prefixListNames('SSM test run42 ');
  prefixListNames('SSM test run42 ');
  LISTS.forEach((l, i) => {
    expect(l.title).toBe(`SSM test run42 ${before[i].title}`);
    // A list keeps its Lists/ folder; a library sits at the web's root.
    expect(l.url).toBe(before[i].url.includes('/') ? before[i].url.replace(/\/([^/]+)$/, '/SSMtestrun42$1') : `SSMtestrun42${before[i].url}`);
  });
  expect(SCHEMA.objectives.title).toBe('SSM test run42 SSM Objectives');
  // SharePoint refuses list titles over 255 characters.
  expect(Math.max(...LISTS.map((l) => l.title.length))).toBeLessThanOrEqual(255);
  expect(SCHEMA.objectives.url).toBe('Lists/SSMtestrun42SSMObjectives');
});

hostOnly('an example of a host-only case').it('runs host-only cases on the host', () => {
  expect(TARGET).toBe('host');
});
