import type { IndicatorDefinition } from './indicator-definition';

const DISCLOSURE_KIND = { code: 'DISCLOSURE_KIND', name: '公示类别', nameEn: 'Disclosure kind' };
const LIST_CRITERION = { code: 'LIST_CRITERION', name: '列入依据', nameEn: 'Listing criterion' };

/** 信用: the credit department's indicators. */
export const CREDIT_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'DISCLOSURES_PUBLISHED',
    name: '双公示信息公示数',
    nameEn: '双公示 disclosures published',
    unit: 'COUNT',
    description:
      '向社会公示的行政许可、行政处罚信息数（双公示）。Administrative licences and penalties published to the public (双公示).',
    department: 'credit',
    sourceEvents: ['credit.disclosure-published'],
    regionRule:
      '按作出决定的机关所在地区、公示日期（北京时间）计。By the deciding authority’s region and the publication date (CST).',
    aggregation: 'SUM',
    dimension: DISCLOSURE_KIND,
  },
  {
    code: 'DISCLOSURES_PUBLISHED_LATE',
    name: '逾期公示数',
    nameEn: 'Disclosures published late',
    unit: 'COUNT',
    description:
      '超过公示期限（决定后第7个工作日）才公示的双公示信息数。Disclosures published after their deadline, the 7th working day after the decision.',
    department: 'credit',
    sourceEvents: ['credit.disclosure-published'],
    regionRule:
      '按作出决定的机关所在地区、公示日期（北京时间）计。By the deciding authority’s region and the publication date (CST).',
    aggregation: 'SUM',
    dimension: DISCLOSURE_KIND,
  },
  {
    code: 'DISCLOSURE_LATE_RATE',
    name: '逾期公示率',
    nameEn: 'Late publication rate',
    unit: 'PERCENT',
    description: '逾期公示数占公示数的百分比。Disclosures published late as a percentage of the disclosures published.',
    department: 'credit',
    sourceEvents: ['credit.disclosure-published'],
    regionRule: '同公示数。As for disclosures published.',
    aggregation: 'RATIO',
    dimension: DISCLOSURE_KIND,
    numerator: 'DISCLOSURES_PUBLISHED_LATE',
    denominator: 'DISCLOSURES_PUBLISHED',
  },
  {
    code: 'DISCLOSURE_OVERDUE_CHANGES',
    name: '逾期未公示数变动',
    nameEn: 'Change in disclosures overdue unpublished',
    unit: 'COUNT',
    description:
      '公示期限届满仍未公示记+1（次日计），此后公示记-1。+1 when a disclosure’s deadline passes unpublished (counted the next day), -1 when it is published after that.',
    department: 'credit',
    sourceEvents: ['credit.disclosure-overdue', 'credit.disclosure-published'],
    regionRule:
      '按作出决定的机关所在地区，逾期之日或公示日期（北京时间）计。By the deciding authority’s region and the day it became overdue or was published (CST).',
    aggregation: 'SUM',
    dimension: DISCLOSURE_KIND,
  },
  {
    code: 'DISCLOSURES_OVERDUE',
    name: '逾期未公示数',
    nameEn: 'Disclosures overdue unpublished',
    unit: 'COUNT',
    description:
      '期末已过公示期限仍未公示的双公示信息数（多因尚不掌握相对人名称）。Disclosures past their publication deadline and still unpublished at the end of the period, mostly for want of the counterpart’s name.',
    department: 'credit',
    sourceEvents: ['credit.disclosure-overdue', 'credit.disclosure-published'],
    regionRule:
      '按作出决定的机关所在地区计，取期末数；公示任务每次运行时检查期限。By the deciding authority’s region, as it stands at the period’s end; the publication job checks deadlines on every run.',
    aggregation: 'STOCK',
    dimension: DISCLOSURE_KIND,
    flow: 'DISCLOSURE_OVERDUE_CHANGES',
  },
  {
    code: 'CREDIT_LIST_ENTRIES',
    name: '列入严重失信主体名单数',
    nameEn: 'Serious-dishonesty list entries',
    unit: 'COUNT',
    description:
      '列入严重失信主体名单的次数，按列入依据分。Enterprises entered on the serious-dishonesty list, by criterion.',
    department: 'credit',
    sourceEvents: ['credit.list-changed'],
    regionRule:
      '按列入机关所在地区、列入日期（北京时间）计。By the listing authority’s region and the listing date (CST).',
    aggregation: 'SUM',
    dimension: LIST_CRITERION,
  },
  {
    code: 'CREDIT_LIST_REMOVALS',
    name: '移出严重失信主体名单数',
    nameEn: 'Serious-dishonesty list removals',
    unit: 'COUNT',
    description:
      '移出名单的次数，按移出原因（期满、信用修复、人工移出）分。Entries that left the list, by reason: term ended, credit repair, removed by an officer.',
    department: 'credit',
    sourceEvents: ['credit.list-changed'],
    regionRule:
      '按列入机关所在地区、移出日期（北京时间）计。By the listing authority’s region and the removal date (CST).',
    aggregation: 'SUM',
    dimension: { code: 'LIST_REMOVAL_REASON', name: '移出原因', nameEn: 'Removal reason' },
  },
  {
    code: 'CREDIT_LIST_CHANGES',
    name: '名单在列数变动',
    nameEn: 'Change in list entries standing',
    unit: 'COUNT',
    description:
      '列入记+1、移出记-1，是在列名单数的变动。+1 per listing and -1 per removal: the change in the entries standing.',
    department: 'credit',
    sourceEvents: ['credit.list-changed'],
    regionRule:
      '按列入机关所在地区，列入或移出日期（北京时间）计。By the listing authority’s region and the listing or removal date (CST).',
    aggregation: 'SUM',
    dimension: LIST_CRITERION,
  },
  {
    code: 'CREDIT_LISTED',
    name: '在列严重失信主体名单数',
    nameEn: 'Serious-dishonesty list entries standing',
    unit: 'COUNT',
    description: '期末仍在严重失信主体名单上的条目数。Entries on the serious-dishonesty list at the end of the period.',
    department: 'credit',
    sourceEvents: ['credit.list-changed'],
    regionRule: '按列入机关所在地区计，取期末数。By the listing authority’s region, as it stands at the period’s end.',
    aggregation: 'STOCK',
    dimension: LIST_CRITERION,
    flow: 'CREDIT_LIST_CHANGES',
  },
  {
    code: 'CREDIT_REPAIRS_DECIDED',
    name: '信用修复办结数',
    nameEn: 'Credit repairs decided',
    unit: 'COUNT',
    description:
      '已作出决定的信用修复申请数，按准予修复（APPROVED）、不予修复（REFUSED）分。Credit repair applications decided, approved or refused.',
    department: 'credit',
    sourceEvents: ['credit.repair-decided'],
    regionRule:
      '按作出处罚决定的机关所在地区、修复决定日期（北京时间）计。By the region of the authority that decided the penalty and the repair decision date (CST).',
    aggregation: 'SUM',
    dimension: { code: 'REPAIR_OUTCOME', name: '修复结果', nameEn: 'Repair outcome' },
  },
];
