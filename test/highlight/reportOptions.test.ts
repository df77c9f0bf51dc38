import { defaultPeriod, periodOptions, reportedPeriodIds } from '../../src/webparts/highlightReport/reportOptions';
import type { ReportSnapshot } from '../../src/domain/types';
import { seed } from './fixtures';

describe('report options', () => {
  const data = { updates: seed().updates ?? [], highlights: seed().highlights ?? [] };

  it('collects the reported periods from updates, general updates and snapshots, oldest first, once each', () => {
    const snapshot = { periodId: '2020-21-Q4' } as ReportSnapshot;
    expect(reportedPeriodIds(data, [snapshot])).toEqual(['2020-21-Q4', '2021-22-Q3', '2021-22-Q4']);
  });

  it('opens on today’s period when something is reported for it', () => {
    expect(defaultPeriod(['2021-22-Q3', '2021-22-Q4'], '2022-03-20')).toEqual({ periodId: '2021-22-Q4' });
  });

  it('falls back to the latest earlier reported period in a new quarter, and says which it replaced', () => {
    expect(defaultPeriod(['2021-22-Q3', '2021-22-Q4'], '2022-04-01')).toEqual({ periodId: '2021-22-Q4', insteadOf: '2022-23-Q1' });
    // Never forward in time, and today's period when nothing is reported at all.
    expect(defaultPeriod(['2023-24-Q1'], '2022-04-01')).toEqual({ periodId: '2022-23-Q1' });
    expect(defaultPeriod([], '2022-04-01')).toEqual({ periodId: '2022-23-Q1' });
  });

  it('offers every quarter from the earliest reported one to today’s, newest first', () => {
    const ids = periodOptions(['2020-21-Q2', '2021-22-Q4'], '2022-04-01').map((p) => p.id);
    expect(ids[0]).toBe('2022-23-Q1');
    expect(ids[ids.length - 1]).toBe('2020-21-Q2');
    expect(ids).toHaveLength(8);
    expect(ids).toContain('2021-22-Q1');
  });

  it('offers the last two years when nothing is reported', () => {
    const ids = periodOptions([], '2022-04-01').map((p) => p.id);
    expect(ids).toEqual(['2022-23-Q1', '2021-22-Q4', '2021-22-Q3', '2021-22-Q2', '2021-22-Q1', '2020-21-Q4', '2020-21-Q3', '2020-21-Q2']);
  });
});
