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
    CROSS_PROVINCE_OVERSIZE_TRANSPORT: {
      description: 'Cross-province oversize/overweight transport (跨省大件运输许可).',
    },
  },
});

/** The licensing matter (许可事项) each kind is published under (双公示). */
export const PERMIT_KIND_MATTERS: Readonly<Record<PermitKind, string>> = {
  ROAD_PASSENGER_TRANSPORT: '道路旅客运输经营许可',
  ROAD_FREIGHT_TRANSPORT: '道路货物运输经营许可',
  HAZARDOUS_GOODS_TRANSPORT: '危险货物道路运输经营许可',
  HIGHWAY_CONSTRUCTION: '公路建设项目施工许可',
  CROSS_PROVINCE_OVERSIZE_TRANSPORT: '跨省大件运输许可',
};

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

/** The steps of the procedure a kind declares roles for. */
export type ProcedureStep = 'submit' | 'accept' | 'review' | 'decide';

export interface MaterialRequirementDefinition {
  code: string;
  name: string;
}

/**
 * What the law sets for one kind of permit: the materials an application needs (申请材料), who acts on
 * each step (realm roles), the statutory deadlines in working days counted from acceptance, and how the
 * decision is taken.
 */
export interface PermitKindDefinition {
  kind: PermitKind;
  /** The regulation the materials and deadlines come from. */
  legalBasis: string;
  materials: readonly MaterialRequirementDefinition[];
  roles: Readonly<Record<ProcedureStep, readonly string[]>>;
  /** Working days from acceptance to the decision (作出决定). */
  decisionWorkingDays: number;
  /** Working days the decision deadline may be extended by, once, with a reviewer's approval. */
  extensionWorkingDays: number;
  /** Working days from the decision to issuing the permit (颁发、送达许可证件). */
  issueWorkingDays: number;
  /** A reviewer records a review opinion (审查意见) before the decision; otherwise the decider reviews and decides in one step. */
  reviewRequired: boolean;
  /** Every province on the route approves its own segment (并联许可). */
  parallelApprovalByRoute: boolean;
  /** The project is checked at the national investment project platform and its tender award at the trading platform. */
  investmentProjectRequired: boolean;
  validityYears: number;
}

const OFFICERS = ['licensing-officer'] as const;
const REVIEWERS = ['licensing-reviewer'] as const;
const STANDARD_ROLES = { submit: OFFICERS, accept: OFFICERS, review: REVIEWERS, decide: REVIEWERS } as const;

const APPLICATION_FORM = (name: string): MaterialRequirementDefinition => ({ code: 'APPLICATION_FORM', name });
const IDENTITY_AND_MANDATE = { code: 'IDENTITY_AND_MANDATE', name: '负责人、经办人身份证明和委托书' } as const;
const SAFETY_RULES = { code: 'SAFETY_MANAGEMENT_RULES', name: '安全生产管理制度文本' } as const;

