/**
 * Checks shared by the sample data and generator tests: every reference resolves, and every
 * objective agrees with its latest update. Each returns a list of problems so a failure says
 * exactly which item is wrong.
 */
import { comparePeriodIds } from '../../src/domain/calendar';
import type { ObjectiveUpdate, Person } from '../../src/domain/types';
import type { SampleData } from '../../local/sample-data/types';

/** Problems with references between lists (service, objective and person ids). */
export function referenceProblems(data: SampleData): string[] {
  const problems: string[] = [];
  const users = new Map(data.users.map((u) => [u.id, u]));
  const serviceIds = new Set(data.services.map((s) => s.id));
  const objectiveIds = new Set(data.objectives.map((o) => o.id));
  const checkPerson = (where: string, person: Person | undefined, required: boolean): void => {
    if (!person) {
      if (required) problems.push(`${where}: no person`);
      return;
    }
    const user = users.get(person.id);
    if (!user) problems.push(`${where}: user ${person.id} does not exist`);
    else if (user.displayName !== person.displayName || user.email !== person.email) problems.push(`${where}: person ${person.id} differs from the site user`);
  };
  const checkService = (where: string, id: number | undefined, required: boolean): void => {
    if (id === undefined) {
      if (required) problems.push(`${where}: no service`);
    } else if (!serviceIds.has(id)) problems.push(`${where}: service ${id} does not exist`);
  };
  data.services.forEach((s) => checkPerson(`service ${s.id} lead`, s.serviceLead, true));
  data.objectives.forEach((o) => {
    checkService(`objective ${o.id}`, o.serviceId, true);
    checkPerson(`objective ${o.id} officer`, o.responsibleOfficer, true);
  });
  data.objectiveUpdates.forEach((u) => {
    if (!objectiveIds.has(u.objectiveId)) problems.push(`update ${u.id}: objective ${u.objectiveId} does not exist`);
    checkPerson(`update ${u.id} author`, u.author, true);
  });
  data.benefits.forEach((b) => checkService(`benefit ${b.id}`, b.serviceId, true));
  data.risks.forEach((r) => {
    checkService(`risk ${r.id}`, r.serviceId, false);
    checkPerson(`risk ${r.id} owner`, r.owner, true);
  });
  data.measures.forEach((m) => checkService(`measure ${m.id}`, m.serviceId, true));
  data.highlights.forEach((h) => checkService(`highlight ${h.id}`, h.serviceId, true));
  return problems;
}

/** Problems with ids: each list numbered 1..n in order, with empty etags. */
export function idProblems(data: SampleData): string[] {
  const problems: string[] = [];
  for (const [name, list] of Object.entries(data) as [string, Array<{ id: number; etag?: string }>][]) {
    // The directory holds people, not list items: they get an id when ensureuser adds them.
    if (name === 'directory') continue;
    list.forEach((item, i) => {
      if (item.id !== i + 1) problems.push(`${name}[${i}] has id ${item.id}, expected ${i + 1}`);
      if (name !== 'users' && item.etag !== '') problems.push(`${name} ${item.id} has etag "${String(item.etag)}"`);
    });
  }
  return problems;
}

/** Updates grouped by objective id, oldest period first. */
export function updatesByObjective(updates: readonly ObjectiveUpdate[]): Map<number, ObjectiveUpdate[]> {
  const map = new Map<number, ObjectiveUpdate[]>();
  for (const u of updates) {
    const list = map.get(u.objectiveId) ?? [];
    list.push(u);
    map.set(u.objectiveId, list);
  }
  map.forEach((list) => list.sort((a, b) => comparePeriodIds(a.periodId, b.periodId)));
  return map;
}

/** Objectives whose status, RAG or last update period disagrees with their latest update. */
export function latestUpdateProblems(data: SampleData): string[] {
  const problems: string[] = [];
  const byObjective = updatesByObjective(data.objectiveUpdates);
  for (const o of data.objectives) {
    const list = byObjective.get(o.id) ?? [];
    const latest = list[list.length - 1];
    if (!latest) {
      if (o.lastUpdatePeriodId !== undefined) problems.push(`objective ${o.id} names a last update period but has no updates`);
      continue;
    }
    if (latest.status !== o.status) problems.push(`objective ${o.id}: status ${o.status}, latest update ${latest.status}`);
    if (latest.rag !== o.rag) problems.push(`objective ${o.id}: RAG ${o.rag}, latest update ${latest.rag}`);
    if (latest.periodId !== o.lastUpdatePeriodId) problems.push(`objective ${o.id}: last period ${String(o.lastUpdatePeriodId)}, latest update ${latest.periodId}`);
  }
  return problems;
}
