import type { InvestmentProject, TenderAward } from './national-platforms';

// What the simulated national platforms hold, consistent with the demo enterprises
// (platform/demo/demo-dataset.ts): 苏州交通建设工程有限公司 (91320500MA1WJ7X907) builds roads.

/** Approved, with a tender award: the demo's highway construction application (S58 太仓段) names it. */
export const DEMO_PROJECT_APPROVED_WITH_AWARD = '2025-320500-48-01-000123';
/** Still under approval on the investment platform: a construction permit cannot be applied for yet. */
export const DEMO_PROJECT_PENDING = '2025-320500-48-01-000027';
/** Approved, but no tender award is on record at the trading platform. */
export const DEMO_PROJECT_WITHOUT_AWARD = '2025-320500-48-01-000035';
/** Refused on the investment platform. */
export const DEMO_PROJECT_REJECTED = '2025-320583-48-01-001014';
/** Approved with an award, in Nanjing and in Hangzhou (for region-scoped views). */
export const DEMO_PROJECT_NANJING = '2024-320100-48-01-000775';
export const DEMO_PROJECT_HANGZHOU = '2025-330100-48-01-000086';
/**
 * Approved, but the trading platform cannot answer for its award: the provincial trading centre is
 * migrating this project's records, so every lookup fails with 503. The demo's application for it waits
 * in AWAITING_EXTERNAL_VERIFICATION and is re-checked, as any application does while a platform is down.
 */
export const DEMO_PROJECT_AWARD_RECORDS_MIGRATING = '2025-320500-48-01-000043';

export const DEMO_INVESTMENT_PROJECTS: readonly InvestmentProject[] = [
  {
    projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
    name: 'S58沪宜高速公路太仓段改扩建工程',
    regionCode: '320500',
    approvalStatus: 'APPROVED',
  },
  {
    projectCode: DEMO_PROJECT_PENDING,
    name: 'G524国道常熟段改建工程',
    regionCode: '320500',
    approvalStatus: 'PENDING',
  },
  {
    projectCode: DEMO_PROJECT_WITHOUT_AWARD,
    name: '苏州绕城高速公路养护改造工程',
    regionCode: '320500',
    approvalStatus: 'APPROVED',
  },
  {
    projectCode: DEMO_PROJECT_REJECTED,
    name: '昆山S224省道改扩建工程',
    regionCode: '320583',
    approvalStatus: 'REJECTED',
  },
  {
    projectCode: DEMO_PROJECT_NANJING,
    name: '南京长江第五大桥北接线工程',
    regionCode: '320100',
    approvalStatus: 'APPROVED',
  },
  {
    projectCode: DEMO_PROJECT_HANGZHOU,
    name: '杭州湾跨海大桥北接线改造工程',
    regionCode: '330100',
    approvalStatus: 'APPROVED',
  },
  {
    projectCode: DEMO_PROJECT_AWARD_RECORDS_MIGRATING,
    name: '苏州工业园区星湖街快速化改造工程',
    regionCode: '320500',
    approvalStatus: 'APPROVED',
  },
];

/** Projects whose award lookups the simulated trading platform answers with 503 (records being migrated). */
export const DEMO_AWARD_LOOKUPS_UNAVAILABLE: readonly string[] = [DEMO_PROJECT_AWARD_RECORDS_MIGRATING];

export const DEMO_TENDER_AWARDS: readonly TenderAward[] = [
  {
    projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
    noticeNumber: 'JSGGZY-ZB-2025-0918-012',
    winningBidderCreditCode: '91320500MA1WJ7X907',
    awardedAt: '2025-09-18T02:00:00.000Z',
  },
  {
    projectCode: DEMO_PROJECT_NANJING,
    noticeNumber: 'JSGGZY-ZB-2024-1105-031',
    winningBidderCreditCode: '91320500MA1WJ7X907',
    awardedAt: '2024-11-05T03:30:00.000Z',
  },
  {
    projectCode: DEMO_PROJECT_HANGZHOU,
    noticeNumber: 'ZJGGZY-ZB-2025-0612-007',
    winningBidderCreditCode: '91320500MA1WJ7X907',
    awardedAt: '2025-06-12T01:00:00.000Z',
  },
];
