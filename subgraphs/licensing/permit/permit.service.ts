import { randomInt } from 'node:crypto';
import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { inScope, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import {
  assertCreditCode,
  assertInteger,
  assertPublicText,
  assertRegionCode,
  assertText,
} from '../../../platform/codes/assert-input';
import { provinceOf, regionName, regionScopePrefix } from '../../../platform/codes/region-code';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { conflict, forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { Logger } from '../../../platform/observability/logger';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaDate } from '../../../platform/time/china-time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { CertificateIssuer } from '../certificate/certificate-issuer';
import { Enterprise } from '../enterprise/enterprise.entity';
import { investmentProjectCodeProblem } from '../platforms/investment-project-code';
import { PlatformUnavailable, type NationalPlatforms, type TenderAward } from '../platforms/national-platforms';
import { PermitMaterial } from '../attachment/permit-material.entity';
import type { Actor } from './actor';
import { whereApplicationVisible } from './application-visibility';
import {
  ACTION_ALLOWED_FROM,
  ApplicationAction,
  ApplicationStatus,
  DEADLINE_RUNNING,
  ExtensionStatus,
  ExternalVerification,
  PENDING,
  ReviewRecommendation,
} from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import type {
  ApplicationActionInput,
  ApprovePermitApplicationInput,
  DecideDeadlineExtensionInput,
  RejectPermitApplicationInput,
  RequestDeadlineExtensionInput,
  ResubmitPermitApplicationInput,
  ReturnPermitApplicationInput,
  ReviewPermitApplicationInput,
  RouteSegmentDecisionInput,
  SubmitPermitApplicationInput,
  WithdrawPermitApplicationInput,
} from './inputs/permit-application.inputs';
import { PermitApplication } from './permit-application.entity';
import {
  PERMIT_KIND_CODE,
  PERMIT_KINDS,
  PermitKind,
  type PermitKindDefinition,
  type ProcedureStep,
} from './permit-kind';
import { Permit, PermitStatus } from './permit.entity';
import { assertNoticeNamesEverythingMissing, assertRequiredMaterials, namingMaterials } from './required-materials';
import { RouteSegment, SegmentStatus } from './route-segment.entity';

const MAX_ROUTE_PROVINCES = 10;
const MAX_DUE_SOON_WORKING_DAYS = 30;
/** How many waiting applications one background round re-checks. */
const RECHECK_BATCH = 50;
/** The material a platform check stands in for: it is confirmed at the platform, not attached. */
const PLATFORM_VERIFIED_MATERIAL = 'INVESTMENT_PROJECT_APPROVAL';
const RECHECK_ACTOR = 'system:platform-recheck';

const STEP_VERB: Record<ProcedureStep, string> = {
  submit: 'submit',
  accept: 'accept or return',
  review: 'review',
  decide: 'decide',
};

type ApplicationChanges = Partial<Omit<PermitApplication, 'id' | 'version' | 'status'>>;

/** One move of an application: what it is recorded as, who may make it, where it goes and what else changes. */
interface Move {
  action: ApplicationAction;
  /** The procedure step whose roles may make the move; null for the system's own moves. */
  step: ProcedureStep | null;
  target: ApplicationStatus;
  changes?: ApplicationChanges;
  comment: string | null;
  /** Extra rules beyond the allowed starting statuses; throws CONFLICT or BAD_USER_INPUT. */
  guard?: (current: PermitApplication, manager: EntityManager) => Promise<void> | void;
}

type ProjectCheck =
  | { outcome: 'CONFIRMED'; note: string }
  | { outcome: 'UNAVAILABLE'; note: string }
  | { outcome: 'REFUSED'; note: string };

type AwardCheck =
  | { outcome: 'FOUND'; award: TenderAward; note: string }
  | { outcome: 'UNAVAILABLE'; note: string }
  | { outcome: 'ABSENT'; note: string };

export interface ApplicationFilter {
  regionCode: string | null;
  status: ApplicationStatus | null;
  officer: string | null;
}

export interface DeadlineFilter {
  regionCode: string | null;
  officer: string | null;
}

export interface PermitServiceOptions {
  calendar: WorkingCalendar;
  /** The national platforms (investment projects, public resource trading, decision reporting). */
  platforms: NationalPlatforms;
  /** Issues the electronic certificate in the transaction that issues the permit; null while none is configured. */
  certificates: CertificateIssuer | null;
  logger: Logger;
  /** The clock; specs set it to count deadlines from a known day. */
  clock?: () => Date;
}

function serial(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function addYearsLessOneDay(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  return given(value) && value.trim() !== '' ? assertText(field, value, maxLength) : null;
}

function assertExpectedVersion(input: ApplicationActionInput): void {
  if (given(input.expectedVersion) && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1)) {
    throw invalidInput('expectedVersion', 'must be a positive integer');
  }
}

function kindOf(kind: PermitKind): PermitKindDefinition {
  const definition = PERMIT_KINDS[kind];
  if (!definition) throw invalidInput('kind', 'is not a known permit kind');
  return definition;
}

function assertMayAct(definition: PermitKindDefinition, step: ProcedureStep, actor: Actor): void {
  const roles = definition.roles[step];
  if (!roles.some((role) => actor.roles.has(role))) {
    throw forbidden(`Only ${roles.join(' or ')} may ${STEP_VERB[step]} ${definition.kind} applications`);
  }
}

/** Rows of many applications, in the order of the loader's keys. */
function byApplication<TRow extends { applicationId: number }>(
  applicationIds: readonly number[],
  rows: TRow[],
): TRow[][] {
  const grouped = new Map<number, TRow[]>();
  for (const row of rows) grouped.set(row.applicationId, [...(grouped.get(row.applicationId) ?? []), row]);
  return applicationIds.map((applicationId) => grouped.get(applicationId) ?? []);
}

/** Clears what a wait for a national platform leaves on the application. */
const NO_PENDING_VERIFICATION: ApplicationChanges = {
  pendingVerification: null,
  statusBeforeVerification: null,
  pendingApprovalBy: null,
  pendingApprovalConditions: null,
};

/**
 * The permit procedure (行政许可网上办理): submission, acceptance or return with one notice, review,
 * decision, issuing of the permit and its electronic certificate, withdrawal, deadline extension,
 * parallel approval along a route and waiting for the national platforms. Every move is a guarded UPDATE
 * (status and version) plus its transition record in one transaction: of two officers acting on one
 * version exactly one succeeds, and a refused move leaves nothing written.
 */
export class PermitService {
  private readonly calendar: WorkingCalendar;
  private readonly platforms: NationalPlatforms;
  private readonly certificates: CertificateIssuer | null;
  private readonly logger: Logger;
  private readonly clock: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    options: PermitServiceOptions,
  ) {
    this.calendar = options.calendar;
    this.platforms = options.platforms;
    this.certificates = options.certificates;
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
  }

  /** The same service on another clock: demo data back-dates acceptances so deadlines show. */
  asOf(clock: () => Date): PermitService {
    return new PermitService(this.dataSource, this.outbox, {
      calendar: this.calendar,
      platforms: this.platforms,
      certificates: this.certificates,
      logger: this.logger,
      clock,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Permits of many holders, a page each, in two statements; only permits issued within the caller's scope. */
  createHolderPagesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<Permit>({
      dataSource: this.dataSource,
      entity: Permit,
      parentColumn: 'credit_code',
      page,
      scope: { column: 'region_code', prefix: scope.prefix },
    });
  }

  async findPermit(scope: RegionScope, number: string): Promise<Permit | null> {
    return this.dataSource.getRepository(Permit).findOneBy({ number, ...withinPrefix('regionCode', scope.prefix) });
  }

  /** An application the caller may see: handled within their scope, or routed through a province in it. */
  async findApplication(scope: RegionScope, applicationNumber: string): Promise<PermitApplication | null> {
    return this.visibleApplications(this.dataSource.manager, scope)
      .andWhere('application.applicationNumber = :applicationNumber', { applicationNumber })
      .getOne();
  }

  async listApplications(
    scope: RegionScope,
    filter: ApplicationFilter,
    page: PageRequest,
  ): Promise<Connection<PermitApplication>> {
    const query = this.filtered(scope, filter);
    if (filter.status !== null) query.andWhere('application.status = :status', { status: filter.status });
    return this.page(query, page);
  }

  /** Applications still waiting for the office or the applicant (submitted, returned, accepted, reviewed, awaiting a platform). */
  async listPending(
    scope: RegionScope,
    filter: DeadlineFilter,
    page: PageRequest,
  ): Promise<Connection<PermitApplication>> {
    const query = this.filtered(scope, filter).andWhere('application.status IN (:...pending)', {
      pending: [...PENDING],
    });
    return this.page(query, page);
  }

  /** Accepted applications not yet decided whose decision due date has passed (China time). */
  async listOverdue(
    scope: RegionScope,
    filter: DeadlineFilter,
    page: PageRequest,
  ): Promise<Connection<PermitApplication>> {
    const query = this.filtered(scope, filter)
      .andWhere('application.status IN (:...running)', { running: [...DEADLINE_RUNNING] })
      .andWhere('application.decisionDueDate < :today', { today: this.today() });
    return this.page(query, page);
  }

  /** Accepted applications not yet decided that fall due today or within the next `withinWorkingDays` working days. */
  async listDueSoon(
    scope: RegionScope,
    filter: DeadlineFilter,
    withinWorkingDays: number,
    page: PageRequest,
  ): Promise<Connection<PermitApplication>> {
    assertInteger('withinWorkingDays', withinWorkingDays, 0, MAX_DUE_SOON_WORKING_DAYS);
    const today = this.today();
    const query = this.filtered(scope, filter)
      .andWhere('application.status IN (:...running)', { running: [...DEADLINE_RUNNING] })
      .andWhere('application.decisionDueDate >= :today', { today })
      .andWhere('application.decisionDueDate <= :last', {
        last: this.calendar.addWorkingDays(today, withinWorkingDays),
      });
    return this.page(query, page);
  }

  /** Working days left to the decision (0 on the due day, negative when overdue), or null when no deadline runs. */
  workingDaysLeft(application: PermitApplication): number | null {
    if (application.decisionDueDate === null || !DEADLINE_RUNNING.includes(application.status)) return null;
    return this.calendar.workingDaysBetween(this.today(), application.decisionDueDate);
  }

  /** Transition records of many applications, oldest first, in one statement; scoped again in SQL. */
  createHistoryLoader(scope: RegionScope): DataLoader<number, ApplicationTransition[]> {
    return new DataLoader(async (applicationIds) => {
      const query = this.dataSource
        .createQueryBuilder(ApplicationTransition, 'transition')
        .innerJoin(PermitApplication, 'application', 'application.id = transition.applicationId')
        .where('transition.applicationId IN (:...applicationIds)', { applicationIds: [...applicationIds] })
        .orderBy('transition.id', 'ASC');
      return byApplication(applicationIds, await this.whereVisible(query, scope).getMany());
    });
  }

  /** Route segments of many applications, in route order, in one statement; scoped again in SQL. */
  createSegmentsLoader(scope: RegionScope): DataLoader<number, RouteSegment[]> {
    return new DataLoader(async (applicationIds) => {
      const query = this.dataSource
        .createQueryBuilder(RouteSegment, 'segment')
        .innerJoin(PermitApplication, 'application', 'application.id = segment.applicationId')
        .where('segment.applicationId IN (:...applicationIds)', { applicationIds: [...applicationIds] })
        .orderBy('segment.applicationId', 'ASC')
        .addOrderBy('segment.position', 'ASC');
      return byApplication(applicationIds, await this.whereVisible(query, scope).getMany());
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The procedure

  async submit(
    regionScope: RegionScope,
    input: SubmitPermitApplicationInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertCreditCode('creditCode', input.creditCode);
    assertRegionCode('regionCode', input.regionCode);
    const scope = assertPublicText('scope', input.scope, 500);
    const definition = kindOf(input.kind);
    const route = this.routeOf(definition, input);
    const projectCode = this.projectCodeOf(definition, input.investmentProjectCode);
    assertMayAct(definition, 'submit', actor);
    if (!inScope(regionScope, input.regionCode))
      throw forbidden(`You may submit applications only to authorities within region ${regionScope.region}`);
    await this.assertEnterpriseInScope(this.dataSource.manager, regionScope, input.creditCode);
    // The platform is asked before the transaction: no row is held while it answers.
    const project = projectCode === null ? null : await this.checkProject(projectCode);
    if (project?.outcome === 'REFUSED') throw invalidInput('investmentProjectCode', project.note);
    return inTransaction(this.dataSource, async (manager) => {
      await this.assertEnterpriseInScope(manager, regionScope, input.creditCode);
      const submittedAt = this.now();
      const waiting = project?.outcome === 'UNAVAILABLE';
      const application = await manager.save(
        manager.create(PermitApplication, {
          applicationNumber: `XK${input.regionCode}${chinaDate(submittedAt).replace(/-/g, '')}${serial()}`,
          creditCode: input.creditCode,
          kind: input.kind,
          scope,
          regionCode: input.regionCode,
          status: waiting ? ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION : ApplicationStatus.SUBMITTED,
          investmentProjectCode: projectCode,
          submittedBy: actor.username,
          submittedAt,
          handlingOfficer: null,
          acceptedAt: null,
          decisionDueDate: null,
          returnedMaterialCodes: null,
          returnNote: null,
          returnedBy: null,
          returnedAt: null,
          reviewOpinion: null,
          reviewRecommendation: null,
          reviewedBy: null,
          reviewedAt: null,
          extensionStatus: null,
          extensionReason: null,
          extensionRequestedBy: null,
          extensionRequestedAt: null,
          extensionDecidedBy: null,
          extensionDecidedAt: null,
          extensionComment: null,
          pendingVerification: waiting ? ExternalVerification.PROJECT_APPROVAL : null,
          statusBeforeVerification: waiting ? ApplicationStatus.SUBMITTED : null,
          verificationCheckedAt: project ? submittedAt : null,
          verificationNote: project?.note ?? null,
          pendingApprovalBy: null,
          pendingApprovalConditions: null,
          decidedBy: null,
          decidedAt: null,
          decisionComment: null,
          permitNumber: null,
        }),
      );
      await this.record(
        manager,
        application.id,
        ApplicationAction.SUBMIT,
        null,
        ApplicationStatus.SUBMITTED,
        actor.username,
        submittedAt,
        project?.note ?? null,
      );
      if (project?.outcome === 'UNAVAILABLE') {
        await this.record(
          manager,
          application.id,
          ApplicationAction.AWAIT_EXTERNAL_VERIFICATION,
          ApplicationStatus.SUBMITTED,
          application.status,
          actor.username,
          submittedAt,
          project.note,
        );
      }
      for (const [index, provinceCode] of (route ?? []).entries()) {
        await manager.insert(RouteSegment, {
          applicationId: application.id,
          provinceCode,
          position: index + 1,
          status: SegmentStatus.PENDING,
          decidedBy: null,
          decidedAt: null,
          comment: null,
        });
      }
      return manager.findOneByOrFail(PermitApplication, { id: application.id });
    });
  }

  /** Accepts (受理) a submitted application: the decision deadline is counted from today in working days. */
  async accept(scope: RegionScope, input: ApplicationActionInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      const acceptedAt = this.now();
      return this.move(manager, current, input, actor, {
        action: ApplicationAction.ACCEPT,
        step: 'accept',
        target: ApplicationStatus.ACCEPTED,
        changes: {
          acceptedAt,
          handlingOfficer: actor.username,
          decisionDueDate: this.calendar.addWorkingDays(
            chinaDate(acceptedAt),
            kindOf(current.kind).decisionWorkingDays,
          ),
        },
        comment: null,
        guard: (application) => assertRequiredMaterials(manager, application, 'accept'),
      });
    });
  }

  /**
   * Returns a submitted application with one notice listing everything missing (一次性告知). Only once:
   * after the resubmission the office accepts or refuses it.
   */
  async returnForCorrection(
    scope: RegionScope,
    input: ReturnPermitApplicationInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const note = assertText('note', input.note, 1000);
    if (!Array.isArray(input.missingMaterialCodes) || input.missingMaterialCodes.length === 0) {
      throw invalidInput(
        'missingMaterialCodes',
        'must name at least one material: the notice lists everything missing at once',
      );
    }
    const codes = input.missingMaterialCodes.map((code) => code.trim());
    const duplicates = codes.filter((code, index) => codes.indexOf(code) !== index);
    if (duplicates.length > 0)
      throw invalidInput('missingMaterialCodes', `names ${duplicates.join(', ')} more than once`);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      const definition = kindOf(current.kind);
      // Whole seconds, as materials' upload times are kept: one attached right after the return counts.
      const returnedAt = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
      return this.move(manager, current, input, actor, {
        action: ApplicationAction.RETURN,
        step: 'accept',
        target: ApplicationStatus.RETURNED,
        changes: {
          returnedMaterialCodes: codes.join(','),
          returnNote: note,
          returnedBy: actor.username,
          returnedAt,
          handlingOfficer: actor.username,
        },
        comment: `${note} [missing: ${codes.join(', ')}]`,
        guard: async (application) => {
          const unknown = codes.filter((code) => !definition.materials.some((material) => material.code === code));
          if (unknown.length > 0) {
            throw invalidInput(
              'missingMaterialCodes',
              `names materials ${definition.kind} does not require: ${unknown.join(', ')} (see permitKinds)`,
            );
          }
          if (application.returnedAt !== null) {
            throw conflict(
              'ALREADY_RETURNED',
              `Application ${application.applicationNumber} was already returned once with everything missing (一次性告知); accept it or refuse it`,
            );
          }
          await assertNoticeNamesEverythingMissing(manager, application, codes);
        },
      });
    });
  }

  /** Resubmits a returned application; every material the notice named must have been attached since. */
  async resubmit(scope: RegionScope, input: ResubmitPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const comment = optionalText('comment', input.comment, 1000);
    const preview = await this.loadToActOn(this.dataSource.manager, scope, input.applicationNumber);
    const definition = kindOf(preview.kind);
    let projectCode: string | null = null;
    if (definition.investmentProjectRequired) {
      projectCode = this.projectCodeOf(definition, input.investmentProjectCode ?? preview.investmentProjectCode);
    } else if (given(input.investmentProjectCode)) {
      throw invalidInput(
        'investmentProjectCode',
        `applies only to highway construction permits (${PermitKind.HIGHWAY_CONSTRUCTION})`,
      );
    }
    this.check(preview, input, actor, ApplicationAction.RESUBMIT, 'submit');
    const project = projectCode === null ? null : await this.checkProject(projectCode);
    if (project?.outcome === 'REFUSED') throw invalidInput('investmentProjectCode', project.note);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      const resubmitted = await this.move(manager, current, input, actor, {
        action: ApplicationAction.RESUBMIT,
        step: 'submit',
        target: ApplicationStatus.SUBMITTED,
        changes: {
          investmentProjectCode: projectCode ?? current.investmentProjectCode,
          verificationCheckedAt: project ? this.now() : current.verificationCheckedAt,
          verificationNote: project?.note ?? current.verificationNote,
        },
        comment,
        guard: async (application) => {
          const missing = await this.materialsStillMissing(manager, application, definition);
          if (missing.length > 0) {
            throw namingMaterials(
              conflict(
                'MATERIALS_STILL_MISSING',
                `Attach ${missing.join(', ')} to application ${application.applicationNumber} before resubmitting it`,
              ),
              application,
              missing,
            );
          }
          await assertRequiredMaterials(manager, application, 'resubmit');
        },
      });
      if (project?.outcome !== 'UNAVAILABLE') return resubmitted;
      return this.move(manager, resubmitted, {}, actor, {
        action: ApplicationAction.AWAIT_EXTERNAL_VERIFICATION,
        step: null,
        target: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
        changes: {
          pendingVerification: ExternalVerification.PROJECT_APPROVAL,
          statusBeforeVerification: ApplicationStatus.SUBMITTED,
        },
        comment: project.note,
      });
    });
  }

  /** Records the review opinion (审查意见) on an accepted application. */
  async review(scope: RegionScope, input: ReviewPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    if (!Object.values(ReviewRecommendation).includes(input.recommendation))
      throw invalidInput('recommendation', 'must be APPROVE or REFUSE');
    const opinion = assertText('opinion', input.opinion, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      return this.move(manager, current, input, actor, {
        action: ApplicationAction.REVIEW,
        step: 'review',
        target: ApplicationStatus.REVIEWED,
        changes: {
          reviewOpinion: opinion,
          reviewRecommendation: input.recommendation,
          reviewedBy: actor.username,
          reviewedAt: this.now(),
        },
        comment: `${input.recommendation}: ${opinion}`,
      });
    });
  }

  /**
   * Approves an application and issues the permit and its electronic certificate in the same transaction.
   * A highway construction permit needs the tender award on record at the trading platform first; while
   * that platform cannot be reached the approval waits (AWAITING_EXTERNAL_VERIFICATION) and completes when
   * a background re-check finds the award.
   */
  async approve(
    scope: RegionScope,
    input: ApprovePermitApplicationInput,
    actor: Actor,
  ): Promise<{ application: PermitApplication; permit: Permit | null }> {
    assertExpectedVersion(input);
    const conditions = optionalText('conditions', input.conditions, 1000);
    const preview = await this.loadToActOn(this.dataSource.manager, scope, input.applicationNumber);
    const definition = kindOf(preview.kind);
    if (definition.parallelApprovalByRoute) {
      throw conflict(
        'PARALLEL_APPROVAL',
        `${definition.kind} applications are approved by each province on the route: use approveRouteSegment`,
      );
    }
    this.check(preview, input, actor, ApplicationAction.APPROVE, 'decide');
    this.assertReviewedIfRequired(preview, definition);
    await assertRequiredMaterials(this.dataSource.manager, preview, 'approve');
    const award = definition.investmentProjectRequired
      ? await this.checkTenderAward(preview.investmentProjectCode ?? '')
      : null;
    if (award?.outcome === 'ABSENT')
      throw conflict('TENDER_AWARD_MISSING', `${award.note}; the permit cannot be approved without it`);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      if (award?.outcome === 'UNAVAILABLE') {
        const waiting = await this.move(manager, current, input, actor, {
          action: ApplicationAction.AWAIT_EXTERNAL_VERIFICATION,
          step: 'decide',
          target: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
          changes: {
            pendingVerification: ExternalVerification.TENDER_AWARD,
            statusBeforeVerification: current.status,
            pendingApprovalBy: actor.username,
            pendingApprovalConditions: conditions,
            verificationCheckedAt: this.now(),
            verificationNote: award.note,
          },
          comment: `Approval by ${actor.username} waits for the tender award check: ${award.note}`,
          guard: (application) => this.assertReviewedIfRequired(application, definition),
        });
        return { application: waiting, permit: null };
      }
      return this.approveAndIssue(manager, current, input, actor, {
        action: ApplicationAction.APPROVE,
        step: 'decide',
        decidedBy: actor.username,
        conditions,
        comment: [conditions, award?.note].filter(given).join(' | ') || null,
        guard: (application) => this.assertReviewedIfRequired(application, definition),
      });
    });
  }

  /** Refuses an application with reasons; before acceptance this is not accepting it (不予受理). */
  async reject(scope: RegionScope, input: RejectPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      const definition = kindOf(current.kind);
      const decidedAt = this.now();
      const rejected = await this.move(manager, current, input, actor, {
        action: ApplicationAction.REJECT,
        step: 'decide',
        target: ApplicationStatus.REJECTED,
        changes: { ...NO_PENDING_VERIFICATION, decidedBy: actor.username, decidedAt, decisionComment: reason },
        comment: reason,
        guard: (application) => {
          if (definition.parallelApprovalByRoute && application.acceptedAt !== null) {
            throw conflict(
              'PARALLEL_APPROVAL',
              `${definition.kind} applications are refused by a province on the route: use refuseRouteSegment`,
            );
          }
        },
      });
      await this.reportDecision(manager, rejected, 'REJECTED', decidedAt, reason);
      return rejected;
    });
  }

  /** Withdrawal by the applicant (or the officer acting for it) before a decision. */
  async withdraw(scope: RegionScope, input: WithdrawPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      return this.move(manager, current, input, actor, {
        action: ApplicationAction.WITHDRAW,
        step: 'submit',
        target: ApplicationStatus.WITHDRAWN,
        changes: NO_PENDING_VERIFICATION,
        comment: reason,
      });
    });
  }

  /** The handling officer asks, once and before the deadline passes, for more time to decide. */
  async requestExtension(
    scope: RegionScope,
    input: RequestDeadlineExtensionInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 500);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      return this.move(manager, current, input, actor, {
        action: ApplicationAction.REQUEST_EXTENSION,
        step: 'accept',
        target: current.status,
        changes: {
          extensionStatus: ExtensionStatus.REQUESTED,
          extensionReason: reason,
          extensionRequestedBy: actor.username,
          extensionRequestedAt: this.now(),
        },
        comment: reason,
        guard: (application) => {
          if (application.extensionStatus !== null) {
            throw conflict(
              'EXTENSION_ALREADY_REQUESTED',
              `The decision deadline of ${application.applicationNumber} may be extended once, and an extension was already ${application.extensionStatus.toLowerCase()}`,
            );
          }
          if (application.decisionDueDate === null || application.decisionDueDate < this.today()) {
            throw conflict(
              'DEADLINE_PASSED',
              `The decision deadline of ${application.applicationNumber} (${application.decisionDueDate}) has passed; it can no longer be extended`,
            );
          }
        },
      });
    });
  }

  async approveExtension(
    scope: RegionScope,
    input: DecideDeadlineExtensionInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const comment = optionalText('comment', input.comment, 500);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      const definition = kindOf(current.kind);
      const extended =
        current.decisionDueDate === null
          ? null
          : this.calendar.addWorkingDays(current.decisionDueDate, definition.extensionWorkingDays);
      return this.move(manager, current, input, actor, {
        action: ApplicationAction.APPROVE_EXTENSION,
        step: 'decide',
        target: current.status,
        changes: {
          extensionStatus: ExtensionStatus.APPROVED,
          extensionDecidedBy: actor.username,
          extensionDecidedAt: this.now(),
          extensionComment: comment,
          decisionDueDate: extended,
        },
        comment: [
          `decision due ${current.decisionDueDate} -> ${extended} (+${definition.extensionWorkingDays} working days)`,
          comment,
        ]
          .filter(given)
          .join(': '),
        guard: (application) => this.assertExtensionRequested(application),
      });
    });
  }

  async refuseExtension(
    scope: RegionScope,
    input: DecideDeadlineExtensionInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertExpectedVersion(input);
    if (!given(input.comment) || input.comment.trim() === '')
      throw invalidInput('comment', 'is required when refusing an extension');
    const comment = assertText('comment', input.comment, 500);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.loadToActOn(manager, scope, input.applicationNumber);
      return this.move(manager, current, input, actor, {
        action: ApplicationAction.REFUSE_EXTENSION,
        step: 'decide',
        target: current.status,
        changes: {
          extensionStatus: ExtensionStatus.REFUSED,
          extensionDecidedBy: actor.username,
          extensionDecidedAt: this.now(),
          extensionComment: comment,
        },
        comment,
        guard: (application) => this.assertExtensionRequested(application),
      });
    });
  }

  /**
   * A province approves its segment of a cross-province oversize transport. The last approval issues
   * the permit. Decisions on one application are serialized on its row, so each sees the others'.
   */
  async approveSegment(
    scope: RegionScope,
    input: RouteSegmentDecisionInput,
    actor: Actor,
  ): Promise<{ application: PermitApplication; permit: Permit | null }> {
    const conditions = optionalText('comment', input.comment, 1000);
    return this.decideSegment(scope, input, actor, SegmentStatus.APPROVED, conditions);
  }

  /** A province refuses its segment, which refuses the whole application. */
  async refuseSegment(scope: RegionScope, input: RouteSegmentDecisionInput, actor: Actor): Promise<PermitApplication> {
    if (!given(input.comment) || input.comment.trim() === '')
      throw invalidInput('comment', 'is required: the reasons for refusing the segment');
    const reason = assertText('comment', input.comment, 1000);
    return (await this.decideSegment(scope, input, actor, SegmentStatus.REFUSED, reason)).application;
  }

  /**
   * One round of re-checking applications that wait for a national platform. Each is moved on when the
   * platform answers and stays (with the attempt noted) while it does not; one failure does not stop the rest.
   */
  async recheckExternalVerifications(): Promise<{ checked: number; moved: number }> {
    const waiting = await this.dataSource.getRepository(PermitApplication).find({
      where: { status: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION },
      order: { id: 'ASC' },
      take: RECHECK_BATCH,
    });
    let moved = 0;
    for (const application of waiting) {
      try {
        if (await this.recheck(application)) moved += 1;
      } catch (error) {
        this.logger.warn('external verification re-check failed', {
          applicationNumber: application.applicationNumber,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return { checked: waiting.length, moved };
  }

  // ---------------------------------------------------------------------------------------------
  // Inside the procedure

  private async decideSegment(
    scope: RegionScope,
    input: RouteSegmentDecisionInput,
    actor: Actor,
    decision: SegmentStatus.APPROVED | SegmentStatus.REFUSED,
    comment: string | null,
  ): Promise<{ application: PermitApplication; permit: Permit | null }> {
    assertExpectedVersion(input);
    assertRegionCode('provinceCode', input.provinceCode);
    if (provinceOf(input.provinceCode) !== input.provinceCode)
      throw invalidInput('provinceCode', 'must be a province (xx0000)');
    const visible = await this.findApplication(scope, input.applicationNumber);
    if (!visible) throw notFound('Application', input.applicationNumber);
    if (!inScope(scope, input.provinceCode)) {
      throw forbidden(
        `Only reviewers of ${regionName(input.provinceCode) ?? input.provinceCode} (${input.provinceCode}) decide its segment of ${input.applicationNumber}`,
      );
    }
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.lockApplication(manager, visible.id);
      const definition = kindOf(current.kind);
      if (!definition.parallelApprovalByRoute) {
        throw conflict(
          'NOT_ROUTE_APPROVED',
          `${current.applicationNumber} is a ${definition.kind} application, decided as a whole, not by route segments`,
        );
      }
      this.check(
        current,
        input,
        actor,
        decision === SegmentStatus.APPROVED ? ApplicationAction.APPROVE_SEGMENT : ApplicationAction.REFUSE_SEGMENT,
        'decide',
      );
      if (decision === SegmentStatus.APPROVED) await assertRequiredMaterials(manager, current, 'approve');
      const segments = await this.lockSegments(manager, current.id);
      const segment = segments.find((candidate) => candidate.provinceCode === input.provinceCode);
      if (!segment) throw invalidInput('provinceCode', `is not on the route of ${current.applicationNumber}`);
      if (segment.status !== SegmentStatus.PENDING) {
        throw conflict(
          'SEGMENT_ALREADY_DECIDED',
          `The ${input.provinceCode} segment of ${current.applicationNumber} was already ${segment.status.toLowerCase()}`,
        );
      }
      const decidedAt = this.now();
      const updated = await manager
        .createQueryBuilder()
        .update(RouteSegment)
        .set({ status: decision, decidedBy: actor.username, decidedAt, comment })
        .where('id = :id AND status = :pending', { id: segment.id, pending: SegmentStatus.PENDING })
        .execute();
      if (updated.affected !== 1)
        throw conflict(
          'STALE_VERSION',
          `The ${input.provinceCode} segment of ${current.applicationNumber} was decided by someone else; reload it`,
        );
      const provinceLabel = `${regionName(input.provinceCode) ?? ''}(${input.provinceCode})`;
      if (decision === SegmentStatus.REFUSED) {
        const refused = await this.move(manager, current, input, actor, {
          action: ApplicationAction.REFUSE_SEGMENT,
          step: 'decide',
          target: ApplicationStatus.REJECTED,
          changes: {
            decidedBy: actor.username,
            decidedAt,
            decisionComment: `${provinceLabel} refused its segment: ${comment}`,
          },
          comment: `${provinceLabel}: ${comment}`,
        });
        return { application: refused, permit: null };
      }
      const othersApproved = segments.every(
        (candidate) => candidate.id === segment.id || candidate.status === SegmentStatus.APPROVED,
      );
      if (!othersApproved) {
        const approvedSoFar = await this.move(manager, current, input, actor, {
          action: ApplicationAction.APPROVE_SEGMENT,
          step: 'decide',
          target: current.status,
          comment: [provinceLabel, comment].filter(given).join(': '),
        });
        return { application: approvedSoFar, permit: null };
      }
      const allConditions = segments
        .map((candidate) => (candidate.id === segment.id ? { ...candidate, comment } : candidate))
        .filter((candidate) => candidate.comment)
        .map((candidate) => `${candidate.provinceCode}: ${candidate.comment}`)
        .join('; ');
      return this.approveAndIssue(manager, current, input, actor, {
        action: ApplicationAction.APPROVE_SEGMENT,
        step: 'decide',
        decidedBy: actor.username,
        conditions: allConditions === '' ? null : allConditions.slice(0, 1000),
        comment: `${[provinceLabel, comment].filter(given).join(': ')}; every province on the route has approved`,
      });
    });
  }

  /** Moves the application to APPROVED, issues the permit and certificate, and reports the decision where required. */
  private async approveAndIssue(
    manager: EntityManager,
    current: PermitApplication,
    input: Partial<ApplicationActionInput>,
    actor: Actor,
    decision: {
      action: ApplicationAction;
      step: ProcedureStep | null;
      decidedBy: string;
      conditions: string | null;
      comment: string | null;
      guard?: Move['guard'];
    },
  ): Promise<{ application: PermitApplication; permit: Permit }> {
    const decidedAt = this.now();
    const validFrom = chinaDate(decidedAt);
    const permitNumber = `${current.regionCode}${validFrom.slice(0, 4)}${PERMIT_KIND_CODE[current.kind]}${serial()}`;
    const application = await this.move(manager, current, input, actor, {
      action: decision.action,
      step: decision.step,
      target: ApplicationStatus.APPROVED,
      changes: {
        ...NO_PENDING_VERIFICATION,
        decidedBy: decision.decidedBy,
        decidedAt,
        decisionComment: decision.conditions,
        permitNumber,
      },
      comment: decision.comment,
      guard: decision.guard,
    });
    const permit = await manager.save(
      manager.create(Permit, {
        number: permitNumber,
        kind: application.kind,
        scope: application.scope,
        creditCode: application.creditCode,
        regionCode: application.regionCode,
        applicationNumber: application.applicationNumber,
        recordedStatus: PermitStatus.VALID,
        issuedAt: decidedAt,
        validFrom,
        validUntil: addYearsLessOneDay(validFrom, kindOf(application.kind).validityYears),
      }),
    );
    const certificate = this.certificates ? await this.certificates.issue(manager, permit) : null;
    await this.outbox.publish(manager, 'permit.issued', {
      permitNumber: permit.number,
      kind: permit.kind,
      creditCode: permit.creditCode,
      regionCode: permit.regionCode,
      issuedAt: permit.issuedAt.toISOString(),
    });
    await this.record(
      manager,
      application.id,
      ApplicationAction.ISSUE,
      ApplicationStatus.APPROVED,
      ApplicationStatus.APPROVED,
      actor.username,
      decidedAt,
      `Permit ${permit.number} issued, valid ${permit.validFrom} to ${permit.validUntil}${certificate ? `; electronic certificate ${certificate.certificateId}` : ''}`,
    );
    await this.reportDecision(manager, application, 'APPROVED', decidedAt, decision.conditions);
    return { application, permit };
  }

  /** After a decision on a project checked at the investment platform, the result goes back to it (办理结果回传). */
  private async reportDecision(
    manager: EntityManager,
    application: PermitApplication,
    decision: 'APPROVED' | 'REJECTED',
    decidedAt: Date,
    comment: string | null,
  ): Promise<void> {
    if (!kindOf(application.kind).investmentProjectRequired || application.investmentProjectCode === null) return;
    await this.platforms.reporter.enqueue(manager, {
      applicationNumber: application.applicationNumber,
      projectCode: application.investmentProjectCode,
      decision,
      permitNumber: application.permitNumber,
      decidedAt: decidedAt.toISOString(),
      authorityRegionCode: application.regionCode,
      comment,
    });
  }

  private async recheck(application: PermitApplication): Promise<boolean> {
    const actor: Actor = { username: RECHECK_ACTOR, roles: new Set() };
    const version = { applicationNumber: application.applicationNumber, expectedVersion: application.version };
    if (application.pendingVerification === ExternalVerification.PROJECT_APPROVAL) {
      const project = await this.checkProject(application.investmentProjectCode ?? '');
      if (project.outcome === 'UNAVAILABLE') return this.noteAttempt(application, project.note);
      await inTransaction(this.dataSource, async (manager) => {
        const current = await manager.findOneByOrFail(PermitApplication, { id: application.id });
        if (project.outcome === 'CONFIRMED') {
          await this.move(manager, current, version, actor, {
            action: ApplicationAction.EXTERNAL_VERIFICATION_PASSED,
            step: null,
            target: ApplicationStatus.SUBMITTED,
            changes: { ...NO_PENDING_VERIFICATION, verificationCheckedAt: this.now(), verificationNote: project.note },
            comment: project.note,
          });
          return;
        }
        await this.move(manager, current, version, actor, {
          action: ApplicationAction.EXTERNAL_VERIFICATION_FAILED,
          step: null,
          target: ApplicationStatus.RETURNED,
          changes: {
            ...NO_PENDING_VERIFICATION,
            verificationCheckedAt: this.now(),
            verificationNote: project.note,
            returnedMaterialCodes: PLATFORM_VERIFIED_MATERIAL,
            returnNote: project.note,
            returnedBy: RECHECK_ACTOR,
            returnedAt: this.now(),
          },
          comment: `${project.note} [missing: ${PLATFORM_VERIFIED_MATERIAL}]`,
        });
      });
      return true;
    }
    if (application.pendingVerification === ExternalVerification.TENDER_AWARD) {
      const award = await this.checkTenderAward(application.investmentProjectCode ?? '');
      if (award.outcome === 'UNAVAILABLE') return this.noteAttempt(application, award.note);
      await inTransaction(this.dataSource, async (manager) => {
        const current = await manager.findOneByOrFail(PermitApplication, { id: application.id });
        if (award.outcome === 'FOUND') {
          await this.approveAndIssue(manager, current, version, actor, {
            action: ApplicationAction.EXTERNAL_VERIFICATION_PASSED,
            step: null,
            decidedBy: current.pendingApprovalBy ?? RECHECK_ACTOR,
            conditions: current.pendingApprovalConditions,
            comment: `${award.note}; the approval by ${current.pendingApprovalBy} is completed`,
          });
          return;
        }
        await this.move(manager, current, version, actor, {
          action: ApplicationAction.EXTERNAL_VERIFICATION_FAILED,
          step: null,
          target: current.statusBeforeVerification ?? ApplicationStatus.REVIEWED,
          changes: { ...NO_PENDING_VERIFICATION, verificationCheckedAt: this.now(), verificationNote: award.note },
          comment: `${award.note}; the approval by ${current.pendingApprovalBy} was not completed`,
        });
      });
      return true;
    }
    this.logger.warn('application awaits an unknown verification', {
      applicationNumber: application.applicationNumber,
      pending: application.pendingVerification,
    });
    return false;
  }

  /** Notes an unanswered platform check on the row, without a new version: officers' views stay current. */
  private async noteAttempt(application: PermitApplication, note: string): Promise<false> {
    await this.dataSource
      .createQueryBuilder()
      .update(PermitApplication)
      .set({ verificationCheckedAt: this.now(), verificationNote: note.slice(0, 500), version: () => 'version' })
      .where('id = :id AND status = :status', {
        id: application.id,
        status: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
      })
      .execute();
    return false;
  }

  private async checkProject(projectCode: string): Promise<ProjectCheck> {
    try {
      const project = await this.platforms.investment.findProject(projectCode);
      if (!project)
        return {
          outcome: 'REFUSED',
          note: `${projectCode} is not known to the national investment project approval platform`,
        };
      if (project.approvalStatus !== 'APPROVED') {
        return {
          outcome: 'REFUSED',
          note: `project ${projectCode} (${project.name}) is ${project.approvalStatus} on the national investment project approval platform, not APPROVED`,
        };
      }
      return {
        outcome: 'CONFIRMED',
        note: `Project ${projectCode} (${project.name}) is approved at the national investment project platform`,
      };
    } catch (error) {
      if (error instanceof PlatformUnavailable) return { outcome: 'UNAVAILABLE', note: this.unavailable(error) };
      throw error;
    }
  }

  private async checkTenderAward(projectCode: string): Promise<AwardCheck> {
    try {
      const award = await this.platforms.trading.findTenderAward(projectCode);
      if (!award)
        return {
          outcome: 'ABSENT',
          note: `No tender award for project ${projectCode} is on record at the public resource trading platform`,
        };
      return {
        outcome: 'FOUND',
        award,
        note: `Tender award ${award.noticeNumber} of ${award.awardedAt} is on record at the public resource trading platform`,
      };
    } catch (error) {
      if (error instanceof PlatformUnavailable) return { outcome: 'UNAVAILABLE', note: this.unavailable(error) };
      throw error;
    }
  }

  /** What officers see of an unreachable platform; the technical detail (addresses, errors) goes to the log only. */
  private unavailable(error: PlatformUnavailable): string {
    this.logger.warn('national platform unavailable', { platform: error.platform, detail: error.message });
    return `${error.platform} is unavailable; the application waits and is checked again`;
  }

  /** Checks a move against the application as read, without writing: access, version, status, then the move's own rules. */
  private check(
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
  private async move(
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
    return manager.findOneByOrFail(PermitApplication, { id: current.id });
  }

  private async record(
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

  private assertReviewedIfRequired(application: PermitApplication, definition: PermitKindDefinition): void {
    if (definition.reviewRequired && application.status !== ApplicationStatus.REVIEWED) {
      throw conflict(
        'REVIEW_REQUIRED',
        `${definition.kind} applications are decided after a review opinion is recorded (reviewPermitApplication)`,
      );
    }
  }

  private assertExtensionRequested(application: PermitApplication): void {
    if (application.extensionStatus !== ExtensionStatus.REQUESTED) {
      throw conflict('NO_EXTENSION_REQUESTED', `No extension of ${application.applicationNumber} awaits a decision`);
    }
  }

  /** Materials a return notice named that have not been attached since the return. */
  private async materialsStillMissing(
    manager: EntityManager,
    application: PermitApplication,
    definition: PermitKindDefinition,
  ): Promise<string[]> {
    const named = (application.returnedMaterialCodes ?? '').split(',').filter((code) => code !== '');
    const toAttach = named.filter(
      (code) => !(definition.investmentProjectRequired && code === PLATFORM_VERIFIED_MATERIAL),
    );
    if (toAttach.length === 0 || application.returnedAt === null) return [];
    const attached = await manager
      .createQueryBuilder(PermitMaterial, 'material')
      .select('DISTINCT material.materialCode', 'code')
      .where('material.applicationId = :id', { id: application.id })
      .andWhere('material.uploadedAt >= :since', { since: application.returnedAt })
      .andWhere('material.materialCode IN (:...codes)', { codes: toAttach })
      .getRawMany<{ code: string }>();
    const attachedCodes = new Set(attached.map((row) => row.code));
    return toAttach.filter((code) => !attachedCodes.has(code));
  }

  private routeOf(definition: PermitKindDefinition, input: SubmitPermitApplicationInput): string[] | null {
    const codes = input.routeProvinceCodes;
    if (!definition.parallelApprovalByRoute) {
      if (given(codes) && codes.length > 0)
        throw invalidInput('routeProvinceCodes', `applies only to ${PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT}`);
      return null;
    }
    if (provinceOf(input.regionCode) !== input.regionCode) {
      throw invalidInput(
        'regionCode',
        `must be the origin province (xx0000): ${definition.kind} is handled by a provincial authority`,
      );
    }
    if (!given(codes) || codes.length < 2)
      throw invalidInput(
        'routeProvinceCodes',
        'must list at least two provinces: the route crosses a provincial border',
      );
    if (codes.length > MAX_ROUTE_PROVINCES)
      throw invalidInput('routeProvinceCodes', `may list at most ${MAX_ROUTE_PROVINCES} provinces`);
    for (const code of codes) {
      assertRegionCode('routeProvinceCodes', code);
      if (provinceOf(code) !== code) throw invalidInput('routeProvinceCodes', `${code} is not a province (xx0000)`);
    }
    if (new Set(codes).size !== codes.length)
      throw invalidInput('routeProvinceCodes', 'names a province more than once');
    if (!codes.includes(input.regionCode))
      throw invalidInput('routeProvinceCodes', `must include the handling province ${input.regionCode}`);
    return [...codes];
  }

  private projectCodeOf(definition: PermitKindDefinition, code: string | null | undefined): string | null {
    if (!definition.investmentProjectRequired) {
      if (given(code))
        throw invalidInput(
          'investmentProjectCode',
          `applies only to highway construction permits (${PermitKind.HIGHWAY_CONSTRUCTION})`,
        );
      return null;
    }
    if (!given(code) || code.trim() === '')
      throw invalidInput('investmentProjectCode', 'is required for a highway construction permit (投资项目统一代码)');
    const trimmed = code.trim();
    const problem = investmentProjectCodeProblem(trimmed, this.clock());
    if (problem) throw invalidInput('investmentProjectCode', problem);
    return trimmed;
  }

  private async assertEnterpriseInScope(manager: EntityManager, scope: RegionScope, creditCode: string): Promise<void> {
    if (!(await manager.existsBy(Enterprise, { creditCode, ...withinPrefix('regionCode', scope.prefix) })))
      throw notFound('Enterprise', creditCode);
  }

  /**
   * An application the caller may act on: handled within their scope. One they see only because its route
   * crosses their province is refused as FORBIDDEN (they decide their segment only), one they cannot see as NOT_FOUND.
   */
  private async loadToActOn(
    manager: EntityManager,
    scope: RegionScope,
    applicationNumber: string,
  ): Promise<PermitApplication> {
    const found = await this.visibleApplications(manager, scope)
      .andWhere('application.applicationNumber = :applicationNumber', { applicationNumber })
      .getOne();
    if (!found) throw notFound('Application', applicationNumber);
    if (!inScope(scope, found.regionCode)) {
      throw forbidden(
        `Application ${applicationNumber} is handled by ${found.regionCode}; your province decides only its route segment`,
      );
    }
    return found;
  }

  /** The application row, held (FOR UPDATE) to the end of the transaction; the embedded database queues whole transactions instead. */
  private async lockApplication(manager: EntityManager, id: number): Promise<PermitApplication> {
    const query = manager.createQueryBuilder(PermitApplication, 'application').where('application.id = :id', { id });
    if (manager.connection.options.type !== 'sqljs') query.setLock('pessimistic_write');
    return query.getOneOrFail();
  }

  /** Read with a lock so the segments are as last committed, not as this transaction's snapshot saw them. */
  private async lockSegments(manager: EntityManager, applicationId: number): Promise<RouteSegment[]> {
    const query = manager
      .createQueryBuilder(RouteSegment, 'segment')
      .where('segment.applicationId = :applicationId', { applicationId })
      .orderBy('segment.position', 'ASC');
    if (manager.connection.options.type !== 'sqljs') query.setLock('pessimistic_write');
    return query.getMany();
  }

  private visibleApplications(manager: EntityManager, scope: RegionScope): SelectQueryBuilder<PermitApplication> {
    return this.whereVisible(manager.createQueryBuilder(PermitApplication, 'application'), scope);
  }

  private whereVisible<TEntity extends ObjectLiteral>(
    query: SelectQueryBuilder<TEntity>,
    scope: RegionScope,
  ): SelectQueryBuilder<TEntity> {
    return whereApplicationVisible(this.dataSource, query, scope);
  }

  /** The caller's visible applications, narrowed to a handling region (with the regions under it) and an officer. */
  private filtered(scope: RegionScope, filter: DeadlineFilter): SelectQueryBuilder<PermitApplication> {
    const query = this.visibleApplications(this.dataSource.manager, scope);
    if (filter.regionCode !== null) {
      assertRegionCode('regionCode', filter.regionCode);
      query.andWhere('application.regionCode LIKE :handledIn', {
        handledIn: `${regionScopePrefix(filter.regionCode)}%`,
      });
    }
    if (filter.officer !== null)
      query.andWhere('application.handlingOfficer = :officer', { officer: assertText('officer', filter.officer, 100) });
    return query;
  }

  /**
   * A page newest first: the ids from the index alone (the officer, status and region indexes cover the
   * filters), then just those rows, while the total is counted alongside.
   */
  private async page(
    query: SelectQueryBuilder<PermitApplication>,
    page: PageRequest,
  ): Promise<Connection<PermitApplication>> {
    const ids = query
      .clone()
      .select('application.id', 'id')
      .orderBy('application.id', 'DESC')
      .limit(page.limit + 1);
    if (page.afterId !== null) ids.andWhere('application.id < :afterId', { afterId: page.afterId });
    const [pageIds, totalCount] = await Promise.all([ids.getRawMany<{ id: number | string }>(), query.getCount()]);
    const rows =
      pageIds.length === 0
        ? []
        : await this.dataSource
            .getRepository(PermitApplication)
            .find({ where: { id: In(pageIds.map((row) => Number(row.id))) }, order: { id: 'DESC' } });
    return toConnection(rows, totalCount, page);
  }

  // DATETIME columns keep whole seconds (MySQL rounds fractions): instants are cut to the second first.
  private now(): Date {
    return new Date(Math.floor(this.clock().getTime() / 1000) * 1000);
  }

  private today(): string {
    return chinaDate(this.clock());
  }
}
