/**
 * The partner-council filter and free-text search of the benefits tracker and risk register.
 */
import { filterBenefits } from '../../src/domain/benefits';
import { partnerCouncilsOf } from '../../src/domain/search';
import type { Benefit, Risk, Service } from '../../src/domain/types';
import { filterRisks } from '../../src/webparts/riskRegister/riskMatrix';

const SERVICES: Service[] = [
  { id: 1, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] },
  { id: 2, etag: '"1"', name: 'Revenues and Benefits', phase: 'Phase 1', partnerCouncils: ['Harborough District Council', 'Melton Borough Council'] }
];

function benefit(id: number, serviceId: number, title: string, extra: Partial<Benefit> = {}): Benefit {
  return {
    id,
    etag: '"1"',
    title,
    serviceId,
    category: 'Financial savings',
    originalPosition: '<p>Two contracts</p>',
    achievement: '<p>One <strong>shared</strong> contract</p>',
    whenDelivered: 'April 2022',
    deliveryStatus: 'In progress',
    realised: '',
    savings: [],
    ...extra
  } as Benefit;
}

function risk(id: number, serviceId: number | undefined, title: string, extra: Partial<Risk> = {}): Risk {
  return {
    id,
    etag: '"1"',
    title,
    serviceId,
    causeEffect: '<p>Cause</p>',
    inherentLikelihood: 3,
    inherentImpact: 3,
    residualLikelihood: 2,
    residualImpact: 2,
    controls: '<ul><li>Monthly board</li></ul>',
    status: 'Open',
    ...extra
  } as Risk;
}

describe('partner councils', () => {
  it('lists every partner council of the services once, by name', () => {
    expect(partnerCouncilsOf(SERVICES)).toEqual(['Chorley Council', 'Harborough District Council', 'Melton Borough Council', 'South Ribble Borough Council']);
  });
});

describe('benefits: partner council and search', () => {
  const benefits = [
    benefit(1, 1, 'Single ICT contract'),
    benefit(2, 2, 'Shared benefits team', { savings: [{ council: 'Melton Borough Council', planned: 100, realised: 0 }] }),
    // Savings recorded for a council whose service list does not name it still count for that council.
    benefit(3, 2, 'Joint print room', { savings: [{ council: 'Chorley Council', planned: 50, realised: 50 }] })
  ];

  it('keeps the benefits of services the council shares, and those with savings for it', () => {
    expect(filterBenefits(benefits, { council: 'Chorley Council' }, SERVICES).map((b) => b.id)).toEqual([1, 3]);
    expect(filterBenefits(benefits, { council: 'Melton Borough Council' }, SERVICES).map((b) => b.id)).toEqual([2, 3]);
  });

  it('matches every word of the search in the title, the descriptions (not their markup) or the service', () => {
    expect(filterBenefits(benefits, { search: 'ict' }, SERVICES).map((b) => b.id)).toEqual([1]);
    expect(filterBenefits(benefits, { search: 'revenues print' }, SERVICES).map((b) => b.id)).toEqual([3]);
    expect(filterBenefits(benefits, { search: 'SHARED contract' }, SERVICES).map((b) => b.id)).toEqual([1, 2, 3]);
    expect(filterBenefits(benefits, { search: 'strong' }, SERVICES)).toEqual([]);
    expect(filterBenefits(benefits, { search: '  ' }, SERVICES)).toHaveLength(3);
  });
});

describe('risks: partner council and search', () => {
  const risks = [
    risk(1, 1, 'Network migration slips', { owner: { id: 9, displayName: 'Craig Holden', email: 'c@example.gov.uk' } }),
    risk(2, 2, 'Benefit claims backlog'),
    risk(3, undefined, 'Loss of key staff', { controls: '<p>Café-style listening sessions</p>' })
  ];

  it('keeps the risks of services the council shares, and programme-wide risks, which every partner shares', () => {
    expect(filterRisks(risks, { basis: 'residual', council: 'South Ribble Borough Council' }, '2022-03-31', SERVICES).map((r) => r.id)).toEqual([1, 3]);
    expect(filterRisks(risks, { basis: 'residual', council: 'Harborough District Council' }, '2022-03-31', SERVICES).map((r) => r.id)).toEqual([2, 3]);
  });

  it('searches title, owner, controls and service, ignoring case and accents', () => {
    expect(filterRisks(risks, { basis: 'residual', search: 'holden' }, '2022-03-31', SERVICES).map((r) => r.id)).toEqual([1]);
    expect(filterRisks(risks, { basis: 'residual', search: 'cafe listening' }, '2022-03-31', SERVICES).map((r) => r.id)).toEqual([3]);
    expect(filterRisks(risks, { basis: 'residual', search: 'revenues backlog' }, '2022-03-31', SERVICES).map((r) => r.id)).toEqual([2]);
  });
});
