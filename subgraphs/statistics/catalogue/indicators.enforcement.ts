import type { IndicatorDefinition, IndicatorDimension } from './indicator-definition';

const STATION: IndicatorDimension = { code: 'STATION', name: '检测站点', nameEn: 'Weigh station' };
const BY_STATION =
  '按检测站点所在县级地区、检测时间（北京时间）计；维度为站点编码。By the county the station stands in and the detection time (CST); the dimension is the station code.';

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
  {
    code: 'CASES_TRANSFERRED',
    name: '案件移送数',
    nameEn: 'Cases transferred',
    unit: 'COUNT',
    description:
      '移交其他地区管辖并经接收地区接收的案件数；维度为接收地区代码。Cases handed over to another region and accepted there; the dimension is the receiving region.',
    department: 'enforcement',
    sourceEvents: ['case.transferred'],
    regionRule:
      '按移出地区、接收日期（北京时间）计。By the region the case was transferred from and the acceptance date (CST).',
    aggregation: 'SUM',
    dimension: { code: 'RECEIVING_REGION', name: '接收地区', nameEn: 'Receiving region' },
  },
  {
    code: 'ASSISTANCE_REQUESTS',
    name: '协查请求数',
    nameEn: 'Assistance requests',
    unit: 'COUNT',
    description:
      '向其他地区发出的案件协查请求数；维度为被请求地区代码。Requests to another region to assist on a case; the dimension is the region asked.',
    department: 'enforcement',
    sourceEvents: ['case.assistance-requested'],
    regionRule: '按发出请求的办案地区、请求日期（北京时间）计。By the requesting region and the request date (CST).',
    aggregation: 'SUM',
    dimension: { code: 'ASSISTING_REGION', name: '被请求地区', nameEn: 'Region asked' },
  },
  {
    code: 'WEIGHINGS',
    name: '超限检测车次',
    nameEn: 'Vehicles weighed',
    unit: 'COUNT',
    description:
      '检测站点上传并入库的检测记录数（重复上传的不计）。Weigh-station detection records stored (a record sent again is not counted twice).',
    department: 'enforcement',
    sourceEvents: ['overload-records.weighed'],
    regionRule: BY_STATION,
    aggregation: 'SUM',
    dimension: STATION,
  },
  {
    code: 'OVERLOAD_RECORDS',
    name: '超限超载记录数',
    nameEn: 'Overload records',
    unit: 'COUNT',
    description:
      '超过限值且超出容差的检测记录数。Detection records whose weight exceeded the limit by more than the tolerance.',
    department: 'enforcement',
    sourceEvents: ['overload-records.weighed'],
    regionRule: BY_STATION,
    aggregation: 'SUM',
    dimension: STATION,
  },
  {
    code: 'OVERLOAD_RATE',
    name: '超限超载率',
    nameEn: 'Overload rate',
    unit: 'PERCENT',
    description: '超限超载记录数占检测车次的百分比。Overload records as a percentage of vehicles weighed.',
    department: 'enforcement',
    sourceEvents: ['overload-records.weighed'],
    regionRule: BY_STATION,
    aggregation: 'RATIO',
    dimension: STATION,
    numerator: 'OVERLOAD_RECORDS',
    denominator: 'WEIGHINGS',
  },
];
