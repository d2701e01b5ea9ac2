import { In, IsNull, type EntityManager } from 'typeorm';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { CreditList, ListDecisionKind } from './credit-list';
import { CreditListEntry } from './credit-list-entry.entity';
import { CreditListOverload } from './credit-list-overload.entity';
import {
  isSeriousOverload,
  ListCriterion,
  overloadsMeetingCriterion,
  plannedRemovalAt,
  type ListingRules,
} from './list-criteria';
import { SYSTEM_ACTOR, type ListDecisionInput, type ListEntryWriter } from './list-entry.writer';

/**
 * The automatic criteria, applied inside the inbox transaction of the event that shows them met
 * (writes only through `manager`). A fact lists once: redelivered and republished events, and the two
 * events of one revocation (the case decision and the permit's status change), add nothing new.
 */
export class AutomaticListing {
  constructor(
    private readonly writer: ListEntryWriter,
    private readonly rules: ListingRules,
  ) {}

  /** `permit.status-changed` to REVOKED: PERMIT_REVOKED, naming the permit (and the case, when one decided it). */
  async permitStatusChanged(
    manager: EntityManager,
    change: EventPayloads['permit.status-changed'],
  ): Promise<CreditListEntry | null> {
    if (change.toStatus !== 'REVOKED' || change.fromStatus === 'REVOKED') return null;
    const decisions: ListDecisionInput[] = [{ kind: ListDecisionKind.PERMIT, documentNumber: change.permitNumber }];
    if (change.caseNumber !== null) decisions.push({ kind: ListDecisionKind.CASE, documentNumber: change.caseNumber });
    return this.permitRevoked(manager, {
      permitNumber: change.permitNumber,
      creditCode: change.creditCode,
      regionCode: change.regionCode,
      startedAt: new Date(change.changedAt),
      decisions,
      reason: `许可证件 ${change.permitNumber} 被吊销`,
    });
  }

  /** `case.decided`: a revocation (PERMIT_REVOKED), or a serious overload counted toward REPEATED_SERIOUS_OVERLOAD. */
  async caseDecided(manager: EntityManager, decision: EventPayloads['case.decided']): Promise<CreditListEntry | null> {
    if (decision.creditCode === null) return null;
    const revocationCounts = this.rules.automaticCriteria.includes(ListCriterion.PERMIT_REVOKED);
    // A revocation lists the subject for itself; it is not counted again as an overload.
    if (decision.penalty === 'PERMIT_REVOCATION' && decision.permitNumber && revocationCounts) {
      return this.permitRevoked(manager, {
        permitNumber: decision.permitNumber,
        creditCode: decision.creditCode,
        regionCode: decision.regionCode,
        startedAt: new Date(decision.decidedAt),
        decisions: [
          { kind: ListDecisionKind.CASE, documentNumber: decision.caseNumber },
          { kind: ListDecisionKind.PERMIT, documentNumber: decision.permitNumber },
        ],
        reason: `行政处罚决定 ${decision.caseNumber} 吊销许可证件 ${decision.permitNumber}`,
      });
    }
    return this.overloadDecided(manager, decision);
  }

  private async permitRevoked(
    manager: EntityManager,
    revocation: {
      permitNumber: string;
      creditCode: string;
      regionCode: string;
      startedAt: Date;
      decisions: ListDecisionInput[];
      reason: string;
    },
  ): Promise<CreditListEntry | null> {
    if (!this.rules.automaticCriteria.includes(ListCriterion.PERMIT_REVOKED)) return null;
    const sourceKey = `${ListCriterion.PERMIT_REVOKED}:${revocation.permitNumber}`;
    const existing = await manager.findOneBy(CreditListEntry, { sourceKey });
    if (existing) {
      // The other event of the same revocation: the entry names both decisions, the listing stays one.
      await this.writer.addDecisions(manager, existing, revocation.decisions, SYSTEM_ACTOR, revocation.reason);
      return null;
    }
    return this.writer.open(manager, {
      list: CreditList.SERIOUS_DISHONESTY,
      creditCode: revocation.creditCode,
      criterion: ListCriterion.PERMIT_REVOKED,
      regionCode: revocation.regionCode,
      startedAt: revocation.startedAt,
      plannedRemovalAt: plannedRemovalAt(revocation.startedAt, this.rules.termYears),
      decisions: revocation.decisions,
      sourceKey,
      actor: SYSTEM_ACTOR,
      reason: revocation.reason,
    });
  }

  private async overloadDecided(
    manager: EntityManager,
    decision: EventPayloads['case.decided'],
  ): Promise<CreditListEntry | null> {
    if (!this.rules.automaticCriteria.includes(ListCriterion.REPEATED_SERIOUS_OVERLOAD)) return null;
    if (!isSeriousOverload(decision, this.rules) || decision.creditCode === null) return null;
    if (await manager.existsBy(CreditListOverload, { caseNumber: decision.caseNumber })) return null;
    const latest = { caseNumber: decision.caseNumber, decidedAt: new Date(decision.decidedAt) };
    await manager.insert(CreditListOverload, {
      ...latest,
      creditCode: decision.creditCode,
      regionCode: decision.regionCode,
      entryId: null,
    });
    const unlisted = await manager.findBy(CreditListOverload, { creditCode: decision.creditCode, entryId: IsNull() });
    const met = overloadsMeetingCriterion(latest, unlisted, this.rules);
    if (met === null) return null;
    const caseNumbers = met.map((overload) => overload.caseNumber);
    const entry = await this.writer.open(manager, {
      list: CreditList.SERIOUS_DISHONESTY,
      creditCode: decision.creditCode,
      criterion: ListCriterion.REPEATED_SERIOUS_OVERLOAD,
      // The authority whose decision completed the count.
      regionCode: decision.regionCode,
      startedAt: latest.decidedAt,
      plannedRemovalAt: plannedRemovalAt(latest.decidedAt, this.rules.termYears),
      decisions: caseNumbers.map((documentNumber) => ({ kind: ListDecisionKind.CASE, documentNumber })),
      sourceKey: `${ListCriterion.REPEATED_SERIOUS_OVERLOAD}:${decision.caseNumber}`,
      actor: SYSTEM_ACTOR,
      reason: `${this.rules.overloadMonths}个月内${caseNumbers.length}次违法超限运输受到行政处罚：${caseNumbers.join('、')}`,
    });
    await manager.update(CreditListOverload, { caseNumber: In(caseNumbers) }, { entryId: entry.id });
    return entry;
  }
}
