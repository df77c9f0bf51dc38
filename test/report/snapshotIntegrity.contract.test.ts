/**
 * Snapshots that cannot be forged unnoticed, and one unreadable snapshot that never stops the
 * report. Over real HTTP against the local host: a published snapshot whose Report column is
 * changed through REST (as any editor could) reads as "altered"; one whose column is corrupt,
 * or holds an object where a string belongs, is listed on its own row with the reason while
 * every other snapshot, the live report's first load and publishing go on working.
 */
import { startLocalHost } from '../../local/host/server';
import { sampleData } from '../../local/sample-data';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { SnapshotUnreadableError } from '../../src/data/errors';
import { packModel } from '../../src/data/snapshotCodec';
import { buildReportModel } from '../../src/domain/report';
import type { ReportModel } from '../../src/domain/report/model';
import type { Repositories } from '../../src/data/repositories';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
let repos: Repositories;
let web: string;
const editor = sampleData.users[0];

async function merge(id: number, body: Record<string, unknown>): Promise<void> {
  const digest = ((await (await fetch(`${web}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } })).json()) as { FormDigestValue: string }).FormDigestValue;
  const response = await fetch(`${web}/_api/web/lists/getByTitle('SSM Report Snapshots')/items(${id})`, {
    method: 'POST',
    headers: { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*', 'X-RequestDigest': digest },
    body: JSON.stringify(body)
  });
  if (!response.ok) throw new Error(`MERGE answered ${response.status}: ${await response.text()}`);
}

const model = (periodId: string, serviceId?: number): ReportModel =>
  buildReportModel({ ...sampleData, updates: sampleData.objectiveUpdates }, { kind: 'highlight', periodId, serviceId, generatedOn: '2022-03-10T09:00:00Z' });

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true });
  web = `${host.url}/sites/ssm`;
  repos = createPnpRepositories(getSPForUrl(web));
});

afterAll(async () => {
  await host?.close();
});

describe('published snapshots read back', () => {
  it('as verified when untouched, altered when changed after publishing, and unreadable on their own row', async () => {
    const kept = await repos.snapshots.publish(model('2021-22-Q4'), editor);
    expect(kept.integrity).toBe('verified');
    expect(kept.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const tampered = await repos.snapshots.publish(model('2021-22-Q3'), editor);
    const corrupt = await repos.snapshots.publish(model('2021-22-Q2'), editor);
    const wrongShape = await repos.snapshots.publish(model('2021-22-Q1'), editor);

    // A forged report: a valid model with a rewritten narrative, packed as the product packs it.
    const forged = JSON.parse(JSON.stringify(tampered.model)) as { services: Array<{ highlight?: { keyPoints: string } }>; title: string };
    forged.title = 'Nothing to see here';
    await merge(tampered.id, { ReportModel: JSON.stringify(await packModel(forged)) });
    // A column that is no longer a compressed report at all.
    await merge(corrupt.id, { ReportModel: JSON.stringify('gzip-base64:not base64 at all!') });
    // An object where a string belongs, deep inside: the shallow check let this through.
    const deep = JSON.parse(JSON.stringify(wrongShape.model)) as { services: Array<{ name: unknown }> };
    deep.services[0].name = { evil: true };
    await merge(wrongShape.id, { ReportModel: JSON.stringify(await packModel(deep)), ContentHash: '' });

    // The tampered one is shown, flagged; the untouched one is still verified.
    const all = await repos.snapshots.getAll();
    expect(all.map((s) => s.id).sort()).toEqual([kept.id, tampered.id].sort());
    expect(all.find((s) => s.id === kept.id)?.integrity).toBe('verified');
    expect(all.find((s) => s.id === tampered.id)?.integrity).toBe('altered');
    expect((await repos.snapshots.getById(tampered.id))?.integrity).toBe('altered');

    // The unreadable ones are rows of their own with the reason, never an exception.
    const periods = await repos.snapshots.publishedPeriods();
    const versionOf = (id: number) => periods.flatMap((p) => p.versions).find((v) => v.id === id);
    expect(versionOf(kept.id)).toMatchObject({ integrity: 'verified' });
    expect(versionOf(tampered.id)).toMatchObject({ integrity: 'altered' });
    expect(versionOf(corrupt.id)?.unreadable).toMatch(/could not be decompressed/);
    expect(versionOf(wrongShape.id)?.unreadable).toMatch(/report\.services\[0\]\.name is not text/);
    expect(periods.find((p) => p.periodId === '2021-22-Q2')?.title).toBe(corrupt.title);
    await expect(repos.snapshots.getById(corrupt.id)).rejects.toBeInstanceOf(SnapshotUnreadableError);

    // The live report's first load reads the rest.
    const data = await repos.loadInitial(['services'], { include: { snapshots: true } });
    expect((data.snapshots ?? []).map((s) => s.id).sort()).toEqual([kept.id, tampered.id].sort());

    // Publishing the corrupt period again takes the next number; nothing is reused.
    const again = await repos.snapshots.publish(model('2021-22-Q2'), editor);
    expect(again.version).toBe(corrupt.version + 1);
    expect(again.integrity).toBe('verified');
  });
});

describe('snapshot titles', () => {
  it('fit SharePoint’s 255 characters whatever the service name, and publishing succeeds', async () => {
    const { snapshotTitle } = await import('../../src/domain/report/snapshot');
    expect(snapshotTitle('2021-22-Q4', 'Governance')).toBe('Q4 2021/22 Governance');
    const long = 'Revenues, Benefits and Customer Services of the Three Councils '.repeat(8);
    const title = snapshotTitle('2021-22-Q4', long);
    expect(title.length).toBeLessThanOrEqual(255);
    expect(title.startsWith('Q4 2021/22 Revenues, Benefits')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
    // No half of a surrogate pair at the cut.
    expect(snapshotTitle('2021-22-Q4', '😀'.repeat(200))).not.toMatch(/[\uD800-\uDBFF]…$/);

    const services = await repos.services.getAll();
    await repos.services.update({ id: services[0].id, etag: services[0].etag, name: long.slice(0, 255) });
    const data = await repos.loadInitial(['services', 'objectives', 'updates', 'benefits', 'risks', 'measures', 'highlights']);
    const m = buildReportModel(data, { kind: 'highlight', periodId: '2021-22-Q4', serviceId: services[0].id, generatedOn: '2022-03-10T09:00:00Z' });
    const published = await repos.snapshots.publish(m, editor);
    expect(published.title.length).toBeLessThanOrEqual(255);
    expect(published.integrity).toBe('verified');
  });
});
