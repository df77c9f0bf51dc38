/**
 * The annual review registers: the local host seeds the best practice and lessons learned
 * sample rows into lists made from the schema, and the PnPjs repositories read and write them.
 */
import { startLocalHost } from '../../local/host/server';
import { sampleData } from '../../local/sample-data';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { LESSON_CATEGORIES } from '../../src/domain/vocabularies';

type Host = Awaited<ReturnType<typeof startLocalHost>>;
let host: Host;

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true });
});

afterAll(async () => {
  await host?.close();
});

it('seeds both registers and round-trips a new lesson', async () => {
  const repos = createPnpRepositories(getSPForUrl(`${host.url}/sites/ssm`));
  const practice = await repos.bestPractice.getAll();
  expect(practice).toHaveLength(sampleData.bestPractice?.length ?? -1);
  // Both directions of the appendix are there, and councils are data.
  expect(new Set(practice.map((p) => `${p.fromCouncil} to ${p.toCouncil}`))).toEqual(
    new Set(['South Ribble Borough Council to Chorley Council', 'Chorley Council to South Ribble Borough Council'])
  );
  const lessons = await repos.lessonsLearned.getAll();
  expect(lessons).toHaveLength(sampleData.lessonsLearned?.length ?? -1);
  expect(lessons.every((l) => (LESSON_CATEGORIES as readonly string[]).indexOf(l.category) >= 0)).toBe(true);

  const added = await repos.lessonsLearned.add({ title: 'Plan the exit', lesson: '<p>Agree how a partner leaves.</p>', category: 'Exit strategy' });
  expect(await repos.lessonsLearned.getById(added.id)).toMatchObject({ title: 'Plan the exit', category: 'Exit strategy', lesson: '<p>Agree how a partner leaves.</p>' });
  expect(added.serviceId).toBeUndefined();
});
