import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { forUpdate } from '../../../platform/database/sql-dialect';
import { conflict } from '../licensing.errors';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { chinaDate } from '../../../platform/time/china-time';
import type { Actor } from './actor';
import type { ApplicationEvents } from './application-events';
import { given } from './application-input';
import { whereApplicationVisible } from './application-visibility';
import { ACTION_ALLOWED_FROM, ApplicationAction, ApplicationStatus } from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import type { ApplicationActionInput } from './inputs/permit-application.inputs';
import { PermitApplication } from './permit-application.entity';
import { PERMIT_KINDS, PermitKind, type PermitKindDefinition, type ProcedureStep } from './permit-kind';
import { RouteSegment } from './route-segment.entity';

const STEP_VERB: Record<ProcedureStep, string> = {
  submit: 'submit',
  accept: 'accept or return',
  review: 'review',
  decide: 'decide',
};

export type ApplicationChanges = Partial<Omit<PermitApplication, 'id' | 'version' | 'status'>>;

/** One move of an application: what it is recorded as, who may make it, where it goes and what else changes. */
export interface Move {
  action: ApplicationAction;
  /** The procedure step whose roles may make the move; null for the system's own moves. */
  step: ProcedureStep | null;
  target: ApplicationStatus;
  changes?: ApplicationChanges;
  comment: string | null;
  /** Extra rules beyond the allowed starting statuses; throws CONFLICT or BAD_USER_INPUT. */
  guard?: (current: PermitApplication, manager: EntityManager) => Promise<void> | void;
}

/** Clears what a wait for a national platform leaves on the application. */
export const NO_PENDING_VERIFICATION: ApplicationChanges = {
  pendingVerification: null,
  statusBeforeVerification: null,
  pendingApprovalBy: null,
  pendingApprovalConditions: null,
};

export function kindOf(kind: PermitKind): PermitKindDefinition {
  const definition = PERMIT_KINDS[kind];
  if (!definition) throw invalidInput('kind', 'is not a known permit kind');
  return definition;
}

/** Throws FORBIDDEN unless the actor holds one of the roles the kind names for the step. */
export function assertMayAct(definition: PermitKindDefinition, step: ProcedureStep, actor: Actor): void {
  const roles = definition.roles[step];
  if (!roles.some((role) => actor.roles.has(role))) {
    throw forbidden(`Only ${roles.join(' or ')} may ${STEP_VERB[step]} ${definition.kind} applications`);
  }
}

/**
 * The application state machine: it makes the moves the state table (`ACTION_ALLOWED_FROM` in
 * application-status.ts) allows. Every move is a guarded UPDATE (status and version) plus its transition
 * record in the caller's transaction: of two officers acting on one version exactly one succeeds, and a
 * refused move leaves nothing written. Every step of the procedure (submission, acceptance, decision,
 * extension, route segments, platform re-checks, issuing) moves applications through it.
 */
export class ApplicationStateMachine {
  constructor(
    private readonly dataSource: DataSource,
    /** The clock; specs set it to count deadlines from a known day. */
    readonly clock: () => Date,
    /** Publishes receipt and decision in the move's transaction. */
    readonly events: ApplicationEvents,
  ) {}

  /** Checks a move against the application as read, without writing: access, version, status. */
  check(
    current: PermitApplication,
    input: Partial<ApplicationActionInput>,
    actor: Actor,
    action: ApplicationAction,
    step: ProcedureStep | null,
  ): void {
    if (step !== null) assertMayAct(kindOf(current.kind), step, actor);
    if (given(input.expectedVersion) && input.expectedVersion !== current.version) {
      throw conflict(
        'STALE_VERSION',
        `Application ${current.applicationNumber} has changed since version ${input.expectedVersion}; reload it`,
      );
    }
    if (!ACTION_ALLOWED_FROM[action].includes(current.status)) {
      throw conflict(
        'ILLEGAL_TRANSITION',
        `Application ${current.applicationNumber} is ${current.status}; ${action} is not possible now`,
      );
    }
  }

