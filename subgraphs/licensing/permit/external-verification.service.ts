import type { DataSource } from 'typeorm';
import { inTransaction } from '../../../platform/database/data-source.factory';
import type { Logger } from '../../../platform/observability/logger';
import { PlatformUnavailable, type NationalPlatforms, type TenderAward } from '../platforms/national-platforms';
import type { Actor } from './actor';
import { NO_PENDING_VERIFICATION, type ApplicationStateMachine } from './application-state-machine';
import { ApplicationAction, ApplicationStatus, ExternalVerification } from './application-status';
import { PermitApplication } from './permit-application.entity';
import type { PermitIssuingService } from './permit-issuing.service';

/** How many waiting applications one background round re-checks. */
const RECHECK_BATCH = 50;
/** The material a platform check stands in for: it is confirmed at the platform, not attached. */
export const PLATFORM_VERIFIED_MATERIAL = 'INVESTMENT_PROJECT_APPROVAL';
const RECHECK_ACTOR = 'system:platform-recheck';

export type ProjectCheck =
  | { outcome: 'CONFIRMED'; note: string }
  | { outcome: 'UNAVAILABLE'; note: string }
  | { outcome: 'REFUSED'; note: string };

export type AwardCheck =
  | { outcome: 'FOUND'; award: TenderAward; note: string }
  | { outcome: 'UNAVAILABLE'; note: string }
  | { outcome: 'ABSENT'; note: string };

/**
 * External verification against the national platforms: the investment project's approval (asked at
 * submission and resubmission) and the tender award (asked before a highway construction permit is
 * approved). An unreachable platform does not refuse the applicant: the application waits
 * (AWAITING_EXTERNAL_VERIFICATION) and the background re-checks here move it on once the platform answers.
 */
