/**
 * The seeded local host the fault contract tests switch SharePoint Online's faults on, started
 * once per file: its site, a form digest, and a `sleep` that records the waits asked for
 * instead of sleeping (the assertions are on what is honoured, not on time). Every test starts
 * with no faults and no waits recorded.
 */
import { startLocalHost } from '../../../local/host/server';
import { formDigest } from './digest';

/** The running local host. */
export type FaultHost = Awaited<ReturnType<typeof startLocalHost>>;

/** What a fault test reads; host, site and digest once beforeAll has run. */
export interface FaultHostFixture {
  readonly host: FaultHost;
  /** The site's URL, `<origin>/sites/ssm`. */
  readonly siteUrl: string;
  readonly digest: string;
  /** The waits asked of {@link sleep} in this test, in milliseconds. */
  readonly waits: number[];
  readonly sleep: (ms: number) => Promise<void>;
}

/** Starts the host before the file's tests, stops it after them and clears the faults before each. */
export function useFaultHost(): FaultHostFixture {
  let host: FaultHost | undefined;
  let digest = '';
  const waits: number[] = [];
  const started = (): FaultHost => {
    if (!host) throw new Error('The fault host is started in beforeAll; read it inside a test.');
    return host;
  };
  beforeAll(async () => {
    host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true });
    digest = await formDigest(`${host.url}/sites/ssm`);
  });
  afterAll(async () => {
    await host?.close();
  });
  beforeEach(() => {
    waits.length = 0;
    started().setFaults({});
  });
  return {
    get host() {
      return started();
    },
    get siteUrl() {
      return `${started().url}/sites/ssm`;
    },
    get digest() {
      return digest;
    },
    waits,
    sleep: async (ms: number): Promise<void> => {
      waits.push(ms);
    }
  };
}
