import {
  CalendarError,
  comparePeriodIds,
  isEditable,
  isIsoDate,
  isPeriodId,
  isoDateOf,
  nextDeadline,
  nextPeriod,
  parsePeriodId,
  periodById,
  periodFor,
  periodsBetween,
  previousPeriod
} from '../../src/domain/calendar';

/** Runs fn and returns the CalendarError it throws (fails the test when it does not throw one). */
function calendarError(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return e as CalendarError;
  }
  throw new Error('Expected a CalendarError');
}

describe('periodFor: quarters of an April financial year', () => {
  it.each([
    ['2022-03-31', '2021-22-Q4', '2022-01-01', '2022-03-31'],
    ['2022-04-01', '2022-23-Q1', '2022-04-01', '2022-06-30'],
    ['2021-06-30', '2021-22-Q1', '2021-04-01', '2021-06-30'],
    ['2021-07-01', '2021-22-Q2', '2021-07-01', '2021-09-30'],
    ['2021-12-31', '2021-22-Q3', '2021-10-01', '2021-12-31'],
    ['2022-01-01', '2021-22-Q4', '2022-01-01', '2022-03-31']
  ])('%s is in %s (%s to %s)', (date, id, start, end) => {
    const period = periodFor(date);
    expect(period.id).toBe(id);
    expect(period.start).toBe(start);
    expect(period.end).toBe(end);
  });

  it('puts January to March in the financial year that started the previous April', () => {
    const period = periodFor('2022-02-15');
    expect(period.financialYear).toBe(2021);
    expect(period.quarter).toBe(4);
  });

  it('makes the quarter ending in March the annual review and the others quarterly reports', () => {
    expect(periodFor('2022-03-01').kind).toBe('annual');
    expect(['2021-05-01', '2021-08-01', '2021-11-01'].map((d) => periodFor(d).kind)).toEqual([
      'quarterly',
      'quarterly',
      'quarterly'
    ]);
  });

  it('labels periods in UK English', () => {
    expect(periodFor('2022-03-31').label).toBe('Q4 2021/22 (January to March 2022), annual review');
    expect(periodFor('2021-04-01').label).toBe('Q1 2021/22 (April to June 2021)');
  });

  it('handles a leap day and the end of a leap February', () => {
    const period = periodFor('2024-02-29');
    expect(period.id).toBe('2023-24-Q4');
    expect(period.end).toBe('2024-03-31');
  });

  it('handles the turn of the century in ids (2099/00)', () => {
    expect(periodFor('2099-05-01').id).toBe('2099-00-Q1');
  });
});

describe('deadlines', () => {
  it('defaults to the 10th of the period’s final month', () => {
    expect(periodById('2021-22-Q1').deadline).toBe('2021-06-10');
    expect(periodById('2021-22-Q4').deadline).toBe('2022-03-10');
  });

  it('is editable on the deadline and not the day after', () => {
    expect(isEditable('2021-22-Q1', '2021-06-10')).toBe(true);
    expect(isEditable('2021-22-Q1', '2021-06-11')).toBe(false);
    expect(isEditable('2021-22-Q1', '2021-04-01')).toBe(true);
  });

  it('nextDeadline returns the current period up to its deadline, then the next', () => {
    expect(nextDeadline('2021-06-10').id).toBe('2021-22-Q1');
    const after = nextDeadline('2021-06-11');
    expect(after.id).toBe('2021-22-Q2');
    expect(after.deadline).toBe('2021-09-10');
  });

  it('clamps a deadline day beyond the month’s length to its last day, leap years included', () => {
    const config = { deadlineDay: 31 };
    expect(periodById('2021-22-Q1', config).deadline).toBe('2021-06-30');
    const february = { fyStartMonth: 12, deadlineDay: 30 };
    // Q1 of a December year is December to February.
    expect(periodById('2023-24-Q1', february).deadline).toBe('2024-02-29');
    expect(periodById('2022-23-Q1', february).deadline).toBe('2023-02-28');
  });

  it('uses an override for one period, given in either id form', () => {
    const config = { overrides: { '2021-Q4': '2022-03-25' } };
    expect(periodById('2021-22-Q4', config).deadline).toBe('2022-03-25');
    expect(periodById('2021-22-Q3', config).deadline).toBe('2021-12-10');
    expect(isEditable('2021-22-Q4', '2022-03-25', config)).toBe(true);
    expect(isEditable('2021-22-Q4', '2022-03-26', config)).toBe(false);
  });

  it('nextDeadline honours an override that extends the previous period past the new quarter’s start', () => {
    const config = { overrides: { '2021-22-Q4': '2022-04-20' } };
    expect(nextDeadline('2022-04-15', config).id).toBe('2021-22-Q4');
    expect(nextDeadline('2022-04-21', config).id).toBe('2022-23-Q1');
  });

  it('rejects an invalid override date', () => {
    expect(calendarError(() => periodById('2021-22-Q4', { overrides: { '2021-22-Q4': '2022-02-30' } })).code).toBe('invalidDate');
  });
});

