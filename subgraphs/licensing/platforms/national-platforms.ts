import type { EntityManager } from 'typeorm';

// The national platforms licensing depends on, as the workflow sees them. Real HTTP clients implement
// these (see *.adapter.ts beside this file); simulators stand in for the platforms locally.

/** The platform could not be reached or answered with a server error: try again later, decide nothing. */
export class PlatformUnavailable extends Error {
  constructor(
    readonly platform: string,
    detail: string,
  ) {
    super(`${platform} is unavailable: ${detail}`);
  }
}

export type ProjectApprovalStatus = 'APPROVED' | 'PENDING' | 'REJECTED';

/** A project as the national investment project approval platform (投资项目在线审批监管平台) records it. */
export interface InvestmentProject {
  projectCode: string;
  name: string;
  regionCode: string;
  approvalStatus: ProjectApprovalStatus;
}

export interface InvestmentProjectPlatform {
  /** The project, or null when the platform has no such code; throws PlatformUnavailable. */
  findProject(projectCode: string): Promise<InvestmentProject | null>;
}

/** A tender award (中标结果) on record at the public resource trading platform (公共资源交易平台). */
export interface TenderAward {
  projectCode: string;
  noticeNumber: string;
  winningBidderCreditCode: string;
  awardedAt: string;
}

export interface TradingPlatform {
  /** The award, or null when none is on record; throws PlatformUnavailable. */
  findTenderAward(projectCode: string): Promise<TenderAward | null>;
}

/** The result reported back to the investment platform after a decision (办理结果回传). */
export interface DecisionReport {
  applicationNumber: string;
  projectCode: string;
  decision: 'APPROVED' | 'REJECTED';
  permitNumber: string | null;
  decidedAt: string;
  authorityRegionCode: string;
  comment: string | null;
}

export interface DecisionReporter {
  /** Records the report in the caller's transaction; a relay delivers it at least once, idempotent by application number. */
  enqueue(manager: EntityManager, report: DecisionReport): Promise<void>;
}

export interface NationalPlatforms {
  investment: InvestmentProjectPlatform;
  trading: TradingPlatform;
  reporter: DecisionReporter;
}
