import type { IndicatorDefinition } from '../catalogue/indicator-definition';
import { changePercent, figure, histogramMedian, RegionCounts } from './indicator-figures';

const base = {
  name: '测试',
  nameEn: 'Test',
  description: '',
  department: 'licensing',
  sourceEvents: [],
  regionRule: '',
} as const;
const OVERDUE_RATE: IndicatorDefinition = {
  ...base,
  code: 'RATE',
  unit: 'PERCENT',
  aggregation: 'RATIO',
  numerator: 'LATE',
  denominator: 'DONE',
};
const MEDIAN_DAYS: IndicatorDefinition = {
  ...base,
  code: 'MEDIAN',
  unit: 'WORKING_DAYS',
  aggregation: 'MEDIAN',
  histogram: 'DAYS',
};
const OPEN: IndicatorDefinition = { ...base, code: 'OPEN', unit: 'COUNT', aggregation: 'STOCK', flow: 'CHANGES' };

describe('figures made from monthly counts', () => {
  const counts = new RegionCounts();
  counts.add('DONE', '2026-01', 'A', 30);
  counts.add('DONE', '2026-01', 'B', 10);
  counts.add('LATE', '2026-01', 'A', 3);
  counts.add('LATE', '2026-01', 'B', 1);
  // Working days to decide: kind A took 2 days 3 times and 9 days once; kind B 5 days twice.
  counts.add('DAYS', '2026-01', 'A/2', 3);
  counts.add('DAYS', '2026-01', 'A/9', 1);
  counts.add('DAYS', '2026-02', 'B/5', 2);
  counts.addOpening('CHANGES', '', 4);
  counts.add('CHANGES', '2026-01', '', 3);
  counts.add('CHANGES', '2026-02', '', -5);

  it('divides summed numerators by summed denominators, per dimension too, and has no figure over nothing', () => {
    expect(figure(OVERDUE_RATE, counts, ['2026-01'], ['2026-01'])).toBe(10);
    expect(figure(OVERDUE_RATE, counts, ['2026-01'], ['2026-01'], 'B')).toBe(10);
    expect(figure(OVERDUE_RATE, counts, ['2026-02'], ['2026-02'])).toBeNull();
  });

  it('takes the median of every recorded value, not a median of medians', () => {
    expect(figure(MEDIAN_DAYS, counts, ['2026-01'], ['2026-01'])).toBe(2);
    // 2,2,2,5,5,9: the lower median is 2; kind B alone is 5.
    expect(figure(MEDIAN_DAYS, counts, ['2026-01', '2026-02'], [])).toBe(2);
    expect(figure(MEDIAN_DAYS, counts, ['2026-01', '2026-02'], [], 'B')).toBe(5);
    expect(
      histogramMedian(
        new Map([
          [1, 1],
          [7, 1],
          [9, 1],
        ]),
      ),
    ).toBe(7);
    expect(histogramMedian(new Map())).toBeNull();
  });

  it('stands a stock at the end of the period: what was open before, plus what opened, less what closed', () => {
    expect(figure(OPEN, counts, ['2026-01'], ['2026-01'])).toBe(7);
    expect(figure(OPEN, counts, ['2026-02'], ['2026-01', '2026-02'])).toBe(2);
  });

  it('tells change in percent only against a base other than zero', () => {
    expect(changePercent(150, 100)).toBe(50);
    expect(changePercent(50, 100)).toBe(-50);
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(null, 4)).toBeNull();
    expect(changePercent(1, 3)).toBe(-66.67);
  });
});
