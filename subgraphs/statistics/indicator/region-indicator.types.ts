import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Indicator } from '../catalogue/indicator-catalogue';

@ObjectType({ description: 'The value of one indicator in one calendar month (China Standard Time).' })
export class IndicatorPoint {
  @Field({ description: 'The month, YYYY-MM, China Standard Time.' })
  month: string;

  @Field(() => GraphQLSafeInt, {
    description: 'The value in that month: a count, or fen for FINES_FEN; 0 when nothing was counted.',
  })
  value: number;
}

@ObjectType({
  description: 'A monthly time series (月度序列) of one indicator over a region and every region under it.',
})
export class IndicatorSeries {
  @Field(() => Indicator, { description: 'The indicator counted.' })
  indicator: Indicator;

  @Field({ description: 'GB/T 2260 code of the region asked about; 000000 is the whole country.' })
  regionCode: string;

  @Field({ description: 'Name of that region as in GB/T 2260 (全国 for 000000).' })
  regionName: string;

  @Field(() => GraphQLSafeInt, { description: 'Sum of the points: the indicator over the whole range.' })
  total: number;

  @Field(() => [IndicatorPoint], {
    description: 'One point per month from fromMonth to toMonth inclusive, oldest first, zero months included.',
  })
  points: IndicatorPoint[];
}

@ObjectType({ description: "Every indicator's total for one year over a region and every region under it." })
export class RegionTotals {
  @Field({ description: 'GB/T 2260 code of the region; 000000 is the whole country.' })
  regionCode: string;

  @Field({ description: 'Name of the region as in GB/T 2260 (全国 for 000000).' })
  regionName: string;

  @Field(() => GraphQLSafeInt, { description: 'Administrative permits issued (行政许可发证数).' })
  permitsIssued: number;

  @Field(() => GraphQLSafeInt, { description: 'Enforcement cases filed (立案数).' })
  casesOpened: number;

  @Field(() => GraphQLSafeInt, { description: 'Enforcement cases decided (作出处罚决定数).' })
  casesDecided: number;

  @Field(() => GraphQLSafeInt, { description: 'Fines imposed (罚款金额), in fen (1/100 yuan).' })
  finesFen: number;

  @Field(() => GraphQLSafeInt, { description: 'Hazardous-goods electronic waybills created (电子运单数), by origin.' })
  waybillsCreated: number;
}

@ObjectType({
  description: "A region's year at a glance (年度统计概览): its totals and those of the regions directly under it.",
})
export class RegionOverview extends RegionTotals {
  @Field(() => Int, { description: 'The calendar year, China Standard Time.' })
  year: number;

  @Field(() => [RegionTotals], {
    description:
      'The regions one level down that have counts, by code: provinces under 000000, prefectures under a province, ' +
      'counties under a prefecture; none under a county. ' +
      "Counts recorded at the region's own level are in its totals but in no sub-region.",
  })
  subRegions: RegionTotals[];
}
