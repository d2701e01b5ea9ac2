import type { IndicatorDefinition } from './indicator-definition';

/** 行政许可: the licensing department's indicators. */
export const LICENSING_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'PERMITS_ISSUED',
    name: '行政许可发证数',
    nameEn: 'Permits issued',
    unit: 'COUNT',
    description: '办结并核发的行政许可证件数。Administrative permits issued.',
    department: 'licensing',
    sourceEvents: ['permit.issued'],
    regionRule:
      '按发证机关所在地区、发证日期（北京时间）计。By the issuing authority’s region and the issue date (CST).',
    aggregation: 'SUM',
    dimension: { code: 'PERMIT_KIND', name: '许可类别', nameEn: 'Permit kind' },
  },
];
