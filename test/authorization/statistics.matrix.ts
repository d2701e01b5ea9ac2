import { expect } from '@jest/globals';
import {
  at,
  chinaNow,
  EVERYWHERE,
  JIANGSU,
  IN_REGION,
  mutation,
  OUT_FORBIDDEN,
  OUT_NOT_FOUND,
  OUT_REGION,
  type DepartmentMatrix,
  type Json,
  type OperationProbe,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';

// Statistics (统计): regional indicators, overviews and activity summaries.
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.regionIndicator': '-       -       -       -       -      -      Y     -   Y     -     -',
  'Query.regionOverview': '-       -       -       -       -      -      Y     -   Y     -     -',
  'Enterprise.activitySummary': '-       -       -       -       -      -      Y     -   Y     -     -',
  'Query.indicators': '-       -       -       -       -      -      Y     -   Y     -     -',
  'Query.indicatorSeries': '-       -       -       -       -      -      Y     -   Y     -     -',
  'Query.indicatorBreakdown': '-       -       -       -       -      -      Y     -   Y     -     -',
  // 数据开放: public, anonymous callers included (their cell: test/statistics-open-data.test.ts).
  'Query.openIndicators': 'Y       Y       Y       Y       Y      Y      Y     Y   Y     Y     Y',
  // Early warning and forecasts (预警 / 预测): analysts read; only statistics-warning-admin (held by
  // ministry-admin here, not by the plain analyst) sets and removes thresholds.
  'Query.indicatorWarnings': '-       -       -       -       -      -      Y     -   Y     -     -',
  'Query.warningThresholds': '-       -       -       -       -      -      Y     -   Y     -     -',
  'Query.indicatorForecast': '-       -       -       -       -      -      Y     -   Y     -     -',
  'Mutation.setWarningThreshold': '-       -       -       -       -      -      -     -   Y     -     -',
  'Mutation.removeWarningThreshold': '-       -       -       -       -      -      -     -   Y     -     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  // Statistics outside one's region are refused, not empty; only national roles may read statistics.
  'Query.regionIndicator': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Query.regionOverview': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Enterprise.activitySummary': { 'in-region': EVERYWHERE },
  'Query.indicators': { any: EVERYWHERE },
  'Query.indicatorSeries': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Query.indicatorBreakdown': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  // The country and the provinces, whoever asks: the same figures for every region.
  'Query.openIndicators': { any: EVERYWHERE },
  // Thresholds, warnings and forecasts of a region outside one's own are refused, like every statistic.
  'Query.indicatorWarnings': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Query.warningThresholds': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Query.indicatorForecast': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.setWarningThreshold': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  // A threshold of another region is not found (NOT_FOUND), exactly like one that does not exist.
  'Mutation.removeWarningThreshold': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
};

// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.
function statisticsProbe(field: 'regionIndicator' | 'regionOverview', region: string): VariantProbe {
  const { month, year } = chinaNow();
  const document =
    field === 'regionIndicator'
      ? `query ($region: String!, $month: String!) { regionIndicator(indicator: CASES_OPENED, regionCode: $region, fromMonth: $month, toMonth: $month) { regionCode total points { month value } } }`
      : `query ($region: String!, $year: Int!) { regionOverview(regionCode: $region, year: $year) { regionCode year casesOpened } }`;
  return {
    request: () => ({ document, variables: field === 'regionIndicator' ? { region, month } : { region, year } }),
    ok: (data) => {
      expect(at(data, `${field}.regionCode`)).toBe(region);
      if (field === 'regionIndicator')
        expect(at(data, 'regionIndicator.points')).toEqual([{ month, value: expect.any(Number) }]);
      else expect(at(data, 'regionOverview.year')).toBe(year);
    },
  };
}

/** A quarter's series, or a year's breakdown by region ranked, of one indicator over `region`. */
function indicatorProbe(field: 'indicatorSeries' | 'indicatorBreakdown', region: string): VariantProbe {
  const { year } = chinaNow();
  const document =
    field === 'indicatorSeries'
      ? `query ($region: String!, $period: String!) { indicatorSeries(indicator: CASES_OPENED, regionCode: $region, granularity: QUARTER, from: $period, to: $period) { regionCode points { period value yearOnYearPercent } } }`
      : `query ($region: String!, $period: String!) { indicatorBreakdown(indicator: CASES_OPENED, regionCode: $region, granularity: YEAR, from: $period, to: $period, orderBy: VALUE_DESC) { regionCode total rows { key value rank } } }`;
  const period = field === 'indicatorSeries' ? `${year}-Q1` : String(year);
  return {
    request: () => ({ document, variables: { region, period } }),
    ok: (data) => {
      expect(at(data, `${field}.regionCode`)).toBe(region);
      if (field === 'indicatorSeries') {
        expect(at(data, 'indicatorSeries.points')).toEqual([
          expect.objectContaining({ period, value: expect.any(Number) }),
        ]);
      } else {
        // Every prefecture (or province) one level down is listed, counted or not.
        expect((at(data, 'indicatorBreakdown.rows') as unknown[]).length).toBeGreaterThan(10);
      }
    },
  };
}
const openIndicatorsProbe: OperationProbe = {
  field: 'openIndicators',
  write: false,
  variants: {
    any: {
      request: () => ({
        document: `query ($month: String!) { openIndicators(regionCode: "330000", from: $month, to: $month) { indicator regionCode points { period display suppressed } } }`,
        variables: { month: chinaNow().month },
      }),
      ok: (data) => {
        const series = at(data, 'openIndicators');
        expect(Array.isArray(series) && series.length).toBeGreaterThan(0);
        expect(at((series as Json[])[0], 'regionCode')).toBe('330000');
      },
    },
  },
};
/** A read of a region's warnings, thresholds or forecast: ok when it answers for that region. */
function warningProbe(
  field: 'indicatorWarnings' | 'warningThresholds' | 'indicatorForecast',
  region: string,
): VariantProbe {
  const documents = {
    indicatorWarnings: `query ($region: String!) { indicatorWarnings(regionCode: $region) { thresholdId regionCode } }`,
    warningThresholds: `query ($region: String!) { warningThresholds(regionCode: $region) { id regionCode } }`,
    indicatorForecast: `query ($region: String!) { indicatorForecast(indicator: WAYBILLS_CREATED, regionCode: $region) { regionCode method points { month } } }`,
  };
  return {
    request: () => ({ document: documents[field], variables: { region } }),
    ok: (data) => {
      if (field === 'indicatorForecast') expect(at(data, 'indicatorForecast.regionCode')).toBe(region);
      else expect(Array.isArray(at(data, field))).toBe(true);
    },
  };
}

