import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IndicatorDefinitionType } from '../catalogue/indicator-definition.types';
import { PeriodGranularity } from './period';

@ObjectType({
  description: "An indicator's figure in one period, with the period before and the same period a year before.",
})
export class IndicatorTrendPoint {
  @Field({ description: 'The period: YYYY-MM, YYYY-Qn or YYYY, China Standard Time.' })
  period: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The figure (in the unit of the indicator); null for a ratio or median with nothing to measure.',
  })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'The figure of the period before (上期).' })
  previousPeriodValue: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Change from the period before, in percent (环比); null when that figure is 0 or absent.',
  })
  periodOnPeriodPercent: number | null;

  @Field(() => Float, { nullable: true, description: 'The figure of the same period a year before (去年同期).' })
  lastYearValue: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Change from the same period a year before, in percent (同比); null when that figure is 0 or absent.',
  })
  yearOnYearPercent: number | null;
}

@ObjectType({ description: 'An indicator period by period over a region and every region under it (趋势).' })
export class IndicatorTrend {
  @Field(() => IndicatorDefinitionType, { description: 'What is counted, as the catalogue defines it.' })
  definition: IndicatorDefinitionType;

  @Field({ description: 'GB/T 2260 code of the region; 000000 is the whole country.' })
  regionCode: string;

  @Field({ description: 'Name of the region (全国 for 000000).' })
  regionName: string;

  @Field(() => PeriodGranularity, { description: 'The length of the periods.' })
  granularity: PeriodGranularity;

  @Field(() => String, {
    nullable: true,
    description: 'The dimension value the figures are limited to, if one was asked.',
  })
  dimension: string | null;

  @Field(() => [IndicatorTrendPoint], { description: 'One point per period, oldest first, empty periods included.' })
  points: IndicatorTrendPoint[];
}

export enum BreakdownBy {
  REGION = 'REGION',
  DIMENSION = 'DIMENSION',
}
registerEnumType(BreakdownBy, {
  name: 'BreakdownBy',
  description: 'What a breakdown splits a figure by.',
  valuesConfig: {
    REGION: { description: 'The regions one level down (下一级地区): provinces, prefectures or counties.' },
    DIMENSION: { description: "The indicator's dimension (permit kind, station, hazard class…)." },
  },
});

export enum BreakdownOrder {
  KEY = 'KEY',
  VALUE_DESC = 'VALUE_DESC',
  VALUE_ASC = 'VALUE_ASC',
}
registerEnumType(BreakdownOrder, {
  name: 'BreakdownOrder',
  description: 'How breakdown rows are ordered.',
  valuesConfig: {
    KEY: { description: 'By region code or dimension value.' },
    VALUE_DESC: { description: 'Highest figure first (排名); rows without a figure last.' },
    VALUE_ASC: { description: 'Lowest figure first; rows without a figure last.' },
  },
});

@ObjectType({ description: 'One row of a breakdown: a region one level down, or a dimension value.' })
export class IndicatorBreakdownRow {
  @Field({ description: 'The region code or the dimension value.' })
  key: string;

  @Field({ description: 'The region name, or the dimension value.' })
  name: string;

  @Field(() => Float, { nullable: true, description: 'The figure over the whole range.' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the total in percent (占比); SUM indicators only.' })
  sharePercent: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank among the rows, 1 for the highest figure (排名), ties sharing a rank; null without a figure.',
  })
  rank: number | null;
}

@ObjectType({ description: 'An indicator over a range of periods, split one level down (分解) and ranked.' })
export class IndicatorBreakdown {
  @Field(() => IndicatorDefinitionType, { description: 'What is counted, as the catalogue defines it.' })
  definition: IndicatorDefinitionType;

  @Field({ description: 'GB/T 2260 code of the region split; 000000 is the whole country.' })
  regionCode: string;

  @Field({ description: 'Name of the region (全国 for 000000).' })
  regionName: string;

  @Field(() => PeriodGranularity, { description: 'The length of the periods from and to are written in.' })
  granularity: PeriodGranularity;

  @Field({ description: 'First period of the range.' })
  from: string;

  @Field({ description: 'Last period of the range, inclusive.' })
  to: string;

  @Field(() => BreakdownBy, { description: 'What the rows split the figure by.' })
  by: BreakdownBy;

  @Field(() => String, {
    nullable: true,
    description: 'The dimension value the figures are limited to, if one was asked.',
  })
  dimension: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "The region's own figure over the range (all rows together and more).",
  })
  total: number | null;

  @Field(() => [IndicatorBreakdownRow], {
    description:
      'By REGION: every region one level down, zero included; counts recorded at the region’s own level are in total only. ' +
      'By DIMENSION: every dimension value counted in the range.',
  })
  rows: IndicatorBreakdownRow[];
}
