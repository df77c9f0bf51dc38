import { validateBudgetLine, validateCommitteeMeeting, validateMeasureActual, validateStaffSurvey } from '../../src/domain/validation';

const messages = (errors: { message: string }[]): string[] => errors.map((e) => e.message);

describe('validation of the cycle’s new records names each field', () => {
  it('committee meetings', () => {
    expect(messages(validateCommitteeMeeting({ title: '', meetingDate: '2022-02-30', reports: [] }))).toEqual([
      'Meeting is required.',
      'Meeting date must be a real date.',
      'Reports received is required.'
    ]);
    const others = [{ id: 1, meetingDate: '2022-06-21' }];
    expect(messages(validateCommitteeMeeting({ title: 'June', meetingDate: '2022-06-21', reports: ['highlight'] }, { others }))).toEqual([
      'Meeting date includes 2022-06-21 more than once.'
    ]);
    expect(validateCommitteeMeeting({ title: 'June', meetingDate: '2022-06-21', reports: ['highlight', 'quarterly'] }, { others, id: 1 })).toEqual([]);
  });

  it('measure actuals', () => {
    expect(messages(validateMeasureActual({ measureId: undefined, periodId: '2022-Q5', value: Number.NaN }))).toEqual([
      'Measure is required.',
      'Reporting period must be a financial year and quarter written like 2021-22-Q4.',
      'Actual must be a number.'
    ]);
    expect(validateMeasureActual({ measureId: 3, periodId: '2022-23-Q1', value: -2, comment: '' })).toEqual([]);
  });

  it('staff surveys', () => {
    expect(messages(validateStaffSurvey({ serviceId: 1, periodId: '2022-23-Q1', surveyed: 20, responses: 25, satisfiedPercent: 120 }))).toEqual([
      'Responses cannot be more than the people surveyed.',
      'Satisfied (%) must be from 0 to 100.'
    ]);
    expect(messages(validateStaffSurvey({ serviceId: 1, periodId: '2022-23-Q1', surveyed: 2.5, responses: undefined, satisfiedPercent: undefined }))).toEqual([
      'People surveyed must be a whole number.',
      'Responses is required.',
      'Satisfied (%) is required.'
    ]);
  });

  it('budget lines', () => {
    const service = { partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] };
    expect(
      messages(
        validateBudgetLine(
          {
            serviceId: 1,
            financialYear: 22,
            sharedBudget: 1000,
            savingsApproved: -1,
            split: [
              { council: 'Chorley Council', amount: 600 },
              { council: 'Wyre Council', amount: 300 }
            ]
          },
          { service }
        )
      )
    ).toEqual([
      'Financial year must be a year such as 2022 (for 2022/23).',
      'Savings approved must be zero or more.',
      'Council: Wyre Council is not one of the partner councils of this service.',
      'Split between councils adds up to 900.00, not the shared budget.'
    ]);
    expect(
      validateBudgetLine(
        { serviceId: 1, financialYear: 2022, sharedBudget: 1000, savingsApproved: 50, split: [{ council: 'Chorley Council', amount: 500 }, { council: 'South Ribble Borough Council', amount: 500 }] },
        { service }
      )
    ).toEqual([]);
  });
});
