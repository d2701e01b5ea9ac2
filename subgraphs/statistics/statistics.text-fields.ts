import { TextKind, type TextFieldRules } from '../../platform/graphql/text-fields';

const { NOT_PERSONAL } = TextKind;

/**
 * What each statistics text field holds (checked when the schema is built; see platform/graphql/text-fields.ts):
 * codes and the names of regions from the GB/T 2260 table; no one types text here.
 */
export const STATISTICS_TEXT_FIELDS: TextFieldRules = {
  Enterprise: { creditCode: NOT_PERSONAL },
  ActivitySummary: { creditCode: NOT_PERSONAL },
  IndicatorSeries: { regionCode: NOT_PERSONAL, regionName: NOT_PERSONAL },
  IndicatorPoint: { month: NOT_PERSONAL },
  RegionOverview: { regionCode: NOT_PERSONAL, regionName: NOT_PERSONAL },
  RegionTotals: { regionCode: NOT_PERSONAL, regionName: NOT_PERSONAL },
};
