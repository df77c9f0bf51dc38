/** Builders of reminder test data: services, officers and their objectives. */
import type { Measure, Objective, ObjectiveUpdate, Person, Risk, Service } from '../../../src/domain/types';

export const person = (id: number, name = `Officer ${id}`, email = `officer${id}@example.gov.uk`): Person => ({ id, displayName: name, email });

export function service(id: number, lead?: Person, name = `Service ${id}`): Service {
  return { id, etag: '"1"', name, serviceLead: lead, phase: 'Established', partnerCouncils: ['Chorley', 'South Ribble'] };
}

export function objective(id: number, officer: Person | undefined, extra: Partial<Objective> = {}): Objective {
  return { id, etag: '"1"', title: `Objective ${id}`, aim: '', serviceId: 1, status: 'In progress', rag: 'Green', responsibleOfficer: officer, ...extra };
}

export function update(id: number, objectiveId: number, periodId: string): ObjectiveUpdate {
  return { id, etag: '"1"', objectiveId, periodId, narrative: '<p>Done</p>', status: 'In progress', rag: 'Green', updatedOn: '2022-03-01T09:00:00Z' };
}

export function risk(id: number, owner: Person | undefined, extra: Partial<Risk> = {}): Risk {
  return {
    id,
    etag: '"1"',
    title: `Risk ${id}`,
    serviceId: 1,
    causeEffect: '',
    owner,
    inherentLikelihood: 3,
    inherentImpact: 3,
    residualLikelihood: 2,
    residualImpact: 2,
    controls: '',
    status: 'Open',
    ...extra
  };
}

export function measure(id: number, serviceId: number, actuals: Record<string, number> = {}): Measure {
  return { id, etag: '"1"', title: `Measure ${id}`, serviceId, unit: '%', target: 90, direction: 'Higher is better', actuals };
}

/** `n` officers, each responsible for one open objective of service 1 (led by a separate lead). */
export function manyOfficers(n: number): { services: Service[]; objectives: Objective[]; officers: Person[]; lead: Person } {
  const lead = person(100000, 'Service Lead', 'lead@example.gov.uk');
  const officers = Array.from({ length: n }, (_, i) => person(i + 1));
  return { services: [service(1, lead)], objectives: officers.map((o, i) => objective(i + 1, o)), officers, lead };
}
