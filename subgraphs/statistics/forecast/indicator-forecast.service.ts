import type { RegionScope } from '../../../platform/auth/region-scope';
import { assertInteger } from '../../../platform/codes/assert-input';
import { regionName } from '../../../platform/codes/region-code';
import { chinaMonth } from '../../../platform/time/china-time';
import { definitionView } from '../catalogue/indicator-definition.types';
import type { IndicatorCountsReader } from '../indicator/indicator-counts.reader';
import { countedParts, figure } from '../indicator/indicator-figures';
import { assertRegionInScope, definitionOf, MAX_PERIODS } from '../indicator/indicator-query.service';
import { formatMonth, parseMonth } from '../statistics-calendar';
import { backtest, chooseMethod, forecastWith, round } from './forecast-methods';
import { MAX_FORECAST_MONTHS, METHOD_TEXTS, type IndicatorForecast } from './indicator-forecast.types';

export interface ForecastRequest {
  indicator: string;
  regionCode: string;
  months: number;
  dimension?: string | null;
}

/**
 * The history a forecast is made from: the monthly figures from the first one other than 0 (or null) on.
 * A month with nothing to measure (a ratio or median of nothing) keeps the figure before it.
 */
export function historyOf(figures: ReadonlyArray<number | null>): number[] {
  const start = figures.findIndex((value) => value !== null && value !== 0);
  if (start < 0) return [];
  const history: number[] = [];
  for (const value of figures.slice(start)) history.push(value ?? history[history.length - 1]);
  return history;
}

/** Forecasts of any indicator for a region, from its monthly figures (预测). */
export class IndicatorForecastService {
  constructor(
    private readonly reader: IndicatorCountsReader,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async forecast(scope: RegionScope, request: ForecastRequest): Promise<IndicatorForecast> {
    const definition = definitionOf('indicator', request.indicator);
    assertRegionInScope(scope, 'regionCode', request.regionCode);
    const horizon = assertInteger('months', request.months, 1, MAX_FORECAST_MONTHS);
    // The current month is still counting: the history ends with the month before.
    const lastMonth = parseMonth('now', chinaMonth(this.clock())) - 1;
    const firstMonth = lastMonth - MAX_PERIODS + 1;
    const labels = Array.from({ length: MAX_PERIODS }, (_, index) => formatMonth(firstMonth + index));
    const counts = (
      await this.reader.read(countedParts(definition), [request.regionCode], labels[0], labels.at(-1)!, {
        openings: definition.aggregation === 'STOCK',
      })
    ).get(request.regionCode)!;
    const figures = labels.map((label, index) =>
      figure(definition, counts, [label], labels.slice(0, index + 1), request.dimension),
    );
    const history = historyOf(figures);
    const method = chooseMethod(history);
    const forecast = history.length > 0 ? forecastWith(method, history, horizon) : [];
    const ceiling = definition.unit === 'PERCENT' ? 100 : Infinity;
    const errors = backtest(method, history);
    return {
      definition: definitionView(definition),
      regionCode: request.regionCode,
      regionName: regionName(request.regionCode) ?? request.regionCode,
      method,
      methodDescription: `${METHOD_TEXTS[method].zh}. ${METHOD_TEXTS[method].en}`,
      historyMonths: history.length,
      historyFrom: history.length > 0 ? labels[labels.length - history.length] : null,
      historyTo: labels.at(-1)!,
      points: Array.from({ length: horizon }, (_, step) => ({
        month: formatMonth(lastMonth + 1 + step),
        value: step < forecast.length ? round(Math.min(ceiling, Math.max(0, forecast[step]))) : null,
      })),
      backtestMonths: errors.points,
      meanAbsoluteError: errors.meanAbsoluteError,
      meanAbsolutePercentError: errors.meanAbsolutePercentError,
    };
  }
}
