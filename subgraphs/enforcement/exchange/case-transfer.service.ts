import DataLoader from 'dataloader';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { regionWithin } from '../../../platform/codes/region-code';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, invalidInput } from '../../../platform/errors/domain-error';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { conflict } from '../enforcement.errors';
import { byCase, CaseAccess, now } from '../enforcement-case/case-access';
import { CaseShare } from '../enforcement-case/case-share.entity';
import { CaseShareKind } from '../enforcement-case/case-share-kind';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { assertExpectedVersion, optionalComment } from '../enforcement-case/enforcement-case.service';
import { CaseEvidence } from '../evidence/case-evidence.entity';
import type { CaseEvidenceService } from '../evidence/case-evidence.service';
import { CaseTransfer, CaseTransferStatus } from './case-transfer.entity';
import type { AcceptCaseTransferInput } from './inputs/accept-case-transfer.input';
import type { DeclineCaseTransferInput } from './inputs/decline-case-transfer.input';
import type { ProposeCaseTransferInput } from './inputs/propose-case-transfer.input';

const REASON_MIN_LENGTH = 4;

function reasonText(field: string, value: string): string {
  const trimmed = assertText(field, value, 1000);
  if (trimmed.length < REASON_MIN_LENGTH) throw invalidInput(field, `must be at least ${REASON_MIN_LENGTH} characters`);
  return trimmed;
}

/** A region to exchange with: one that does not see the case already by its scope (not within the handling region, nor above it). */
export function assertOtherRegion(field: string, regionCode: string, handlingRegion: string): void {
  if (regionWithin(regionCode, handlingRegion))
    throw invalidInput(field, `lies within the handling region ${handlingRegion}`);
  if (regionWithin(handlingRegion, regionCode))
    throw invalidInput(field, `covers the handling region ${handlingRegion}`);
}

export interface TransferOutcome {
  transfer: CaseTransfer;
  case: EnforcementCase | null;
}

/**
 * 案件移送: the handling region proposes, the receiving region accepts or declines. While proposed the
 * case is TRANSFER_PENDING: the receiving region reads it (a TRANSFER_REVIEW share) and nobody moves it
 * but by accepting or declining. On acceptance the handling region changes, every item of evidence is
 * read back against its digest first, and the old region keeps reading what it did (TRANSFERRED_FROM).
 */
