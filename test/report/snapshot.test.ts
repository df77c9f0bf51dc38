/**
 * Snapshots: versioning rules in the domain, and immutability through the PnPjs repository
 * against the local host over real HTTP.
 */
import { startLocalHost } from '../../local/host/server';
import { REFERENCE_TODAY, sampleData } from '../../local/sample-data';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';
import {
  buildReportModel,
  newSnapshot,
  nextVersion,
  previousSnapshot,
  publishedPeriods,
  readSnapshotModel,
  ReportError,
  ReportModel
} from '../../src/domain/report';
import type { ReportSnapshot } from '../../src/domain/types';
import { fieldDef, NOTE_MAX_LENGTH, restName, SCHEMA } from '../../src/data/schema';
import { toItem } from '../../src/data/mapping';
import { packModel, PACKED_MODEL_PREFIX } from '../../src/data/snapshotCodec';
import { fixture } from './fixtures';

const model = (periodId: string, serviceId?: number): ReportModel =>
  buildReportModel(fixture(), { kind: 'quarterly', periodId, serviceId, generatedOn: '2022-03-10T09:00:00Z' });

const stored = (s: ReturnType<typeof newSnapshot>, id: number): ReportSnapshot => ({ ...s, id, etag: '' });
const editor = { id: 1, displayName: 'Sam Editor', email: 'sam@example.gov.uk' };

describe('snapshots in the domain', () => {
  it('numbers versions per period and scope', () => {
    const first = stored(newSnapshot(model('2021-22-Q4'), [], editor, '2022-03-11T10:00:00Z'), 1);
    expect(first.version).toBe(1);
    expect(first.title).toBe('Q4 2021/22 All services');
    const second = stored(newSnapshot(model('2021-22-Q4'), [first], editor, '2022-03-12T10:00:00Z'), 2);
    expect(second.version).toBe(2);
    // Another scope or period starts again at 1.
    expect(nextVersion([first, second], '2021-22-Q4', 2)).toBe(1);
    expect(nextVersion([first, second], '2021-22-Q3')).toBe(1);
    expect(newSnapshot(model('2021-22-Q4', 2), [first, second], editor, 'x').title).toBe('Q4 2021/22 Legal Services');
  });

  it('copies the model, so changing it afterwards cannot change the snapshot', () => {
    const m = model('2021-22-Q4');
    const s = newSnapshot(m, [], editor, '2022-03-11T10:00:00Z');
    (m.services[0].objectives[0] as { status: string }).status = 'On hold';
    expect(s.model.services[0].objectives[0].status).not.toBe('On hold');
  });

  it('groups published reports by period and scope, newest period first', () => {
    const a = stored(newSnapshot(model('2021-22-Q3'), [], editor, '2021-12-11T10:00:00Z'), 1);
    const b = stored(newSnapshot(model('2021-22-Q4'), [], editor, '2022-03-11T10:00:00Z'), 2);
    const c = stored(newSnapshot(model('2021-22-Q4'), [b], { ...editor, displayName: 'Jo Clerk' }, '2022-03-12T10:00:00Z'), 3);
    const periods = publishedPeriods([a, b, c]);
    expect(periods.map((p) => [p.periodId, p.latestVersion, p.versions.length])).toEqual([
      ['2021-22-Q4', 2, 2],
      ['2021-22-Q3', 1, 1]
    ]);
    expect(periods[0]).toMatchObject({ latestId: 3, latestPublishedBy: 'Jo Clerk', kind: 'quarterly' });
    expect(previousSnapshot([a, b, c], '2021-22-Q4')?.id).toBe(1);
    expect(previousSnapshot([a, b, c], '2022-23-Q1')?.id).toBe(3);
    expect(previousSnapshot([a, b, c], '2021-22-Q4', 2)).toBeUndefined();
  });

  it('refuses a stored model it cannot show', () => {
    expect(() => readSnapshotModel({})).toThrow(ReportError);
    expect(() => readSnapshotModel({ ...model('2021-22-Q4'), format: 99 })).toThrow(/format/);
    expect(readSnapshotModel(JSON.parse(JSON.stringify(model('2021-22-Q4')))).period.id).toBe('2021-22-Q4');
  });
});

