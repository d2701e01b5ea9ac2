import { expect } from '@jest/globals';
import {
  at,
  chinaNow,
  EVERYWHERE,
  JIANGSU,
  OUT_FORBIDDEN,
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
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin
const WHO_MAY = {
  'Query.regionIndicator': '-       -       -       -       -      -      Y     -   Y',
  'Query.regionOverview': '-       -       -       -       -      -      Y     -   Y',
  'Enterprise.activitySummary': '-       -       -       -       -      -      Y     -   Y',
  'Query.indicators': '-       -       -       -       -      -      Y     -   Y',
  'Query.indicatorSeries': '-       -       -       -       -      -      Y     -   Y',
  'Query.indicatorBreakdown': '-       -       -       -       -      -      Y     -   Y',
  // 数据开放: public, anonymous callers included (their cell: test/statistics-open-data.test.ts).
  'Query.openIndicators': 'Y       Y       Y       Y       Y      Y      Y     Y   Y',
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
};

export const STATISTICS_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