export class ExternalVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: ApplicationStateMachine,
    private readonly platforms: NationalPlatforms,
    private readonly issuing: PermitIssuingService,
    private readonly logger: Logger,
  ) {}

  /** Asks the investment project platform whether the project is approved; never throws for an outage. */
  async checkProject(projectCode: string): Promise<ProjectCheck> {
    try {
      const project = await this.platforms.investment.findProject(projectCode);
      if (!project)
        return {
          outcome: 'REFUSED',
          note: `${projectCode} is not known to the national investment project approval platform`,
        };
      if (project.approvalStatus !== 'APPROVED') {
        return {
          outcome: 'REFUSED',
          note: `project ${projectCode} (${project.name}) is ${project.approvalStatus} on the national investment project approval platform, not APPROVED`,
        };
      }
      return {
        outcome: 'CONFIRMED',
        note: `Project ${projectCode} (${project.name}) is approved at the national investment project platform`,
      };
    } catch (error) {
      if (error instanceof PlatformUnavailable) return { outcome: 'UNAVAILABLE', note: this.unavailable(error) };
      throw error;
    }
  }

  /** Asks the public resource trading platform for the project's tender award; never throws for an outage. */
  async checkTenderAward(projectCode: string): Promise<AwardCheck> {
    try {
      const award = await this.platforms.trading.findTenderAward(projectCode);
      if (!award)
        return {
          outcome: 'ABSENT',
          note: `No tender award for project ${projectCode} is on record at the public resource trading platform`,
        };
      return {
        outcome: 'FOUND',
        award,
        note: `Tender award ${award.noticeNumber} of ${award.awardedAt} is on record at the public resource trading platform`,
      };
    } catch (error) {
      if (error instanceof PlatformUnavailable) return { outcome: 'UNAVAILABLE', note: this.unavailable(error) };
      throw error;
    }
  }

  /**
   * One round of re-checking applications that wait for a national platform. Each is moved on when the
   * platform answers and stays (with the attempt noted) while it does not; one failure does not stop the rest.
   */
  async recheckExternalVerifications(): Promise<{ checked: number; moved: number }> {
    const waiting = await this.dataSource.getRepository(PermitApplication).find({
      where: { status: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION },
      order: { id: 'ASC' },
      take: RECHECK_BATCH,
    });
    let moved = 0;
    for (const application of waiting) {
      try {
        if (await this.recheck(application)) moved += 1;
      } catch (error) {
        this.logger.warn('external verification re-check failed', {
          applicationNumber: application.applicationNumber,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return { checked: waiting.length, moved };
  }

  private async recheck(application: PermitApplication): Promise<boolean> {
    const actor: Actor = { username: RECHECK_ACTOR, roles: new Set() };
    const version = { applicationNumber: application.applicationNumber, expectedVersion: application.version };
    if (application.pendingVerification === ExternalVerification.PROJECT_APPROVAL) {
      const project = await this.checkProject(application.investmentProjectCode ?? '');
      if (project.outcome === 'UNAVAILABLE') return this.noteAttempt(application, project.note);
      await inTransaction(this.dataSource, async (manager) => {
        const current = await manager.findOneByOrFail(PermitApplication, { id: application.id });
        if (project.outcome === 'CONFIRMED') {
          await this.machine.move(manager, current, version, actor, {
            action: ApplicationAction.EXTERNAL_VERIFICATION_PASSED,
            step: null,
            target: ApplicationStatus.SUBMITTED,
            changes: {
              ...NO_PENDING_VERIFICATION,
              verificationCheckedAt: this.machine.now(),
              verificationNote: project.note,
            },
            comment: project.note,
          });
          return;
        }
        await this.machine.move(manager, current, version, actor, {
          action: ApplicationAction.EXTERNAL_VERIFICATION_FAILED,
          step: null,
          target: ApplicationStatus.RETURNED,
          changes: {
            ...NO_PENDING_VERIFICATION,
            verificationCheckedAt: this.machine.now(),
            verificationNote: project.note,
            returnedMaterialCodes: PLATFORM_VERIFIED_MATERIAL,
            returnNote: project.note,
            returnedBy: RECHECK_ACTOR,
            returnedAt: this.machine.now(),
          },
          comment: `${project.note} [missing: ${PLATFORM_VERIFIED_MATERIAL}]`,
        });
      });
      return true;
    }
    if (application.pendingVerification === ExternalVerification.TENDER_AWARD) {
      const award = await this.checkTenderAward(application.investmentProjectCode ?? '');
      if (award.outcome === 'UNAVAILABLE') return this.noteAttempt(application, award.note);
      await inTransaction(this.dataSource, async (manager) => {
        const current = await manager.findOneByOrFail(PermitApplication, { id: application.id });
        if (award.outcome === 'FOUND') {
          await this.issuing.approveAndIssue(manager, current, version, actor, {
            action: ApplicationAction.EXTERNAL_VERIFICATION_PASSED,
            step: null,
            decidedBy: current.pendingApprovalBy ?? RECHECK_ACTOR,
            conditions: current.pendingApprovalConditions,
            comment: `${award.note}; the approval by ${current.pendingApprovalBy} is completed`,
          });
          return;
        }
        await this.machine.move(manager, current, version, actor, {
          action: ApplicationAction.EXTERNAL_VERIFICATION_FAILED,
          step: null,
          target: current.statusBeforeVerification ?? ApplicationStatus.REVIEWED,
          changes: {
            ...NO_PENDING_VERIFICATION,
            verificationCheckedAt: this.machine.now(),
            verificationNote: award.note,
          },
          comment: `${award.note}; the approval by ${current.pendingApprovalBy} was not completed`,
        });
      });
      return true;
    }
    this.logger.warn('application awaits an unknown verification', {
      applicationNumber: application.applicationNumber,
      pending: application.pendingVerification,
    });
    return false;
  }

  /** Notes an unanswered platform check on the row, without a new version: officers' views stay current. */
  private async noteAttempt(application: PermitApplication, note: string): Promise<false> {
    await this.dataSource
      .createQueryBuilder()
      .update(PermitApplication)
      .set({
        verificationCheckedAt: this.machine.now(),
        verificationNote: note.slice(0, 500),
        version: () => 'version',
      })
      .where('id = :id AND status = :status', {
        id: application.id,
        status: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
      })
      .execute();
    return false;
  }

  /** What officers see of an unreachable platform; the technical detail (addresses, errors) goes to the log only. */
  private unavailable(error: PlatformUnavailable): string {
    this.logger.warn('national platform unavailable', { platform: error.platform, detail: error.message });
    return `${error.platform} is unavailable; the application waits and is checked again`;
  }
}
