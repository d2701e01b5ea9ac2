import { invalidInput, type DomainError } from '../../../platform/errors/domain-error';
import { conflict, unavailable } from '../licensing.errors';
import { investmentProjectCodeProblem } from './investment-project-code';
import {
  PlatformUnavailable,
  type InvestmentProject,
  type InvestmentProjectPlatform,
  type TenderAward,
  type TradingPlatform,
} from './national-platforms';

// The checks a permit workflow runs against the national platforms, as coded errors for the graph.

/** A platform that cannot answer now: SERVICE_UNAVAILABLE, and the caller has changed nothing. */
export function platformUnavailableError(error: PlatformUnavailable): DomainError {
  return unavailable('PLATFORM_UNAVAILABLE', `The national ${error.message}; nothing was changed, try again later`);
}

async function asked<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (error instanceof PlatformUnavailable) throw platformUnavailableError(error);
    throw error;
  }
}

/**
 * The investment project code of a construction permit application, validated (GB/T 40058-2021 shape,
 * year, region, check character) and confirmed APPROVED on the investment project approval platform.
 * Bad or unconfirmed codes are BAD_USER_INPUT naming `field`; an unreachable platform SERVICE_UNAVAILABLE.
 */
export async function confirmApprovedProject(
  platform: InvestmentProjectPlatform,
  field: string,
  projectCode: string | null | undefined,
  now = new Date(),
): Promise<InvestmentProject> {
  if (projectCode === null || projectCode === undefined || projectCode.trim() === '') {
    throw invalidInput(field, 'is required for a highway construction permit (投资项目统一代码)');
  }
  const problem = investmentProjectCodeProblem(projectCode, now);
  if (problem) throw invalidInput(field, problem);
  const project = await asked(() => platform.findProject(projectCode));
  if (!project)
    throw invalidInput(field, `${projectCode} is not known to the national investment project approval platform`);
  if (project.approvalStatus !== 'APPROVED') {
    throw invalidInput(
      field,
      `project ${projectCode} is ${project.approvalStatus} on the national investment project approval platform, not APPROVED`,
    );
  }
  return project;
}

/** The project's tender award (中标结果) at the trading platform; CONFLICT when none is on record. */
export async function confirmTenderAward(
  platform: TradingPlatform,
  projectCode: string,
  applicationNumber: string,
): Promise<TenderAward> {
  const award = await asked(() => platform.findTenderAward(projectCode));
  if (!award) {
    throw conflict(
      'TENDER_AWARD_MISSING',
      `Application ${applicationNumber} cannot be approved: no tender award for project ${projectCode} is on record at the public resource trading platform`,
    );
  }
  return award;
}
