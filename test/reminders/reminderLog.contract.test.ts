/**
 * The reminder log's claim against a real list, over HTTP: the local host by default, or a real
 * site (docs/testing-on-a-tenant.md). A run claims an officer's reminder by adding the entry with
 * its unique key; a second claim of the same key, in any letter case, is refused as SharePoint's
 * unique column refuses it, so two runs never mail the same officer twice.
 */
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ConflictError, DuplicateValueError } from '../../src/data/errors';
import type { Repositories } from '../../src/data/repositories';
import { ContractTarget, openTarget } from '../data/support/target';

let target: ContractTarget;
let repos: Repositories;

beforeAll(async () => {
  target = await openTarget({ seed: true });
  repos = createPnpRepositories(target.sp());
});

afterAll(async () => {
  await target?.close();
});

const entry = (key: string) => ({ key, officerEmail: 'officer1@example.gov.uk', periodId: '2021-22-Q4', round: 1, status: 'Pending' as const, attemptedOn: '2022-03-01T08:00:00Z' });

it('refuses a second claim of the same key, in one $batch or alone, and keeps one entry', async () => {
  const key = `officer1@example.gov.uk|2021-22-Q4|${Date.now()}`;
  await repos.reminderLog.add(entry(key));
  const outcomes = await repos.reminderLog.saveMany([{ add: entry(key) }, { add: entry(key.toUpperCase()) }]);
  expect(outcomes.map((o) => (o.ok ? 'ok' : (o.error as Error).name))).toEqual(['DuplicateValueError', 'DuplicateValueError']);
  await expect(repos.reminderLog.add(entry(key))).rejects.toBeInstanceOf(DuplicateValueError);
  expect((await repos.reminderLog.getForKeys([key])).map((e) => e.key)).toEqual([key]);
});

it('moves a claimed entry on with its etag, and refuses a stale one', async () => {
  const added = await repos.reminderLog.add(entry(`officer2@example.gov.uk|2021-22-Q4|${Date.now()}`));
  const sent = await repos.reminderLog.update({ id: added.id, etag: added.etag, status: 'Sent', detail: 'message-id-1' });
  expect(sent.status).toBe('Sent');
  await expect(repos.reminderLog.update({ id: added.id, etag: added.etag, status: 'Failed' })).rejects.toBeInstanceOf(ConflictError);
  expect((await repos.reminderLog.getById(added.id))?.status).toBe('Sent');
});
