import DataLoader from 'dataloader';
import { IsNull, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { inScope, whereInScope, type RegionScope } from '../../kit/auth/region-scope';
import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertResidentId,
  assertText,
} from '../../kit/codes/assert-input';
import { regionScopePrefix, regionWithin } from '../../kit/codes/region-code';
import { childPagesLoader } from '../../kit/database/child-pages.loader';
import { inTransaction } from '../../kit/database/data-source.factory';
import { conflict, forbidden, invalidInput, notFound } from '../../kit/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../kit/graphql/connection';
import type { EventOutbox } from '../../kit/outbox/event-outbox';
import { chinaToday, chinaYear } from '../../kit/time/china-time';
import { CaseNumberSequence } from './case-number-sequence.entity';
import { CaseShare } from './case-share.entity';
import { AWAITING_DECISION, CASE_TRANSITIONS, CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import { decisionDueDate } from './decision-deadline';
import { EnforcementCase } from './enforcement-case.entity';
import type { CaseActionInput, CaseReferenceInput } from './inputs/case-action.input';
import type { DecideCaseInput } from './inputs/decide-case.input';
import type { DismissCaseInput } from './inputs/dismiss-case.input';
import type { FileCaseInput } from './inputs/file-case.input';
import type { RevokeCaseShareInput } from './inputs/revoke-case-share.input';
import type { ShareCaseInput } from './inputs/share-case.input';
import { PERMIT_PENALTIES, PenaltyKind } from './penalty-kind';

/** The largest fine GraphQL's 32-bit Int can carry: about 21 million yuan, above any fine transport law sets. */
export const MAX_FINE_FEN = 2_147_483_647;
const LAST_SERIAL = 999_999;
const SHARE_REASON_MIN_LENGTH = 4;
const SHARE_REASON_MAX_LENGTH = 500;

export interface CaseFilter {
  regionCode: string | null;
  status: CaseStatus | null;
}

type CaseChanges = Partial<
  Pick<EnforcementCase, 'penalty' | 'fineFen' | 'permitNumber' | 'decisionSummary' | 'dismissalReason' | 'decidedBy' | 'decidedAt' | 'closedAt'>
>;

interface Decision {
  penalty: PenaltyKind;
  fineFen: number | null;
  permitNumber: string | null;
  decisionSummary: string;
}

// DATETIME columns keep whole seconds (MySQL rounds fractions), so instants are cut to the second before
// they are stored or published: the event, the case number's year and the row then agree.
function now(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

function assertExpectedVersion(input: CaseReferenceInput): void {
  if (given(input.expectedVersion) && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1)) {
    throw invalidInput('expectedVersion', 'must be a positive integer');
  }
}

/** Rows of many cases, in the order of the loader's keys. */
function byCase<TRow extends { caseId: number }>(caseIds: readonly number[], rows: TRow[]): TRow[][] {
  const grouped = new Map<number, TRow[]>();
  for (const row of rows) {
    const ofCase = grouped.get(row.caseId) ?? [];
    ofCase.push(row);
    grouped.set(row.caseId, ofCase);
  }
  return caseIds.map((caseId) => grouped.get(caseId) ?? []);
}

function shareReason(reason: string): string {
  const trimmed = assertText('reason', reason, SHARE_REASON_MAX_LENGTH);
  if (trimmed.length < SHARE_REASON_MIN_LENGTH) throw invalidInput('reason', `must be at least ${SHARE_REASON_MIN_LENGTH} characters`);
  return trimmed;
}

function optionalComment(comment: string | null | undefined): string | null {
  return comment ? assertText('comment', comment, 1000) : null;
}

/** Checks a decision against the penalty it imposes: a fine needs its amount, a permit penalty its permit. */
function validateDecision(input: DecideCaseInput): Decision {
  if (!Object.values(PenaltyKind).includes(input.penalty)) throw invalidInput('penalty', 'is not a known penalty kind');
  let fineFen: number | null = null;
  if (input.penalty === PenaltyKind.FINE) {
    if (!given(input.fineFen)) throw invalidInput('fineFen', 'is required for a FINE');
    fineFen = assertInteger('fineFen', input.fineFen, 1, MAX_FINE_FEN);
  } else if (given(input.fineFen)) {
    throw invalidInput('fineFen', 'applies only to a FINE');
  }
  let permitNumber: string | null = null;
  if (PERMIT_PENALTIES.includes(input.penalty)) {
    if (!given(input.permitNumber)) throw invalidInput('permitNumber', `is required for ${input.penalty}`);
    permitNumber = assertText('permitNumber', input.permitNumber, 32);
  } else if (given(input.permitNumber)) {
    throw invalidInput('permitNumber', 'applies only to PERMIT_SUSPENSION and PERMIT_REVOCATION');
  }
  return { penalty: input.penalty, fineFen, permitNumber, decisionSummary: assertText('decisionSummary', input.decisionSummary, 1000) };
}

export class EnforcementCaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** Steps of many cases, oldest first, in one statement per request; only steps of cases the caller may see. */
  createStepsLoader(scope: RegionScope): DataLoader<number, CaseStep[]> {
    return new DataLoader(async (caseIds) => {
      const query = this.dataSource
        .createQueryBuilder(CaseStep, 'step')
        .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = step.caseId')
        .where('step.caseId IN (:...caseIds)', { caseIds: [...caseIds] })
        .orderBy('step.id', 'ASC');
      const steps = await this.whereVisible(query, scope).getMany();
      return byCase(caseIds, steps);
    });
  }

  /**
   * Active shares of many cases, oldest first, in one statement per request: every share to a caller
   * whose scope holds the handling region, and to one who sees the case only through a share, just the
   * shares with regions in their own scope (other regions' cooperation is not theirs to see).
   */
  createSharesLoader(scope: RegionScope): DataLoader<number, CaseShare[]> {
    return new DataLoader(async (caseIds) => {
      const query = this.dataSource
        .createQueryBuilder(CaseShare, 'share')
        .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = share.caseId')
        .where('share.caseId IN (:...caseIds)', { caseIds: [...caseIds] })
        .andWhere('share.revokedAt IS NULL')
        .orderBy('share.id', 'ASC');
      if (scope.prefix !== '') {
        query.andWhere('(enforcementCase.regionCode LIKE :sharePrefix OR share.regionCode LIKE :sharePrefix)', { sharePrefix: `${scope.prefix}%` });
      }
      const shares = await query.getMany();
      return byCase(caseIds, shares);
    });
  }

  /** Cases of many enterprises, one page each, in two statements; only cases the caller may see. */
  createEnterpriseCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({
      dataSource: this.dataSource,
      entity: EnforcementCase,
      parentColumn: 'credit_code',
      page,
      scope: this.childPagesScope(scope),
    });
  }

  /** Cases of many vehicles, one page each, in two statements; only cases the caller may see. */
  createVehicleCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({
      dataSource: this.dataSource,
      entity: EnforcementCase,
      parentColumn: 'plate_number',
      page,
      scope: this.childPagesScope(scope),
    });
  }

  /** A case the caller may see (handled in their scope, or actively shared with it); otherwise it does not exist. */
  async find(scope: RegionScope, caseNumber: string): Promise<EnforcementCase | null> {
    return this.visibleCases(this.dataSource.manager, scope).andWhere('enforcementCase.caseNumber = :caseNumber', { caseNumber }).getOne();
  }

  /** Cases the caller may see, optionally only those handled in a region (and the regions under it) and in a status. */
  async list(scope: RegionScope, filter: CaseFilter, page: PageRequest): Promise<Connection<EnforcementCase>> {
    const query = this.visibleCases(this.dataSource.manager, scope);
    this.whereHandledIn(query, filter.regionCode);
    if (filter.status !== null) query.andWhere('enforcementCase.status = :status', { status: filter.status });
    return this.page(query, page);
  }

  /** Cases still awaiting a decision whose decision due date has passed (China time), newest first. */
  async listOverdue(scope: RegionScope, regionCode: string | null, page: PageRequest, today = chinaToday()): Promise<Connection<EnforcementCase>> {
    const query = this.visibleCases(this.dataSource.manager, scope);
    this.whereHandledIn(query, regionCode);
    query
      .andWhere('enforcementCase.status IN (:...awaiting)', { awaiting: [...AWAITING_DECISION] })
      .andWhere('enforcementCase.decisionDueDate < :today', { today });
    return this.page(query, page);
  }

  async file(scope: RegionScope, input: FileCaseInput, actor: string): Promise<EnforcementCase> {
    assertRegionCode('regionCode', input.regionCode);
    const cause = assertText('cause', input.cause, 2000);
    if (given(input.creditCode)) assertCreditCode('creditCode', input.creditCode);
    if (given(input.plateNumber)) assertPlateNumber('plateNumber', input.plateNumber);
    let partyName: string | null = null;
    if (given(input.partyName) || given(input.partyIdNumber)) {
      if (!given(input.partyName)) throw invalidInput('partyName', 'is required with partyIdNumber');
      if (!given(input.partyIdNumber)) throw invalidInput('partyIdNumber', 'is required with partyName');
      partyName = assertText('partyName', input.partyName, 50);
      assertResidentId('partyIdNumber', input.partyIdNumber);
    }
    if (!given(input.creditCode) && !given(input.plateNumber) && partyName === null) {
      throw invalidInput('creditCode', 'or plateNumber or partyName with partyIdNumber is required: a case is against an enterprise, a vehicle or a person');
    }
    if (!inScope(scope, input.regionCode)) throw forbidden(`You may file cases only within region ${scope.region}`);
    const filedAt = now();
    const year = chinaYear(filedAt);
    await this.ensureSerialRow(input.regionCode, year);
    return inTransaction(this.dataSource, async (manager) => {
      const caseNumber = await this.nextCaseNumber(manager, input.regionCode, year);
      const filed = await manager.save(
        manager.create(EnforcementCase, {
          caseNumber,
          regionCode: input.regionCode,
          status: CaseStatus.FILED,
          cause,
          creditCode: input.creditCode ?? null,
          plateNumber: input.plateNumber ?? null,
          partyName,
          partyIdNumber: partyName === null ? null : (input.partyIdNumber ?? null),
          penalty: null,
          fineFen: null,
          permitNumber: null,
          decisionSummary: null,
          dismissalReason: null,
          filedBy: actor,
          filedAt,
          decidedBy: null,
          decidedAt: null,
          closedAt: null,
          decisionDueDate: decisionDueDate(filedAt),
        }),
      );
      await this.recordStep(manager, filed.id, null, CaseStatus.FILED, actor, filedAt, null);
      // No personal information in events: the party's name and ID number stay here.
      await this.outbox.publish(manager, 'case.filed', {
        caseNumber,
        regionCode: filed.regionCode,
        creditCode: filed.creditCode,
        plateNumber: filed.plateNumber,
        filedAt: filedAt.toISOString(),
      });
      return this.load(manager, scope, caseNumber);
    });
  }

  async startInvestigation(scope: RegionScope, input: CaseActionInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const comment = optionalComment(input.comment);
    return inTransaction(this.dataSource, (manager) => this.transition(manager, scope, input, CaseStatus.INVESTIGATING, {}, actor, comment));
  }

  async decide(scope: RegionScope, input: DecideCaseInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const decision = validateDecision(input);
    return inTransaction(this.dataSource, async (manager) => {
      const decidedAt = now();
      const decided = await this.transition(
        manager,
        scope,
        input,
        CaseStatus.DECIDED,
        { ...decision, decidedBy: actor, decidedAt },
        actor,
        decision.decisionSummary,
      );
      await this.outbox.publish(manager, 'case.decided', {
        caseNumber: decided.caseNumber,
        regionCode: decided.regionCode,
        creditCode: decided.creditCode,
        plateNumber: decided.plateNumber,
        penalty: decision.penalty,
        fineFen: decision.fineFen,
        permitNumber: decision.permitNumber,
        summary: decision.decisionSummary,
        decidedAt: decidedAt.toISOString(),
      });
      return decided;
    });
  }

  async close(scope: RegionScope, input: CaseActionInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const comment = optionalComment(input.comment);
    return inTransaction(this.dataSource, (manager) => this.transition(manager, scope, input, CaseStatus.CLOSED, { closedAt: now() }, actor, comment));
  }

  async dismiss(scope: RegionScope, input: DismissCaseInput, actor: string): Promise<EnforcementCase> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, scope, input, CaseStatus.DISMISSED, { closedAt: now(), dismissalReason: reason }, actor, reason),
    );
  }

  /**
   * Shares a case with another region for reading. Only the handling region decides it; the case row is
   * locked first, so of two identical shares at once the second sees the first and is refused.
   */
  async share(scope: RegionScope, input: ShareCaseInput, actor: string): Promise<EnforcementCase> {
    assertRegionCode('regionCode', input.regionCode);
    const reason = shareReason(input.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      if (regionWithin(input.regionCode, current.regionCode)) {
        throw invalidInput('regionCode', `lies within the handling region ${current.regionCode}, which sees the case already`);
      }
      if (regionWithin(current.regionCode, input.regionCode)) {
        throw invalidInput('regionCode', `covers the handling region ${current.regionCode}, so it sees the case already`);
      }
      if (await manager.existsBy(CaseShare, { caseId: current.id, regionCode: input.regionCode, revokedAt: IsNull() })) {
        throw conflict('ALREADY_SHARED', `Case ${current.caseNumber} is already shared with ${input.regionCode}`);
      }
      const sharedAt = now();
      await manager.insert(CaseShare, { caseId: current.id, regionCode: input.regionCode, reason, sharedBy: actor, sharedAt, revokedBy: null, revokedAt: null });
      await this.recordStep(manager, current.id, current.status, current.status, actor, sharedAt, `shared with ${input.regionCode}: ${reason}`);
      return current;
    });
  }

  /** Ends the active share of a case with a region; decided, like the share, by the handling region. */
  async revokeShare(scope: RegionScope, input: RevokeCaseShareInput, actor: string): Promise<EnforcementCase> {
    assertRegionCode('regionCode', input.regionCode);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      const active = await manager.findOneBy(CaseShare, { caseId: current.id, regionCode: input.regionCode, revokedAt: IsNull() });
      if (!active) throw notFound('Active share of case', `${current.caseNumber} with ${input.regionCode}`);
      const revokedAt = now();
      await manager.update(CaseShare, { id: active.id }, { revokedAt, revokedBy: actor });
      await this.recordStep(manager, current.id, current.status, current.status, actor, revokedAt, `share with ${input.regionCode} revoked`);
      return current;
    });
  }

  /**
   * Cases the caller may see, in SQL: handled within the caller's scope, or actively shared with a region
   * in it. National scope adds no condition.
   */
  private visibleCases(manager: EntityManager, scope: RegionScope): SelectQueryBuilder<EnforcementCase> {
    return this.whereVisible(manager.createQueryBuilder(EnforcementCase, 'enforcementCase'), scope);
  }

  /** Adds the visibility condition to a query that has the case under the alias `enforcementCase`. */
  private whereVisible<TEntity extends ObjectLiteral>(query: SelectQueryBuilder<TEntity>, scope: RegionScope): SelectQueryBuilder<TEntity> {
    return whereInScope(query, 'enforcementCase.regionCode', scope.prefix, {
      idColumn: 'enforcementCase.id',
      subquery: (parameter) => this.sharedCaseIds(`:${parameter}`),
    });
  }

  /** The child pages' form of the visibility: the kit binds the scope's `prefix%` to the subquery's one `?`. */
  private childPagesScope(scope: RegionScope): { column: string; prefix: string; sharedIds: string } {
    return { column: 'region_code', prefix: scope.prefix, sharedIds: this.sharedCaseIds('?') };
  }

  /** Ids of the cases actively shared with a region matching `LIKE <placeholder>`. */
  private sharedCaseIds(placeholder: string): string {
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const table = escape(this.dataSource.getMetadata(CaseShare).tablePath);
    return `SELECT ${escape('case_id')} FROM ${table} WHERE ${escape('revoked_at')} IS NULL AND ${escape('region_code')} LIKE ${placeholder}`;
  }

  /**
   * A list's region filter keeps its meaning, the handling region (with the regions under it); the
   * caller's scope is applied apart, so a case shared with the caller and handled there is listed too.
   */
  private whereHandledIn(query: SelectQueryBuilder<EnforcementCase>, regionCode: string | null): void {
    if (regionCode === null) return;
    assertRegionCode('regionCode', regionCode);
    query.andWhere('enforcementCase.regionCode LIKE :handledIn', { handledIn: `${regionScopePrefix(regionCode)}%` });
  }

  private async page(query: SelectQueryBuilder<EnforcementCase>, page: PageRequest): Promise<Connection<EnforcementCase>> {
    const rows = query.clone().orderBy('enforcementCase.id', 'DESC').limit(page.limit + 1);
    if (page.afterId !== null) rows.andWhere('enforcementCase.id < :afterId', { afterId: page.afterId });
    const [found, totalCount] = await Promise.all([rows.getMany(), query.getCount()]);
    return toConnection(found, totalCount, page);
  }

  /**
   * Makes sure the (region, year) serial row exists, in a transaction of its own before the filing's:
   * the filing then only UPDATEs an existing row, so concurrent filings queue on that row's lock instead
   * of deadlocking on the gap an absent row leaves (InnoDB). An unused row holds serial 0 and costs nothing.
   */
  private async ensureSerialRow(regionCode: string, year: number): Promise<void> {
    const repository = this.dataSource.getRepository(CaseNumberSequence);
    if (await repository.existsBy({ regionCode, year })) return;
    try {
      await inTransaction(this.dataSource, (manager) => manager.insert(CaseNumberSequence, { regionCode, year, lastSerial: 0 }));
    } catch (error) {
      // A filing in the same region created it first.
      if (!(await repository.existsBy({ regionCode, year }))) throw error;
    }
  }

  /**
   * `<region><year><serial>`: the serial comes from the (region, year) row, advanced in the filing
   * transaction, so numbers run without gaps per region and year and a rolled-back filing uses none.
   */
  private async nextCaseNumber(manager: EntityManager, regionCode: string, year: number): Promise<string> {
    const advanced = await manager
      .createQueryBuilder()
      .update(CaseNumberSequence)
      .set({ lastSerial: () => 'last_serial + 1' })
      .where({ regionCode, year })
      .execute();
    if (advanced.affected !== 1) throw new Error(`No case serial row for ${regionCode}/${year}`);
    const { lastSerial } = await manager.findOneByOrFail(CaseNumberSequence, { regionCode, year });
    if (lastSerial > LAST_SERIAL) throw conflict('CASE_NUMBERS_EXHAUSTED', `Region ${regionCode} has used every case number of ${year}`);
    return `${regionCode}${year}${String(lastSerial).padStart(6, '0')}`;
  }

  /** A case the caller may see; otherwise it does not exist. */
  private async load(manager: EntityManager, scope: RegionScope, caseNumber: string): Promise<EnforcementCase> {
    const found = await this.visibleCases(manager, scope).andWhere('enforcementCase.caseNumber = :caseNumber', { caseNumber }).getOne();
    if (!found) throw notFound('Case', caseNumber);
    return found;
  }

  /**
   * A case the caller may act on: handled within their scope. One they see only through a share is
   * refused as FORBIDDEN, one they cannot see as NOT_FOUND. With `lock`, the case row is held
   * (FOR UPDATE) to the end of the transaction; the embedded database queues whole transactions instead.
   */
  private async loadToActOn(manager: EntityManager, scope: RegionScope, caseNumber: string, options: { lock: boolean } = { lock: false }): Promise<EnforcementCase> {
    const query = this.visibleCases(manager, scope).andWhere('enforcementCase.caseNumber = :caseNumber', { caseNumber });
    if (options.lock && manager.connection.options.type !== 'sqljs') query.setLock('pessimistic_write');
    const found = await query.getOne();
    if (!found) throw notFound('Case', caseNumber);
    if (!inScope(scope, found.regionCode)) {
      throw forbidden(`Case ${caseNumber} is shared with your region for reading; only the handling region ${found.regionCode} acts on it`);
    }
    return found;
  }

  private async recordStep(
    manager: EntityManager,
    caseId: number,
    fromStatus: CaseStatus | null,
    toStatus: CaseStatus,
    actor: string,
    occurredAt: Date,
    comment: string | null,
  ): Promise<void> {
    await manager.insert(CaseStep, { caseId, fromStatus, toStatus, actor, occurredAt, comment });
  }

  /**
   * Moves a case to `target` only from a status that allows it and only at the version read: the
   * UPDATE's WHERE repeats both, so of two officers acting at once exactly one changes the row. The
   * step is recorded in the same transaction.
   */
  private async transition(
    manager: EntityManager,
    scope: RegionScope,
    input: CaseReferenceInput,
    target: CaseStatus,
    changes: CaseChanges,
    actor: string,
    comment: string | null,
  ): Promise<EnforcementCase> {
    const current = await this.loadToActOn(manager, scope, input.caseNumber);
    if (given(input.expectedVersion) && input.expectedVersion !== current.version) {
      throw conflict('STALE_VERSION', `Case ${current.caseNumber} has changed since version ${input.expectedVersion}; reload it`);
    }
    if (!CASE_TRANSITIONS[current.status].includes(target)) {
      throw conflict('ILLEGAL_TRANSITION', `Case ${current.caseNumber} is ${current.status} and cannot become ${target}`);
    }
    const result = await manager
      .createQueryBuilder()
      .update(EnforcementCase)
      .set({ ...changes, status: target, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', { id: current.id, version: current.version, status: current.status })
      .execute();
    if (result.affected !== 1) {
      throw conflict('STALE_VERSION', `Case ${current.caseNumber} was changed by someone else; reload it`);
    }
    await this.recordStep(manager, current.id, current.status, target, actor, now(), comment);
    return this.load(manager, scope, input.caseNumber);
  }
}
