import type { DataSource, EntityManager } from 'typeorm';
import { inScope, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertCreditCode, assertPublicText, assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { hazardClassListProblem } from '../../../platform/codes/hazard-class';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import { PermitMaterial } from '../attachment/permit-material.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { investmentProjectCodeProblem } from '../platforms/investment-project-code';
import type { Actor } from './actor';
import { assertExpectedVersion, given, optionalText } from './application-input';
import {
  assertMayAct,
  kindOf,
  NO_PENDING_VERIFICATION,
  type ApplicationStateMachine,
} from './application-state-machine';
import { ApplicationAction, ApplicationStatus, ExternalVerification } from './application-status';
import { PLATFORM_VERIFIED_MATERIAL, type ExternalVerificationService } from './external-verification.service';
import type {
  ResubmitPermitApplicationInput,
  SubmitPermitApplicationInput,
  WithdrawPermitApplicationInput,
} from './inputs/permit-application.inputs';
import { PermitApplication } from './permit-application.entity';
import { PermitKind, type PermitKindDefinition } from './permit-kind';
import { applicationNumberOf } from './permit-numbers';
import { routeOf, type RouteSegmentApprovalService } from './route-segment-approval.service';
import { assertRequiredMaterials, namingMaterials } from './required-materials';

/**
 * The dangerous goods classes a hazardous-goods transport application asks for (safety checks every
 * waybill of the carrier against them); no other kind names any.
 */
export function hazardClassesOf(kind: PermitKind, classes: readonly string[] | null | undefined): string[] {
  const given = classes ?? [];
  if (kind !== PermitKind.HAZARDOUS_GOODS_TRANSPORT) {
    if (given.length > 0)
      throw invalidInput('hazardClasses', `applies only to ${PermitKind.HAZARDOUS_GOODS_TRANSPORT}`);
    return [];
  }
  const problem = hazardClassListProblem(given);
  if (problem) throw invalidInput('hazardClasses', problem);
  return [...given].sort();
}

/**
 * The applicant's side of the procedure (网上申请): submission, resubmission after a return (补正) and
 * withdrawal. A highway construction project is confirmed at the investment platform before anything is
 * written; while that platform cannot be reached the application waits (AWAITING_EXTERNAL_VERIFICATION).
 */
export class ApplicationSubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: ApplicationStateMachine,
    private readonly verification: ExternalVerificationService,
    private readonly routeSegments: RouteSegmentApprovalService,
  ) {}

  async submit(
    regionScope: RegionScope,
    input: SubmitPermitApplicationInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertCreditCode('creditCode', input.creditCode);
    assertRegionCode('regionCode', input.regionCode);
    const scope = assertPublicText('scope', input.scope, 500);
    const definition = kindOf(input.kind);
    const route = routeOf(definition, input);
    const hazardClasses = hazardClassesOf(definition.kind, input.hazardClasses);
    const projectCode = this.projectCodeOf(definition, input.investmentProjectCode);
    assertMayAct(definition, 'submit', actor);
    if (!inScope(regionScope, input.regionCode))
      throw forbidden(`You may submit applications only to authorities within region ${regionScope.region}`);
    await this.assertEnterpriseInScope(this.dataSource.manager, regionScope, input.creditCode);
    // The platform is asked before the transaction: no row is held while it answers.
    const project = projectCode === null ? null : await this.verification.checkProject(projectCode);
    if (project?.outcome === 'REFUSED') throw invalidInput('investmentProjectCode', project.note);
    return inTransaction(this.dataSource, async (manager) => {
      await this.assertEnterpriseInScope(manager, regionScope, input.creditCode);
      const submittedAt = this.machine.now();
      const waiting = project?.outcome === 'UNAVAILABLE';
      const application = await manager.save(
        manager.create(PermitApplication, {
          applicationNumber: applicationNumberOf(input.regionCode, submittedAt),
          creditCode: input.creditCode,
          kind: input.kind,
          scope,
          hazardClasses,
          regionCode: input.regionCode,
          status: waiting ? ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION : ApplicationStatus.SUBMITTED,
          investmentProjectCode: projectCode,
          submittedBy: actor.username,
          submittedAt,
          handlingOfficer: null,
          acceptedAt: null,
          decisionDueDate: null,
          returnedMaterialCodes: null,
          returnNote: null,
          returnedBy: null,
          returnedAt: null,
          reviewOpinion: null,
          reviewRecommendation: null,
          reviewedBy: null,
          reviewedAt: null,
          extensionStatus: null,
          extensionReason: null,
          extensionRequestedBy: null,
          extensionRequestedAt: null,
          extensionDecidedBy: null,
          extensionDecidedAt: null,
          extensionComment: null,
          pendingVerification: waiting ? ExternalVerification.PROJECT_APPROVAL : null,
          statusBeforeVerification: waiting ? ApplicationStatus.SUBMITTED : null,
          verificationCheckedAt: project ? submittedAt : null,
          verificationNote: project?.note ?? null,
          pendingApprovalBy: null,
          pendingApprovalConditions: null,
          decidedBy: null,
          decidedAt: null,
          decisionComment: null,
          permitNumber: null,
        }),
      );
      await this.machine.events.received(manager, application);
      await this.machine.record(
        manager,
        application.id,
        ApplicationAction.SUBMIT,
        null,
        ApplicationStatus.SUBMITTED,
        actor.username,
        submittedAt,
        project?.note ?? null,
      );
      if (project?.outcome === 'UNAVAILABLE') {
        await this.machine.record(
          manager,
          application.id,
          ApplicationAction.AWAIT_EXTERNAL_VERIFICATION,
          ApplicationStatus.SUBMITTED,
          application.status,
          actor.username,
          submittedAt,
          project.note,
        );
      }
      await this.routeSegments.openSegments(manager, application.id, route ?? []);
      return manager.findOneByOrFail(PermitApplication, { id: application.id });
    });
  }

  /** Resubmits a returned application; every material the notice named must have been attached since. */
  async resubmit(scope: RegionScope, input: ResubmitPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const comment = optionalText('comment', input.comment, 1000);
    const preview = await this.machine.loadToActOn(this.dataSource.manager, scope, input.applicationNumber);
    const definition = kindOf(preview.kind);
    let projectCode: string | null = null;
    if (definition.investmentProjectRequired) {
      projectCode = this.projectCodeOf(definition, input.investmentProjectCode ?? preview.investmentProjectCode);
    } else if (given(input.investmentProjectCode)) {
      throw invalidInput(
        'investmentProjectCode',
        `applies only to highway construction permits (${PermitKind.HIGHWAY_CONSTRUCTION})`,
      );
    }
    this.machine.check(preview, input, actor, ApplicationAction.RESUBMIT, 'submit');
    const project = projectCode === null ? null : await this.verification.checkProject(projectCode);
    if (project?.outcome === 'REFUSED') throw invalidInput('investmentProjectCode', project.note);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      const resubmitted = await this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.RESUBMIT,
        step: 'submit',
        target: ApplicationStatus.SUBMITTED,
        changes: {
          investmentProjectCode: projectCode ?? current.investmentProjectCode,
          verificationCheckedAt: project ? this.machine.now() : current.verificationCheckedAt,
          verificationNote: project?.note ?? current.verificationNote,
        },
        comment,
        guard: async (application) => {
          const missing = await this.materialsStillMissing(manager, application, definition);
          if (missing.length > 0) {
            throw namingMaterials(
              conflict(
                'MATERIALS_STILL_MISSING',
                `Attach ${missing.join(', ')} to application ${application.applicationNumber} before resubmitting it`,
              ),
              application,
              missing,
            );
          }
          await assertRequiredMaterials(manager, application, 'resubmit');
        },
      });
      if (project?.outcome !== 'UNAVAILABLE') return resubmitted;
      return this.machine.move(manager, resubmitted, {}, actor, {
        action: ApplicationAction.AWAIT_EXTERNAL_VERIFICATION,
        step: null,
        target: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
        changes: {
          pendingVerification: ExternalVerification.PROJECT_APPROVAL,
          statusBeforeVerification: ApplicationStatus.SUBMITTED,
        },
        comment: project.note,
      });
    });
  }

  /** Withdrawal by the applicant (or the officer acting for it) before a decision. */
  async withdraw(scope: RegionScope, input: WithdrawPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      return this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.WITHDRAW,
        step: 'submit',
        target: ApplicationStatus.WITHDRAWN,
        changes: NO_PENDING_VERIFICATION,
        comment: reason,
      });
    });
  }

  /** Materials a return notice named that have not been attached since the return. */
  private async materialsStillMissing(
    manager: EntityManager,
    application: PermitApplication,
    definition: PermitKindDefinition,
  ): Promise<string[]> {
    const named = (application.returnedMaterialCodes ?? '').split(',').filter((code) => code !== '');
    const toAttach = named.filter(
      (code) => !(definition.investmentProjectRequired && code === PLATFORM_VERIFIED_MATERIAL),
    );
    if (toAttach.length === 0 || application.returnedAt === null) return [];
    const attached = await manager
      .createQueryBuilder(PermitMaterial, 'material')
      .select('DISTINCT material.materialCode', 'code')
      .where('material.applicationId = :id', { id: application.id })
      .andWhere('material.uploadedAt >= :since', { since: application.returnedAt })
      .andWhere('material.materialCode IN (:...codes)', { codes: toAttach })
      .getRawMany<{ code: string }>();
    const attachedCodes = new Set(attached.map((row) => row.code));
    return toAttach.filter((code) => !attachedCodes.has(code));
  }

  private projectCodeOf(definition: PermitKindDefinition, code: string | null | undefined): string | null {
    if (!definition.investmentProjectRequired) {
      if (given(code))
        throw invalidInput(
          'investmentProjectCode',
          `applies only to highway construction permits (${PermitKind.HIGHWAY_CONSTRUCTION})`,
        );
      return null;
    }
    if (!given(code) || code.trim() === '')
      throw invalidInput('investmentProjectCode', 'is required for a highway construction permit (投资项目统一代码)');
    const trimmed = code.trim();
    const problem = investmentProjectCodeProblem(trimmed, this.machine.clock());
    if (problem) throw invalidInput('investmentProjectCode', problem);
    return trimmed;
  }

  private async assertEnterpriseInScope(manager: EntityManager, scope: RegionScope, creditCode: string): Promise<void> {
    if (!(await manager.existsBy(Enterprise, { creditCode, ...withinPrefix('regionCode', scope.prefix) })))
      throw notFound('Enterprise', creditCode);
  }
}
