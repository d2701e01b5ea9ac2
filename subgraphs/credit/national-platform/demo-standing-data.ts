import type { PlatformListEntry } from './national-credit-platform';

// What the simulated national credit platform holds about some demo enterprises (platform/demo/
// demo-dataset.ts): listings by other ministries that the single window shows beside its own credit file.

export const DEMO_LISTED_BY_COURT = '91320583MA1NQ2W40E'; // 昆山通达货运有限公司
export const DEMO_LISTED_BY_TAX = '91330106MA2H4K1L0X'; // 杭州西湖物流有限公司

export const DEMO_NATIONAL_STANDING: Readonly<Record<string, readonly PlatformListEntry[]>> = {
  [DEMO_LISTED_BY_COURT]: [
    {
      listName: '失信被执行人',
      listingAuthority: '最高人民法院',
      listedOn: '2025-06-18',
      reference: '(2025)苏0583执1234号',
    },
  ],
  [DEMO_LISTED_BY_TAX]: [
    {
      listName: '重大税收违法失信主体',
      listingAuthority: '国家税务总局',
      listedOn: '2025-04-02',
      reference: '杭税稽罚〔2025〕56号',
    },
  ],
};
