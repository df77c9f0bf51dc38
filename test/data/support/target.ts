/**
 * Where the contract suites run. By default the local host (in memory, so CI needs no tenant);
 * with SSM_TEST_SITE_URL set, a real SharePoint Online site reached app-only with a certificate
 * through @azure/identity (docs/testing-on-a-tenant.md). On a site the suites work on scratch
 * lists whose titles and URLs carry a run id, so they never touch the product's own lists, and
 * remove them afterwards.
 */
import { ClientCertificateCredential } from '@azure/identity';
import type { TimelinePipe } from '@pnp/core';
import type { Queryable } from '@pnp/queryable';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import { startLocalHost } from '../../../local/host/server';
import { sampleData } from '../../../local/sample-data';
import { getSPForUrl, SPForUrlOptions } from '../../../src/data/sp';
import { ensureLists } from '../../../src/data/provisioning';
import { createPnpRepositories } from '../../../src/data/pnpRepositories';
import { LISTS } from '../../../src/data/schema';
import type { ListDef } from '../../../src/data/schema';
import type { Person } from '../../../src/domain/types';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

/** The settings of a run against a real site, read from the environment. */
export interface TenantSettings {
  siteUrl: string;
  tenantId: string;
  clientId: string;
  certPath: string;
  certPassword?: string;
  /** A real user of the tenant, for person columns (the app-only identity is no person). */
  userEmail: string;
  /** Marks this run's scratch lists. */
  runId: string;
}

const REQUIRED = ['SSM_TEST_TENANT_ID', 'SSM_TEST_CLIENT_ID', 'SSM_TEST_CERT_PATH', 'SSM_TEST_USER_EMAIL'] as const;

