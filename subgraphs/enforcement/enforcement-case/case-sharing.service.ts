import { IsNull, type DataSource } from 'typeorm';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { regionWithin } from '../../../platform/codes/region-code';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../enforcement.errors';
import { now, type CaseAccess } from './case-access';
import { CaseShare } from './case-share.entity';
import { CaseShareKind } from './case-share-kind';
import { CaseStepAction } from './case-step-action';
import type { EnforcementCase } from './enforcement-case.entity';
import type { RevokeCaseShareInput } from './inputs/revoke-case-share.input';
import type { ShareCaseInput } from './inputs/share-case.input';

const SHARE_REASON_MIN_LENGTH = 4;
const SHARE_REASON_MAX_LENGTH = 500;

function shareReason(reason: string): string {
  const trimmed = assertText('reason', reason, SHARE_REASON_MAX_LENGTH);
  if (trimmed.length < SHARE_REASON_MIN_LENGTH)
    throw invalidInput('reason', `must be at least ${SHARE_REASON_MIN_LENGTH} characters`);
  return trimmed;
}

/**
 * Sharing a case with another region for reading (案件共享), and ending the share. Only the handling region
 * decides; every share and revocation is a step on the case. Shares made by a transfer are the transfer's
 * (exchange/case-transfer.service.ts).
 */
export class CaseSharingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  /**
   * Shares a case with another region for reading. Only the handling region decides it; the case row is
   * locked first, so of two identical shares at once the second sees the first and is refused.
   */
  async share(scope: RegionScope, input: ShareCaseInput, actor: string): Promise<EnforcementCase> {
    assertRegionCode('regionCode', input.regionCode);
    const reason = shareReason(input.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      if (regionWithin(input.regionCode, current.regionCode)) {
        throw invalidInput(
          'regionCode',
          `lies within the handling region ${current.regionCode}, which sees the case already`,
        );
      }
      if (regionWithin(current.regionCode, input.regionCode)) {
        throw invalidInput(
          'regionCode',
          `covers the handling region ${current.regionCode}, so it sees the case already`,
        );
      }
      if (
        await manager.existsBy(CaseShare, {
          caseId: current.id,
          regionCode: input.regionCode,
          kind: CaseShareKind.READ,
          revokedAt: IsNull(),
        })
      ) {
        throw conflict('ALREADY_SHARED', `Case ${current.caseNumber} is already shared with ${input.regionCode}`);
      }
      const sharedAt = now();
      await manager.insert(CaseShare, {
        caseId: current.id,
        regionCode: input.regionCode,
        kind: CaseShareKind.READ,
        reason,
        sharedBy: actor,
        sharedAt,
        revokedBy: null,
        revokedAt: null,
      });
      await this.access.recordStep(manager, {
        caseId: current.id,
        action: CaseStepAction.SHARED,
        fromStatus: current.status,
        toStatus: current.status,
        actor,
        regionCode: current.regionCode,
        occurredAt: sharedAt,
        comment: `shared with ${input.regionCode}: ${reason}`,
      });
      return current;
    });
  }

  /** Ends the active read share of a case with a region; decided, like the share, by the handling region. Transfer shares are the transfer's. */
  async revokeShare(scope: RegionScope, input: RevokeCaseShareInput, actor: string): Promise<EnforcementCase> {
    assertRegionCode('regionCode', input.regionCode);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      const active = await manager.findOneBy(CaseShare, {
        caseId: current.id,
        regionCode: input.regionCode,
        kind: CaseShareKind.READ,
        revokedAt: IsNull(),
      });
      if (!active) throw notFound('Active share of case', `${current.caseNumber} with ${input.regionCode}`);
      const revokedAt = now();
      await manager.update(CaseShare, { id: active.id }, { revokedAt, revokedBy: actor });
      await this.access.recordStep(manager, {
        caseId: current.id,
        action: CaseStepAction.SHARE_REVOKED,
        fromStatus: current.status,
        toStatus: current.status,
        actor,
        regionCode: current.regionCode,
        occurredAt: revokedAt,
        comment: `share with ${input.regionCode} revoked`,
      });
      return current;
    });
  }
}
