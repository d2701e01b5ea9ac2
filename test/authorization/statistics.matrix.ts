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
