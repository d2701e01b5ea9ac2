import { backtest, chooseMethod, ForecastMethod, forecastWith } from './forecast-methods';

// Series each method must forecast exactly: what makes the arithmetic trustworthy.
const PATTERN = [30, 22, 41, 50, 47, 55, 60, 58, 49, 44, 38, 70];
const months = (count: number) => Array.from({ length: count }, (_, month) => month);
const seasonal = (count: number) => months(count).map((month) => PATTERN[month % 12]);
const line = (count: number) => months(count).map((month) => 100 + 4 * month);
const seasonalWithTrend = (count: number) => months(count).map((month) => 100 + 3 * month + PATTERN[month % 12] - 47);

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index], 6));
}

describe('forecast methods', () => {
  it('seasonal naive repeats a pure 12-month pattern exactly', () => {
    expectClose(forecastWith(ForecastMethod.SEASONAL_NAIVE, seasonal(18), 3), [PATTERN[6], PATTERN[7], PATTERN[8]]);
    expect(backtest(ForecastMethod.SEASONAL_NAIVE, seasonal(18))).toEqual({
      points: 6,
      meanAbsoluteError: 0,
      meanAbsolutePercentError: 0,
    });
  });

  it("Holt's linear trend continues a straight line exactly, whatever weights it picks", () => {
    expectClose(forecastWith(ForecastMethod.HOLT_LINEAR, line(10), 3), [140, 144, 148]);
    expect(backtest(ForecastMethod.HOLT_LINEAR, line(10)).meanAbsoluteError).toBe(0);
  });

  it('Holt-Winters additive forecasts a line plus a 12-month pattern exactly', () => {
    const history = seasonalWithTrend(30);
    const expected = [30, 31, 32].map((month) => 100 + 3 * month + PATTERN[month % 12] - 47);
    expectClose(forecastWith(ForecastMethod.HOLT_WINTERS_ADDITIVE, history, 3), expected);
    const errors = backtest(ForecastMethod.HOLT_WINTERS_ADDITIVE, history);
    expect(errors.points).toBe(6);
    expect(errors.meanAbsoluteError).toBe(0);
  });

  it('naive repeats the last value', () => {
    expect(forecastWith(ForecastMethod.NAIVE, [5], 3)).toEqual([5, 5, 5]);
  });

  it('backtests one step ahead from the months before each of the last 12, with MAE and MAPE', () => {
    // Naive on 10, 20, 10, 20: each forecast is off by 10; MAPE averages 10/20 and 10/10.
    expect(backtest(ForecastMethod.NAIVE, [10, 20, 10, 20])).toEqual({
      points: 3,
      meanAbsoluteError: 10,
      meanAbsolutePercentError: 66.67,
    });
    expect(backtest(ForecastMethod.NAIVE, months(40)).points).toBe(12);
    // Months whose actual value is 0 count in MAE, not in MAPE.
    expect(backtest(ForecastMethod.NAIVE, [4, 0, 0])).toEqual({
      points: 2,
      meanAbsoluteError: 2,
      meanAbsolutePercentError: null,
    });
    expect(backtest(ForecastMethod.HOLT_WINTERS_ADDITIVE, seasonal(24)).points).toBe(0);
  });

  it('chooses by history length, and between seasonal naive and Holt by backtest error', () => {
    expect(chooseMethod([])).toBe(ForecastMethod.NAIVE);
    expect(chooseMethod([3])).toBe(ForecastMethod.NAIVE);
    expect(chooseMethod(line(8))).toBe(ForecastMethod.HOLT_LINEAR);
    expect(chooseMethod(seasonal(18))).toBe(ForecastMethod.SEASONAL_NAIVE);
    expect(chooseMethod(line(18))).toBe(ForecastMethod.HOLT_LINEAR);
    expect(chooseMethod(seasonal(24))).toBe(ForecastMethod.HOLT_WINTERS_ADDITIVE);
  });

  it('refuses a history shorter than the method needs', () => {
    expect(() => forecastWith(ForecastMethod.HOLT_WINTERS_ADDITIVE, seasonal(23), 1)).toThrow(/24/);
  });
});
