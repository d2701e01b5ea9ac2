import type { CatalogueEntry, CatalogueRules } from '../../platform/graphql/catalogue-directive';
import { citing, ENTERPRISE_KEY_ENTRY, LEGAL_BASIS } from '../../platform/graphql/catalogue-legal-basis';

// Statistics' data items in the data resource catalogue (数据资源目录): the open indicators are public;
// the other figures are shared on approval; the thresholds staff configure are not shared.

/** Indicators, trends, forecasts and warnings (统计指标): shared on the department's approval. */
const STATISTICS: CatalogueEntry = {
  category: 'statistics',
  shareClass: 'CONDITIONAL',
  updateFrequency: 'MONTHLY',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.statistics),
};

/** The open indicators (开放数据): public. */
const OPEN_DATA: CatalogueEntry = {
  category: 'statistics',
  shareClass: 'UNCONDITIONAL',
  updateFrequency: 'MONTHLY',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.statistics, LEGAL_BASIS.disclosure),
};

const INTERNAL: CatalogueEntry = {
  category: 'statistics',
  shareClass: 'NOT_SHARED',
  updateFrequency: 'ON_CHANGE',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.statistics),
};

const DAILY_STATISTICS: CatalogueEntry = { ...STATISTICS, updateFrequency: 'DAILY' };

export const STATISTICS_CATALOGUE: CatalogueRules = {
  Enterprise: { entry: DAILY_STATISTICS, fields: { creditCode: ENTERPRISE_KEY_ENTRY } },
  ActivitySummary: { entry: DAILY_STATISTICS },
  RegionOverview: { entry: DAILY_STATISTICS },
  RegionTotals: { entry: DAILY_STATISTICS },
  IndicatorDefinition: { entry: { ...STATISTICS, updateFrequency: 'ON_CHANGE' } },
  IndicatorDimension: { entry: { ...STATISTICS, updateFrequency: 'ON_CHANGE' } },
  IndicatorTrend: { entry: STATISTICS },
  IndicatorTrendPoint: { entry: STATISTICS },
  IndicatorBreakdown: { entry: STATISTICS },
  IndicatorBreakdownRow: { entry: STATISTICS },
  IndicatorSeries: { entry: STATISTICS },
  IndicatorPoint: { entry: STATISTICS },
  IndicatorForecast: { entry: STATISTICS },
  ForecastPoint: { entry: STATISTICS },
  IndicatorWarning: { entry: DAILY_STATISTICS },
  OpenIndicatorSeries: { entry: OPEN_DATA },
  OpenIndicatorValue: { entry: OPEN_DATA },
  WarningThreshold: { entry: INTERNAL },
};
