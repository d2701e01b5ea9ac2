import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import { withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import type { Logger } from '../../../platform/observability/logger';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import type { Actor } from './actor';
import type { ChangePermitStatusInput } from './inputs/permit-status.inputs';
import { PERMIT_KINDS } from './permit-kind';
import { PermitStatusChange } from './permit-status-change.entity';
import { Permit, PermitStatus } from './permit.entity';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';

/** Which recorded statuses each status may change to; a revocation is final. */
export const PERMIT_STATUS_CHANGES: Readonly<Record<PermitStatus, readonly PermitStatus[]>> = {
  VALID: [PermitStatus.SUSPENDED, PermitStatus.REVOKED],
  SUSPENDED: [PermitStatus.VALID, PermitStatus.REVOKED],
  REVOKED: [],
  EXPIRED: [],
};

/** The penalties of an enforcement decision that act on a permit, and what they make of it. */
const PENALTY_STATUS: Readonly<Record<string, PermitStatus>> = {
  PERMIT_SUSPENSION: PermitStatus.SUSPENDED,
  PERMIT_REVOCATION: PermitStatus.REVOKED,
};

const ENFORCEMENT_ACTOR = 'system:enforcement-decision';

function now(): Date {
  return wholeSeconds();
}

/**
 * Suspension (暂扣), restoration and revocation (吊销) of permits: by licensing reviewers within the
 * issuing region, and by enforcement decisions arriving as `case.decided` events (applied once each).
 */
export class PermitSanctionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly outbox: EventOutbox,
  ) {}

  /** Status changes of many permits, oldest first, in one statement; only permits issued within the scope. */
  createStatusHistoryLoader(scope: RegionScope): DataLoader<number, PermitStatusChange[]> {
    return new DataLoader(async (permitIds) => {
      const query = this.dataSource
        .createQueryBuilder(PermitStatusChange, 'change')
        .innerJoin(Permit, 'permit', 'permit.id = change.permitId')
        .where('change.permitId IN (:...permitIds)', { permitIds: [...permitIds] })
        .orderBy('change.id', 'ASC');
      if (scope.prefix !== '') query.andWhere('permit.regionCode LIKE :prefix', { prefix: `${scope.prefix}%` });
      const changes = await query.getMany();
      return permitIds.map((permitId) => changes.filter((change) => change.permitId === permitId));
    });
  }

  async suspend(scope: RegionScope, input: ChangePermitStatusInput, actor: Actor): Promise<Permit> {
    return this.changeByReviewer(scope, input, actor, PermitStatus.SUSPENDED);
  }

  async restore(scope: RegionScope, input: ChangePermitStatusInput, actor: Actor): Promise<Permit> {
    return this.changeByReviewer(scope, input, actor, PermitStatus.VALID);
  }

  async revoke(scope: RegionScope, input: ChangePermitStatusInput, actor: Actor): Promise<Permit> {
    return this.changeByReviewer(scope, input, actor, PermitStatus.REVOKED);
  }

  /**
   * Applies an enforcement decision that suspends or revokes a permit. Idempotent: a permit already in
   * that status (or revoked) is left as it is, and an unknown permit is logged, never retried forever.
   */
  async applyCaseDecision(manager: EntityManager, envelope: EventEnvelope<'case.decided'>): Promise<void> {
    const { penalty, permitNumber, caseNumber, regionCode, summary } = envelope.payload;
    const target = PENALTY_STATUS[penalty];
    if (target === undefined || !permitNumber) return;
    const permit = await manager.findOneBy(Permit, { number: permitNumber });
    if (!permit) {
      this.logger.warn('case decision names a permit licensing does not hold', { caseNumber, permitNumber });
      return;
    }
    if (permit.recordedStatus === target || !PERMIT_STATUS_CHANGES[permit.recordedStatus].includes(target)) {
      this.logger.info('case decision leaves the permit as it is', {
        caseNumber,
        permitNumber,
        status: permit.recordedStatus,
        penalty,
      });
      return;
    }
    await this.change(
      manager,
      permit,
      target,
      ENFORCEMENT_ACTOR,
      `${summary} (enforcement decision of ${regionCode})`.slice(0, 1000),
      caseNumber,
    );
  }

  private async changeByReviewer(
    scope: RegionScope,
    input: ChangePermitStatusInput,
    actor: Actor,
    target: PermitStatus,
  ): Promise<Permit> {
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const permit = await manager.findOneBy(Permit, {
        number: input.permitNumber,
        ...withinPrefix('regionCode', scope.prefix),
      });
      if (!permit) throw notFound('Permit', input.permitNumber);
      const roles = PERMIT_KINDS[permit.kind].roles.decide;
      if (!roles.some((role) => actor.roles.has(role)))
        throw forbidden(`Only ${roles.join(' or ')} may change the status of ${permit.kind} permits`);
      if (permit.status === PermitStatus.EXPIRED)
        throw conflict('PERMIT_EXPIRED', `Permit ${permit.number} expired on ${permit.validUntil}`);
      if (!PERMIT_STATUS_CHANGES[permit.recordedStatus].includes(target)) {
        throw conflict(
          'ILLEGAL_TRANSITION',
          `Permit ${permit.number} is ${permit.recordedStatus} and cannot become ${target}`,
        );
      }
      await this.change(manager, permit, target, actor.username, reason, null);
      return manager.findOneByOrFail(Permit, { id: permit.id });
    });
  }

  /** The UPDATE repeats the status read, so of two changes at once exactly one applies. */
  private async change(
    manager: EntityManager,
    permit: Permit,
    target: PermitStatus,
    actor: string,
    reason: string,
    caseNumber: string | null,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(Permit)
      .set({ recordedStatus: target })
      .where('id = :id AND status = :status', { id: permit.id, status: permit.recordedStatus })
      .execute();
    if (result.affected !== 1)
      throw conflict('STALE_VERSION', `Permit ${permit.number} was changed by someone else; reload it`);
    const occurredAt = now();
    await manager.insert(PermitStatusChange, {
      permitId: permit.id,
      fromStatus: permit.recordedStatus,
      toStatus: target,
      actor,
      occurredAt,
      reason,
      caseNumber,
    });
    await this.outbox.publish(manager, 'permit.status-changed', {
      permitNumber: permit.number,
      creditCode: permit.creditCode,
      regionCode: permit.regionCode,
      fromStatus: permit.recordedStatus as 'VALID' | 'SUSPENDED' | 'REVOKED',
      toStatus: target as 'VALID' | 'SUSPENDED' | 'REVOKED',
      caseNumber,
      changedAt: occurredAt.toISOString(),
    });
  }
}
