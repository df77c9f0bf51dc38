/** @jest-environment jsdom */
/**
 * The benefit form's amounts as typed ("£17,000"), their conversion to a benefit, and the
 * validation messages that name the field and council (amounts non-negative, numbers only,
 * https evidence links).
 */
import type { Benefit, Service } from '../../src/domain/types';
import { benefitValues, convertBenefit, parseAmount, savingsValuesFor } from '../../src/webparts/benefitsTracker/benefitForm';

const REVS: Service = {
  id: 7,
  etag: '"1"',
  name: 'Revenues and Benefits',
  phase: 'Established',
  partnerCouncils: ['Harborough District Council', 'Hinckley and Bosworth Borough Council', 'Melton Borough Council']
};
const GOV: Service = { id: 3, etag: '"1"', name: 'Governance', phase: 'Phase 1', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] };

const stored: Benefit = {
  id: 4,
  etag: '"3"',
  title: 'Shared revenues team',
  serviceId: 7,
  category: 'Financial savings',
  originalPosition: '<p>Three teams</p>',
  achievement: '<p>One team</p>',
  whenDelivered: 'June 2022',
  deliveryStatus: 'In progress',
  realised: '',
  savings: [{ council: 'Melton Borough Council', planned: 30000, realised: 8333.5 }],
  evidenceUrl: 'https://intranet.example.gov.uk/budget.pdf'
};

describe('parseAmount', () => {
  it('accepts pounds signs, commas and spaces, and pence', () => {
    expect(parseAmount('£17,000', 0)).toBe(17000);
    expect(parseAmount(' 1 250.50 ', 0)).toBe(1250.5);
    expect(parseAmount('-5', 0)).toBe(-5);
  });

  it('gives the empty value for blank input and NaN for anything else', () => {
    expect(parseAmount('', 0)).toBe(0);
    expect(parseAmount('  ', undefined)).toBeUndefined();
    expect(parseAmount('17k', 0)).toBeNaN();
  });
});

describe('benefit form values', () => {
  it('offers a row per partner council of the service, filling in what was recorded', () => {
    const values = benefitValues(stored, [GOV, REVS]);
    expect(values.savings).toEqual([
      { council: 'Harborough District Council', planned: '', realised: '' },
      { council: 'Hinckley and Bosworth Borough Council', planned: '', realised: '' },
      { council: 'Melton Borough Council', planned: '30000', realised: '8333.5' }
    ]);
  });

  it('keeps amounts typed for a council when the service changes to one it also partners', () => {
    const typed = [{ council: 'Chorley Council', planned: '100', realised: '' }, { council: 'South Ribble Borough Council', planned: '', realised: '5' }];
    expect(savingsValuesFor(GOV, typed)).toEqual(typed);
    expect(savingsValuesFor(REVS, []).map((r) => r.council)).toEqual(REVS.partnerCouncils);
  });

  it('converts to a benefit: councils left blank are not stored, amounts are numbers, rich text is sanitised', () => {
    const values = benefitValues(stored, [GOV, REVS]);
    values.savings[0] = { ...values.savings[0], planned: '£1,500', realised: '' };
    values.realised = '<p>Saved</p><img src=x onerror="alert(1)">';
    const { model, errors } = convertBenefit(values, [GOV, REVS]);
    expect(errors).toEqual([]);
    expect(model.savings).toEqual([
      { council: 'Harborough District Council', planned: 1500, realised: 0 },
      { council: 'Melton Borough Council', planned: 30000, realised: 8333.5 }
    ]);
    expect(model.realised).toBe('<p>Saved</p>');
    expect(model.evidenceUrl).toBe('https://intranet.example.gov.uk/budget.pdf');
    expect(model.fteBefore).toBeUndefined();
  });

  it('names the field and council of a negative or non-numeric amount, on the row the form shows', () => {
    const values = benefitValues(stored, [GOV, REVS]);
    values.savings[1] = { ...values.savings[1], planned: '-250' };
    values.savings[2] = { ...values.savings[2], realised: 'lots' };
    const { errors } = convertBenefit(values, [GOV, REVS]);
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['savings[1].planned', 'Planned savings for Hinckley and Bosworth Borough Council must be zero or more.'],
      ['savings[2].realised', 'Realised savings for Melton Borough Council must be a number.']
    ]);
  });

  it('requires title, service, category and delivery status, FTE of zero or more and an https evidence link', () => {
    const values = { ...benefitValues(undefined, [GOV, REVS]), fteBefore: '-1', evidenceUrl: 'http://intranet.example.gov.uk/x.pdf' };
    const messages = convertBenefit(values, [GOV, REVS]).errors.map((e) => e.message);
    expect(messages).toEqual([
      'Benefit is required.',
      'Service is required.',
      'Category is required.',
      'Delivery status is required.',
      'FTE before must be zero or more.',
      'Evidence link must be a secure web address starting with https://.'
    ]);
  });
});