  /**
   * Makes one move: the checks, then an UPDATE whose WHERE repeats the version and status read, so of two
   * officers acting at once exactly one changes the row; then the transition record, in the same transaction.
   */
  async move(
    manager: EntityManager,
    current: PermitApplication,
    input: Partial<ApplicationActionInput>,
    actor: Actor,
    move: Move,
  ): Promise<PermitApplication> {
    this.check(current, input, actor, move.action, move.step);
    await move.guard?.(current, manager);
    const result = await manager
      .createQueryBuilder()
      .update(PermitApplication)
      .set({ ...(move.changes ?? {}), status: move.target, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', {
        id: current.id,
        version: current.version,
        status: current.status,
      })
      .execute();
    if (result.affected !== 1) {
      throw conflict(
        'STALE_VERSION',
        `Application ${current.applicationNumber} was changed by someone else; reload it`,
      );
    }
    await this.record(
      manager,
      current.id,
      move.action,
      current.status,
      move.target,
      actor.username,
      this.now(),
      move.comment,
    );
    const moved = await manager.findOneByOrFail(PermitApplication, { id: current.id });
    await this.events.afterMove(manager, current.status, moved);
    return moved;
  }

  /** The transition record of a step (the history officers read), without moving the application. */
  async record(
    manager: EntityManager,
    applicationId: number,
    action: ApplicationAction,
    fromStatus: ApplicationStatus | null,
    toStatus: ApplicationStatus,
    actor: string,
    occurredAt: Date,
    comment: string | null,
  ): Promise<void> {
    await manager.insert(ApplicationTransition, {
      applicationId,
      action,
      fromStatus,
      toStatus,
      actor,
      occurredAt,
      comment: comment === null ? null : comment.slice(0, 1000),
    });
  }

  /**
   * An application the caller may act on: handled within their scope. One they see only because its route
   * crosses their province is refused as FORBIDDEN (they decide their segment only), one they cannot see as NOT_FOUND.
   */
  async loadToActOn(manager: EntityManager, scope: RegionScope, applicationNumber: string): Promise<PermitApplication> {
    const found = await this.findVisible(manager, scope, applicationNumber);
    if (!found) throw notFound('Application', applicationNumber);
    if (!inScope(scope, found.regionCode)) {
      throw forbidden(
        `Application ${applicationNumber} is handled by ${found.regionCode}; your province decides only its route segment`,
      );
    }
    return found;
  }

  /** An application the caller may see: handled within their scope, or routed through a province in it. */
  findVisible(
    manager: EntityManager,
    scope: RegionScope,
    applicationNumber: string,
  ): Promise<PermitApplication | null> {
    return this.visibleApplications(manager, scope)
      .andWhere('application.applicationNumber = :applicationNumber', { applicationNumber })
      .getOne();
  }

  visibleApplications(manager: EntityManager, scope: RegionScope): SelectQueryBuilder<PermitApplication> {
    return this.whereVisible(manager.createQueryBuilder(PermitApplication, 'application'), scope);
  }

  /** Narrows a query joined to the application (alias `application`) to what the caller may see, in SQL. */
  whereVisible<TEntity extends ObjectLiteral>(
    query: SelectQueryBuilder<TEntity>,
    scope: RegionScope,
  ): SelectQueryBuilder<TEntity> {
    return whereApplicationVisible(this.dataSource, query, scope);
  }

  /** The application row, held (FOR UPDATE) to the end of the transaction. */
  async lockApplication(manager: EntityManager, id: number): Promise<PermitApplication> {
    return forUpdate(
      manager.createQueryBuilder(PermitApplication, 'application').where('application.id = :id', { id }),
    ).getOneOrFail();
  }

  /** Read with a lock so the segments are as last committed, not as this transaction's snapshot saw them. */
  async lockSegments(manager: EntityManager, applicationId: number): Promise<RouteSegment[]> {
    return forUpdate(
      manager
        .createQueryBuilder(RouteSegment, 'segment')
        .where('segment.applicationId = :applicationId', { applicationId })
        .orderBy('segment.position', 'ASC'),
    ).getMany();
  }

  // DATETIME columns keep whole seconds (MySQL rounds fractions): instants are cut to the second first.
  now(): Date {
    return wholeSeconds(this.clock());
  }

  /** Today's date in China time (YYYY-MM-DD), the day deadlines are counted in. */
  today(): string {
    return chinaDate(this.clock());
  }
}
