import type { EntityManager } from 'typeorm';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaDate } from '../../../platform/time/china-time';
import type { CertificateIssuer } from '../certificate/certificate-issuer';
import type { NationalPlatforms } from '../platforms/national-platforms';
import type { Actor } from './actor';
import { kindOf, NO_PENDING_VERIFICATION, type ApplicationStateMachine, type Move } from './application-state-machine';
import { ApplicationAction, ApplicationStatus } from './application-status';
import type { ApplicationActionInput } from './inputs/permit-application.inputs';
import type { PermitApplication } from './permit-application.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { PERMIT_KIND_MATTERS, type ProcedureStep } from './permit-kind';
import { permitNumberOf } from './permit-numbers';
import { Permit, PermitStatus } from './permit.entity';

/** The approving move: which action it is recorded as, by whom, with what conditions. */
export interface ApprovalDecision {
  action: ApplicationAction;
  step: ProcedureStep | null;
  decidedBy: string;
  conditions: string | null;
  comment: string | null;
  guard?: Move['guard'];
}

function addYearsLessOneDay(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Issuing (发证): the approving move, the permit row, its electronic certificate, the `permit.issued` event
 * and the decision report to the investment platform, all in the caller's transaction. Reached from an
 * officer's approval, the last province's approval of a route, and a re-check that finds the tender award.
 */
export class PermitIssuingService {
  constructor(
    private readonly machine: ApplicationStateMachine,
    private readonly outbox: EventOutbox,
    /** The decision report goes through `platforms.reporter`. */
    private readonly platforms: NationalPlatforms,
    /** Issues the electronic certificate in the transaction that issues the permit; null while none is configured. */
    private readonly certificates: CertificateIssuer | null,
  ) {}

  /** Moves the application to APPROVED, issues the permit and certificate, and reports the decision where required. */
  async approveAndIssue(
    manager: EntityManager,
    current: PermitApplication,
    input: Partial<ApplicationActionInput>,
    actor: Actor,
    decision: ApprovalDecision,
  ): Promise<{ application: PermitApplication; permit: Permit }> {
    const decidedAt = this.machine.now();
    const validFrom = chinaDate(decidedAt);
    const permitNumber = permitNumberOf(current.regionCode, validFrom, current.kind);
    const application = await this.machine.move(manager, current, input, actor, {
      action: decision.action,
      step: decision.step,
      target: ApplicationStatus.APPROVED,
      changes: {
        ...NO_PENDING_VERIFICATION,
        decidedBy: decision.decidedBy,
        decidedAt,
        decisionComment: decision.conditions,
        permitNumber,
      },
      comment: decision.comment,
      guard: decision.guard,
    });
    const permit = await manager.save(
      manager.create(Permit, {
        number: permitNumber,
        kind: application.kind,
        scope: application.scope,
        hazardClasses: application.hazardClasses,
        creditCode: application.creditCode,
        regionCode: application.regionCode,
        applicationNumber: application.applicationNumber,
        recordedStatus: PermitStatus.VALID,
        issuedAt: decidedAt,
        validFrom,
        validUntil: addYearsLessOneDay(validFrom, kindOf(application.kind).validityYears),
      }),
    );
    const certificate = this.certificates ? await this.certificates.issue(manager, permit) : null;
    await this.outbox.publish(manager, 'permit.issued', {
      permitNumber: permit.number,
      kind: permit.kind,
      creditCode: permit.creditCode,
      regionCode: permit.regionCode,
      issuedAt: permit.issuedAt.toISOString(),
      enterpriseName: (await manager.findOneByOrFail(Enterprise, { creditCode: permit.creditCode })).name,
      matter: PERMIT_KIND_MATTERS[permit.kind],
      legalBasis: kindOf(permit.kind).legalBasis,
      validFrom: permit.validFrom,
      validUntil: permit.validUntil,
      hazardClasses: permit.hazardClasses,
    });
    await this.machine.record(
      manager,
      application.id,
      ApplicationAction.ISSUE,
      ApplicationStatus.APPROVED,
      ApplicationStatus.APPROVED,
      actor.username,
      decidedAt,
      `Permit ${permit.number} issued, valid ${permit.validFrom} to ${permit.validUntil}${certificate ? `; electronic certificate ${certificate.certificateId}` : ''}`,
    );
    await this.reportDecision(manager, application, 'APPROVED', decidedAt, decision.conditions);
    return { application, permit };
  }

  /** After a decision on a project checked at the investment platform, the result goes back to it (办理结果回传). */
  async reportDecision(
    manager: EntityManager,
    application: PermitApplication,
    decision: 'APPROVED' | 'REJECTED',
    decidedAt: Date,
    comment: string | null,
  ): Promise<void> {
    if (!kindOf(application.kind).investmentProjectRequired || application.investmentProjectCode === null) return;
    await this.platforms.reporter.enqueue(manager, {
      applicationNumber: application.applicationNumber,
      projectCode: application.investmentProjectCode,
      decision,
      permitNumber: application.permitNumber,
      decidedAt: decidedAt.toISOString(),
      authorityRegionCode: application.regionCode,
      comment,
    });
  }
}
