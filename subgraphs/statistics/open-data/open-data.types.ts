import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Indicator } from '../catalogue/indicator-catalogue';
import type { IndicatorUnit } from '../catalogue/indicator-definition';
import { IndicatorUnitEnum } from '../catalogue/indicator-definition.types';
import { PeriodGranularity } from '../indicator/period';
import { MAX_OPEN_PERIODS } from './open-data.service';

@ObjectType({
  description: 'One period of an open indicator: the figure, or "<k" when it counts too few to be published.',
})
export class OpenIndicatorValue {
  @Field({ description: 'The period: YYYY-MM, YYYY-Qn or YYYY, China Standard Time.' })
  period: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The figure in the unit of the indicator; null when suppressed or when there is nothing to measure.',
  })
  value: number | null;

  @Field({ description: 'What to show: the figure, "<k" when suppressed (小数抑制), or "—" when there is none.' })
  display: string;

  @Field({ description: 'True when the cell counts from 1 to k-1 and its figure is withheld.' })
  suppressed: boolean;
}

@ObjectType({
  description: 'An indicator of the open data list (数据开放清单) period by period, for the country or a province.',
})
export class OpenIndicatorSeries {
  @Field(() => Indicator, { description: 'The indicator code.' })
  indicator: string;

  @Field({ description: 'Chinese name (指标名称).' })
  name: string;

  @Field({ description: 'English name.' })
  nameEn: string;

  @Field(() => IndicatorUnitEnum, { description: 'What the figures are measured in (计量单位).' })
  unit: IndicatorUnit;

  @Field({ description: 'What it counts, in Chinese and English (指标说明).' })
  description: string;

  @Field({ description: 'Which region and month an event is counted under (统计口径).' })
  regionRule: string;

  @Field({ description: 'Why the indicator is opened, from the open data list.' })
  note: string;

  @Field({ description: 'GB/T 2260 code: 000000 for the country or a province (xx0000).' })
  regionCode: string;

  @Field({ description: 'Name of the region (全国 for 000000).' })
  regionName: string;

  @Field(() => PeriodGranularity, { description: 'The length of the periods.' })
  granularity: PeriodGranularity;

  @Field(() => Int, { description: 'k: a cell counting fewer than this (and more than 0) is shown as "<k".' })
  minimumCount: number;

  @Field(() => [OpenIndicatorValue], { description: 'One value per period, oldest first, empty periods included.' })
  points: OpenIndicatorValue[];
}

@ArgsType()
export class OpenIndicatorsArgs {
  @Field(() => [Indicator], {
    nullable: true,
    description: 'Indicators of the open data list; all of them when left out.',
  })
  indicators?: string[] | null;

  @Field({
    defaultValue: '000000',
    description: 'The country (000000, default) or a province (xx0000); cities and counties are not opened.',
  })
  regionCode: string;

  @Field(() => PeriodGranularity, {
    defaultValue: PeriodGranularity.MONTH,
    description: 'The length of the periods: MONTH (default), QUARTER or YEAR.',
  })
  granularity: PeriodGranularity;

  @Field({ description: 'First period, written as the granularity says (2026-03, 2026-Q1 or 2026).' })
  from: string;

  @Field({ description: `Last period, inclusive; at most ${MAX_OPEN_PERIODS} periods from the first.` })
  to: string;
}