describe('snapshot repository against the local host', () => {
  type Host = Awaited<ReturnType<typeof startLocalHost>>;
  let host: Host;
  let repos: Repositories;

  beforeAll(async () => {
    // The assertions read the reference year's periods: pin the seeding clock to it.
    host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true, today: REFERENCE_TODAY });
    repos = createPnpRepositories(getSPForUrl(`${host.url}/sites/ssm`));
  });

  afterAll(async () => {
    await host?.close();
  });

  const liveModel = async (): Promise<ReportModel> => {
    const data = await repos.loadInitial(['services', 'objectives', 'updates', 'benefits', 'risks', 'measures', 'highlights']);
    return buildReportModel(data, { kind: 'quarterly', periodId: '2021-22-Q4', serviceId: 3, generatedOn: new Date().toISOString() });
  };

  it('has no update or remove: snapshots are immutable', () => {
    expect('update' in repos.snapshots).toBe(false);
    expect('remove' in repos.snapshots).toBe(false);
    expect((repos.snapshots as unknown as Record<string, unknown>).update).toBeUndefined();
  });

  it('republishing makes version 2 and leaves version 1 as it was', async () => {
    const before = await liveModel();
    const v1 = await repos.snapshots.publish(before);
    expect(v1.version).toBe(1);
    expect(v1.title).toBe('Q4 2021/22 Governance');
    // The signed-in user (the host's first persona) is recorded as publisher.
    expect(v1.publishedBy?.id).toBe(sampleData.users[0].id);

    // Today's data changes after publication...
    const objective = (await repos.objectives.getAll()).find((o) => o.serviceId === 3);
    if (!objective) throw new Error('sample has no Governance objective');
    const updates = (await repos.objectiveUpdates.getForObjective(objective.id)).filter((u) => u.periodId === '2021-22-Q4');
    expect(updates.length).toBeGreaterThan(0);
    const newStatus = updates[0].status === 'On hold' ? 'Complete' : 'On hold';
    await repos.objectiveUpdates.update({ id: updates[0].id, etag: updates[0].etag, status: newStatus });

    const after = await liveModel();
    const v2 = await repos.snapshots.publish(after, sampleData.users[1]);
    expect(v2.version).toBe(2);
    expect(v2.id).not.toBe(v1.id);
    expect(v2.publishedBy?.id).toBe(sampleData.users[1].id);

    // ...version 1 still shows the data as it was published.
    const reread = await repos.snapshots.getById(v1.id);
    expect(reread?.version).toBe(1);
    expect(reread?.publishedOn).toBe(v1.publishedOn);
    expect(reread?.model).toEqual(JSON.parse(JSON.stringify(before)));
    const row = (m: ReportModel | undefined): ReportModel['services'][number]['objectives'][number] | undefined => m?.services[0].objectives.find((o) => o.id === objective.id);
    expect(row(reread?.model)?.status).toBe(updates[0].status);
    expect(row(v2.model)?.status).toBe(newStatus);
  });

  it('lists the published periods with every version', async () => {
    const periods = await repos.snapshots.publishedPeriods();
    const governance = periods.find((p) => p.periodId === '2021-22-Q4' && p.serviceId === 3);
    expect(governance?.latestVersion).toBe(2);
    expect(governance?.versions.map((v) => v.version)).toEqual([2, 1]);
    const forPeriod = await repos.snapshots.getForPeriod('2021-22-Q4');
    expect(forPeriod.map((s) => s.version)).toEqual([2, 1]);
    expect(await repos.snapshots.getForPeriod('2021-22-Q3')).toEqual([]);
  });

  it('publishes the all-services report, longer than a column holds as JSON, packed to fit', async () => {
    const data = await repos.loadInitial(['services', 'objectives', 'updates', 'benefits', 'risks', 'measures', 'highlights']);
    const all = buildReportModel(data, { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: new Date().toISOString() });
    expect(JSON.stringify(all).length).toBeGreaterThan(NOTE_MAX_LENGTH);
    const published = await repos.snapshots.publish(all);
    expect(published.model).toEqual(JSON.parse(JSON.stringify(all)));
    expect((await repos.snapshots.getById(published.id))?.model).toEqual(published.model);
    // What the column holds: the packed form, well inside the limit.
    const raw = await getSPForUrl(`${host.url}/sites/ssm`).web.lists.getByTitle(SCHEMA.snapshots.title).items.getById(published.id).select(restName(fieldDef('snapshots', 'model')))();
    const column = (raw as Record<string, string>)[restName(fieldDef('snapshots', 'model'))];
    expect(column.startsWith(`"${PACKED_MODEL_PREFIX}`)).toBe(true);
    expect(column.length).toBeLessThan(NOTE_MAX_LENGTH / 2);
  });

  it('still reads a snapshot stored as plain JSON (before packing)', async () => {
    const legacy = newSnapshot(model('2020-21-Q4'), [], editor, '2021-03-11T10:00:00Z');
    const sp = getSPForUrl(`${host.url}/sites/ssm`);
    const added = (await sp.web.lists.getByTitle(SCHEMA.snapshots.title).items.add(toItem('snapshots', { ...legacy, publishedBy: sampleData.users[0] }))) as { Id: number };
    const read = await repos.snapshots.getById(added.Id);
    expect(read?.model).toEqual(JSON.parse(JSON.stringify(legacy.model)));
  });

  it('stores a report too large for the column even when packed as a file, and reads it back whole', async () => {
    const before = (await repos.snapshots.getAll()).length;
    const huge = await liveModel();
    // Incompressible narrative (random text) makes the packed form longer than a column.
    let text = '';
    let seed = 7;
    while (text.length < 150000) {
      seed = (seed * 48271) % 2147483647;
      text += seed.toString(36);
    }
    (huge.services[0].objectives as Array<(typeof huge.services)[0]['objectives'][0]>)[0] = { ...huge.services[0].objectives[0], aim: text };
    expect(JSON.stringify(await packModel(huge)).length).toBeGreaterThan(NOTE_MAX_LENGTH);
    const published = await repos.snapshots.publish(huge);
    expect(published.integrity).toBe('verified');
    expect(published.model.services[0].objectives[0].aim).toBe(text);
    const all = await repos.snapshots.getAll();
    expect(all).toHaveLength(before + 1);
    expect(all.find((s) => s.id === published.id)?.model).toEqual(published.model);
  });
});
