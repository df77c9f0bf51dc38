/**
 * The shared services: phase 1 (February 2022 monitoring report), phase 2 and Shared
 * Financial Services (framework report), and a three-council Revenues and Benefits service
 * modelled on the history-of-sharing note, which proves the product is not limited to two partners.
 */
import type { Service } from '../../src/domain/types';
import { person } from './people';

/** The two councils of the phase 1 and 2 shared services. */
export const CHORLEY = 'Chorley Council';
/** The second partner of the phase 1 and 2 shared services. */
export const SOUTH_RIBBLE = 'South Ribble Borough Council';

/**
 * Partners of the Revenues and Benefits service. The note names Harborough and, among its
 * consultees, Hinckley and Bosworth; it does not name the third authority, so Melton is a
 * plausible neighbour chosen for the sample.
 */
export const REVS_BENS_PARTNERS = ['Harborough District Council', 'Hinckley and Bosworth Borough Council', 'Melton Borough Council'];

/** Service ids, named so the other sample files read clearly. */
export const SERVICE = {
  transformation: 1,
  communications: 2,
  governance: 3,
  ict: 4,
  customerServices: 5,
  financialServices: 6,
  revenuesBenefits: 7
} as const;

/** Every shared service. */
export const services: Service[] = [
  {
    id: SERVICE.transformation,
    etag: '',
    name: 'Transformation and Partnerships',
    serviceLead: person(2),
    phase: 'Phase 1',
    partnerCouncils: [CHORLEY, SOUTH_RIBBLE],
    sharedSince: '2020-04-01'
  },
  {
    id: SERVICE.communications,
    etag: '',
    name: 'Communications and Visitor Economy',
    serviceLead: person(6),
    phase: 'Phase 1',
    partnerCouncils: [CHORLEY, SOUTH_RIBBLE],
    sharedSince: '2020-04-01'
  },
  {
    id: SERVICE.governance,
    etag: '',
    name: 'Governance',
    serviceLead: person(9),
    phase: 'Phase 1',
    partnerCouncils: [CHORLEY, SOUTH_RIBBLE],
    sharedSince: '2020-04-01'
  },
  {
    id: SERVICE.ict,
    etag: '',
    name: 'ICT',
    serviceLead: person(12),
    phase: 'Phase 2',
    partnerCouncils: [CHORLEY, SOUTH_RIBBLE],
    // The framework report expects the ICT review to be implemented in Q3 2021/22.
    sharedSince: '2021-10-01'
  },
  {
    id: SERVICE.customerServices,
    etag: '',
    name: 'Customer Services',
    serviceLead: person(14),
    phase: 'Phase 2',
    partnerCouncils: [CHORLEY, SOUTH_RIBBLE],
    // ... and the Customer Services review in Q4 2021/22.
    sharedSince: '2022-01-04'
  },
  {
    id: SERVICE.financialServices,
    etag: '',
    name: 'Shared Financial Services',
    serviceLead: person(15),
    phase: 'Established',
    partnerCouncils: [CHORLEY, SOUTH_RIBBLE],
    sharedSince: '2012-04-01'
  },
  {
    id: SERVICE.revenuesBenefits,
    etag: '',
    name: 'Revenues and Benefits',
    serviceLead: person(16),
    phase: 'Established',
    partnerCouncils: [...REVS_BENS_PARTNERS],
    // The August 2011 note calls the service "only recently implemented".
    sharedSince: '2011-04-01'
  }
];
