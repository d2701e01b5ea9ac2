import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Indicator } from '../catalogue/indicator-catalogue';
import { IndicatorDefinitionType } from '../catalogue/indicator-definition.types';
import { PeriodGranularity } from '../indicator/period';

/** What a figure is compared with its threshold by. */
export enum ThresholdComparison {
  VALUE_ABOVE = 'VALUE_ABOVE',
  VALUE_BELOW = 'VALUE_BELOW',
  PERIOD_ON_PERIOD_UP_PERCENT = 'PERIOD_ON_PERIOD_UP_PERCENT',
  PERIOD_ON_PERIOD_DOWN_PERCENT = 'PERIOD_ON_PERIOD_DOWN_PERCENT',
  YEAR_ON_YEAR_UP_PERCENT = 'YEAR_ON_YEAR_UP_PERCENT',
  YEAR_ON_YEAR_DOWN_PERCENT = 'YEAR_ON_YEAR_DOWN_PERCENT',
}

/** Chinese and English of each comparison, for the threshold list and the warnings' messages. */
export const COMPARISONS: Readonly<Record<ThresholdComparison, { zh: string; en: string; change: boolean }>> = {
  VALUE_ABOVE: { zh: '超过阈值', en: 'The figure is above the threshold.', change: false },
  VALUE_BELOW: { zh: '低于阈值', en: 'The figure is below the threshold.', change: false },
  PERIOD_ON_PERIOD_UP_PERCENT: {
    zh: '环比增幅超过',
    en: 'The figure rose by more than the threshold percent from the period before (环比).',
    change: true,
  },
  PERIOD_ON_PERIOD_DOWN_PERCENT: {
    zh: '环比降幅超过',
    en: 'The figure fell by more than the threshold percent from the period before (环比).',
    change: true,
  },
  YEAR_ON_YEAR_UP_PERCENT: {
    zh: '同比增幅超过',
    en: 'The figure rose by more than the threshold percent from the same period a year before (同比).',
    change: true,
  },
  YEAR_ON_YEAR_DOWN_PERCENT: {
    zh: '同比降幅超过',
    en: 'The figure fell by more than the threshold percent from the same period a year before (同比).',
    change: true,
  },
};

registerEnumType(ThresholdComparison, {
  name: 'ThresholdComparison',
  description:
    'How a figure is compared with its threshold (预警条件). A change is not compared when its base is 0 or absent.',
  valuesConfig: Object.fromEntries(
    Object.entries(COMPARISONS).map(([key, { zh, en }]) => [key, { description: `${zh}: ${en}` }]),
  ),
});

/** Which regions a threshold watches. */
export enum ThresholdReach {
  REGION_AND_BELOW = 'REGION_AND_BELOW',
  REGION_ONLY = 'REGION_ONLY',
}

registerEnumType(ThresholdReach, {
  name: 'ThresholdReach',
  description: 'Which regions a threshold watches (适用范围).',
  valuesConfig: {
    REGION_AND_BELOW: {
      description:
        'The region and every region under it (本级及下级), unless one of those sets its own threshold of the same ' +
        'indicator, comparison and granularity: the nearest region’s threshold applies.',
    },
    REGION_ONLY: { description: 'The region itself only (仅本级).' },
  },
});

@ObjectType({ description: 'An early-warning threshold (预警阈值) on one indicator for a region.' })
export class WarningThreshold {
  @Field(() => ID, { description: 'Stable id, for removeWarningThreshold.' })
  id: string;

  @Field(() => Indicator, { description: 'The indicator watched.' })
  indicator: string;

  @Field(() => IndicatorDefinitionType, { description: 'What the indicator counts, as the catalogue defines it.' })
  definition: IndicatorDefinitionType;

  @Field({ description: 'GB/T 2260 code of the region it was set for; 000000 is the whole country.' })
  regionCode: string;

  @Field({ description: 'Name of the region (全国 for 000000).' })
  regionName: string;

  @Field(() => ThresholdComparison, { description: 'How the figure is compared.' })
  comparison: ThresholdComparison;

  @Field(() => Float, {
    description: "The threshold: in the indicator's unit for VALUE_*, in percent of change for the others.",
  })
  threshold: number;

  @Field(() => PeriodGranularity, { description: 'The periods whose figures are compared: months, quarters or years.' })
  granularity: PeriodGranularity;

  @Field(() => ThresholdReach, { description: 'The region only, or the region and the regions under it.' })
  reach: ThresholdReach;

  @Field({ description: 'Whether it is evaluated; a disabled threshold raises no warning.' })
  enabled: boolean;

  @Field({ description: 'Who set it first (username).' })
  createdBy: string;

  @Field({ description: 'When it was set first (UTC).' })
  createdAt: Date;

  @Field({ description: 'Who changed it last (username).' })
  updatedBy: string;

  @Field({ description: 'When it was changed last (UTC).' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Version, one more per change; pass it back as expectedVersion.' })
  version: number;
}

@InputType({
  description:
    'An early-warning threshold to set: a new one, or the one of the same indicator, region, comparison and granularity changed.',
})
export class SetWarningThresholdInput {
  @Field(() => Indicator, { description: 'The indicator to watch, a code of the catalogue.' })
  indicator: string;

  @Field({ description: 'GB/T 2260 code of a region within your own region (000000 for the whole country).' })
  regionCode: string;

  @Field(() => ThresholdComparison, { description: 'How the figure is compared with the threshold.' })
  comparison: ThresholdComparison;

  @Field(() => Float, {
    description:
      "The threshold, 0 or more: in the indicator's unit for VALUE_* (at most 100 for a percent), in percent of change for the others (at most 100 for a fall).",
  })
  threshold: number;

  @Field(() => PeriodGranularity, {
    defaultValue: PeriodGranularity.MONTH,
    description: 'Compare monthly (default), quarterly or yearly figures.',
  })
  granularity: PeriodGranularity;

  @Field(() => ThresholdReach, {
    defaultValue: ThresholdReach.REGION_AND_BELOW,
    description: 'Watch the region and the regions under it (default), or the region only.',
  })
  reach: ThresholdReach;

  @Field({ defaultValue: true, description: 'Whether to evaluate it (default true).' })
  enabled: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'When changing one: the version read; a changed threshold is refused (CONFLICT, STALE_VERSION).',
  })
  expectedVersion?: number | null;
}

@InputType({ description: 'An early-warning threshold to remove.' })
export class RemoveWarningThresholdInput {
  @Field(() => ID, { description: 'The threshold’s id.' })
  id: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version read; a changed threshold is refused (CONFLICT, STALE_VERSION).',
  })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'What removeWarningThreshold removed.' })
export class RemoveWarningThresholdPayload {
  @Field(() => ID, { description: 'The id of the threshold removed.' })
  id: string;

  @Field(() => WarningThreshold, { description: 'The threshold as it was.' })
  threshold: WarningThreshold;
}

@ObjectType({ description: 'What setWarningThreshold set.' })
export class SetWarningThresholdPayload {
  @Field(() => WarningThreshold, { description: 'The threshold as now set.' })
  threshold: WarningThreshold;
}