export class CaseTransferService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly evidence: CaseEvidenceService,
    private readonly outbox: EventOutbox,
  ) {}

  /** Transfers of many cases, oldest first, one statement per request; only of cases the caller may see. */
  createTransfersLoader(scope: RegionScope): DataLoader<number, CaseTransfer[]> {
    return new DataLoader(async (caseIds) => {
      const query = this.dataSource
        .createQueryBuilder(CaseTransfer, 'transfer')
        .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = transfer.caseId')
        .where('transfer.caseId IN (:...caseIds)', { caseIds: [...caseIds] })
        .orderBy('transfer.id', 'ASC');
      this.access.whereVisible(query, scope);
      return byCase(caseIds, await query.getMany());
    });
  }

  async propose(scope: RegionScope, input: ProposeCaseTransferInput, actor: string): Promise<TransferOutcome> {
    assertExpectedVersion(input);
    assertRegionCode('toRegionCode', input.toRegionCode);
    const reason = reasonText('reason', input.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      this.access.assertVersion(current, input);
      this.access.assertStep(current, CaseStepAction.TRANSFER_PROPOSED, CaseStatus.TRANSFER_PENDING);
      assertOtherRegion('toRegionCode', input.toRegionCode, current.regionCode);
      const proposedAt = now();
      const transfer = await manager.save(
        manager.create(CaseTransfer, {
          caseId: current.id,
          fromRegionCode: current.regionCode,
          toRegionCode: input.toRegionCode,
          status: CaseTransferStatus.PROPOSED,
          reason,
          statusBefore: current.status,
          proposedBy: actor,
          proposedAt,
        }),
      );
      await manager.insert(CaseShare, {
        caseId: current.id,
        regionCode: input.toRegionCode,
        kind: CaseShareKind.TRANSFER_REVIEW,
        reason: `移送待接收: ${reason}`.slice(0, 500),
        sharedBy: actor,
        sharedAt: proposedAt,
        revokedBy: null,
        revokedAt: null,
      });
      const pending = await this.access.update(
        manager,
        scope,
        current,
        CaseStatus.TRANSFER_PENDING,
        {},
        {
          action: CaseStepAction.TRANSFER_PROPOSED,
          actor,
          comment: `transfer ${transfer.id} to ${input.toRegionCode} proposed: ${reason}`,
        },
      );
      return { transfer, case: pending };
    });
  }

  /**
   * The receiving region takes the case over. Every item of evidence in the case file is read back and
   * checked against its digest first: an item that no longer matches stops the handover, naming it.
   */
  async accept(scope: RegionScope, input: AcceptCaseTransferInput, actor: string): Promise<TransferOutcome> {
    assertExpectedVersion(input);
    const comment = optionalComment(input.comment);
    return inTransaction(this.dataSource, async (manager) => {
      const { current, transfer } = await this.loadToDecide(manager, scope, input, CaseStepAction.TRANSFER_ACCEPTED);
      const items = await manager.find(CaseEvidence, {
        where: { caseId: current.id, handedOverAt: Not(IsNull()) },
        order: { id: 'ASC' },
      });
      await this.evidence.verify(items, current.caseNumber);
      const decidedAt = now();
      await manager.update(
        CaseTransfer,
        { id: transfer.id },
        {
          status: CaseTransferStatus.ACCEPTED,
          decidedBy: actor,
          decidedAt,
          decisionComment: comment,
          evidenceVerified: items.length,
        },
      );
      await this.endReview(manager, transfer, actor, decidedAt);
      if (
        !(await manager.existsBy(CaseShare, {
          caseId: current.id,
          regionCode: transfer.fromRegionCode,
          kind: CaseShareKind.TRANSFERRED_FROM,
          revokedAt: IsNull(),
        }))
      ) {
        await manager.insert(CaseShare, {
          caseId: current.id,
          regionCode: transfer.fromRegionCode,
          kind: CaseShareKind.TRANSFERRED_FROM,
          reason: `移出地保留查阅: 移送至 ${transfer.toRegionCode}`,
          sharedBy: actor,
          sharedAt: decidedAt,
          revokedBy: null,
          revokedAt: null,
        });
      }
      const accepted = await this.access.update(
        manager,
        scope,
        current,
        transfer.statusBefore,
        { regionCode: transfer.toRegionCode },
        {
          action: CaseStepAction.TRANSFER_ACCEPTED,
          actor,
          comment: `transfer ${transfer.id} from ${transfer.fromRegionCode} accepted; ${items.length} items of evidence handed over, SM3 digests verified${comment ? `: ${comment}` : ''}`,
        },
      );
      await this.outbox.publish(manager, 'case.transferred', {
        caseNumber: current.caseNumber,
        fromRegionCode: transfer.fromRegionCode,
        toRegionCode: transfer.toRegionCode,
        transferredAt: decidedAt.toISOString(),
      });
      return { transfer: await manager.findOneByOrFail(CaseTransfer, { id: transfer.id }), case: accepted };
    });
  }

  /** The receiving region declines, with reasons: the case returns to where it stood, and out of the receiving region's sight. */
  async decline(scope: RegionScope, input: DeclineCaseTransferInput, actor: string): Promise<TransferOutcome> {
    assertExpectedVersion(input);
    const reason = reasonText('reason', input.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const { current, transfer } = await this.loadToDecide(manager, scope, input, CaseStepAction.TRANSFER_DECLINED);
      const decidedAt = now();
      await manager.update(
        CaseTransfer,
        { id: transfer.id },
        { status: CaseTransferStatus.DECLINED, decidedBy: actor, decidedAt, decisionComment: reason },
      );
      await this.endReview(manager, transfer, actor, decidedAt);
      await this.access.write(
        manager,
        current,
        transfer.statusBefore,
        {},
        {
          action: CaseStepAction.TRANSFER_DECLINED,
          actor,
          regionCode: transfer.toRegionCode,
          comment: `transfer ${transfer.id} declined by ${transfer.toRegionCode}: ${reason}`,
        },
      );
      const declined = await manager.findOneByOrFail(CaseTransfer, { id: transfer.id });
      // The decliner sees the case only if its scope holds the handling region (a national caller).
      return {
        transfer: declined,
        case: await this.access
          .visibleCases(manager, scope)
          .andWhere('enforcementCase.id = :id', { id: current.id })
          .getOne(),
      };
    });
  }

  /**
   * A case awaiting a transfer decision, for its receiving region: seen (through the review share),
   * locked, at the version seen. The proposing region, or any other, may not decide it.
   */
  private async loadToDecide(
    manager: EntityManager,
    scope: RegionScope,
    input: AcceptCaseTransferInput | DeclineCaseTransferInput,
    action: CaseStepAction,
  ): Promise<{ current: EnforcementCase; transfer: CaseTransfer }> {
    const current = await this.access.loadVisible(manager, scope, input.caseNumber, { lock: true });
    this.access.assertVersion(current, input);
    const transfer = await manager.findOneBy(CaseTransfer, { caseId: current.id, status: CaseTransferStatus.PROPOSED });
    if (!transfer || current.status !== CaseStatus.TRANSFER_PENDING) {
      throw conflict(
        'ILLEGAL_TRANSITION',
        `Case ${current.caseNumber} is ${current.status} and has no transfer awaiting a decision (${action})`,
      );
    }
    if (!inScope(scope, transfer.toRegionCode)) {
      throw forbidden(
        `Case ${current.caseNumber} is proposed for transfer to ${transfer.toRegionCode}; only that region accepts or declines it`,
      );
    }
    return { current, transfer };
  }

  private async endReview(manager: EntityManager, transfer: CaseTransfer, actor: string, at: Date): Promise<void> {
    await manager.update(
      CaseShare,
      {
        caseId: transfer.caseId,
        regionCode: transfer.toRegionCode,
        kind: CaseShareKind.TRANSFER_REVIEW,
        revokedAt: IsNull(),
      },
      { revokedAt: at, revokedBy: actor },
    );
  }
}