/** The one table of permit kinds; everything the workflow does per kind is read from here. */
export const PERMIT_KINDS: Readonly<Record<PermitKind, PermitKindDefinition>> = {
  ROAD_PASSENGER_TRANSPORT: {
    kind: PermitKind.ROAD_PASSENGER_TRANSPORT,
    legalBasis: '道路运输条例; 道路旅客运输及客运站管理规定',
    materials: [
      APPLICATION_FORM('道路旅客运输经营申请表'),
      IDENTITY_AND_MANDATE,
      { code: 'VEHICLE_TECHNICAL_DOCUMENTS', name: '拟投入客车的行驶证、车辆技术等级评定结论或承诺书' },
      { code: 'DRIVER_QUALIFICATIONS', name: '拟聘用驾驶员的驾驶证和从业资格证' },
      { code: 'ROUTE_PLAN', name: '拟经营的班车客运线路、站点和班次方案' },
      SAFETY_RULES,
    ],
    roles: STANDARD_ROLES,
    decisionWorkingDays: 20,
    extensionWorkingDays: 10,
    issueWorkingDays: 10,
    reviewRequired: true,
    parallelApprovalByRoute: false,
    investmentProjectRequired: false,
    validityYears: PERMIT_VALIDITY_YEARS.ROAD_PASSENGER_TRANSPORT,
  },
  ROAD_FREIGHT_TRANSPORT: {
    kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
    legalBasis: '道路运输条例; 道路货物运输及站场管理规定',
    materials: [
      APPLICATION_FORM('道路货物运输经营申请表'),
      IDENTITY_AND_MANDATE,
      { code: 'VEHICLE_TECHNICAL_DOCUMENTS', name: '机动车辆行驶证、车辆技术等级评定结论或承诺书' },
      { code: 'DRIVER_QUALIFICATIONS', name: '聘用驾驶员的驾驶证和从业资格证' },
      SAFETY_RULES,
    ],
    roles: STANDARD_ROLES,
    decisionWorkingDays: 20,
    extensionWorkingDays: 10,
    issueWorkingDays: 10,
    reviewRequired: false,
    parallelApprovalByRoute: false,
    investmentProjectRequired: false,
    validityYears: PERMIT_VALIDITY_YEARS.ROAD_FREIGHT_TRANSPORT,
  },
  HAZARDOUS_GOODS_TRANSPORT: {
    kind: PermitKind.HAZARDOUS_GOODS_TRANSPORT,
    legalBasis: '道路运输条例; 道路危险货物运输管理规定',
    materials: [
      APPLICATION_FORM('道路危险货物运输经营申请表'),
      IDENTITY_AND_MANDATE,
      { code: 'DEDICATED_VEHICLE_COMMITMENT', name: '拟投入专用车辆、设备承诺书' },
      { code: 'PARKING_SITE_PROOF', name: '专用停车区域的土地使用证明或租借合同' },
      { code: 'PERSONNEL_QUALIFICATIONS', name: '驾驶人员、装卸管理人员、押运人员的从业资格证' },
      SAFETY_RULES,
      { code: 'EMERGENCY_PLAN', name: '事故应急救援预案' },
    ],
    roles: STANDARD_ROLES,
    decisionWorkingDays: 20,
    extensionWorkingDays: 10,
    issueWorkingDays: 10,
    reviewRequired: false,
    parallelApprovalByRoute: false,
    investmentProjectRequired: false,
    validityYears: PERMIT_VALIDITY_YEARS.HAZARDOUS_GOODS_TRANSPORT,
  },
  HIGHWAY_CONSTRUCTION: {
    kind: PermitKind.HIGHWAY_CONSTRUCTION,
    legalBasis: '公路法; 公路建设市场管理办法',
    materials: [
      APPLICATION_FORM('公路建设项目施工许可申请书'),
      { code: 'INVESTMENT_PROJECT_APPROVAL', name: '项目审批、核准或备案文件(投资项目在线审批监管平台)' },
      { code: 'DESIGN_APPROVAL', name: '施工图设计文件批复' },
      { code: 'TENDER_AWARD', name: '施工、监理单位中标通知书(公共资源交易平台)' },
      { code: 'FUNDING_PROOF', name: '建设资金落实证明' },
      { code: 'LAND_USE_APPROVAL', name: '建设用地批准文件' },
      { code: 'QUALITY_SAFETY_SUPERVISION', name: '质量安全监督手续' },
    ],
    roles: STANDARD_ROLES,
    decisionWorkingDays: 20,
    extensionWorkingDays: 10,
    issueWorkingDays: 10,
    reviewRequired: true,
    parallelApprovalByRoute: false,
    investmentProjectRequired: true,
    validityYears: PERMIT_VALIDITY_YEARS.HIGHWAY_CONSTRUCTION,
  },
  CROSS_PROVINCE_OVERSIZE_TRANSPORT: {
    kind: PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT,
    legalBasis: '公路法; 超限运输车辆行驶公路管理规定',
    materials: [
      APPLICATION_FORM('公路超限运输申请表'),
      { code: 'CARRIER_DOCUMENTS', name: '承运人道路运输经营许可证、车辆行驶证和道路运输证' },
      { code: 'CARGO_DESCRIPTION', name: '货物名称、外廓尺寸和质量说明, 车货总体外廓尺寸示意图' },
      { code: 'ROUTE_PLAN', name: '通行路线和护送方案' },
      { code: 'STRUCTURE_ASSESSMENT', name: '桥梁、隧道通行安全评估或验算报告' },
    ],
    roles: STANDARD_ROLES,
    // 超限运输车辆行驶公路管理规定 第十二条: 车货总质量超过100000千克 15个工作日内作出决定.
    decisionWorkingDays: 15,
    extensionWorkingDays: 10,
    issueWorkingDays: 10,
    reviewRequired: false,
    parallelApprovalByRoute: true,
    investmentProjectRequired: false,
    validityYears: PERMIT_VALIDITY_YEARS.CROSS_PROVINCE_OVERSIZE_TRANSPORT,
  },
};

/** The material a kind requires by code, or undefined when the kind does not name it. */
export function materialOf(kind: PermitKind, code: string): MaterialRequirementDefinition | undefined {
  return PERMIT_KINDS[kind].materials.find((material) => material.code === code);
}
