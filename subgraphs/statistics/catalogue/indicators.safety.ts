import type { IndicatorDefinition } from './indicator-definition';

/** 安全生产监管: the safety department's indicators. */
export const SAFETY_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'WAYBILLS_CREATED',
    name: '危险货物电子运单数',
    nameEn: 'Hazardous-goods e-waybills',
    unit: 'COUNT',
    description: '通过核验并创建的危险货物道路运输电子运单数。Hazardous-goods electronic waybills created.',
    department: 'safety',
    sourceEvents: ['waybill.created'],
    regionRule: '按起运地、创建日期计。By the origin region and the creation date (CST).',
    aggregation: 'SUM',
  },
];