/** The tenant settings, or undefined when SSM_TEST_SITE_URL is unset (the local host is used). */
export function tenantSettings(env: NodeJS.ProcessEnv = process.env): TenantSettings | undefined {
  const siteUrl = env.SSM_TEST_SITE_URL?.trim().replace(/\/+$/, '');
  if (!siteUrl) return undefined;
  const missing = REQUIRED.filter((k) => !env[k]?.trim());
  if (missing.length > 0) throw new Error(`SSM_TEST_SITE_URL is set, so the contract tests run against that site, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. See docs/testing-on-a-tenant.md.`);
  if (!/^https:\/\/[^/]+\.sharepoint\.com\//i.test(`${siteUrl}/`)) throw new Error(`SSM_TEST_SITE_URL must be a SharePoint Online site address (https://<tenant>.sharepoint.com/sites/<site>), not ${siteUrl}.`);
  return {
    siteUrl,
    tenantId: String(env.SSM_TEST_TENANT_ID).trim(),
    clientId: String(env.SSM_TEST_CLIENT_ID).trim(),
    certPath: String(env.SSM_TEST_CERT_PATH).trim(),
    certPassword: env.SSM_TEST_CERT_PASSWORD || undefined,
    userEmail: String(env.SSM_TEST_USER_EMAIL).trim(),
    // One id per test file (each file creates and removes its own lists), unless the run sets one.
    runId: env.SSM_TEST_RUN_ID?.trim() || `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`
  };
}

const TENANT = tenantSettings();

/** What the contract suites run against in this process. */
export const TARGET: 'host' | 'tenant' = TENANT ? 'tenant' : 'host';

/**
 * Cases that need the local host (its request log, fault switches, outbox or reset): run on the
 * host, skipped on a tenant with the reason in the test's name.
 */
export function hostOnly(reason: string): { it: jest.It; describe: jest.Describe } {
  if (TARGET === 'host') return { it, describe };
  const label = (name: unknown): string => `${String(name)} [skipped on a tenant: ${reason}]`;
  const skipIt = ((name: string, fn?: jest.ProvidesCallback, timeout?: number) => it.skip(label(name), fn, timeout)) as unknown as jest.It;
  const skipDescribe = ((name: string, fn: jest.EmptyFunction) => describe.skip(label(name), fn)) as unknown as jest.Describe;
  return { it: skipIt, describe: skipDescribe };
}

/**
 * The schema transform used only by tests: every list's title and URL get the run's prefix, in
 * place, so the repositories, provisioning and lookups (which read SCHEMA when they run) all use
 * the scratch lists. The product's code is unchanged.
 */
export function prefixListNames(prefix: string): void {
  for (const list of LISTS as ListDef[]) {
    const def = list as { title: string; url: string };
    if (def.title.startsWith(prefix)) continue;
    const slash = def.url.lastIndexOf('/');
    def.url = `${def.url.slice(0, slash + 1)}${prefix.replace(/[^A-Za-z0-9]/g, '')}${def.url.slice(slash + 1)}`;
    def.title = `${prefix}${def.title}`;
  }
}

if (TENANT) prefixListNames(`SSM test ${TENANT.runId} `);

/** Adds a fresh app-only token (cached and renewed by @azure/identity) to every request. */
function appOnlyBearer(credential: ClientCertificateCredential, scope: string): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.auth(async function (url: URL, init: RequestInit): Promise<[URL, RequestInit]> {
      const token = await credential.getToken(scope);
      if (!token) throw new Error(`No token for ${scope}: check the app registration (docs/testing-on-a-tenant.md).`);
      init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token.token}` };
      return [url, init];
    });
    return instance;
  };
}

/** An opened target: the site, how to reach it, the people to use, and how to clean up. */
export interface ContractTarget {
  kind: 'host' | 'tenant';
  webUrl: string;
  /** An SPFI for the site, with the product's own behaviours (and the token on a tenant). */
  sp(options?: SPForUrlOptions): SPFI;
  /** The local host, only when kind is 'host'. */
  host?: Host;
  /** Someone allowed to edit, and a second person (the same person on a tenant). */
  people: { editor: Person; lead: Person; newcomer: string };
  /** Stops the host, or deletes this run's scratch lists from the site. */
  close(): Promise<void>;
}

/** Sample items seeded on a tenant: enough for the suites' ids (service 1, objectives 1–4, measure 1). */
const TENANT_SEED = { services: sampleData.services, objectives: sampleData.objectives.slice(0, 4), measures: sampleData.measures.slice(0, 1) };

/** The sample model as a new item: no id or etag, people replaced by a real user of the tenant. */
function asNewItem(model: object, person: Person): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(model)) {
    if (k === 'id' || k === 'etag' || k === 'created' || k === 'modified') continue;
    out[k] = v && typeof v === 'object' && 'email' in (v as object) ? person : v;
  }
  return out;
}

/**
 * Opens the target. `seed` on the host: the sample data; on a tenant: the scratch lists set up
 * by ensureLists and a few sample items (their ids match the sample's, lists being new).
 */
export async function openTarget(options: { seed: boolean }): Promise<ContractTarget> {
  if (!TENANT) {
    const host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: options.seed });
    const webUrl = `${host.url}/sites/ssm`;
    const newcomer = sampleData.directory?.[0]?.email;
    if (!newcomer) throw new Error('The sample data has no directory-only person');
    return { kind: 'host', webUrl, host, sp: (o) => getSPForUrl(webUrl, o), people: { editor: sampleData.users[0], lead: sampleData.users[1], newcomer }, close: () => host.close() };
  }
  const t = TENANT;
  const credential = new ClientCertificateCredential(t.tenantId, t.clientId, { certificatePath: t.certPath, certificatePassword: t.certPassword });
  const scope = `${new URL(t.siteUrl).origin}/.default`;
  const sp = (o?: SPForUrlOptions): SPFI => getSPForUrl(t.siteUrl, o).using(appOnlyBearer(credential, scope));
  const close = async (): Promise<void> => {
    // Lookups point at earlier lists: delete the later ones first. Every failure is reported.
    const failures: string[] = [];
    for (const def of [...LISTS].reverse()) {
      try {
        const found = await sp().web.lists.filter(`Title eq '${def.title.replace(/'/g, "''")}'`).select('Id')();
        if (found.length > 0) await sp().web.lists.getByTitle(def.title).delete();
      } catch (e) {
        failures.push(`${def.title}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (failures.length > 0) throw new Error(`Scratch lists left on ${t.siteUrl}; delete them by hand:\n${failures.join('\n')}`);
  };
  const editor = await createPnpRepositories(sp()).ensureUser(t.userEmail);
  if (options.seed) {
    try {
      await ensureLists(sp());
      const repos = createPnpRepositories(sp()) as unknown as Record<string, { add(item: unknown): Promise<{ id: number }> }>;
      for (const [list, items] of Object.entries(TENANT_SEED)) {
        for (const item of items as object[]) await repos[list].add(asNewItem(item, editor));
      }
    } catch (e) {
      await close();
      throw e;
    }
  }
  return { kind: 'tenant', webUrl: t.siteUrl, sp, people: { editor, lead: editor, newcomer: t.userEmail }, close };
}
