// Forecasting a monthly series (预测): exponential smoothing written out here, because npm has no
// maintained Holt-Winters package (`holtwinters` is a 0.0.1 from years ago; `arima` is a WebAssembly build
// of a different model family). Each method is a few lines of textbook arithmetic (Hyndman & Athanasopoulos,
// "Forecasting: Principles and Practice", chapters 8.1-8.3) and is tested against series it must forecast
// exactly (forecast-methods.spec.ts).

export enum ForecastMethod {
  /** The last value, repeated. */
  NAIVE = 'NAIVE',
  /** The value of the same month a year before (needs 12 months). */
  SEASONAL_NAIVE = 'SEASONAL_NAIVE',
  /** Holt's linear trend: smoothed level and trend (needs 2 months). */
  HOLT_LINEAR = 'HOLT_LINEAR',
  /** Holt-Winters additive with a 12-month season: level, trend and seasonal terms (needs 24 months). */
  HOLT_WINTERS_ADDITIVE = 'HOLT_WINTERS_ADDITIVE',
}

export const SEASON = 12;

/** The shortest history each method forecasts from. */
export const MIN_HISTORY: Readonly<Record<ForecastMethod, number>> = {
  NAIVE: 1,
  SEASONAL_NAIVE: SEASON,
  HOLT_LINEAR: 2,
  HOLT_WINTERS_ADDITIVE: 2 * SEASON,
};

/** Smoothing weights tried; the ones with the least in-sample one-step squared error are kept. */
const WEIGHTS = [0.1, 0.3, 0.5, 0.7, 0.9];

type Forecaster = (history: readonly number[], horizon: number) => number[];

function naive(history: readonly number[], horizon: number): number[] {
  return Array.from({ length: horizon }, () => history[history.length - 1]);
}

function seasonalNaive(history: readonly number[], horizon: number): number[] {
  const start = history.length - SEASON;
  return Array.from({ length: horizon }, (_, step) => history[start + (step % SEASON)]);
}

/** Holt's linear trend with given weights: the one-step squared error over the history and the forecasts. */
function holtRun(history: readonly number[], horizon: number, alpha: number, beta: number) {
  let level = history[0];
  let trend = history[1] - history[0];
  let squaredError = 0;
  for (let time = 1; time < history.length; time += 1) {
    const predicted = level + trend;
    squaredError += (history[time] - predicted) ** 2;
    const previousLevel = level;
    level = alpha * history[time] + (1 - alpha) * (level + trend);
    trend = beta * (level - previousLevel) + (1 - beta) * trend;
  }
  return { squaredError, forecast: Array.from({ length: horizon }, (_, step) => level + (step + 1) * trend) };
}

/**
 * Holt-Winters additive with given weights. Starts from the first two seasons: the trend is the change of
 * the seasons' means per month, the level stands at the first season's last month, and each seasonal term
 * is the first season's value less the trend line through it (exact for a line plus a fixed pattern).
 */
function holtWintersRun(history: readonly number[], horizon: number, alpha: number, beta: number, gamma: number) {
  const mean = (from: number) => history.slice(from, from + SEASON).reduce((sum, value) => sum + value, 0) / SEASON;
  let trend = (mean(SEASON) - mean(0)) / SEASON;
  const middle = (SEASON - 1) / 2;
  let level = mean(0) + trend * middle;
  const seasonal = history.slice(0, SEASON).map((value, month) => value - (mean(0) + trend * (month - middle)));
  let squaredError = 0;
  for (let time = SEASON; time < history.length; time += 1) {
    const season = seasonal[time - SEASON];
    squaredError += (history[time] - (level + trend + season)) ** 2;
    const previousLevel = level;
    level = alpha * (history[time] - season) + (1 - alpha) * (level + trend);
    trend = beta * (level - previousLevel) + (1 - beta) * trend;
    seasonal.push(gamma * (history[time] - level) + (1 - gamma) * season);
  }
  const last = seasonal.length - SEASON;
  return {
    squaredError,
    forecast: Array.from(
      { length: horizon },
      (_, step) => level + (step + 1) * trend + seasonal[last + (step % SEASON)],
    ),
  };
}

