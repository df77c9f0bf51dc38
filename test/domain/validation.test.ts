import { DEFAULT_MESSAGES, formatMessage, mergeMessages } from '../../src/domain/messages';
import type { Benefit, Highlight, Measure, Objective, ObjectiveUpdate, Risk, Service } from '../../src/domain/types';
import {
  Draft,
  ValidationError,
  ValidationFailedError,
  assertValid,
  isBlankHtml,
  validateBenefit,
  validateHighlight,
  validateMeasure,
  validateObjective,
  riskWarnings,
  validateObjectiveUpdate,
  validateRisk,
  validateService
} from '../../src/domain/validation';

const officer = { id: 7, displayName: 'Jo Bloggs', email: 'jo.bloggs@chorley.gov.uk' };

const codes = (errors: ValidationError[]): string[] => errors.map((e) => `${e.field}:${e.code}`);

describe('validateService', () => {
  const valid: Draft<Service> = { name: 'Governance', phase: 'Phase 1', partnerCouncils: ['Chorley', 'South Ribble'] };

  it('accepts a service with a name and two partner councils', () => {
    expect(validateService(valid)).toEqual([]);
  });

  it('accepts three partner councils', () => {
    expect(validateService({ ...valid, partnerCouncils: ['Chorley', 'South Ribble', 'Preston'] })).toEqual([]);
  });

  it('requires a name, in the words the user sees', () => {
    const [error] = validateService({ ...valid, name: '   ' });
    expect(error).toEqual({ field: 'name', code: 'required', label: 'Service name', message: 'Service name is required.' });
  });

  it('requires at least two distinct partner councils', () => {
    expect(codes(validateService({ ...valid, partnerCouncils: ['Chorley'] }))).toEqual(['partnerCouncils:tooFewPartners']);
    expect(codes(validateService({ ...valid, partnerCouncils: [] }))).toEqual(['partnerCouncils:tooFewPartners']);
    expect(codes(validateService({ ...valid, partnerCouncils: ['Chorley', ' ', ''] }))).toEqual(['partnerCouncils:tooFewPartners']);
  });

  it('treats the same council written differently as a duplicate', () => {
    const errors = validateService({ ...valid, partnerCouncils: ['Chorley', ' chorley '] });
    expect(codes(errors)).toEqual(['partnerCouncils:duplicateValue', 'partnerCouncils:tooFewPartners']);
    expect(errors[0].message).toBe('Partner councils includes chorley more than once.');
  });

  it('rejects an unknown phase and an impossible date', () => {
    expect(codes(validateService({ ...valid, phase: 'Phase 9' as Service['phase'], sharedSince: '2020-02-30' }))).toEqual([
      'phase:notInList',
      'sharedSince:invalidDate'
    ]);
  });
});

describe('validateObjective', () => {
  const valid: Draft<Objective> = {
    title: 'Deliver a shared HR operating model',
    aim: '<p>A modern HR function</p>',
    serviceId: 1,
    status: 'In progress',
    rag: 'Green',
    responsibleOfficer: officer,
    targetDate: '2022-12-31'
  };

  it('accepts a complete objective', () => {
    expect(validateObjective(valid)).toEqual([]);
  });

  it('names the field as in the report when the description is missing', () => {
    const errors = validateObjective({ ...valid, title: '' });
    expect(errors.map((e) => e.message)).toEqual(['Description of the objective is required.']);
  });

  it('requires service and responsible officer', () => {
    expect(codes(validateObjective({ ...valid, serviceId: undefined, responsibleOfficer: undefined }))).toEqual([
      'serviceId:required',
      'responsibleOfficer:required'
    ]);
  });

  it('limits the description to 255 characters', () => {
    expect(validateObjective({ ...valid, title: 'x'.repeat(255) })).toEqual([]);
    const errors = validateObjective({ ...valid, title: 'x'.repeat(256) });
    expect(errors.map((e) => e.message)).toEqual(['Description of the objective must be 255 characters or fewer.']);
  });

  it('rejects a status or RAG outside the vocabulary', () => {
    const errors = validateObjective({ ...valid, status: 'Done' as Objective['status'], rag: 'Blue' as Objective['rag'] });
    expect(codes(errors)).toEqual(['status:notInList', 'rag:notInList']);
    expect(errors[1].message).toBe('RAG rating must be one of: Red, Amber, Green, Not rated.');
  });

  it('requires a future target date for a new objective only', () => {
    const today = '2022-02-01';
    expect(validateObjective({ ...valid, targetDate: '2022-02-02' }, { isNew: true, today })).toEqual([]);
    expect(codes(validateObjective({ ...valid, targetDate: '2022-02-01' }, { isNew: true, today }))).toEqual([
      'targetDate:dateNotInFuture'
    ]);
    expect(codes(validateObjective({ ...valid, targetDate: '2021-06-30' }, { isNew: true, today }))).toEqual([
      'targetDate:dateNotInFuture'
    ]);
    // An existing objective may keep a past target date (it may be overdue, or complete).
    expect(validateObjective({ ...valid, targetDate: '2021-06-30' }, { isNew: false, today })).toEqual([]);
  });

  it('insists on knowing today when validating a new objective', () => {
    expect(() => validateObjective(valid, { isNew: true })).toThrow(TypeError);
  });

  it('rejects an impossible target date', () => {
    expect(codes(validateObjective({ ...valid, targetDate: '2022-13-01' }))).toEqual(['targetDate:invalidDate']);
  });
});

