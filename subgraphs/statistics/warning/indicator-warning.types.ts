import { ArgsType, Field, Float, ID, ObjectType } from 'type-graphql';
import { Indicator } from '../catalogue/indicator-catalogue';
import { IndicatorDefinitionType } from '../catalogue/indicator-definition.types';
import { PeriodGranularity } from '../indicator/period';
import { ThresholdComparison } from './warning-threshold.types';

@ObjectType({ description: 'A figure past its early-warning threshold (预警信息).' })
export class IndicatorWarning {
  @Field(() => ID, { description: 'The id of the threshold passed.' })
  thresholdId: string;

  @Field(() => Indicator, { description: 'The indicator.' })
  indicator: string;

  @Field(() => IndicatorDefinitionType, { description: 'What the indicator counts, as the catalogue defines it.' })
  definition: IndicatorDefinitionType;

  @Field({ description: 'GB/T 2260 code of the region whose figure passed the threshold.' })
  regionCode: string;

  @Field({ description: 'Name of the region (全国 for 000000).' })
  regionName: string;

  @Field({ description: 'The region the threshold was set for: this region or one above it.' })
  thresholdRegionCode: string;

  @Field(() => PeriodGranularity, { description: 'The length of the period.' })
  granularity: PeriodGranularity;

  @Field({ description: 'The period evaluated: YYYY-MM, YYYY-Qn or YYYY, China Standard Time.' })
  period: string;

  @Field(() => ThresholdComparison, { description: 'How the figure was compared.' })
  comparison: ThresholdComparison;

  @Field(() => Float, { description: 'The threshold (in percent of change for a change comparison).' })
  threshold: number;

  @Field(() => Float, { description: "The region's figure in the period, in the indicator's unit." })
  figure: number;

  @Field(() => Float, {
    nullable: true,
    description: 'For a change: the figure compared with (the period before, or the same period a year before).',
  })
  baseFigure: number | null;

  @Field(() => Float, { nullable: true, description: 'For a change: the change in percent (环比 / 同比).' })
  changePercent: number | null;

  @Field({ description: 'The warning in Chinese, e.g. 江苏省 2026-11 许可超期率 7.5%，超过阈值 5%.' })
  message: string;

  @Field({ description: 'The warning in English.' })
  messageEn: string;
}

@ArgsType()
export class IndicatorWarningsArgs {
  @Field({
    description:
      'GB/T 2260 code of a region within your own region: it, each region directly under it and every region under it with a threshold of its own are evaluated.',
  })
  regionCode: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The month to evaluate, YYYY-MM (default: the latest complete month, China Standard Time); quarterly and yearly thresholds take the latest quarter or year complete by its end.',
  })
  period?: string | null;
}
