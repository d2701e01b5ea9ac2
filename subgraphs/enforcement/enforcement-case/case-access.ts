import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { forUpdate } from '../../../platform/database/sql-dialect';
import { inScope, whereInScope, type RegionScope } from '../../../platform/auth/region-scope';
import { forbidden, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../enforcement.errors';
import { CaseShare } from './case-share.entity';
import { WHOLE_CASE_SHARES } from './case-share-kind';
import { STEP_FROM, type CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import type { CaseStepAction } from './case-step-action';
import { EnforcementCase } from './enforcement-case.entity';
import type { CaseReferenceInput } from './inputs/case-action.input';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

/** Columns a step of the procedure may change besides the status. */
export type CaseChanges = Partial<Omit<EnforcementCase, 'id' | 'caseNumber' | 'status' | 'version'>>;

export interface StepRecord {
  caseId: number;
  action: CaseStepAction;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actor: string;
  /** The region whose authority took the step. */
  regionCode: string;
  occurredAt: Date;
  comment: string | null;
}

/** Now at the columns' precision (whole seconds): the event, the case number's year and the row agree. */
export function now(): Date {
  return wholeSeconds();
}

export function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/** Rows of many cases, in the order of the loader's keys. */
export function byCase<TRow extends { caseId: number }>(caseIds: readonly number[], rows: TRow[]): TRow[][] {
  const grouped = new Map<number, TRow[]>();
  for (const row of rows) {
    const ofCase = grouped.get(row.caseId) ?? [];
    ofCase.push(row);
    grouped.set(row.caseId, ofCase);
  }
  return caseIds.map((caseId) => grouped.get(caseId) ?? []);
}

/**
 * Who sees and who acts on a case, in SQL, shared by every service of the subgraph:
 * - a case is seen by its handling region (and the regions above it) and by the regions it is
 *   actively shared with (case_share: read shares, a transfer under review, a region that handed it over);
 * - its steps and evidence are seen in full by the handling region and by read and transfer-review
 *   shares; a region that handed the case over sees the steps and evidence recorded in it;
 * - only the handling region acts on it.
 */
export class CaseAccess {
  constructor(private readonly dataSource: DataSource) {}

  /** Cases the caller may see. National scope adds no condition. */
  visibleCases(manager: EntityManager, scope: RegionScope): SelectQueryBuilder<EnforcementCase> {
    return this.whereVisible(manager.createQueryBuilder(EnforcementCase, 'enforcementCase'), scope);
  }

  /** Adds the visibility condition to a query that has the case under the alias `enforcementCase`. */
  whereVisible<TEntity extends ObjectLiteral>(
    query: SelectQueryBuilder<TEntity>,
    scope: RegionScope,
  ): SelectQueryBuilder<TEntity> {
    return whereInScope(query, 'enforcementCase.regionCode', scope.prefix, {
      idColumn: 'enforcementCase.id',
      subquery: (parameter) => this.sharedCaseIds(`:${parameter}`),
    });
  }

  /**
   * Adds the visibility of a case's child rows (steps, evidence) to a query that joins the case as
   * `enforcementCase`; `regionColumn` is the child's region (where it was recorded or collected).
   */
  whereChildVisible<TEntity extends ObjectLiteral>(
    query: SelectQueryBuilder<TEntity>,
    scope: RegionScope,
    regionColumn: string,
  ): SelectQueryBuilder<TEntity> {
    if (scope.prefix === '') return query;
    return query.andWhere(
      `(enforcementCase.regionCode LIKE :childScope OR enforcementCase.id IN (${this.sharedCaseIds(':childScope', WHOLE_CASE_SHARES)})` +
        ` OR (${regionColumn} LIKE :childScope AND enforcementCase.id IN (${this.sharedCaseIds(':childScope')})))`,
      { childScope: `${scope.prefix}%` },
    );
  }

  /** The child pages' form of the visibility: the kit binds the scope's `prefix%` to the subquery's one `?`. */
  childPagesScope(scope: RegionScope): { column: string; prefix: string; sharedIds: string } {
    return { column: 'region_code', prefix: scope.prefix, sharedIds: this.sharedCaseIds('?') };
  }

  /**
   * Ids of the cases whose whole file a region matching `LIKE <placeholder>` sees: handled there or
   * shared whole with it (WHOLE_CASE_SHARES). A region that handed a case over (TRANSFERRED_FROM) sees
   * only the rows recorded in it, which the caller checks against the row's own region.
   */
  wholeCaseIds(placeholder: string): string {
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const cases = escape(this.dataSource.getMetadata(EnforcementCase).tablePath);
    return `SELECT ${escape('id')} FROM ${cases} WHERE ${escape('region_code')} LIKE ${placeholder} OR ${escape('id')} IN (${this.sharedCaseIds(placeholder, WHOLE_CASE_SHARES)})`;
  }

  /** Ids of the cases actively shared (of the given kinds, or any) with a region matching `LIKE <placeholder>`. */
  sharedCaseIds(placeholder: string, kinds?: readonly string[]): string {
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const table = escape(this.dataSource.getMetadata(CaseShare).tablePath);
    // Kinds are this module's enum values, never input: written into the SQL as literals.
    const kindCondition = kinds
      ? ` AND ${escape('kind')} IN (${kinds.map((kind) => `'${kind.replace(/[^A-Z_]/g, '')}'`).join(', ')})`
      : '';
    return `SELECT ${escape('case_id')} FROM ${table} WHERE ${escape('revoked_at')} IS NULL AND ${escape('region_code')} LIKE ${placeholder}${kindCondition}`;
  }

  /** A case the caller may see; otherwise it does not exist. */
  async load(manager: EntityManager, scope: RegionScope, caseNumber: string): Promise<EnforcementCase> {
    const found = await this.visibleCases(manager, scope)
      .andWhere('enforcementCase.caseNumber = :caseNumber', { caseNumber })
      .getOne();
    if (!found) throw notFound('Case', caseNumber);
    return found;
  }

  /**
   * A case the caller may act on: handled within their scope. One they see only through a share is
   * refused as FORBIDDEN, one they cannot see as NOT_FOUND. With `lock`, the case row is held
   * (FOR UPDATE) to the end of the transaction; the embedded database queues whole transactions instead.
   */
  async loadToActOn(
    manager: EntityManager,
    scope: RegionScope,
    caseNumber: string,
    options: { lock: boolean } = { lock: false },
  ): Promise<EnforcementCase> {
    const found = await this.loadVisible(manager, scope, caseNumber, options);
    if (!inScope(scope, found.regionCode)) {
      throw forbidden(
        `Case ${caseNumber} is shared with your region for reading; only the handling region ${found.regionCode} acts on it`,
      );
    }
    return found;
  }

  /** A case the caller may see, optionally locked; for actions whose rights are not the handling region's (a transfer's receiver). */
  async loadVisible(
    manager: EntityManager,
    scope: RegionScope,
    caseNumber: string,
    options: { lock: boolean } = { lock: false },
  ): Promise<EnforcementCase> {
    const query = this.visibleCases(manager, scope).andWhere('enforcementCase.caseNumber = :caseNumber', {
      caseNumber,
    });
    const found = await (options.lock ? forUpdate(query) : query).getOne();
    if (!found) throw notFound('Case', caseNumber);
    return found;
  }

  async recordStep(manager: EntityManager, step: StepRecord): Promise<void> {
    await manager.insert(CaseStep, step);
  }

  /** Steps of many cases in one statement (a batch of filings, a registry update naming many drafts' owner). */
  async recordSteps(manager: EntityManager, steps: readonly StepRecord[]): Promise<void> {
    if (steps.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseStep)
      .values([...steps])
      .updateEntity(false)
      .execute();
  }

  /** Refuses an action taken on a version the officer did not see. */
  assertVersion(current: EnforcementCase, input: CaseReferenceInput): void {
    if (given(input.expectedVersion) && input.expectedVersion !== current.version) {
      throw conflict(
        'STALE_VERSION',
        `Case ${current.caseNumber} has changed since version ${input.expectedVersion}; reload it`,
      );
    }
  }

  /** Refuses a step the procedure does not allow from the case's status (STEP_FROM). */
  assertStep(current: EnforcementCase, action: CaseStepAction, target: CaseStatus): void {
    const from = STEP_FROM[action];
    if (from && !from.includes(current.status)) {
      throw conflict(
        'ILLEGAL_TRANSITION',
        `Case ${current.caseNumber} is ${current.status} and cannot become ${target} (${action})`,
      );
    }
  }

  /**
   * Writes `changes` and `target` only at the version and status read: the UPDATE's WHERE repeats both,
   * so of two officers acting at once exactly one changes the row. The step is recorded in the same
   * transaction.
   */
  async write(
    manager: EntityManager,
    current: EnforcementCase,
    target: CaseStatus,
    changes: CaseChanges,
    step: Pick<StepRecord, 'action' | 'actor' | 'comment'> & { regionCode?: string },
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(EnforcementCase)
      .set({ ...changes, status: target, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', {
        id: current.id,
        version: current.version,
        status: current.status,
      })
      .execute();
    if (result.affected !== 1) {
      throw conflict('STALE_VERSION', `Case ${current.caseNumber} was changed by someone else; reload it`);
    }
    await this.recordStep(manager, {
      caseId: current.id,
      action: step.action,
      fromStatus: current.status,
      toStatus: target,
      actor: step.actor,
      regionCode: step.regionCode ?? changes.regionCode ?? current.regionCode,
      occurredAt: now(),
      comment: step.comment,
    });
  }

  /** `write`, then the case read back as the caller now sees it. */
  async update(
    manager: EntityManager,
    scope: RegionScope,
    current: EnforcementCase,
    target: CaseStatus,
    changes: CaseChanges,
    step: Pick<StepRecord, 'action' | 'actor' | 'comment'> & { regionCode?: string },
  ): Promise<EnforcementCase> {
    await this.write(manager, current, target, changes, step);
    return this.load(manager, scope, current.caseNumber);
  }

  /** The usual step of the procedure: a case the caller acts on, at the version seen, moved to `target`. */
  async transition(
    manager: EntityManager,
    scope: RegionScope,
    input: CaseReferenceInput,
    target: CaseStatus,
    changes: CaseChanges,
    step: Pick<StepRecord, 'action' | 'actor' | 'comment'>,
    check?: (current: EnforcementCase) => void,
  ): Promise<EnforcementCase> {
    const current = await this.loadToActOn(manager, scope, input.caseNumber);
    this.assertVersion(current, input);
    this.assertStep(current, step.action, target);
    check?.(current);
    return this.update(manager, scope, current, target, changes, step);
  }

  /** A step that does not move the case (evidence, a share, an extension): the version still advances, so a stale view is refused. */
  async touch(
    manager: EntityManager,
    scope: RegionScope,
    current: EnforcementCase,
    changes: CaseChanges,
    step: Pick<StepRecord, 'action' | 'actor' | 'comment'> & { regionCode?: string },
  ): Promise<EnforcementCase> {
    return this.update(manager, scope, current, current.status, changes, step);
  }
}