describe('validateObjectiveUpdate', () => {
  const valid: Draft<ObjectiveUpdate> = {
    objectiveId: 3,
    periodId: '2021-22-Q4',
    narrative: '<p>The shared HR system has been procured.</p>',
    status: 'Ongoing',
    rag: 'Amber',
    updatedOn: '2022-02-01T10:00:00Z'
  };

  it('accepts a complete update, with either period id form', () => {
    expect(validateObjectiveUpdate(valid)).toEqual([]);
    expect(validateObjectiveUpdate({ ...valid, periodId: '2021-Q4' })).toEqual([]);
  });

  it.each(['<p></p>', '<p>&nbsp;</p>', '<div><br></div>', '<p> <!-- x --> </p>', '<p>\u200b</p>'])(
    'rejects the empty rich text %s',
    (narrative) => {
      const errors = validateObjectiveUpdate({ ...valid, narrative });
      expect(codes(errors)).toEqual(['narrative:emptyRichText']);
      expect(errors[0].message).toBe('Progress update is required: the text is empty.');
    }
  );

  it('reports a missing narrative as required', () => {
    expect(codes(validateObjectiveUpdate({ ...valid, narrative: undefined }))).toEqual(['narrative:required']);
  });

  it('rejects an invalid period, status and RAG', () => {
    const errors = validateObjectiveUpdate({ ...valid, periodId: '2021-22-Q5', status: 'Late' as ObjectiveUpdate['status'], rag: undefined });
    expect(codes(errors)).toEqual(['periodId:invalidPeriod', 'status:notInList', 'rag:required']);
    expect(errors[0].message).toBe('Reporting period must be a financial year and quarter written like 2021-22-Q4.');
  });
});

describe('isBlankHtml', () => {
  it('treats text and images as content', () => {
    expect(isBlankHtml('<p>x</p>')).toBe(false);
    expect(isBlankHtml('<p><img src="chart.png" alt="Chart"></p>')).toBe(false);
    expect(isBlankHtml('plain text')).toBe(false);
  });

  it('treats missing values as blank', () => {
    expect(isBlankHtml(undefined)).toBe(true);
    expect(isBlankHtml('')).toBe(true);
  });
});

