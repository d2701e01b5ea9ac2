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
  // The catalogue is written in this repository (subgraphs/statistics/catalogue).
  IndicatorDefinition: {
    name: NOT_PERSONAL,
    nameEn: NOT_PERSONAL,
    description: NOT_PERSONAL,
    department: NOT_PERSONAL,
    sourceEvents: NOT_PERSONAL,
    regionRule: NOT_PERSONAL,
  },
  IndicatorDimension: { code: NOT_PERSONAL, name: NOT_PERSONAL, nameEn: NOT_PERSONAL },
  IndicatorTrend: { regionCode: NOT_PERSONAL, regionName: NOT_PERSONAL, dimension: NOT_PERSONAL },
  IndicatorTrendPoint: { period: NOT_PERSONAL },
  IndicatorBreakdown: {
    regionCode: NOT_PERSONAL,
    regionName: NOT_PERSONAL,
    from: NOT_PERSONAL,
    to: NOT_PERSONAL,
    dimension: NOT_PERSONAL,
  },
  // Dimension values are codes the departments publish in events (permit kinds, stations, hazard classes).
  IndicatorBreakdownRow: { key: NOT_PERSONAL, name: NOT_PERSONAL },
  // The catalogue's texts and the open data list's notes, written in this repository.
  OpenIndicatorSeries: {
    name: NOT_PERSONAL,
    nameEn: NOT_PERSONAL,
    description: NOT_PERSONAL,
    regionRule: NOT_PERSONAL,
    note: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    regionName: NOT_PERSONAL,
  },
  OpenIndicatorValue: { period: NOT_PERSONAL, display: NOT_PERSONAL },
  // Thresholds: region codes and names, and the usernames of the analysts who set them.
  WarningThreshold: {
    regionCode: NOT_PERSONAL,
    regionName: NOT_PERSONAL,
    createdBy: NOT_PERSONAL,
    updatedBy: NOT_PERSONAL,
  },
  // Warnings are written from the catalogue's names, region names and figures.
  IndicatorWarning: {
    regionCode: NOT_PERSONAL,
    regionName: NOT_PERSONAL,
    thresholdRegionCode: NOT_PERSONAL,
    period: NOT_PERSONAL,
    message: NOT_PERSONAL,
    messageEn: NOT_PERSONAL,
  },
  IndicatorForecast: {
    regionCode: NOT_PERSONAL,
    regionName: NOT_PERSONAL,
    methodDescription: NOT_PERSONAL,
    historyFrom: NOT_PERSONAL,
    historyTo: NOT_PERSONAL,
  },
  ForecastPoint: { month: NOT_PERSONAL },
};
