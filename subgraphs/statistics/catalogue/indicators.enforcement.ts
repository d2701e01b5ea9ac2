import type { IndicatorDefinition } from './indicator-definition';

/** 行政执法: the enforcement department's indicators. */
export const ENFORCEMENT_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'CASES_OPENED',
    name: '立案数',
    nameEn: 'Cases filed',
    unit: 'COUNT',
    description: '立案的行政执法案件数。Enforcement cases filed.',
    department: 'enforcement',
    sourceEvents: ['case.filed'],
    regionRule: '按立案机关所在地区、立案日期计。By the filing authority’s region and the filing date (CST).',
    aggregation: 'SUM',
  },
  {
    code: 'CASES_DECIDED',
    name: '作出处罚决定数',
    nameEn: 'Cases decided',
    unit: 'COUNT',
    description: '作出行政处罚决定的案件数。Enforcement cases decided.',
    department: 'enforcement',
    sourceEvents: ['case.decided'],
    regionRule: '按作出决定机关所在地区、决定日期计。By the deciding authority’s region and the decision date (CST).',
    aggregation: 'SUM',
  },
  {
    code: 'FINES_FEN',
    name: '罚款金额',
    nameEn: 'Fines imposed',
    unit: 'FEN',
    description: '处罚决定的罚款金额（分）。Fines imposed by decisions, in fen (1/100 yuan).',
    department: 'enforcement',
    sourceEvents: ['case.decided'],
    regionRule: '按作出决定机关所在地区、决定日期计。By the deciding authority’s region and the decision date (CST).',
    aggregation: 'SUM',
  },
];
