import type { EntityManager } from 'typeorm';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { conflict } from '../credit.errors';
import { authorityNameOf } from '../disclosure/disclosure-rules';
import type { CreditChangeSink } from '../national-platform/credit-change';
import { CreditList, ListDecisionKind, ListEntryAction, ListRemovalReason } from './credit-list';
import { CreditListChange } from './credit-list-change.entity';
import { CreditListDecision } from './credit-list-decision.entity';
import { CreditListEntry } from './credit-list-entry.entity';
import { CRITERION_DESCRIPTIONS, type ListCriterion } from './list-criteria';

/** Who makes the changes no person makes: listings from events and removals at the end of the term. */
export const SYSTEM_ACTOR = 'system';

/** A decision behind an entry, before it is stored. */
export interface ListDecisionInput {
  kind: ListDecisionKind;
  documentNumber: string;
}

export interface NewListEntry {
  list: CreditList;
  creditCode: string;
  criterion: ListCriterion;
  regionCode: string;
  startedAt: Date;
  plannedRemovalAt: Date;
  decisions: readonly ListDecisionInput[];
  sourceKey: string | null;
  actor: string;
  reason: string;
}

/**
 * Every change of a list entry goes through here, inside the caller's transaction: the entry, its
 * history row, the `credit.list-changed` event and the change for the national platform commit together.
 */
export class ListEntryWriter {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly changes: CreditChangeSink,
    private readonly clock: () => Date,
  ) {}

  async open(manager: EntityManager, entry: NewListEntry): Promise<CreditListEntry> {
    const saved = await manager.save(
      manager.create(CreditListEntry, {
        list: entry.list,
        creditCode: entry.creditCode,
        criterion: entry.criterion,
        regionCode: entry.regionCode,
        startedAt: wholeSeconds(entry.startedAt),
        plannedRemovalAt: wholeSeconds(entry.plannedRemovalAt),
        removedAt: null,
        removalReason: null,
        listedBy: entry.actor,
        version: 1,
        sourceKey: entry.sourceKey,
      }),
    );
    await manager.insert(
      CreditListDecision,
      entry.decisions.map((decision) => ({ entryId: saved.id, ...decision })),
    );
    await this.recorded(manager, saved, ListEntryAction.LISTED, entry.actor, entry.reason);
    return saved;
  }

  /** Adds decisions about the same facts to a current entry (the case behind a revoked permit, say). */
  async addDecisions(
    manager: EntityManager,
    entry: CreditListEntry,
    decisions: readonly ListDecisionInput[],
    actor: string,
    reason: string,
  ): Promise<CreditListEntry> {
    const known = new Set((await this.decisionsOf(manager, entry.id)).map((decision) => decision.documentNumber));
    const added = decisions.filter((decision) => !known.has(decision.documentNumber));
    if (added.length === 0 || entry.removedAt !== null) return entry;
    const changed = await this.bump(manager, entry, {});
    await manager.insert(
      CreditListDecision,
      added.map((decision) => ({ entryId: entry.id, ...decision })),
    );
    await this.recorded(manager, changed, ListEntryAction.DECISION_ADDED, actor, reason);
    return changed;
  }

  async remove(
    manager: EntityManager,
    entry: CreditListEntry,
    removalReason: ListRemovalReason,
    actor: string,
    reason: string,
  ): Promise<CreditListEntry> {
    if (entry.removedAt !== null) {
      throw conflict(
        'LIST_ENTRY_REMOVED',
        `List entry ${entry.id} left the list at ${entry.removedAt.toISOString()} (${entry.removalReason})`,
      );
    }
    const changed = await this.bump(manager, entry, { removedAt: this.now(), removalReason });
    await this.recorded(manager, changed, ListEntryAction.REMOVED, actor, reason);
    return changed;
  }

  decisionsOf(manager: EntityManager, entryId: number): Promise<CreditListDecision[]> {
    return manager.find(CreditListDecision, { where: { entryId }, order: { id: 'ASC' } });
  }

  now(): Date {
    return wholeSeconds(this.clock());
  }

  /** The UPDATE repeats the version and that the entry is listed, so of two changes at once one applies. */
  private async bump(
    manager: EntityManager,
    entry: CreditListEntry,
    values: Partial<Pick<CreditListEntry, 'removedAt' | 'removalReason'>>,
  ): Promise<CreditListEntry> {
    const result = await manager
      .createQueryBuilder()
      .update(CreditListEntry)
      .set({ ...values, version: entry.version + 1 })
      .where('id = :id AND version = :version AND removed_at IS NULL', { id: entry.id, version: entry.version })
      .execute();
    if (result.affected !== 1)
      throw conflict('STALE_VERSION', `List entry ${entry.id} was changed by someone else; reload it`);
    return manager.findOneByOrFail(CreditListEntry, { id: entry.id });
  }

  private async recorded(
    manager: EntityManager,
    entry: CreditListEntry,
    action: ListEntryAction,
    actor: string,
    reason: string,
  ): Promise<void> {
    await manager.insert(CreditListChange, {
      entryId: entry.id,
      version: entry.version,
      action,
      actor,
      reason,
      occurredAt: this.now(),
    });
    const decisions = await this.decisionsOf(manager, entry.id);
    await this.outbox.publish(manager, 'credit.list-changed', {
      entryId: String(entry.id),
      version: entry.version,
      list: entry.list,
      creditCode: entry.creditCode,
      listed: entry.removedAt === null,
      criterion: entry.criterion,
      startedAt: entry.startedAt.toISOString(),
      plannedRemovalAt: entry.plannedRemovalAt.toISOString(),
      removedAt: entry.removedAt?.toISOString() ?? null,
      action,
      regionCode: entry.regionCode,
      removalReason: entry.removalReason,
    });
    // Public facts only: the reasons are free text and stay here.
    await this.changes.record(manager, {
      recordType: 'LIST_ENTRY',
      recordId: String(entry.id),
      version: entry.version,
      payload: {
        list: entry.list,
        creditCode: entry.creditCode,
        criterion: entry.criterion,
        criterionDescription: CRITERION_DESCRIPTIONS[entry.criterion],
        authorityCode: entry.regionCode,
        authorityName: authorityNameOf(entry.regionCode),
        decisions: decisions.map((decision) => ({ kind: decision.kind, documentNumber: decision.documentNumber })),
        startedAt: entry.startedAt.toISOString(),
        plannedRemovalAt: entry.plannedRemovalAt.toISOString(),
        removedAt: entry.removedAt?.toISOString() ?? null,
        removalReason: entry.removalReason,
      },
    });
  }
}
