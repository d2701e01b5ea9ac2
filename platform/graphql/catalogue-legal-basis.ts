import type { CatalogueEntry } from './catalogue-directive';

/** The instruments the catalogue's entries cite (legalBasis), written once. */
export const LEGAL_BASIS = {
  sharing: '《政务信息资源共享管理暂行办法》(国发〔2016〕51号)',
  disclosure: '《中华人民共和国政府信息公开条例》',
  personalInformation: '《中华人民共和国个人信息保护法》第三十四条',
  licensing: '《中华人民共和国行政许可法》第四十条',
  penalty: '《中华人民共和国行政处罚法》第四十八条',
  creditPlan: '《社会信用体系建设规划纲要(2014—2020年)》(国发〔2014〕21号)',
  doublePublicity: '《关于认真做好行政许可和行政处罚等信用信息公示工作的通知》(发改办财金〔2015〕2700号)',
  dangerousGoods: '《危险货物道路运输安全管理办法》(交通运输部令2019年第29号)',
  roadTransport: '《中华人民共和国道路运输条例》',
  workSafety: '《中华人民共和国安全生产法》',
  statistics: '《中华人民共和国统计法》',
  electronicCertificate: '《国务院关于在线政务服务的若干规定》(国务院令第716号)',
  cybersecurity: '《中华人民共和国网络安全法》第二十一条',
} as const;

/** Joins the instruments an entry cites. */
export function citing(...instruments: string[]): string {
  return instruments.join('；');
}

/** The same entry for a field that holds personal information: never shared, flagged personal. */
export function personal(entry: CatalogueEntry): CatalogueEntry {
  return {
    ...entry,
    shareClass: 'NOT_SHARED',
    personalInformation: true,
    legalBasis: citing(entry.legalBasis, LEGAL_BASIS.personalInformation),
  };
}

/** The market-subject register's key, the same entry in every subgraph that declares Enterprise. */
export const ENTERPRISE_KEY_ENTRY: CatalogueEntry = {
  category: 'registry',
  shareClass: 'UNCONDITIONAL',
  updateFrequency: 'ON_CHANGE',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.roadTransport),
};

/** The vehicle register's key, the same entry in every subgraph that declares Vehicle. */
export const VEHICLE_KEY_ENTRY: CatalogueEntry = {
  category: 'registry',
  shareClass: 'UNCONDITIONAL',
  updateFrequency: 'ON_CHANGE',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.roadTransport),
};
