import type { IndicatorDefinition, IndicatorDimension } from './indicator-definition';

const PERMIT_KIND: IndicatorDimension = { code: 'PERMIT_KIND', name: '许可类别', nameEn: 'Permit kind' };
const BY_DECISION =
  '按受理机关所在地区、作出决定日期（北京时间）计。By the handling authority’s region and the decision date (CST).';

/** 行政许可: the licensing department's indicators. */
export const LICENSING_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'APPLICATIONS_RECEIVED',
    name: '行政许可申请数',
    nameEn: 'Permit applications received',
    unit: 'COUNT',
    description:
      '网上提交的行政许可申请数（含此后退回补正、撤回的）。Permit applications submitted online, including those later returned or withdrawn.',
    department: 'licensing',
    sourceEvents: ['permit-application.received'],
    regionRule:
      '按受理机关所在地区、提交日期（北京时间）计。By the handling authority’s region and the submission date (CST).',
    aggregation: 'SUM',
    dimension: PERMIT_KIND,
  },
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
    dimension: PERMIT_KIND,
  },
  {
    code: 'APPLICATIONS_REFUSED',
    name: '行政许可不予许可数',
    nameEn: 'Permit applications refused',
    unit: 'COUNT',
    description:
      '决定不予受理或不予许可的申请数（含跨省路线中一省不予许可的）。Applications refused, before acceptance or after it (including a refused route segment).',
    department: 'licensing',
    sourceEvents: ['permit-application.decided'],
    regionRule: BY_DECISION,
    aggregation: 'SUM',
    dimension: PERMIT_KIND,
  },
  {
    code: 'APPLICATIONS_DECIDED',
    name: '行政许可办结数',
    nameEn: 'Permit applications decided',
    unit: 'COUNT',
    description:
      '作出准予许可或不予许可决定的申请数；撤回的不计。Applications approved or refused; withdrawn ones are not counted.',
    department: 'licensing',
    sourceEvents: ['permit-application.decided'],
    regionRule: BY_DECISION,
    aggregation: 'SUM',
    dimension: PERMIT_KIND,
  },
  {
    code: 'APPLICATIONS_OVERDUE',
    name: '行政许可超期件数',
    nameEn: 'Permit applications overdue',
    unit: 'COUNT',
    description:
      '已受理的申请超过决定期限（受理后法定工作日数，经批准延长的按延长后）仍未作出决定的件数，每件计一次，无论此后是否办结。Accepted applications still undecided after their decision due date (working days from acceptance, as extended), each counted once whether decided later or not.',
    department: 'licensing',
    sourceEvents: ['permit-application.overdue'],
    regionRule:
      '按受理机关所在地区、超期之日（决定期限次日，北京时间）计。By the handling authority’s region and the first day past the due date (CST).',
    aggregation: 'SUM',
    dimension: PERMIT_KIND,
  },
  {
    code: 'APPLICATIONS_DECIDED_LATE',
    name: '行政许可超期办结数',
    nameEn: 'Permit applications decided late',
    unit: 'COUNT',
    description: '决定日期晚于决定期限的办结申请数。Applications approved or refused after their decision due date.',
    department: 'licensing',
    sourceEvents: ['permit-application.decided'],
    regionRule: BY_DECISION,
    aggregation: 'SUM',
    dimension: PERMIT_KIND,
  },
  {
    code: 'PERMIT_OVERDUE_RATE',
    name: '行政许可超期办结率',
    nameEn: 'Permit overdue rate',
    unit: 'PERCENT',
    description: '超期办结数占办结数的百分比。Applications decided late as a percentage of applications decided.',
    department: 'licensing',
    sourceEvents: ['permit-application.decided'],
    regionRule: BY_DECISION,
    aggregation: 'RATIO',
    dimension: PERMIT_KIND,
    numerator: 'APPLICATIONS_DECIDED_LATE',
    denominator: 'APPLICATIONS_DECIDED',
  },
  {
    code: 'PERMIT_DECISION_WORKING_DAYS',
    name: '行政许可办理用时分布',
    nameEn: 'Permit decision time (histogram)',
    unit: 'COUNT',
    description:
      '办结申请按办理工作日数计数，维度为“许可类别/工作日数”；工作日从受理次日起算至决定日，不予受理的从提交次日起算，按许可期限所用工作日历。Decided applications counted by working days taken (dimension `<kind>/<days>`), from the day after acceptance (after submission when refused unaccepted) to the decision day, on the calendar permit deadlines use.',
    department: 'licensing',
    sourceEvents: ['permit-application.decided'],
    regionRule: BY_DECISION,
    aggregation: 'SUM',
    dimension: { code: 'PERMIT_KIND_DAYS', name: '许可类别/工作日数', nameEn: 'Permit kind / working days' },
  },
  {
    code: 'PERMIT_DECISION_MEDIAN_DAYS',
    name: '行政许可办理用时中位数',
    nameEn: 'Median working days to decide',
    unit: 'WORKING_DAYS',
    description:
      '办结申请办理工作日数的中位数（取较小的中位值）。The median working days from acceptance to the decision of the applications decided (the lower median).',
    department: 'licensing',
    sourceEvents: ['permit-application.decided'],
    regionRule: BY_DECISION,
    aggregation: 'MEDIAN',
    dimension: PERMIT_KIND,
    histogram: 'PERMIT_DECISION_WORKING_DAYS',
  },
];