function holt(history: readonly number[], horizon: number): number[] {
  let best = holtRun(history, horizon, WEIGHTS[0], WEIGHTS[0]);
  for (const alpha of WEIGHTS)
    for (const beta of WEIGHTS) {
      const run = holtRun(history, horizon, alpha, beta);
      if (run.squaredError < best.squaredError) best = run;
    }
  return best.forecast;
}

function holtWinters(history: readonly number[], horizon: number): number[] {
  let best = holtWintersRun(history, horizon, WEIGHTS[0], WEIGHTS[0], WEIGHTS[0]);
  for (const alpha of WEIGHTS)
    for (const beta of WEIGHTS)
      for (const gamma of WEIGHTS) {
        const run = holtWintersRun(history, horizon, alpha, beta, gamma);
        if (run.squaredError < best.squaredError) best = run;
      }
  return best.forecast;
}

const FORECASTERS: Readonly<Record<ForecastMethod, Forecaster>> = {
  NAIVE: naive,
  SEASONAL_NAIVE: seasonalNaive,
  HOLT_LINEAR: holt,
  HOLT_WINTERS_ADDITIVE: holtWinters,
};

/** The next `horizon` values after the history by a method (the history at least MIN_HISTORY long). */
export function forecastWith(method: ForecastMethod, history: readonly number[], horizon: number): number[] {
  if (history.length < MIN_HISTORY[method]) throw new Error(`${method} needs ${MIN_HISTORY[method]} values`);
  return FORECASTERS[method](history, horizon);
}

export interface Backtest {
  /** How many one-step forecasts were compared with what happened. */
  points: number;
  /** Mean absolute error, in the unit of the series. */
  meanAbsoluteError: number | null;
  /** Mean absolute percentage error over the months whose actual value is not 0. */
  meanAbsolutePercentError: number | null;
}

/** The most recent months a backtest compares. */
export const BACKTEST_MONTHS = 12;

/**
 * Rolling-origin backtest (滚动回测): for each of the last BACKTEST_MONTHS months (as many as the method's
 * shortest history leaves), forecast that month one step ahead from the months before it only.
 */
export function backtest(
  method: ForecastMethod,
  history: readonly number[],
  earliestOrigin = MIN_HISTORY[method],
): Backtest {
  const first = Math.max(earliestOrigin, history.length - BACKTEST_MONTHS);
  let absolute = 0;
  let percent = 0;
  let percentPoints = 0;
  let points = 0;
  for (let origin = first; origin < history.length; origin += 1) {
    const [predicted] = forecastWith(method, history.slice(0, origin), 1);
    const error = Math.abs(history[origin] - predicted);
    absolute += error;
    points += 1;
    if (history[origin] !== 0) {
      percent += error / Math.abs(history[origin]);
      percentPoints += 1;
    }
  }
  return {
    points,
    meanAbsoluteError: points === 0 ? null : round(absolute / points),
    meanAbsolutePercentError: percentPoints === 0 ? null : round((percent / percentPoints) * 100),
  };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The method for a history of this length: Holt-Winters from 24 months; from 13 to 23 months Holt's linear
 * trend or seasonal naive, whichever backtests with the smaller mean absolute error (Holt on a tie); from
 * 2 months Holt's linear trend; naive below.
 */
export function chooseMethod(history: readonly number[]): ForecastMethod {
  const length = history.length;
  if (length >= MIN_HISTORY.HOLT_WINTERS_ADDITIVE) return ForecastMethod.HOLT_WINTERS_ADDITIVE;
  if (length > SEASON) {
    // Both compared over the same months, those after the first season.
    const seasonal = backtest(ForecastMethod.SEASONAL_NAIVE, history, SEASON).meanAbsoluteError!;
    const trend = backtest(ForecastMethod.HOLT_LINEAR, history, SEASON).meanAbsoluteError!;
    return seasonal < trend ? ForecastMethod.SEASONAL_NAIVE : ForecastMethod.HOLT_LINEAR;
  }
  return length >= MIN_HISTORY.HOLT_LINEAR ? ForecastMethod.HOLT_LINEAR : ForecastMethod.NAIVE;
}
