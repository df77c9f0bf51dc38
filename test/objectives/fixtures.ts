/**
 * Data and fake repositories for the objectives tracker tests: two services, objectives of the
 * signed-in officer and of someone else, and a history of quarterly updates. Today is fixed at
 * 1 March 2022, so the period being updated is Q4 2021/22 (deadline 10 March 2022).
 */
import type { Objective, ObjectiveUpdate, Person, Service } from '../../src/domain/types';
import type { Repositories } from '../../src/data/repositories';
import { FakeSeed, FakeRepositories, fakeRepositories } from '../components/fakeRepositories';

export const TODAY = '2022-03-01';
export const PERIOD = '2021-22-Q4';

export const ME: Person = { id: 1, displayName: 'Test Officer', email: 'officer@council.example.gov.uk' };
export const OTHER: Person = { id: 5, displayName: 'Alex Example', email: 'alex@chorley.example.gov.uk' };

export const service = (id: number, name: string): Service => ({
  id,
  etag: '"1"',
  name,
  phase: 'Phase 1',
  partnerCouncils: ['Chorley Council', 'South Ribble Borough Council']
});

export const objective = (id: number, serviceId: number, title: string, extra: Partial<Objective> = {}): Objective => ({
  id,
  etag: '"1"',
  title,
  aim: `<p>Aim of ${title}</p>`,
  serviceId,
  status: 'In progress',
  rag: 'Amber',
  ...extra
});

export const update = (id: number, objectiveId: number, periodId: string, narrative: string, updatedOn: string, extra: Partial<ObjectiveUpdate> = {}): ObjectiveUpdate => ({
  id,
  etag: '"1"',
  objectiveId,
  periodId,
  narrative,
  status: 'In progress',
  rag: 'Amber',
  author: ME,
  updatedOn,
  ...extra
});

/** A fresh seed each call: the fake repositories mutate their arrays. */
export function seed(): FakeSeed {
  return {
    services: [service(1, 'Transformation and Partnerships'), service(2, 'Governance')],
    objectives: [
      objective(10, 1, 'Develop a shared digital strategy', { responsibleOfficer: ME, lastUpdatePeriodId: '2021-22-Q3', targetDate: '2022-12-31' }),
      objective(11, 2, 'Align the constitutions of both councils', { responsibleOfficer: OTHER, rag: 'Red' }),
      objective(12, 1, 'Closed objective of mine', { responsibleOfficer: ME, status: 'Complete', rag: 'Green' }),
      objective(13, 2, 'Shared governance training', { responsibleOfficer: ME })
    ],
    updates: [
      update(100, 10, '2021-22-Q2', '<p>Second quarter progress</p>', '2021-09-08T10:00:00Z'),
      update(101, 10, '2021-22-Q3', '<p>Third quarter progress</p>', '2021-12-08T10:00:00Z'),
      update(102, 11, '2021-22-Q3', '<p>Constitution work</p>', '2021-12-09T10:00:00Z', { author: OTHER })
    ]
  };
}

/** Fake repositories as the officer (or, with canEdit false, an auditor). */
export function repositoriesFor(data: FakeSeed, options: { canEdit?: boolean; canManage?: boolean; me?: Person } = {}): FakeRepositories & Repositories {
  const repos = fakeRepositories(data) as FakeRepositories & Repositories;
  repos.currentUser = async () => options.me ?? ME;
  repos.canEdit = async () => options.canEdit ?? true;
  repos.canManage = async () => options.canManage ?? options.canEdit ?? true;
  // The shared fake's reminder log forgets by period; read what was logged, as SharePoint does.
  const log = repos.reminderLog;
  log.getForPeriod = async (periodId) => (await log.getAll()).filter((e) => e.periodId === periodId);
  return repos;
}

/** An in-memory Storage. */
export function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k: string) => (map.has(k) ? (map.get(k) as string) : null),
    key: (i: number) => Array.from(map.keys())[i] ?? null,
    removeItem: (k: string) => {
      map.delete(k);
    },
    setItem: (k: string, v: string) => {
      map.set(k, String(v));
    }
  };
}