const setThreshold = mutation('setWarningThreshold', 'SetWarningThresholdInput', 'threshold { id regionCode }');
function setThresholdProbe(region: string): VariantProbe {
  return setThreshold(
    () => ({ indicator: 'WAYBILLS_CREATED', regionCode: region, comparison: 'VALUE_ABOVE', threshold: 500 }),
    (payload) => expect(at(payload, 'threshold.regionCode')).toBe(region),
  );
}

const removeThreshold = mutation('removeWarningThreshold', 'RemoveWarningThresholdInput', 'id');
function removeThresholdProbe(region: string): VariantProbe {
  return removeThreshold(
    (context) => ({ id: context.record }),
    (payload, context) => expect(at(payload, 'id')).toBe(context.record),
    { kind: 'warning-threshold', region },
  );
}

const PROBES: Record<Operation, OperationProbe> = {
  'Query.indicators': {
    field: 'indicators',
    write: false,
    variants: {
      any: {
        request: () => ({ document: `{ indicators { code name unit department } }`, variables: {} }),
        ok: (data) =>
          expect(at(data, 'indicators')).toEqual(
            expect.arrayContaining([
              { code: 'CASES_OPENED', name: '立案数', unit: 'COUNT', department: 'enforcement' },
            ]),
          ),
      },
    },
  },
  'Query.indicatorSeries': {
    field: 'indicatorSeries',
    write: false,
    variants: {
      'in-region': indicatorProbe('indicatorSeries', JIANGSU),
      'out-of-region': indicatorProbe('indicatorSeries', '330000'),
    },
  },
  'Query.indicatorBreakdown': {
    field: 'indicatorBreakdown',
    write: false,
    variants: {
      'in-region': indicatorProbe('indicatorBreakdown', JIANGSU),
      'out-of-region': indicatorProbe('indicatorBreakdown', '330000'),
    },
  },
  'Query.regionIndicator': {
    field: 'regionIndicator',
    write: false,
    variants: {
      'in-region': statisticsProbe('regionIndicator', JIANGSU),
      'out-of-region': statisticsProbe('regionIndicator', '330000'),
    },
  },
  'Query.regionOverview': {
    field: 'regionOverview',
    write: false,
    variants: {
      'in-region': statisticsProbe('regionOverview', JIANGSU),
      'out-of-region': statisticsProbe('regionOverview', '330000'),
    },
  },
  'Enterprise.activitySummary': {
    field: 'activitySummary',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': {
        request: ({ base }) => ({
          document: `query ($code: String!) { enterprise(creditCode: $code) { creditCode activitySummary { creditCode year } } }`,
          variables: { code: base.jsEnterprise },
        }),
        ok: (data, { base }) =>
          expect(at(data, 'enterprise.activitySummary')).toEqual({
            creditCode: base.jsEnterprise,
            year: chinaNow().year,
          }),
      },
    },
  },
  'Query.openIndicators': openIndicatorsProbe,
  'Query.indicatorWarnings': {
    field: 'indicatorWarnings',
    write: false,
    variants: {
      'in-region': warningProbe('indicatorWarnings', JIANGSU),
      'out-of-region': warningProbe('indicatorWarnings', '330000'),
    },
  },
  'Query.warningThresholds': {
    field: 'warningThresholds',
    write: false,
    variants: {
      'in-region': warningProbe('warningThresholds', JIANGSU),
      'out-of-region': warningProbe('warningThresholds', '330000'),
    },
  },
  'Query.indicatorForecast': {
    field: 'indicatorForecast',
    write: false,
    variants: {
      'in-region': warningProbe('indicatorForecast', JIANGSU),
      'out-of-region': warningProbe('indicatorForecast', '330000'),
    },
  },
  'Mutation.setWarningThreshold': {
    field: 'setWarningThreshold',
    write: true,
    variants: { 'in-region': setThresholdProbe(IN_REGION), 'out-of-region': setThresholdProbe(OUT_REGION) },
  },
  'Mutation.removeWarningThreshold': {
    field: 'removeWarningThreshold',
    write: true,
    variants: { 'in-region': removeThresholdProbe(IN_REGION), 'out-of-region': removeThresholdProbe(OUT_REGION) },
  },
};

export const STATISTICS_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