describe('a non-April financial year', () => {
  it('with a calendar year (January) uses short ids and plain year labels', () => {
    const config = { fyStartMonth: 1 };
    const period = periodFor('2022-03-31', config);
    expect(period.id).toBe('2022-Q1');
    expect(period.kind).toBe('quarterly');
    expect(periodFor('2022-12-31', config)).toMatchObject({ id: '2022-Q4', kind: 'annual', start: '2022-10-01' });
    expect(periodFor('2022-12-31', config).label).toBe('Q4 2022 (October to December 2022), annual review');
  });

  it('with a July year puts July to September in Q1 and April to June in the annual review', () => {
    const config = { fyStartMonth: 7 };
    expect(periodFor('2021-07-01', config).id).toBe('2021-22-Q1');
    expect(periodFor('2021-06-30', config)).toMatchObject({ id: '2020-21-Q4', kind: 'annual', end: '2021-06-30' });
  });

  it('labels a quarter that spans two calendar years with both years', () => {
    expect(periodFor('2021-12-15', { fyStartMonth: 11 }).label).toBe('Q1 2021/22 (November 2021 to January 2022)');
  });

  it('rejects an invalid configuration', () => {
    expect(calendarError(() => periodFor('2021-01-01', { fyStartMonth: 13 })).code).toBe('invalidConfig');
    expect(calendarError(() => periodFor('2021-01-01', { deadlineDay: 0 })).code).toBe('invalidConfig');
  });
});

describe('period ids', () => {
  it('parses the long and the short form to the same period', () => {
    expect(parsePeriodId('2021-22-Q4')).toEqual({ financialYear: 2021, quarter: 4 });
    expect(parsePeriodId('2021-Q4')).toEqual({ financialYear: 2021, quarter: 4 });
    expect(periodById('2021-Q4').id).toBe('2021-22-Q4');
  });

  it.each(['2021-23-Q4', '2021-22-Q5', '2021-22-Q0', '21-22-Q1', 'Q4 2021', '', '2021/22-Q4'])(
    'rejects "%s" with a clear error',
    (id) => {
      const error = calendarError(() => parsePeriodId(id));
      expect(error.code).toBe('invalidPeriodId');
      expect(error.message).toContain('is not valid');
      expect(isPeriodId(id)).toBe(false);
    }
  );

  it('explains a mismatched year pair', () => {
    expect(calendarError(() => parsePeriodId('2021-23-Q1')).message).toContain('2021-22');
  });

  it('steps across financial years', () => {
    expect(nextPeriod('2021-22-Q4').id).toBe('2022-23-Q1');
    expect(previousPeriod('2022-23-Q1').id).toBe('2021-22-Q4');
    expect(previousPeriod('2021-22-Q3').id).toBe('2021-22-Q2');
  });

  it('orders ids chronologically across forms', () => {
    expect(comparePeriodIds('2021-22-Q4', '2022-Q1')).toBeLessThan(0);
    expect(comparePeriodIds('2021-Q4', '2021-22-Q4')).toBe(0);
    expect(comparePeriodIds('2022-23-Q1', '2021-22-Q4')).toBeGreaterThan(0);
  });
});

describe('periodsBetween', () => {
  it('lists every period inclusively, across a year end', () => {
    expect(periodsBetween('2021-22-Q3', '2022-23-Q2').map((p) => p.id)).toEqual([
      '2021-22-Q3',
      '2021-22-Q4',
      '2022-23-Q1',
      '2022-23-Q2'
    ]);
  });

  it('accepts dates for either end', () => {
    expect(periodsBetween('2021-04-01', '2021-09-30').map((p) => p.id)).toEqual(['2021-22-Q1', '2021-22-Q2']);
  });

  it('returns one period when both ends are the same', () => {
    expect(periodsBetween('2021-22-Q1', '2021-Q1')).toHaveLength(1);
  });

  it('rejects a reversed range', () => {
    expect(calendarError(() => periodsBetween('2022-23-Q1', '2021-22-Q4')).code).toBe('invalidRange');
  });
});

describe('dates', () => {
  it.each(['2021-02-29', '2021-13-01', '2021-04-31', '2021-4-1', '01/04/2021', '2021-04-01T00:00:00Z', ''])(
    'rejects "%s" with a clear error',
    (date) => {
      const error = calendarError(() => periodFor(date));
      expect(error.code).toBe('invalidDate');
      expect(error.message).toContain(date === '' ? 'YYYY-MM-DD' : date);
      expect(isIsoDate(date)).toBe(false);
    }
  );

  it('rejects an invalid "today"', () => {
    expect(calendarError(() => isEditable('2021-22-Q1', 'tomorrow')).code).toBe('invalidDate');
  });

  it('accepts 29 February in a leap year, including 2000', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('isoDateOf gives the UTC calendar date in UTC mode', () => {
    expect(isoDateOf(new Date(Date.UTC(2022, 2, 31, 23, 30)), 'utc')).toBe('2022-03-31');
    expect(calendarError(() => isoDateOf(new Date(Number.NaN))).code).toBe('invalidDate');
  });

  it('isoDateOf gives the local calendar date by default', () => {
    const local = new Date(2022, 3, 1, 0, 30);
    expect(isoDateOf(local)).toBe('2022-04-01');
  });
});
