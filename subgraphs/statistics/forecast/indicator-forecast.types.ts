import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Indicator } from '../catalogue/indicator-catalogue';
import { IndicatorDefinitionType } from '../catalogue/indicator-definition.types';
import { ForecastMethod } from './forecast-methods';

/** What each method is, for the API's documentation and the forecast's own text. */
export const METHOD_TEXTS: Readonly<Record<ForecastMethod, { zh: string; en: string }>> = {
  NAIVE: {
    zh: '朴素法：沿用最近一个月的值',
    en: 'Naive: the last month’s figure, repeated (under 2 months of history).',
  },
  SEASONAL_NAIVE: {
    zh: '季节朴素法：沿用去年同月的值',
    en: 'Seasonal naive: the figure of the same month a year before (13-23 months, when it backtests better than Holt).',
  },
  HOLT_LINEAR: {
    zh: '霍尔特线性趋势法（双指数平滑）',
    en: 'Holt’s linear trend (double exponential smoothing) with weights fitted to the history (2-23 months).',
  },
  HOLT_WINTERS_ADDITIVE: {
    zh: '霍尔特-温特斯加法模型（季节周期12个月）',
    en: 'Holt-Winters additive (triple exponential smoothing), 12-month season, weights fitted to the history (24 months or more).',
  },
};

registerEnumType(ForecastMethod, {
  name: 'ForecastMethod',
  description: 'How a forecast was made (预测方法), chosen by the length of the history.',
  valuesConfig: Object.fromEntries(
    Object.entries(METHOD_TEXTS).map(([key, { zh, en }]) => [key, { description: `${zh}. ${en}` }]),
  ),
});

@ObjectType({ description: 'A forecast figure for one month.' })
export class ForecastPoint {
  @Field({ description: 'The month, YYYY-MM, China Standard Time.' })
  month: string;

  @Field(() => Float, {
    nullable: true,
    description: "The forecast, in the indicator's unit, never below 0; null without any history.",
  })
  value: number | null;
}

@ObjectType({
  description:
    'An indicator forecast for the months after the latest complete one (预测), with the method and its backtest error beside it.',
})
export class IndicatorForecast {
  @Field(() => IndicatorDefinitionType, { description: 'What is counted, as the catalogue defines it.' })
  definition: IndicatorDefinitionType;

  @Field({ description: 'GB/T 2260 code of the region; 000000 is the whole country.' })
  regionCode: string;

  @Field({ description: 'Name of the region (全国 for 000000).' })
  regionName: string;

  @Field(() => ForecastMethod, { description: 'The method used.' })
  method: ForecastMethod;

  @Field({ description: 'The method in Chinese and English.' })
  methodDescription: string;

  @Field(() => Int, {
    description:
      'Months of history the forecast is made from: from the first month with a figure other than 0 to the latest complete month (at most 120).',
  })
  historyMonths: number;

  @Field(() => String, { nullable: true, description: 'The first month of the history, YYYY-MM.' })
  historyFrom: string | null;

  @Field({ description: 'The latest complete month, YYYY-MM: the last of the history.' })
  historyTo: string;

  @Field(() => [ForecastPoint], { description: 'One point per month forecast, the current month first.' })
  points: ForecastPoint[];

  @Field(() => Int, {
    description:
      'How many months the backtest compared (回测): each of the last 12 (as many as the history allows) forecast one step ahead from the months before it.',
  })
  backtestMonths: number;

  @Field(() => Float, {
    nullable: true,
    description: "Backtest mean absolute error (MAE), in the indicator's unit; null when nothing was compared.",
  })
  meanAbsoluteError: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Backtest mean absolute percentage error (MAPE), in percent, over the months whose figure was not 0; null when there were none.',
  })
  meanAbsolutePercentError: number | null;
}

/** The most months one forecast looks ahead. */
export const MAX_FORECAST_MONTHS = 12;

@ArgsType()
export class IndicatorForecastArgs {
  @Field(() => Indicator, { description: 'The indicator, a code of the catalogue (indicators).' })
  indicator: string;

  @Field({ description: 'GB/T 2260 region code within your own region; 000000 is the whole country.' })
  regionCode: string;

  @Field(() => Int, {
    defaultValue: 3,
    description: `How many months to forecast, 1-${MAX_FORECAST_MONTHS} (default 3), the current month first.`,
  })
  months: number;

  @Field(() => String, {
    nullable: true,
    description: "Limit the figures to one value of the indicator's dimension (a permit kind, a station…).",
  })
  dimension?: string | null;
}
