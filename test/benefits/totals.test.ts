/**
 * Savings totals per council, per service and overall (planned against realised), grouping by
 * category, filtering and FTE change: the figures the joint committee relies on.
 */
import {
  benefitSavings,
  chartServices,
  councilTotals,
  filterBenefits,
  fteChange,
  groupByCategory,
  savingsRowsFor,
  savingsSummary
} from '../../src/domain/benefits';
import type { Benefit, CouncilSaving, Service } from '../../src/domain/types';
import { sampleData } from '../../local/sample-data';

const HARBOROUGH = 'Harborough District Council';
const HINCKLEY = 'Hinckley and Bosworth Borough Council';
const MELTON = 'Melton Borough Council';
const CHORLEY = 'Chorley Council';
const SOUTH_RIBBLE = 'South Ribble Borough Council';

const service = (id: number, name: string, partnerCouncils: string[]): Service => ({ id, etag: '"1"', name, phase: 'Phase 1', partnerCouncils });

let nextId = 1;
function benefit(serviceId: number, savings: CouncilSaving[], extra: Partial<Benefit> = {}): Benefit {
  return {
    id: nextId++,
    etag: '"1"',
    title: `Benefit ${nextId}`,
    serviceId,
    category: 'Financial savings',
    originalPosition: '',
    achievement: '',
    whenDelivered: '',
    deliveryStatus: 'Achieved',
    realised: '',
    savings,
    ...extra
  };
}

const REVS = service(7, 'Revenues and Benefits', [HARBOROUGH, HINCKLEY, MELTON]);
const GOVERNANCE = service(3, 'Governance', [CHORLEY, SOUTH_RIBBLE]);

describe('savings totals with three partner councils', () => {
  const benefits = [
    benefit(7, [
      { council: HARBOROUGH, planned: 30000, realised: 8334 },
      { council: HINCKLEY, planned: 30000, realised: 8333 },
      { council: MELTON, planned: 30000, realised: 8333 }
    ]),
    // A second benefit in which only two of the three councils save.
    benefit(7, [
      { council: HARBOROUGH, planned: 1500.5, realised: 1000 },
      { council: MELTON, planned: 2500, realised: 0 }
    ]),
    benefit(3, [
      { council: CHORLEY, planned: 17000, realised: 17000 },
      { council: SOUTH_RIBBLE, planned: 17000, realised: 8500 }
    ])
  ];

  it('totals each council of the three-council service, listing a partner with no savings in a benefit', () => {
    expect(councilTotals(benefits.slice(0, 2), REVS.partnerCouncils)).toEqual([
      { council: HARBOROUGH, planned: 31500.5, realised: 9334 },
      { council: HINCKLEY, planned: 30000, realised: 8333 },
      { council: MELTON, planned: 32500, realised: 8333 }
    ]);
  });

  it('totals per service (with its own partners), per council across services and overall', () => {
    const summary = savingsSummary(benefits, [GOVERNANCE, REVS]);
    expect(summary.byService.map((s) => [s.serviceName, s.planned, s.realised])).toEqual([
      ['Governance', 34000, 25500],
      ['Revenues and Benefits', 94000.5, 26000]
    ]);
    expect(summary.byService[1].byCouncil.map((c) => c.council)).toEqual([HARBOROUGH, HINCKLEY, MELTON]);
    expect(summary.byService[0].byCouncil).toEqual([
      { council: CHORLEY, planned: 17000, realised: 17000 },
      { council: SOUTH_RIBBLE, planned: 17000, realised: 8500 }
    ]);
    expect(summary.byCouncil.map((c) => c.council)).toEqual([CHORLEY, SOUTH_RIBBLE, HARBOROUGH, HINCKLEY, MELTON]);
    expect(summary.overall).toEqual({ planned: 128000.5, realised: 51500 });
  });

  it('charts only services with savings, in service order', () => {
    const empty = service(9, 'ICT', [CHORLEY, SOUTH_RIBBLE]);
    const summary = savingsSummary(benefits, [GOVERNANCE, empty, REVS]);
    expect(chartServices(summary).map((s) => s.serviceName)).toEqual(['Governance', 'Revenues and Benefits']);
  });

  it('adds in whole pence, so pounds and pence never drift', () => {
    const pennies = [benefit(3, [{ council: CHORLEY, planned: 0.1, realised: 0.1 }]), benefit(3, [{ council: CHORLEY, planned: 0.2, realised: 0.7 }])];
    expect(councilTotals(pennies)).toEqual([{ council: CHORLEY, planned: 0.3, realised: 0.8 }]);
    expect(benefitSavings({ savings: [{ council: CHORLEY, planned: 19.99, realised: 0.07 }, { council: SOUTH_RIBBLE, planned: 0.01, realised: 0.14 }] })).toEqual({
      planned: 20,
      realised: 0.21
    });
  });

  it('counts the same council however its name was typed, and keeps councils that are not partners', () => {
    const typed = [benefit(3, [{ council: ' chorley council ', planned: 10, realised: 5 }, { council: 'Preston City Council', planned: 1, realised: 1 }])];
    expect(councilTotals(typed, GOVERNANCE.partnerCouncils)).toEqual([
      { council: CHORLEY, planned: 10, realised: 5 },
      { council: SOUTH_RIBBLE, planned: 0, realised: 0 },
      { council: 'Preston City Council', planned: 1, realised: 1 }
    ]);
  });

  it('still counts a benefit whose service is missing in the council and overall totals', () => {
    const orphan = benefit(99, [{ council: CHORLEY, planned: 500, realised: 250 }]);
    const summary = savingsSummary([orphan], [GOVERNANCE]);
    expect(summary.byService[0].planned).toBe(0);
    expect(summary.overall).toEqual({ planned: 500, realised: 250 });
  });

  it('agrees with the sample data: the Revenues and Benefits service has three partners and its shares add up', () => {
    const revs = sampleData.services.find((s) => s.partnerCouncils.length === 3);
    expect(revs?.name).toBe('Revenues and Benefits');
    const summary = savingsSummary(sampleData.benefits, sampleData.services);
    const line = summary.byService.find((s) => s.serviceId === revs?.id);
    expect(line?.byCouncil).toHaveLength(3);
    // The note: about £25,000 saved in the first year, £90,000 forecast.
    expect(line?.realised).toBe(25000);
    expect(line?.planned).toBe(90000);
    const sumOfServices = summary.byService.reduce((sum, s) => sum + s.realised, 0);
    expect(summary.overall.realised).toBe(sumOfServices);
  });
});

