import DataLoader from 'dataloader';
import { In, LessThan, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { inScope, narrowedPrefix, withinPrefix, type RegionScope } from '../../kit/auth/region-scope';
import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertResidentId,
  assertText,
} from '../../kit/codes/assert-input';
import { childPagesLoader } from '../../kit/database/child-pages.loader';
import { inTransaction } from '../../kit/database/data-source.factory';
import { conflict, forbidden, invalidInput, notFound } from '../../kit/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../kit/graphql/connection';
import type { EventOutbox } from '../../kit/outbox/event-outbox';
import { chinaToday, chinaYear } from '../../kit/time/china-time';
import { CaseNumberSequence } from './case-number-sequence.entity';
import { AWAITING_DECISION, CASE_TRANSITIONS, CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import { decisionDueDate } from './decision-deadline';
import { EnforcementCase } from './enforcement-case.entity';
import type { CaseActionInput, CaseReferenceInput } from './inputs/case-action.input';
import type { DecideCaseInput } from './inputs/decide-case.input';
import type { DismissCaseInput } from './inputs/dismiss-case.input';
import type { FileCaseInput } from './inputs/file-case.input';
import { PERMIT_PENALTIES, PenaltyKind } from './penalty-kind';

/** The largest fine GraphQL's 32-bit Int can carry: about 21 million yuan, above any fine transport law sets. */
export const MAX_FINE_FEN = 2_147_483_647;
const LAST_SERIAL = 999_999;

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

  /** Steps of many cases, oldest first, in one statement per request. */
  createStepsLoader(): DataLoader<number, CaseStep[]> {
    return new DataLoader(async (caseIds) => {
      const steps = await this.dataSource.getRepository(CaseStep).find({ where: { caseId: In([...caseIds]) }, order: { id: 'ASC' } });
      const byCase = new Map<number, CaseStep[]>();
      for (const step of steps) {
        const ofCase = byCase.get(step.caseId) ?? [];
        ofCase.push(step);
        byCase.set(step.caseId, ofCase);
      }
      return caseIds.map((caseId) => byCase.get(caseId) ?? []);
    });
  }

  /** Cases of many enterprises, one page each, in two statements; only cases handled within the caller's scope. */
  createEnterpriseCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({
      dataSource: this.dataSource,
      entity: EnforcementCase,
      parentColumn: 'credit_code',
      page,
      scope: { column: 'region_code', prefix: scope.prefix },
    });
  }

  /** Cases of many vehicles, one page each, in two statements; only cases handled within the caller's scope. */
  createVehicleCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({
      dataSource: this.dataSource,
      entity: EnforcementCase,
      parentColumn: 'plate_number',
      page,
      scope: { column: 'region_code', prefix: scope.prefix },
    });
  }

  /** A case handled within the caller's scope; outside it, it does not exist. */
  async find(scope: RegionScope, caseNumber: string): Promise<EnforcementCase | null> {
    return this.dataSource.getRepository(EnforcementCase).findOneBy({ caseNumber, ...withinPrefix('regionCode', scope.prefix) });
  }

  async list(scope: RegionScope, filter: CaseFilter, page: PageRequest): Promise<Connection<EnforcementCase>> {
    const where = this.regionWhere(scope, filter.regionCode);
    if (where === null) return toConnection([], 0, page);
    if (filter.status !== null) where.status = filter.status;
    return this.page(where, page);
  }

  /** Cases still awaiting a decision whose decision due date has passed (China time), newest first. */
  async listOverdue(scope: RegionScope, regionCode: string | null, page: PageRequest, today = chinaToday()): Promise<Connection<EnforcementCase>> {
    const where = this.regionWhere(scope, regionCode);
    if (where === null) return toConnection([], 0, page);
    return this.page({ ...where, status: In([...AWAITING_DECISION]), decisionDueDate: LessThan(today) }, page);
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

  /** The region condition for a list: the requested region narrowed to the caller's scope; null when they do not overlap. */
  private regionWhere(scope: RegionScope, regionCode: string | null): FindOptionsWhere<EnforcementCase> | null {
    if (regionCode !== null) assertRegionCode('regionCode', regionCode);
    const prefix = narrowedPrefix(scope, regionCode);
    return prefix === null ? null : { ...withinPrefix('regionCode', prefix) };
  }

  private async page(where: FindOptionsWhere<EnforcementCase>, page: PageRequest): Promise<Connection<EnforcementCase>> {
    const repository = this.dataSource.getRepository(EnforcementCase);
    const [rows, totalCount] = await Promise.all([
      repository.find({
        where: page.afterId === null ? where : { ...where, id: LessThan(page.afterId) },
        order: { id: 'DESC' },
        take: page.limit + 1,
      }),
      repository.countBy(where),
    ]);
    return toConnection(rows, totalCount, page);
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

  /** A case within the caller's scope; outside it, it does not exist. */
  private async load(manager: EntityManager, scope: RegionScope, caseNumber: string): Promise<EnforcementCase> {
    const found = await manager.findOneBy(EnforcementCase, { caseNumber, ...withinPrefix('regionCode', scope.prefix) });
    if (!found) throw notFound('Case', caseNumber);
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
    const current = await this.load(manager, scope, input.caseNumber);
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
