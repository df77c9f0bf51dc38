import { formatPounds } from '../../src/components/format';
import { pounds } from '../../src/reports/format';
import { councilTotals } from '../../src/domain/benefits';

describe('money keeps its pence', () => {
  it.each([
    [4000.5, '£4,000.50'],
    [17000, '£17,000'],
    [0.1 + 0.2, '£0.30'],
    [8333.333, '£8,333.33'],
    [-12.5, '-£12.50']
  ])('shows %p as %s on screen and in the committee paper', (amount, text) => {
    expect(formatPounds(amount)).toBe(text);
    expect(pounds(amount)).toBe(text);
  });

  it('adds pence exactly across councils', () => {
    const totals = councilTotals([
      { savings: [{ council: 'A', planned: 4000.5, realised: 0.1 }] },
      { savings: [{ council: 'A', planned: 0.25, realised: 0.2 }] }
    ]);
    expect(formatPounds(totals[0].planned)).toBe('£4,000.75');
    expect(formatPounds(totals[0].realised)).toBe('£0.30');
  });
});
