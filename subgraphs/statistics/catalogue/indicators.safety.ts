import type { IndicatorDefinition } from './indicator-definition';

const HAZARD_LEVEL = { code: 'HAZARD_LEVEL', name: '隐患等级', nameEn: 'Hazard level' };
const HAZARD_FOUND_RULE =
  '按企业所在地区、排查日期（北京时间）计。By the enterprise’s region and the inspection date (CST).';
const HAZARD_CLOSED_RULE =
  '按企业所在地区、复查销号日期（北京时间）计。By the enterprise’s region and the date its rectification was verified (CST).';
const VEHICLE_DAY_RULE =
  '按车辆核发道路运输证的地区、监控日（北京时间）计；每日日终结算一次，车辆数按结算时的登记计。By the vehicle’s certifying region and the monitored China day, settled once after the day ends, with the vehicles registered then.';

/** 安全生产监管: the safety department's indicators. */
export const SAFETY_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'WAYBILLS_CREATED',
    name: '危险货物电子运单数',
    nameEn: 'Hazardous-goods e-waybills',
    unit: 'COUNT',
    description:
      '通过核验并创建的危险货物道路运输电子运单数，按危险货物类别（GB 6944）分。Hazardous-goods electronic waybills created, by hazard class (GB 6944).',
    department: 'safety',
    sourceEvents: ['waybill.created'],
    regionRule: '按起运地、创建日期计。By the origin region and the creation date (CST).',
    aggregation: 'SUM',
    dimension: { code: 'HAZARD_CLASS', name: '危险货物类别', nameEn: 'Hazard class' },
  },
  {
    code: 'CROSS_PROVINCE_WAYBILLS',
    name: '跨省危险货物运单数',
    nameEn: 'Cross-province hazardous-goods waybills',
    unit: 'COUNT',
    description:
      '目的地在起运地以外省份的运单数，按目的地省份分：某省按维度的分解即起讫（OD）矩阵中以该省为起点的一行。Waybills whose destination lies in another province, by destination province: a province’s breakdown by dimension is its row of the origin-destination matrix.',
    department: 'safety',
    sourceEvents: ['waybill.created'],
    regionRule:
      '按起运地、创建日期（北京时间）计，维度为目的地省份代码。By the origin region and the creation date (CST); the dimension is the destination province code.',
    aggregation: 'SUM',
    dimension: { code: 'DESTINATION_PROVINCE', name: '目的地省份', nameEn: 'Destination province' },
  },
  {
    code: 'SAFETY_ALERTS',
    name: '动态监控报警数',
    nameEn: 'Monitoring alerts',
    unit: 'COUNT',
    description:
      '重点营运车辆动态监控产生的报警数，按报警类型（超速、疲劳驾驶、凌晨运行、离线）分。Alerts raised by key-vehicle monitoring, by kind: speeding, fatigue, a coach at night, offline.',
    department: 'safety',
    sourceEvents: ['safety-alert.raised'],
    regionRule:
      '按车辆核发道路运输证的地区、报警发生时间（北京时间）计。By the vehicle’s certifying region and when the alert occurred (CST).',
    aggregation: 'SUM',
    dimension: { code: 'ALERT_KIND', name: '报警类型', nameEn: 'Alert kind' },
  },
  {
    code: 'MONITORED_VEHICLE_DAYS',
    name: '重点营运车辆监控车日数',
    nameEn: 'Key vehicle-days monitored',
    unit: 'VEHICLE_DAYS',
    description:
      '登记在册的重点营运车辆（两客一危）逐日累计的车日数。Key vehicles (coaches and hazardous-goods vehicles) registered, counted once per day.',
    department: 'safety',
    sourceEvents: ['monitoring.day-closed'],
    regionRule: VEHICLE_DAY_RULE,
    aggregation: 'SUM',
  },
  {
    code: 'ONLINE_VEHICLE_DAYS',
    name: '重点营运车辆上线车日数',
    nameEn: 'Key vehicle-days online',
    unit: 'VEHICLE_DAYS',
    description:
      '当日至少上报一次定位的重点营运车辆车日数。Key vehicles that sent at least one position that day, counted once per day.',
    department: 'safety',
    sourceEvents: ['monitoring.day-closed'],
    regionRule: VEHICLE_DAY_RULE,
    aggregation: 'SUM',
  },
  {
    code: 'ONLINE_RATE',
    name: '车辆上线率',
    nameEn: 'Vehicle online rate',
    unit: 'PERCENT',
    description:
      '上线车日数占监控车日数的百分比（联网联控上线率）。Vehicle-days online as a percentage of vehicle-days monitored.',
    department: 'safety',
    sourceEvents: ['monitoring.day-closed'],
    regionRule: VEHICLE_DAY_RULE,
    aggregation: 'RATIO',
    numerator: 'ONLINE_VEHICLE_DAYS',
    denominator: 'MONITORED_VEHICLE_DAYS',
  },
  {
    code: 'HAZARDS_FOUND',
    name: '排查隐患数',
    nameEn: 'Hidden hazards found',
    unit: 'COUNT',
    description: '安全检查中发现的隐患数，按一般、重大分。Hidden hazards found at inspections, general or major.',
    department: 'safety',
    sourceEvents: ['hazard.found'],
    regionRule: HAZARD_FOUND_RULE,
    aggregation: 'SUM',
    dimension: HAZARD_LEVEL,
  },
  {
    code: 'HAZARDS_CLOSED',
    name: '整改销号隐患数',
    nameEn: 'Hidden hazards closed',
    unit: 'COUNT',
    description: '整改经复查销号的隐患数。Hidden hazards whose rectification was verified (销号).',
    department: 'safety',
    sourceEvents: ['hazard.closed'],
    regionRule: HAZARD_CLOSED_RULE,
    aggregation: 'SUM',
    dimension: HAZARD_LEVEL,
  },
  {
    code: 'HAZARDS_CLOSED_LATE',
    name: '逾期整改隐患数',
    nameEn: 'Hidden hazards closed after their deadline',
    unit: 'COUNT',
    description: '超过整改期限才复查销号的隐患数。Hidden hazards closed after their rectification deadline (整改期限).',
    department: 'safety',
    sourceEvents: ['hazard.closed'],
    regionRule: HAZARD_CLOSED_RULE,
    aggregation: 'SUM',
    dimension: HAZARD_LEVEL,
  },
  {
    code: 'HAZARD_OPEN_CHANGES',
    name: '未销号隐患数变动',
    nameEn: 'Change in hidden hazards open',
    unit: 'COUNT',
    description:
      '发现记+1、销号记-1，是未销号隐患数的变动。+1 per hazard found and -1 per hazard closed: the change in hazards open.',
    department: 'safety',
    sourceEvents: ['hazard.found', 'hazard.closed'],
    regionRule:
      '按企业所在地区，排查或销号日期（北京时间）计。By the enterprise’s region and the inspection or closing date (CST).',
    aggregation: 'SUM',
    dimension: HAZARD_LEVEL,
  },
  {
    code: 'HAZARDS_OPEN',
    name: '未销号隐患数',
    nameEn: 'Hidden hazards open',
    unit: 'COUNT',
    description:
      '期末尚未复查销号的隐患数（含已报整改待复查）。Hidden hazards not closed at the end of the period, including those awaiting verification.',
    department: 'safety',
    sourceEvents: ['hazard.found', 'hazard.closed'],
    regionRule: '按企业所在地区计，取期末数。By the enterprise’s region, as it stands at the period’s end.',
    aggregation: 'STOCK',
    dimension: HAZARD_LEVEL,
    flow: 'HAZARD_OPEN_CHANGES',
  },
  {
    code: 'HAZARD_OVERDUE_CHANGES',
    name: '逾期未整改隐患数变动',
    nameEn: 'Change in hidden hazards overdue',
    unit: 'COUNT',
    description:
      '整改期限届满仍未销号记+1（次日计），此后销号记-1。+1 when a hazard’s deadline passes with it not closed (counted the next day), -1 when it is closed after that.',
    department: 'safety',
    sourceEvents: ['hazard.overdue', 'hazard.closed'],
    regionRule:
      '按企业所在地区，逾期之日或销号日期（北京时间）计。By the enterprise’s region and the day it became overdue or was closed (CST).',
    aggregation: 'SUM',
    dimension: HAZARD_LEVEL,
  },
  {
    code: 'HAZARDS_OVERDUE',
    name: '逾期未整改隐患数',
    nameEn: 'Hidden hazards overdue',
    unit: 'COUNT',
    description:
      '期末已过整改期限仍未销号的隐患数。Hidden hazards past their rectification deadline and not closed at the end of the period.',
    department: 'safety',
    sourceEvents: ['hazard.overdue', 'hazard.closed'],
    regionRule:
      '按企业所在地区计，取期末数；安全监管每15秒检查一次期限。By the enterprise’s region, as it stands at the period’s end; safety checks deadlines every 15 seconds.',
    aggregation: 'STOCK',
    dimension: HAZARD_LEVEL,
    flow: 'HAZARD_OVERDUE_CHANGES',
  },
];
