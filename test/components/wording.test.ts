/**
 * What people read says things the way they say them: counts in the right grammatical number
 * (never "update(s)"), and periods as "Q4 2021/22", never as the stored id "2021-22-Q4".
 */
import * as strings from 'SsmStrings';
import { formatCount } from '../../src/components/format';
import { parseUkDate } from '../../src/components/UkDatePicker';
import { periodShortLabel } from '../../src/domain/calendar';
import { snapshotTitle } from '../../src/domain/report/snapshot';
import { validateMeasure } from '../../src/domain/validation';

function allText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allText);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allText);
  return [];
}

describe('wording', () => {
  it('has no "(s)" plural and no raw period id in any string resource', () => {
    const texts = allText(strings);
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => /\w\(s\)/.test(t))).toEqual([]);
    // The one exception names the id format people type into import files.
    expect(texts.filter((t) => /\b\d{4}-\d{2}-Q[1-4]\b/.test(t) && !/written like/.test(t))).toEqual([]);
  });

  it('writes counts in the right grammatical number', () => {
    expect(formatCount(1, strings.UpdateSavedOne, strings.UpdateSaved)).toBe('1 update saved.');
    expect(formatCount(2, strings.UpdateSavedOne, strings.UpdateSaved)).toBe('2 updates saved.');
    expect(formatCount(0, strings.HeatMapUnplacedOne, strings.HeatMapUnplaced)).toBe('0 risks have scores outside 1 to 5 and are not on the heat map.');
  });

  it('names periods as people do in titles and messages', () => {
    expect(periodShortLabel('2021-22-Q4')).toBe('Q4 2021/22');
    expect(periodShortLabel('2026-Q1', { fyStartMonth: 1 })).toBe('Q1 2026');
    expect(snapshotTitle('2021-22-Q4', 'Governance')).toBe('Q4 2021/22 Governance');
    const [error] = validateMeasure({ title: 'Calls', serviceId: 1, target: 1, direction: 'Higher is better', actuals: { '2021-22-Q4': Number.NaN } });
    expect(error.message).toContain('(Q4 2021/22)');
    expect(error.message).not.toContain('2021-22-Q4');
  });
});

describe('typed UK dates', () => {
  it.each([
    ['31/03/2027', '2027-03-31'],
    ['1/4/2027', '2027-04-01'],
    ['31-3-27', '2027-03-31'],
    ['31.03.2027', '2027-03-31'],
    [' 29/02/2028 ', '2028-02-29'],
    ['2027-03-31', '2027-03-31']
  ])('reads %p as %s', (typed, iso) => {
    expect(parseUkDate(typed)).toBe(iso);
  });

  it.each(['31/02/2027', '03/31/2027', '29/02/2027', 'next Tuesday', '', '31/03'])('does not take %p for a date', (typed) => {
    expect(parseUkDate(typed)).toBeUndefined();
  });
});
