/**
 * Business plan measures for each service with 2021/22 quarterly actuals. The reports name
 * no KPIs, so these are typical council measures with invented but plausible figures; a
 * service shared part way through the year has actuals only from when it went live.
 */
import type { Measure } from '../../src/domain/types';
import type { MeasureDirection } from '../../src/domain/vocabularies';
import { PERIOD } from './periods';
import { SERVICE } from './services';

type Row = [serviceId: number, title: string, unit: string, target: number, direction: MeasureDirection, actuals: Record<string, number>];

const HIGHER: MeasureDirection = 'Higher is better';
const LOWER: MeasureDirection = 'Lower is better';
const { q1, q2, q3, q4 } = PERIOD;

const rows: Row[] = [
  [SERVICE.transformation, 'Corporate performance indicators on or above target', '%', 80, HIGHER, { [q1]: 74, [q2]: 78, [q3]: 81, [q4]: 83 }],
  [SERVICE.transformation, 'Corporate strategy projects rated green', '%', 75, HIGHER, { [q1]: 70, [q2]: 72, [q3]: 68, [q4]: 77 }],
  [SERVICE.transformation, 'Working days lost to sickness per FTE (quarter)', 'days', 2.2, LOWER, { [q1]: 2.6, [q2]: 2.4, [q3]: 2.5, [q4]: 2.1 }],
  [SERVICE.communications, 'Social media engagement rate', '%', 4, HIGHER, { [q1]: 3.6, [q2]: 4.1, [q3]: 4.4, [q4]: 4.2 }],
  [SERVICE.communications, 'Attendance at council events', 'visitors', 15000, HIGHER, { [q1]: 4200, [q2]: 21500, [q3]: 16800, [q4]: 3900 }],
  [SERVICE.communications, 'Visitors to museums and heritage sites', 'visitors', 5000, HIGHER, { [q1]: 3100, [q2]: 5400, [q3]: 4700, [q4]: 3800 }],
  [SERVICE.governance, 'Freedom of information requests answered within 20 working days', '%', 90, HIGHER, { [q1]: 86, [q2]: 91, [q3]: 93, [q4]: 89 }],
  [SERVICE.governance, 'Audit plan completed (cumulative)', '%', 90, HIGHER, { [q1]: 18, [q2]: 41, [q3]: 63, [q4]: 88 }],
  [SERVICE.governance, 'Average time to return land charges searches', 'days', 10, LOWER, { [q1]: 12, [q2]: 11, [q3]: 9, [q4]: 8 }],
  [SERVICE.ict, 'Service desk calls resolved at first contact', '%', 70, HIGHER, { [q3]: 64, [q4]: 71 }],
  [SERVICE.ict, 'Availability of core systems', '%', 99.5, HIGHER, { [q3]: 99.7, [q4]: 99.2 }],
  [SERVICE.customerServices, 'Calls answered within 60 seconds', '%', 80, HIGHER, { [q4]: 72 }],
  [SERVICE.customerServices, 'Enquiries resolved at first point of contact', '%', 85, HIGHER, { [q4]: 87 }],
  // The quarter's telephony figures are not in yet: the service lead (a workbench persona) still owes this actual.
  [SERVICE.customerServices, 'Average call waiting time', 'seconds', 90, LOWER, {}],
  [SERVICE.financialServices, 'Undisputed invoices paid within 30 days', '%', 95, HIGHER, { [q1]: 96.1, [q2]: 95.4, [q3]: 93.8, [q4]: 96.5 }],
  [SERVICE.financialServices, 'Budget monitoring reports issued on time', '%', 100, HIGHER, { [q1]: 100, [q2]: 100, [q3]: 100, [q4]: 100 }],
  [SERVICE.revenuesBenefits, 'Average days to process new benefit claims', 'days', 20, LOWER, { [q1]: 23, [q2]: 26, [q3]: 21, [q4]: 18 }],
  [SERVICE.revenuesBenefits, 'Average days to process changes of circumstances', 'days', 8, LOWER, { [q1]: 9, [q2]: 10, [q3]: 8, [q4]: 6 }],
  [SERVICE.revenuesBenefits, 'Council tax collected in year (cumulative)', '%', 97.5, HIGHER, { [q1]: 29.4, [q2]: 56.8, [q3]: 84.1, [q4]: 97.2 }]
];

/** Every measure. */
export const measures: Measure[] = rows.map(([serviceId, title, unit, target, direction, actuals], i) => ({
  id: i + 1,
  etag: '',
  title,
  serviceId,
  unit,
  target,
  direction,
  actuals
}));
