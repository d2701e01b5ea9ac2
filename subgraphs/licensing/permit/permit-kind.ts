import { registerEnumType } from 'type-graphql';

export enum PermitKind {
  ROAD_PASSENGER_TRANSPORT = 'ROAD_PASSENGER_TRANSPORT',
  ROAD_FREIGHT_TRANSPORT = 'ROAD_FREIGHT_TRANSPORT',
  HAZARDOUS_GOODS_TRANSPORT = 'HAZARDOUS_GOODS_TRANSPORT',
  HIGHWAY_CONSTRUCTION = 'HIGHWAY_CONSTRUCTION',
  CROSS_PROVINCE_OVERSIZE_TRANSPORT = 'CROSS_PROVINCE_OVERSIZE_TRANSPORT',
}

registerEnumType(PermitKind, {
  name: 'PermitKind',
  description: 'Kinds of administrative permit (行政许可) handled online.',
  valuesConfig: {
    ROAD_PASSENGER_TRANSPORT: { description: 'Road passenger transport business (道路旅客运输经营许可).' },
    ROAD_FREIGHT_TRANSPORT: { description: 'Road freight transport business (道路货物运输经营许可).' },
    HAZARDOUS_GOODS_TRANSPORT: { description: 'Hazardous-goods road transport business (危险货物道路运输经营许可).' },
    HIGHWAY_CONSTRUCTION: { description: 'Highway construction permit (公路建设项目施工许可).' },
    CROSS_PROVINCE_OVERSIZE_TRANSPORT: { description: 'Cross-province oversize/overweight transport (跨省大件运输许可).' },
  },
});

/** Years a permit of each kind stays valid from issue. */
export const PERMIT_VALIDITY_YEARS: Readonly<Record<PermitKind, number>> = {
  ROAD_PASSENGER_TRANSPORT: 4,
  ROAD_FREIGHT_TRANSPORT: 4,
  HAZARDOUS_GOODS_TRANSPORT: 4,
  HIGHWAY_CONSTRUCTION: 3,
  CROSS_PROVINCE_OVERSIZE_TRANSPORT: 1,
};

/** Two-letter kind code used in permit numbers. */
export const PERMIT_KIND_CODE: Readonly<Record<PermitKind, string>> = {
  ROAD_PASSENGER_TRANSPORT: 'KY',
  ROAD_FREIGHT_TRANSPORT: 'HY',
  HAZARDOUS_GOODS_TRANSPORT: 'WH',
  HIGHWAY_CONSTRUCTION: 'SG',
  CROSS_PROVINCE_OVERSIZE_TRANSPORT: 'DJ',
};
