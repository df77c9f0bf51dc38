import { lastQuarters, measureRag, measureTrend, trackMeasure } from '../../src/domain/measures';

const calls = { target: 80, direction: 'Higher is better' as const };
const days = { target: 10, direction: 'Lower is better' as const };

describe('measure RAG against target', () => {
  it('is Green on or past target, Amber within 10% of it, Red beyond', () => {
    expect(measureRag(calls, 80)).toBe('Green');
    expect(measureRag(calls, 95)).toBe('Green');
    expect(measureRag(calls, 72)).toBe('Amber');
    expect(measureRag(calls, 71.9)).toBe('Red');
    expect(measureRag(days, 9)).toBe('Green');
    expect(measureRag(days, 11)).toBe('Amber');
    expect(measureRag(days, 12)).toBe('Red');
    // A target of zero still has a tolerance.
    expect(measureRag({ target: 0, direction: 'Lower is better' }, 0.05)).toBe('Amber');
  });

  it('reads the trend in the measure’s own polarity', () => {
    expect(measureTrend(calls, 85, 70)).toBe('improved');
    expect(measureTrend(days, 12, 9)).toBe('worsened');
    expect(measureTrend(days, 9, 9)).toBe('same');
    expect(measureTrend(days, 9, undefined)).toBe('new');
    expect(measureTrend(days, undefined, 9)).toBeUndefined();
  });
});

describe('trackMeasure', () => {
  it('shows the last four quarters across a financial year end, oldest first', () => {
    expect(lastQuarters('2022-23-Q1')).toEqual(['2021-22-Q2', '2021-22-Q3', '2021-22-Q4', '2022-23-Q1']);
    const track = trackMeasure(
      calls,
      [
        { periodId: '2021-22-Q3', value: 70 },
        { periodId: '2021-Q4', value: 78, comment: '<p>Short-staffed in January</p>' },
        { periodId: '2022-23-Q1', value: 85 },
        { periodId: '2020-21-Q4', value: 10 }
      ],
      '2022-23-Q1'
    );
    expect(track.quarters.map((q) => [q.periodId, q.value, q.rag])).toEqual([
      ['2021-22-Q2', undefined, undefined],
      ['2021-22-Q3', 70, 'Red'],
      ['2021-22-Q4', 78, 'Amber'],
      ['2022-23-Q1', 85, 'Green']
    ]);
    expect(track.quarters[2].comment).toBe('<p>Short-staffed in January</p>');
    expect(track.trend).toBe('improved');
    expect(track.latest.value).toBe(85);
  });
});
