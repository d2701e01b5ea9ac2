import DataLoader from 'dataloader';
import { In, IsNull, LessThanOrEqual, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { inScope, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertCreditCode, assertPublicText, assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { regionScopePrefix } from '../../../platform/codes/region-code';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { listPage } from '../../../platform/database/list-page';
import { forUpdate } from '../../../platform/database/sql-dialect';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import type { Connection, PageRequest } from '../../../platform/graphql/connection';
import type { Logger } from '../../../platform/observability/logger';
import { conflict } from '../credit.errors';
import { CreditSubjectName } from '../disclosure/credit-subject-name.entity';
import { CreditList, ListDecisionKind, ListRemovalReason } from './credit-list';
import { CreditListChange } from './credit-list-change.entity';
import { CreditListDecision } from './credit-list-decision.entity';
import { CreditListEntry } from './credit-list-entry.entity';
import type { ListCreditSubjectInput, RemoveCreditListEntryInput } from './inputs/list-credit-subject.input';
import { ListCriterion, plannedRemovalAt, type ListingRules } from './list-criteria';
import { SYSTEM_ACTOR, type ListEntryWriter } from './list-entry.writer';
import { goodStandingSubjects, type GoodStandingSubject } from './good-standing';

const REASON_MAX_LENGTH = 1000;
const DOCUMENT_MAX_LENGTH = 64;
const MOST_DOCUMENTS = 10;
/** Entries the expiry job removes per run; the next run takes the rest. */
const EXPIRY_BATCH = 100;

/** The settings the service reads (credit.config.ts `lists`). */
export interface CreditListSettings extends ListingRules {
  expiryIntervalMs: number;
  goodStandingMonths: number;
}

export interface CreditListFilter {
  list: CreditList | null;
  creditCode: string | null;
  regionCode: string | null;
  includeRemoved: boolean;
}

function requiredReason(reason: string | null | undefined): string {
  if (reason === undefined || reason === null) throw invalidInput('reason', 'is required: state the reasons');
  return assertText('reason', reason, REASON_MAX_LENGTH);
}

/**
 * Credit lists (信用名单): reads (national, like every credit file), an officer's listing and removal within
 * their region, removal when a repair of the causing decision is approved, and at the end of the term.
 */
export class CreditListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ListEntryWriter,
    private readonly rules: CreditListSettings,
  ) {}

  /** Subjects in good standing (守信), derived now (good-standing.ts). */
  goodStanding(page: PageRequest): Promise<Connection<GoodStandingSubject>> {
    return goodStandingSubjects(this.dataSource, this.rules.goodStandingMonths, this.writer.now(), page);
  }

  /** Entries newest first, by list, subject and deciding region; current ones unless `includeRemoved`. */
  async list(filter: CreditListFilter, page: PageRequest): Promise<Connection<CreditListEntry>> {
    if (filter.creditCode !== null) assertCreditCode('creditCode', filter.creditCode);
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const where: FindOptionsWhere<CreditListEntry> = {
      ...(filter.regionCode === null ? {} : withinPrefix('regionCode', regionScopePrefix(filter.regionCode))),
      ...(filter.list === null ? {} : { list: filter.list }),
      ...(filter.creditCode === null ? {} : { creditCode: filter.creditCode }),
      ...(filter.includeRemoved ? {} : { removedAt: IsNull() }),
    };
    return listPage(this.dataSource.getRepository(CreditListEntry), where, page);
  }

  /** The current entries of many subjects, oldest first, in one statement. */
  createMembershipsLoader(): DataLoader<string, CreditListEntry[]> {
    return new DataLoader(async (creditCodes) => {
      const entries = await this.dataSource.getRepository(CreditListEntry).find({
        where: { creditCode: In([...creditCodes]), removedAt: IsNull() },
        order: { id: 'ASC' },
      });
      return creditCodes.map((code) => entries.filter((entry) => entry.creditCode === code));
    });
  }

  /** The decisions behind many entries, in one statement. */
  createDecisionsLoader(): DataLoader<number, CreditListDecision[]> {
    return new DataLoader(async (entryIds) => {
      const decisions = await this.dataSource
        .getRepository(CreditListDecision)
        .find({ where: { entryId: In([...entryIds]) }, order: { id: 'ASC' } });
      return entryIds.map((id) => decisions.filter((decision) => decision.entryId === id));
    });
  }

  /** The history of many entries, oldest change first, in one statement. */
  createHistoryLoader(): DataLoader<number, CreditListChange[]> {
    return new DataLoader(async (entryIds) => {
      const changes = await this.dataSource
        .getRepository(CreditListChange)
        .find({ where: { entryId: In([...entryIds]) }, order: { id: 'ASC' } });
      return entryIds.map((id) => changes.filter((change) => change.entryId === id));
    });
  }

  /** A credit officer lists a registered subject for an authority within their region. */
  async listByOfficer(scope: RegionScope, input: ListCreditSubjectInput, actor: string): Promise<CreditListEntry> {
    assertCreditCode('creditCode', input.creditCode);
    if (!Object.values(ListCriterion).includes(input.criterion))
      throw invalidInput('criterion', 'is not a listing criterion');
    const list = input.list ?? CreditList.SERIOUS_DISHONESTY;
    assertRegionCode('regionCode', input.regionCode);
    if (!Array.isArray(input.documentNumbers) || input.documentNumbers.length === 0)
      throw invalidInput('documentNumbers', 'must name at least one decision');
    if (input.documentNumbers.length > MOST_DOCUMENTS)
      throw invalidInput('documentNumbers', `must name at most ${MOST_DOCUMENTS} decisions`);
    // Document numbers are public with the entry: personal information is refused.
    const documentNumbers = [
      ...new Set(
        input.documentNumbers.map((number) => assertPublicText('documentNumbers', number, DOCUMENT_MAX_LENGTH)),
      ),
    ];
    const reason = requiredReason(input.reason);
    if (!inScope(scope, input.regionCode))
      throw forbidden(`You may list subjects only for authorities within region ${scope.region}`);
    return inTransaction(this.dataSource, async (manager) => {
      // The subject's row, held to the end: two officers listing it at once take turns, so the check below holds.
      const subject = await forUpdate(
        manager
          .createQueryBuilder(CreditSubjectName, 'subject')
          .where('subject.creditCode = :creditCode', { creditCode: input.creditCode }),
      ).getOne();
      if (!subject) throw notFound('Enterprise', input.creditCode);
      const same = await manager
        .createQueryBuilder(CreditListEntry, 'entry')
        .innerJoin(CreditListDecision, 'decision', 'decision.entryId = entry.id')
        .where('entry.creditCode = :creditCode', { creditCode: input.creditCode })
        .andWhere('entry.list = :list AND entry.criterion = :criterion', { list, criterion: input.criterion })
        .andWhere('entry.removedAt IS NULL')
        .andWhere('decision.documentNumber IN (:...documentNumbers)', { documentNumbers })
        .getOne();
      if (same)
        throw conflict(
          'LIST_ENTRY_EXISTS',
          `${input.creditCode} is already listed (entry ${same.id}) on ${input.criterion} for one of these decisions`,
        );
      const startedAt = this.writer.now();
      return this.writer.open(manager, {
        list,
        creditCode: input.creditCode,
        criterion: input.criterion,
        regionCode: input.regionCode,
        startedAt,
        plannedRemovalAt: plannedRemovalAt(startedAt, this.rules.termYears),
        decisions: documentNumbers.map((documentNumber) => ({ kind: ListDecisionKind.DOCUMENT, documentNumber })),
        sourceKey: null,
        actor,
        reason,
      });
    });
  }

  /** A credit officer removes an entry their region's authorities decided, with reasons. */
  async removeByOfficer(
    scope: RegionScope,
    input: RemoveCreditListEntryInput,
    actor: string,
  ): Promise<CreditListEntry> {
    const reason = requiredReason(input.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const entry = await manager.findOneBy(CreditListEntry, { id: input.entryId });
      if (!entry) throw notFound('List entry', String(input.entryId));
      // Entries are read nationally, so one outside the region is refused, not hidden.
      if (!inScope(scope, entry.regionCode))
        throw forbidden(`You may remove only entries decided within region ${scope.region}`);
      if (entry.removedAt === null && entry.version !== input.expectedVersion)
        throw conflict('STALE_VERSION', `List entry ${entry.id} is at version ${entry.version}; reload it`);
      return this.writer.remove(manager, entry, ListRemovalReason.REMOVED_BY_OFFICER, actor, reason);
    });
  }

  /**
   * For the credit repair flow, inside its transaction: a repair of `documentNumber` (a case or permit
   * number, or an officer's document) was approved, so every current entry resting on it leaves the list.
   */
  async removeForRepairedDecision(
    manager: EntityManager,
    documentNumber: string,
    actor: string,
  ): Promise<CreditListEntry[]> {
    const entries = await manager
      .createQueryBuilder(CreditListEntry, 'entry')
      .innerJoin(CreditListDecision, 'decision', 'decision.entryId = entry.id')
      .where('decision.documentNumber = :documentNumber', { documentNumber })
      .andWhere('entry.removedAt IS NULL')
      .orderBy('entry.id', 'ASC')
      .getMany();
    const removed: CreditListEntry[] = [];
    for (const entry of entries) {
      removed.push(
        await this.writer.remove(
          manager,
          entry,
          ListRemovalReason.REPAIRED,
          actor,
          `决定 ${documentNumber} 的信用修复已通过`,
        ),
      );
    }
    return removed;
  }

  /**
   * The expiry job's step: every current entry whose planned removal has come leaves the list, each in a
   * transaction of its own. An entry someone changed meanwhile is left for the next run. Returns how many left.
   */
  async removeExpired(logger?: Logger): Promise<number> {
    const due = await this.dataSource.getRepository(CreditListEntry).find({
      where: { removedAt: IsNull(), plannedRemovalAt: LessThanOrEqual(this.writer.now()) },
      order: { plannedRemovalAt: 'ASC' },
      take: EXPIRY_BATCH,
    });
    let removed = 0;
    for (const entry of due) {
      try {
        await inTransaction(this.dataSource, (manager) =>
          this.writer.remove(manager, entry, ListRemovalReason.EXPIRED, SYSTEM_ACTOR, '列入期限届满，自动移出'),
        );
        removed += 1;
      } catch (error) {
        logger?.info('list entry not removed at expiry; the next run tries again', {
          entryId: entry.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return removed;
  }
}
