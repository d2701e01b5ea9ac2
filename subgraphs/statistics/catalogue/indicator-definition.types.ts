import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { IndicatorAggregation, IndicatorDefinition, IndicatorUnit } from './indicator-definition';
import { Indicator } from './indicator-catalogue';

const UNITS: Record<IndicatorUnit, string> = {
  COUNT: '件/个: a count.',
  FEN: '分: fen, 1/100 yuan.',
  PERCENT: '%: a ratio of two counted indicators, times 100.',
  WORKING_DAYS: '工作日: working days, weekends and public holidays left out.',
  VEHICLE_DAYS: '车日: vehicle-days.',
};
export const IndicatorUnitEnum = Object.fromEntries(Object.keys(UNITS).map((unit) => [unit, unit])) as Record<
  IndicatorUnit,
  IndicatorUnit
>;
registerEnumType(IndicatorUnitEnum, {
  name: 'IndicatorUnit',
  description: 'What an indicator is measured in (计量单位).',
  valuesConfig: Object.fromEntries(Object.entries(UNITS).map(([unit, description]) => [unit, { description }])),
});

const AGGREGATIONS: Record<IndicatorAggregation, string> = {
  SUM: 'Counts added up over months and regions (累计).',
  RATIO: 'numerator over denominator, each summed, times 100 (比率).',
  MEDIAN: 'The median of the values recorded in the period and region (中位数), exact at every level.',
  STOCK: 'What stands at the end of the period (期末存量): the running total of a flow of +1 and -1.',
};
export const IndicatorAggregationEnum = Object.fromEntries(Object.keys(AGGREGATIONS).map((a) => [a, a])) as Record<
  IndicatorAggregation,
  IndicatorAggregation
>;
registerEnumType(IndicatorAggregationEnum, {
  name: 'IndicatorAggregation',
  description: "How a region's figure for a period is made from the monthly counts.",
  valuesConfig: Object.fromEntries(Object.entries(AGGREGATIONS).map(([key, description]) => [key, { description }])),
});

@ObjectType('IndicatorDimension', { description: 'A breakdown other than by region (by permit kind, station…).' })
export class IndicatorDimensionType {
  @Field({ description: 'Stable code, e.g. PERMIT_KIND.' })
  code: string;

  @Field({ description: 'Chinese name (维度名称).' })
  name: string;

  @Field({ description: 'English name.' })
  nameEn: string;
}

@ObjectType('IndicatorDefinition', { description: 'One indicator of the catalogue (指标目录), defined once.' })
export class IndicatorDefinitionType {
  @Field(() => Indicator, { description: 'Stable code.' })
  code: string;

  @Field({ description: 'Chinese name (指标名称).' })
  name: string;

  @Field({ description: 'English name.' })
  nameEn: string;

  @Field(() => IndicatorUnitEnum, { description: 'What the figures are measured in (计量单位).' })
  unit: IndicatorUnit;

  @Field({ description: 'What it counts, in Chinese and English (指标说明).' })
  description: string;

  @Field({ description: 'The department whose events feed it: licensing, enforcement, credit or safety.' })
  department: string;

  @Field(() => [String], { description: 'The event types it is counted from (数据来源).' })
  sourceEvents: string[];

  @Field({ description: 'Which region and month an event is counted under (统计口径).' })
  regionRule: string;

  @Field(() => IndicatorAggregationEnum, { description: 'How a figure is made from the monthly counts.' })
  aggregation: IndicatorAggregation;

  @Field(() => IndicatorDimensionType, { nullable: true, description: 'Its breakdown other than by region, if any.' })
  dimension: IndicatorDimensionType | null;

  @Field(() => Indicator, { nullable: true, description: 'RATIO: the indicator counted above the line.' })
  numerator: string | null;

  @Field(() => Indicator, { nullable: true, description: 'RATIO: the indicator counted below the line.' })
  denominator: string | null;
}

/** The GraphQL view of a catalogue entry. */
export function definitionView(definition: IndicatorDefinition): IndicatorDefinitionType {
  return {
    ...definition,
    sourceEvents: [...definition.sourceEvents],
    dimension: definition.dimension ?? null,
    numerator: definition.numerator ?? null,
    denominator: definition.denominator ?? null,
  };
}
