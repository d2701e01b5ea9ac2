import { ArgsType, Field, Int } from 'type-graphql';
import { EARLIEST_YEAR, LATEST_YEAR } from '../../statistics-calendar';
import { Indicator } from '../../catalogue/indicator-catalogue';

/** The longest series one request may ask for: ten years of months. */
export const MAX_SERIES_MONTHS = 120;

const REGION_SCOPE =
  'GB/T 2260 region code within your own region; the region and every region under it are summed, 000000 is the whole country.';

@ArgsType()
export class RegionIndicatorArgs {
  @Field(() => Indicator, { description: 'The indicator to read.' })
  indicator: Indicator;

  @Field({ description: REGION_SCOPE })
  regionCode: string;

  @Field({ description: 'First month, YYYY-MM, China Standard Time.' })
  fromMonth: string;

  @Field({ description: `Last month, YYYY-MM, inclusive; at most ${MAX_SERIES_MONTHS} months from fromMonth.` })
  toMonth: string;
}

@ArgsType()
export class RegionOverviewArgs {
  @Field({ description: REGION_SCOPE })
  regionCode: string;

  @Field(() => Int, { description: `Calendar year in China Standard Time (${EARLIEST_YEAR}-${LATEST_YEAR}).` })
  year: number;
}