describe('validateBenefit', () => {
  const service = { partnerCouncils: ['Chorley', 'South Ribble'] };
  const valid: Draft<Benefit> = {
    title: 'Reduced management costs',
    serviceId: 1,
    category: 'Financial savings',
    deliveryStatus: 'Achieved',
    whenDelivered: 'Already achieved',
    savings: [
      { council: 'Chorley', planned: 55000, realised: 55000 },
      { council: 'South Ribble', planned: 45000, realised: 0 }
    ],
    fteBefore: 12,
    fteAfter: 10.5,
    evidenceUrl: 'https://chorley.gov.uk/budget-report.pdf'
  };

  it('accepts a complete benefit', () => {
    expect(validateBenefit(valid, { service })).toEqual([]);
  });

  it('requires title, service and category', () => {
    expect(codes(validateBenefit({ ...valid, title: '', serviceId: undefined, category: undefined }))).toEqual([
      'title:required',
      'serviceId:required',
      'category:required'
    ]);
  });

  it('rejects a category outside the four of the business case', () => {
    expect(codes(validateBenefit({ ...valid, category: 'Happiness' as Benefit['category'] }))).toEqual(['category:notInList']);
  });

  it('rejects negative and non-finite savings, naming the council', () => {
    const errors = validateBenefit({
      ...valid,
      savings: [
        { council: 'Chorley', planned: -1, realised: Number.NaN },
        { council: 'South Ribble', planned: Number.POSITIVE_INFINITY, realised: 0 }
      ]
    });
    expect(codes(errors)).toEqual(['savings[0].planned:negative', 'savings[0].realised:notANumber', 'savings[1].planned:notANumber']);
    expect(errors[0].message).toBe('Planned savings for Chorley must be zero or more.');
  });

  it('accepts zero savings', () => {
    expect(validateBenefit({ ...valid, savings: [{ council: 'Chorley', planned: 0, realised: 0 }] }, { service })).toEqual([]);
  });

  it('rejects a council that is not a partner of the service, when the service is known', () => {
    const savings = [{ council: 'Preston', planned: 1, realised: 1 }];
    const errors = validateBenefit({ ...valid, savings }, { service });
    expect(codes(errors)).toEqual(['savings[0].council:notPartnerCouncil']);
    expect(errors[0].message).toBe('Council: Preston is not one of the partner councils of this service.');
    expect(validateBenefit({ ...valid, savings })).toEqual([]);
  });

  it('rejects the same council twice and a blank council', () => {
    const errors = validateBenefit(
      {
        ...valid,
        savings: [
          { council: 'Chorley', planned: 1, realised: 1 },
          { council: 'CHORLEY ', planned: 1, realised: 1 },
          { council: ' ', planned: 1, realised: 1 }
        ]
      },
      { service }
    );
    expect(codes(errors)).toEqual(['savings[1].council:duplicateValue', 'savings[2].council:required']);
  });

  it('rejects negative FTE', () => {
    expect(codes(validateBenefit({ ...valid, fteBefore: -2, fteAfter: 0 }))).toEqual(['fteBefore:negative']);
  });

  it.each([
    ['http://chorley.gov.uk/report', 'notHttps'],
    ['javascript:alert(1)', 'notHttps'],
    ['chorley.gov.uk/report', 'invalidUrl'],
    ['https://', 'invalidUrl']
  ])('rejects the evidence link %s', (evidenceUrl, code) => {
    expect(codes(validateBenefit({ ...valid, evidenceUrl }))).toEqual([`evidenceUrl:${code}`]);
  });

  it('explains that the evidence link must be https', () => {
    expect(validateBenefit({ ...valid, evidenceUrl: 'http://x.gov.uk' })[0].message).toBe(
      'Evidence link must be a secure web address starting with https://.'
    );
  });
});

describe('validateRisk', () => {
  const valid: Draft<Risk> = {
    title: 'Loss of key staff',
    owner: officer,
    inherentLikelihood: 4,
    inherentImpact: 5,
    residualLikelihood: 2,
    residualImpact: 3,
    causeEffect: '',
    controls: '',
    reviewDate: '2022-06-30',
    status: 'Open'
  };

  it('accepts a complete risk', () => {
    expect(validateRisk(valid)).toEqual([]);
  });

  it('accepts the ends of the scale', () => {
    expect(validateRisk({ ...valid, inherentLikelihood: 1, inherentImpact: 5, previousResidualScore: 25 })).toEqual([]);
  });

  it('rejects scores outside 1-5 and fractions', () => {
    const errors = validateRisk({ ...valid, inherentLikelihood: 0, inherentImpact: 6, residualLikelihood: 2.5, residualImpact: undefined });
    expect(codes(errors)).toEqual([
      'inherentLikelihood:outOfRange',
      'inherentImpact:outOfRange',
      'residualLikelihood:notWholeNumber',
      'residualImpact:required'
    ]);
    expect(errors[0].message).toBe('Inherent likelihood must be from 1 to 5.');
  });

  it('requires an owner and a title', () => {
    expect(codes(validateRisk({ ...valid, owner: undefined, title: undefined }))).toEqual(['title:required', 'owner:required']);
  });

  it('rejects an invalid review date', () => {
    expect(codes(validateRisk({ ...valid, reviewDate: '30/06/2022' }))).toEqual(['reviewDate:invalidDate']);
  });
});

describe('validateMeasure', () => {
  const valid: Draft<Measure> = {
    title: 'Invoices paid within 30 days',
    serviceId: 2,
    unit: '%',
    target: 95,
    direction: 'Higher is better',
    actuals: { '2021-22-Q3': 93.5, '2021-22-Q4': 96 }
  };

  it('accepts a complete measure, with a zero or negative target', () => {
    expect(validateMeasure(valid)).toEqual([]);
    expect(validateMeasure({ ...valid, target: 0 })).toEqual([]);
  });

  it('requires title, service, target and direction', () => {
    expect(codes(validateMeasure({ unit: '%' }))).toEqual(['title:required', 'serviceId:required', 'target:required', 'direction:required']);
  });

  it('rejects actuals for invalid periods or that are not numbers', () => {
    const errors = validateMeasure({ ...valid, actuals: { 'Q3 2021': 1, '2021-22-Q2': Number.NaN } });
    expect(codes(errors)).toEqual(['actuals.Q3 2021:invalidPeriod', 'actuals.2021-22-Q2:notANumber']);
    expect(errors[1].message).toBe('Quarterly actuals (Q2 2021/22) must be a number.');
  });

  it('limits the unit to 20 characters', () => {
    expect(codes(validateMeasure({ ...valid, unit: 'u'.repeat(21) }))).toEqual(['unit:tooLong']);
  });
});