describe('grouping, filtering and FTE', () => {
  const capacity = benefit(3, [], { category: 'Resilience and capacity', deliveryStatus: 'In progress', fteBefore: 7.2, fteAfter: 11.4 });
  const staff = benefit(7, [], { category: 'Staff development', deliveryStatus: 'Planned' });
  const money = benefit(3, [{ council: CHORLEY, planned: 1, realised: 0 }]);

  it('groups into the four categories of the business case in their order, keeping empty ones', () => {
    const groups = groupByCategory([staff, capacity, money]);
    expect(groups.map((g) => g.category)).toEqual(['Financial savings', 'Resilience and capacity', 'Service development', 'Staff development']);
    expect(groups.map((g) => g.benefits.map((b) => b.id))).toEqual([[money.id], [capacity.id], [], [staff.id]]);
  });

  it('filters by service, category and delivery status together', () => {
    const all = [capacity, staff, money];
    expect(filterBenefits(all, {}).length).toBe(3);
    expect(filterBenefits(all, { serviceId: 3 }).map((b) => b.id)).toEqual([capacity.id, money.id]);
    expect(filterBenefits(all, { serviceId: 3, deliveryStatus: 'In progress' }).map((b) => b.id)).toEqual([capacity.id]);
    expect(filterBenefits(all, { category: 'Staff development', serviceId: 3 })).toEqual([]);
  });

  it('works out the FTE change only when both figures are recorded', () => {
    expect(fteChange({ fteBefore: 3, fteAfter: 1.5 })).toBe(1.5);
    expect(fteChange({ fteBefore: 7.2, fteAfter: 11.4 })).toBe(-4.2);
    expect(fteChange({ fteAfter: 4.3 })).toBeUndefined();
  });

  it('offers one savings row per partner council, keeping recorded amounts and former partners', () => {
    const rows = savingsRowsFor(REVS, [
      { council: 'melton borough council', planned: 5, realised: 2 },
      { council: 'Rutland County Council', planned: 1, realised: 1 }
    ]);
    expect(rows).toEqual([
      { council: HARBOROUGH, planned: 0, realised: 0 },
      { council: HINCKLEY, planned: 0, realised: 0 },
      { council: MELTON, planned: 5, realised: 2 },
      { council: 'Rutland County Council', planned: 1, realised: 1 }
    ]);
  });
});
