import { ArgsType, Field } from 'type-graphql';
import { Indicator } from '../../catalogue/indicator-catalogue';
import { MAX_PERIODS } from '../indicator-query.service';
import { BreakdownBy, BreakdownOrder } from '../indicator-trend.types';
import { PeriodGranularity } from '../period';

@ArgsType()
export class IndicatorRangeArgs {
  @Field(() => Indicator, { description: 'The indicator, a code of the catalogue (indicators).' })
  indicator: string;

  @Field({
    description:
      'GB/T 2260 region code within your own region; the figure covers it and every region under it, 000000 the whole country.',
  })
  regionCode: string;

  @Field(() => PeriodGranularity, {
    defaultValue: PeriodGranularity.MONTH,
    description: 'The length of the periods: MONTH (default), QUARTER or YEAR.',
  })
  granularity: PeriodGranularity;

  @Field({ description: 'First period, written as the granularity says (2026-03, 2026-Q1 or 2026).' })
  from: string;

  @Field({ description: `Last period, inclusive; at most ${MAX_PERIODS} periods from the first.` })
  to: string;

  @Field(() => String, {
    nullable: true,
    description: "Limit the figures to one value of the indicator's dimension (a permit kind, a station…).",
  })
  dimension?: string | null;
}

@ArgsType()
export class IndicatorBreakdownArgs extends IndicatorRangeArgs {
  @Field(() => BreakdownBy, {
    defaultValue: BreakdownBy.REGION,
    description: 'Split by the regions one level down (default) or by the dimension.',
  })
  by: BreakdownBy;

  @Field(() => BreakdownOrder, {
    defaultValue: BreakdownOrder.KEY,
    description: 'Row order: by key (default), or by figure for a ranking.',
  })
  orderBy: BreakdownOrder;
}