describe('validateHighlight', () => {
  const valid: Draft<Highlight> = {
    serviceId: 1,
    meetingDate: '2022-03-15',
    periodId: '2021-22-Q4',
    keyPoints: '<ul><li>ICT review implemented</li></ul>',
    activityOverview: ''
  };

  it('accepts a highlight with key points or with an overview', () => {
    expect(validateHighlight(valid)).toEqual([]);
    expect(validateHighlight({ ...valid, keyPoints: '<p></p>', activityOverview: '<p>Busy quarter</p>' })).toEqual([]);
  });

  it('requires service, a valid meeting date and period', () => {
    expect(codes(validateHighlight({ ...valid, serviceId: undefined, meetingDate: '2022-02-30', periodId: '' }))).toEqual([
      'serviceId:required',
      'meetingDate:invalidDate',
      'periodId:required'
    ]);
  });

  it('requires some content', () => {
    const errors = validateHighlight({ ...valid, keyPoints: '<p>&nbsp;</p>', activityOverview: undefined });
    expect(codes(errors)).toEqual(['keyPoints:contentRequired']);
    expect(errors[0].message).toBe('Enter the key points of action or an overview of activity.');
  });
});

describe('ValidationFailedError', () => {
  it('carries the errors and is an Error', () => {
    const errors = validateObjective({});
    const error = new ValidationFailedError(errors, 'objective');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors).toBe(errors);
    expect(error.message).toContain('Description of the objective is required.');
  });

  it('is thrown by assertValid only when there are errors', () => {
    expect(() => assertValid([])).not.toThrow();
    expect(() => assertValid(validateRisk({}), 'risk')).toThrow(ValidationFailedError);
  });
});

describe('messages', () => {
  it('can be overlaid with localised strings, keeping the defaults elsewhere', () => {
    const messages = mergeMessages(DEFAULT_MESSAGES, {
      labels: { objective: { title: 'Objective' } },
      templates: { required: 'Please enter {label}.' }
    });
    expect(validateObjective({ serviceId: 1, responsibleOfficer: officer, status: 'Ongoing', rag: 'Red' }, { messages })[0].message).toBe(
      'Please enter Objective.'
    );
    expect(messages.labels.risk.owner).toBe('Risk owner');
    expect(DEFAULT_MESSAGES.labels.objective.title).toBe('Description of the objective');
  });

  it('leaves unknown placeholders as written', () => {
    expect(formatMessage('{label} and {other}', { label: 'A' })).toBe('A and {other}');
  });
});

describe('riskWarnings', () => {
  const base = { title: 'Loss of key staff', owner: { id: 1, displayName: 'A', email: 'a@example.gov.uk' }, inherentLikelihood: 3, inherentImpact: 3, residualLikelihood: 2, residualImpact: 2, status: 'Open' as const, reviewDate: '2027-01-15' };
  const today = '2026-12-01';

  it('asks nothing of a residual score at or below the inherent one with a review date ahead', () => {
    expect(riskWarnings(base, { today })).toEqual([]);
    expect(riskWarnings({ ...base, residualLikelihood: 3, residualImpact: 3 }, { today })).toEqual([]);
  });

  it('explains a residual score above the inherent one', () => {
    const [w] = riskWarnings({ ...base, residualLikelihood: 4, residualImpact: 3 }, { today });
    expect(w.code).toBe('residualAboveInherent');
    expect(w.message).toMatch(/residual score \(12\) is higher than the inherent score \(9\)/);
    expect(w.message).toMatch(/left once the controls work/);
  });

  it('warns about a review date that has passed, for open risks only', () => {
    const [w] = riskWarnings({ ...base, reviewDate: '2026-11-30' }, { today });
    expect(w).toMatchObject({ field: 'reviewDate', code: 'reviewDateInPast' });
    expect(w.message).toContain('Review date 30 November 2026 has already passed');
    expect(riskWarnings({ ...base, reviewDate: '2026-12-01' }, { today })).toEqual([]);
    expect(riskWarnings({ ...base, reviewDate: '2026-11-30', status: 'Closed' }, { today })).toEqual([]);
  });

  it('does not ask again about what the stored risk already had', () => {
    const stored = { ...base, residualLikelihood: 4, residualImpact: 3, reviewDate: '2026-11-30' };
    expect(riskWarnings({ ...stored, title: 'Renamed' }, { today, stored })).toEqual([]);
    expect(riskWarnings({ ...stored, residualImpact: 4 }, { today, stored }).map((w) => w.code)).toEqual(['residualAboveInherent']);
  });
});
