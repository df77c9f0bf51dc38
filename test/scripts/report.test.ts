/**
 * `npm run report` without a running host: the host it starts dates the sample data so that the
 * period asked for is the last completed quarter (or for --today / SSM_TODAY), and a past period
 * with no items at all is named on the console instead of silently giving an empty paper.
 */
import { startLocalHost } from '../../local/host/server';
import { REFERENCE_TODAY, sampleTodayAfter } from '../../local/sample-data';
import { buildFromRepositories, emptyPeriodNotice, parseReportArgs, sampleDating } from '../../local/scripts/report';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { createPnpItemHistory } from '../../src/data/itemHistory';
import { nextDeadline, periodById, periodShortLabel, previousPeriod } from '../../src/domain/calendar';
import type { ReportModel } from '../../src/domain/report';

/** The paper for the period read from an in-process host whose sample data is dated for `today`. */
async function paperFrom(today: string, period: string): Promise<ReportModel> {
  const host = await startLocalHost({ port: 0, host: '127.0.0.1', dbFile: ':memory:', seed: true, today });
  try {
    const sp = getSPForUrl(`${host.url}/sites/ssm/`);
    return await buildFromRepositories(createPnpRepositories(sp), { period, publish: false }, new Date(`${today}T10:00:00Z`), { history: createPnpItemHistory(sp) });
  } finally {
    await host.close();
  }
}

describe('the day the sample data is dated for', () => {
  it('makes the period asked for the last completed quarter', () => {
    for (const id of ['2021-22-Q4', '2019-20-Q1', '2026-27-Q2', '2030-31-Q3']) {
      const today = sampleTodayAfter(id);
      expect(today > periodById(id).end).toBe(true);
      // The quarter being updated that day is the next one, so `id` is the last one completed.
      expect(previousPeriod(nextDeadline(today).id).id).toBe(id);
    }
  });

  it('is the reference day for the quarter before the reference update window', () => {
    expect(sampleTodayAfter(previousPeriod(nextDeadline(REFERENCE_TODAY).id).id)).toBe(REFERENCE_TODAY);
  });

  it('takes --today first, then SSM_TODAY, and says which it used', () => {
    expect(sampleDating({ period: '2021-22-Q4', today: '2023-01-05' }, { SSM_TODAY: '2024-02-02' })).toEqual({
      today: '2023-01-05',
      description: expect.stringContaining('--today') as unknown as string
    });
    const fromEnv = sampleDating({ period: '2021-22-Q4' }, { SSM_TODAY: ' 2024-02-02 ' });
    expect(fromEnv.today).toBe('2024-02-02');
    expect(fromEnv.description).toContain('SSM_TODAY');
    const byPeriod = sampleDating({ period: '2021-22-Q4' }, {});
    expect(byPeriod.today).toBe(sampleTodayAfter('2021-22-Q4'));
    expect(byPeriod.description).toContain(`${periodShortLabel('2021-22-Q4')} is the last completed quarter`);
    expect(byPeriod.description).not.toContain('2021-22-Q4');
  });

  it('names SSM_TODAY when it is not a date', () => {
    expect(() => sampleDating({ period: '2021-22-Q4' }, { SSM_TODAY: '2/3/2022' })).toThrow(/SSM_TODAY must be a date in the form YYYY-MM-DD, not "2\/3\/2022"/);
  });
});

describe('--today on the command line', () => {
  it('is read as a date', () => {
    expect(parseReportArgs(['--period', '2021-22-Q4', '--today', '2022-06-02']).today).toBe('2022-06-02');
    expect(parseReportArgs(['--period', '2021-22-Q4']).today).toBeUndefined();
  });

  it('names the option when the value is not a date', () => {
    expect(() => parseReportArgs(['--period', '2021-22-Q4', '--today', '02/06/2022'])).toThrow(/--today must be a date in the form YYYY-MM-DD, not "02\/06\/2022"/);
    expect(() => parseReportArgs(['--period', '2021-22-Q4', '--today'])).toThrow(/--today needs a value/);
  });
});

describe('a past paper from an in-process host', () => {
  jest.setTimeout(60000);

  it('finds the whole period written when the sample data is dated for it', async () => {
    const period = '2021-22-Q4';
    const model = await paperFrom(sampleDating({ period }, {}).today, period);
    const objectives = model.services.flatMap((s) => s.objectives);
    expect(objectives.length).toBeGreaterThan(0);
    expect(objectives.filter((o) => o.updatedThisPeriod).length).toBeGreaterThan(0);
    expect(model.services.flatMap((s) => s.risks).length).toBeGreaterThan(0);
    expect(emptyPeriodNotice(model, '2026-12-01')).toBeUndefined();
  });

  it('is named on the console when the sample data is dated after it, with nothing existing yet', async () => {
    const model = await paperFrom('2026-12-01', '2021-22-Q4');
    expect(model.services.flatMap((s) => [...s.objectives, ...s.benefits, ...s.risks, ...s.measures])).toEqual([]);
    const notice = emptyPeriodNotice(model, '2026-12-01');
    expect(notice).toContain(`by the end of ${periodShortLabel('2021-22-Q4')}:`);
    expect(notice).toContain('--today');
    expect(notice).not.toContain('2021-22-Q4');
  });

  it('is not named for a period that has not ended', () => {
    const model = { period: periodById('2026-27-Q3'), services: [], topRisks: [] } as unknown as ReportModel;
    expect(emptyPeriodNotice(model, '2026-12-01')).toBeUndefined();
    expect(emptyPeriodNotice(model, '2027-01-01')).toContain('nothing was entered');
  });
});
