import type { DataSource } from 'typeorm';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import type { Actor } from './actor';
import { assertExpectedVersion, given, optionalText } from './application-input';
import { kindOf, NO_PENDING_VERIFICATION, type ApplicationStateMachine } from './application-state-machine';
import { ApplicationAction, ApplicationStatus, ExternalVerification, ReviewRecommendation } from './application-status';
import type { ExternalVerificationService } from './external-verification.service';
import type {
  ApprovePermitApplicationInput,
  RejectPermitApplicationInput,
  ReviewPermitApplicationInput,
} from './inputs/permit-application.inputs';
import type { PermitApplication } from './permit-application.entity';
import type { PermitKindDefinition } from './permit-kind';
import type { PermitIssuingService } from './permit-issuing.service';
import type { Permit } from './permit.entity';
import { assertRequiredMaterials } from './required-materials';
import type { JointDisciplineService } from '../joint-discipline/joint-discipline.service';

function assertReviewedIfRequired(application: PermitApplication, definition: PermitKindDefinition): void {
  if (definition.reviewRequired && application.status !== ApplicationStatus.REVIEWED) {
    throw conflict(
      'REVIEW_REQUIRED',
      `${definition.kind} applications are decided after a review opinion is recorded (reviewPermitApplication)`,
    );
  }
}

/**
 * Review and decision on an accepted application (审查, 决定): the review opinion, approval (which issues the
 * permit, see permit-issuing.service.ts) and refusal. Kinds approved along a route are decided per segment
 * (route-segment-approval.service.ts) instead.
 */
export class ApplicationDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: ApplicationStateMachine,
    private readonly verification: ExternalVerificationService,
    private readonly issuing: PermitIssuingService,
    private readonly jointDiscipline: JointDisciplineService,
  ) {}

  /** Records the review opinion (审查意见) on an accepted application. */
  async review(scope: RegionScope, input: ReviewPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    if (!Object.values(ReviewRecommendation).includes(input.recommendation))
      throw invalidInput('recommendation', 'must be APPROVE or REFUSE');
    const opinion = assertText('opinion', input.opinion, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      return this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.REVIEW,
        step: 'review',
        target: ApplicationStatus.REVIEWED,
        changes: {
          reviewOpinion: opinion,
          reviewRecommendation: input.recommendation,
          reviewedBy: actor.username,
          reviewedAt: this.machine.now(),
        },
        comment: `${input.recommendation}: ${opinion}`,
      });
    });
  }

  /**
   * Approves an application and issues the permit and its electronic certificate in the same transaction.
   * A highway construction permit needs the tender award on record at the trading platform first; while
   * that platform cannot be reached the approval waits (AWAITING_EXTERNAL_VERIFICATION) and completes when
   * a background re-check finds the award.
   */
  async approve(
    scope: RegionScope,
    input: ApprovePermitApplicationInput,
    actor: Actor,
  ): Promise<{ application: PermitApplication; permit: Permit | null }> {
    assertExpectedVersion(input);
    const conditions = optionalText('conditions', input.conditions, 1000);
    const preview = await this.machine.loadToActOn(this.dataSource.manager, scope, input.applicationNumber);
    const definition = kindOf(preview.kind);
    if (definition.parallelApprovalByRoute) {
      throw conflict(
        'PARALLEL_APPROVAL',
        `${definition.kind} applications are approved by each province on the route: use approveRouteSegment`,
      );
    }
    this.machine.check(preview, input, actor, ApplicationAction.APPROVE, 'decide');
    assertReviewedIfRequired(preview, definition);
    await assertRequiredMaterials(this.dataSource.manager, preview, 'approve');
    // Checked before the platforms are asked, and again in the transaction that decides.
    await this.jointDiscipline.checkApproval(this.dataSource.manager, preview, input.jointDisciplineReason);
    const award = definition.investmentProjectRequired
      ? await this.verification.checkTenderAward(preview.investmentProjectCode ?? '')
      : null;
    if (award?.outcome === 'ABSENT')
      throw conflict('TENDER_AWARD_MISSING', `${award.note}; the permit cannot be approved without it`);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      const disciplineNote = await this.jointDiscipline.checkApproval(manager, current, input.jointDisciplineReason);
      if (award?.outcome === 'UNAVAILABLE') {
        const waiting = await this.machine.move(manager, current, input, actor, {
          action: ApplicationAction.AWAIT_EXTERNAL_VERIFICATION,
          step: 'decide',
          target: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
          changes: {
            pendingVerification: ExternalVerification.TENDER_AWARD,
            statusBeforeVerification: current.status,
            pendingApprovalBy: actor.username,
            pendingApprovalConditions: conditions,
            verificationCheckedAt: this.machine.now(),
            verificationNote: award.note,
          },
          comment: [`Approval by ${actor.username} waits for the tender award check: ${award.note}`, disciplineNote]
            .filter(given)
            .join(' | ')
            .slice(0, 2000),
          guard: (application) => assertReviewedIfRequired(application, definition),
        });
        return { application: waiting, permit: null };
      }
      return this.issuing.approveAndIssue(manager, current, input, actor, {
        action: ApplicationAction.APPROVE,
        step: 'decide',
        decidedBy: actor.username,
        conditions,
        comment: [conditions, award?.note, disciplineNote].filter(given).join(' | ') || null,
        guard: (application) => assertReviewedIfRequired(application, definition),
      });
    });
  }

  /** Refuses an application with reasons; before acceptance this is not accepting it (不予受理). */
  async reject(scope: RegionScope, input: RejectPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      const definition = kindOf(current.kind);
      const decidedAt = this.machine.now();
      const rejected = await this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.REJECT,
        step: 'decide',
        target: ApplicationStatus.REJECTED,
        changes: { ...NO_PENDING_VERIFICATION, decidedBy: actor.username, decidedAt, decisionComment: reason },
        comment: reason,
        guard: (application) => {
          if (definition.parallelApprovalByRoute && application.acceptedAt !== null) {
            throw conflict(
              'PARALLEL_APPROVAL',
              `${definition.kind} applications are refused by a province on the route: use refuseRouteSegment`,
            );
          }
        },
      });
      await this.issuing.reportDecision(manager, rejected, 'REJECTED', decidedAt, reason);
      return rejected;
    });
  }
}
