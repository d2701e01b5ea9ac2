import type { DataSource } from 'typeorm';
import type { RegionScope } from '../../../platform/auth/region-scope';
import type { Connection, PageRequest } from '../../../platform/graphql/connection';
import type { Logger } from '../../../platform/observability/logger';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import type { CertificateIssuer } from '../certificate/certificate-issuer';
import type { JointDisciplineService } from '../joint-discipline/joint-discipline.service';
import type { NationalPlatforms } from '../platforms/national-platforms';
import type { Actor } from './actor';
import { ApplicationAcceptanceService } from './application-acceptance.service';
import { ApplicationDecisionService } from './application-decision.service';
import { ApplicationEvents } from './application-events';
import { ApplicationOverdueSweep } from './application-overdue.sweep';
import { ApplicationStateMachine } from './application-state-machine';
import { ApplicationSubmissionService } from './application-submission.service';
import { DeadlineExtensionService } from './deadline-extension.service';
import { ExternalVerificationService } from './external-verification.service';
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
import type { PermitApplication } from './permit-application.entity';
import { PermitIssuingService } from './permit-issuing.service';
import { PermitQueryService, type ApplicationFilter, type DeadlineFilter } from './permit-queries.service';
import type { Permit } from './permit.entity';
import { RouteSegmentApprovalService } from './route-segment-approval.service';

export type { ApplicationFilter, DeadlineFilter } from './permit-queries.service';

export interface PermitServiceOptions {
  calendar: WorkingCalendar;
  /** The national platforms (investment projects, public resource trading, decision reporting). */
  platforms: NationalPlatforms;
  /** Issues the electronic certificate in the transaction that issues the permit; null while none is configured. */
  certificates: CertificateIssuer | null;
  logger: Logger;
  /** Joint discipline (联合惩戒) at approval: the applicant's serious-dishonesty listings and the kind's rule. */
  jointDiscipline: JointDisciplineService;
  /** The clock; specs set it to count deadlines from a known day. */
  clock?: () => Date;
}

/**
 * The permit procedure (行政许可网上办理), built from its parts on one state machine and one clock. Each
 * feature lives in the file named for it:
 *
 * | part            | file                                | what                                                        |
 * | --------------- | ----------------------------------- | ----------------------------------------------------------- |
 * | `queries`       | permit-queries.service.ts           | lookups, lists, pending/overdue/due-soon queues, loaders    |
 * | `submission`    | application-submission.service.ts   | submit, resubmit after a return (补正), withdraw            |
 * | `acceptance`    | application-acceptance.service.ts   | accept (受理) or return with one notice (一次性告知)         |
 * | `decision`      | application-decision.service.ts     | review opinion, approve, reject                             |
 * | `extensions`    | deadline-extension.service.ts       | request, approve, refuse a deadline extension               |
 * | `routeSegments` | route-segment-approval.service.ts   | parallel approval along a cross-province route (并联许可)    |
 * | `verification`  | external-verification.service.ts    | national platform checks and the background re-checks       |
 * | `issuing`       | permit-issuing.service.ts           | permit, certificate, `permit.issued`, decision report       |
 * | `overdue`       | application-overdue.sweep.ts        | announces applications past their deadline (statistics)     |
 * | (shared)        | application-state-machine.ts        | guarded moves, transition records, locks, the clock         |
 *
 * Resolvers call the parts; the flat methods below are the same calls in one place, for the demo seed,
 * the background worker and the specs.
 */
export class PermitService {
  readonly queries: PermitQueryService;
  readonly submission: ApplicationSubmissionService;
  readonly acceptance: ApplicationAcceptanceService;
  readonly decision: ApplicationDecisionService;
  readonly extensions: DeadlineExtensionService;
  readonly routeSegments: RouteSegmentApprovalService;
  readonly verification: ExternalVerificationService;
  readonly issuing: PermitIssuingService;
  readonly overdue: ApplicationOverdueSweep;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly options: PermitServiceOptions,
  ) {
    const machine = new ApplicationStateMachine(
      dataSource,
      options.clock ?? (() => new Date()),
      new ApplicationEvents(outbox, options.calendar),
    );
    this.queries = new PermitQueryService(dataSource, machine, options.calendar);
    this.issuing = new PermitIssuingService(machine, outbox, options.platforms, options.certificates);
    this.verification = new ExternalVerificationService(
      dataSource,
      machine,
      options.platforms,
      this.issuing,
      options.logger,
    );
    this.routeSegments = new RouteSegmentApprovalService(dataSource, machine, this.issuing, options.jointDiscipline);
    this.submission = new ApplicationSubmissionService(dataSource, machine, this.verification, this.routeSegments);
    this.acceptance = new ApplicationAcceptanceService(dataSource, machine, options.calendar);
    this.decision = new ApplicationDecisionService(
      dataSource,
      machine,
      this.verification,
      this.issuing,
      options.jointDiscipline,
    );
    this.extensions = new DeadlineExtensionService(dataSource, machine, options.calendar);
    this.overdue = new ApplicationOverdueSweep(dataSource, machine);
  }

  /** The same service on another clock: demo data back-dates acceptances so deadlines show. */
  asOf(clock: () => Date): PermitService {
    return new PermitService(this.dataSource, this.outbox, { ...this.options, clock });
  }

  // Reading: permit-queries.service.ts

  createHolderPagesLoader(scope: RegionScope, page: PageRequest) {
    return this.queries.createHolderPagesLoader(scope, page);
  }

  findPermit(scope: RegionScope, number: string): Promise<Permit | null> {
    return this.queries.findPermit(scope, number);
  }

  findApplication(scope: RegionScope, applicationNumber: string): Promise<PermitApplication | null> {
    return this.queries.findApplication(scope, applicationNumber);
  }

  listApplications(
    scope: RegionScope,
    filter: ApplicationFilter,
    page: PageRequest,
  ): Promise<Connection<PermitApplication>> {
    return this.queries.listApplications(scope, filter, page);
  }

  listPending(scope: RegionScope, filter: DeadlineFilter, page: PageRequest): Promise<Connection<PermitApplication>> {
    return this.queries.listPending(scope, filter, page);
  }

  listOverdue(scope: RegionScope, filter: DeadlineFilter, page: PageRequest): Promise<Connection<PermitApplication>> {
    return this.queries.listOverdue(scope, filter, page);
  }

  listDueSoon(
    scope: RegionScope,
    filter: DeadlineFilter,
    withinWorkingDays: number,
    page: PageRequest,
  ): Promise<Connection<PermitApplication>> {
    return this.queries.listDueSoon(scope, filter, withinWorkingDays, page);
  }

  workingDaysLeft(application: PermitApplication): number | null {
    return this.queries.workingDaysLeft(application);
  }

  createHistoryLoader(scope: RegionScope) {
    return this.queries.createHistoryLoader(scope);
  }

  createSegmentsLoader(scope: RegionScope) {
    return this.queries.createSegmentsLoader(scope);
  }

  // The applicant: application-submission.service.ts

  submit(scope: RegionScope, input: SubmitPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    return this.submission.submit(scope, input, actor);
  }

  resubmit(scope: RegionScope, input: ResubmitPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    return this.submission.resubmit(scope, input, actor);
  }

  withdraw(scope: RegionScope, input: WithdrawPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    return this.submission.withdraw(scope, input, actor);
  }

  // The office: application-acceptance.service.ts, application-decision.service.ts

  accept(scope: RegionScope, input: ApplicationActionInput, actor: Actor): Promise<PermitApplication> {
    return this.acceptance.accept(scope, input, actor);
  }

  returnForCorrection(
    scope: RegionScope,
    input: ReturnPermitApplicationInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    return this.acceptance.returnForCorrection(scope, input, actor);
  }

  review(scope: RegionScope, input: ReviewPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    return this.decision.review(scope, input, actor);
  }

  approve(
    scope: RegionScope,
    input: ApprovePermitApplicationInput,
    actor: Actor,
  ): Promise<{ application: PermitApplication; permit: Permit | null }> {
    return this.decision.approve(scope, input, actor);
  }

  reject(scope: RegionScope, input: RejectPermitApplicationInput, actor: Actor): Promise<PermitApplication> {
    return this.decision.reject(scope, input, actor);
  }

  // Deadline extension: deadline-extension.service.ts

  requestExtension(scope: RegionScope, input: RequestDeadlineExtensionInput, actor: Actor): Promise<PermitApplication> {
    return this.extensions.requestExtension(scope, input, actor);
  }

  approveExtension(scope: RegionScope, input: DecideDeadlineExtensionInput, actor: Actor): Promise<PermitApplication> {
    return this.extensions.approveExtension(scope, input, actor);
  }

  refuseExtension(scope: RegionScope, input: DecideDeadlineExtensionInput, actor: Actor): Promise<PermitApplication> {
    return this.extensions.refuseExtension(scope, input, actor);
  }

  // Parallel approval along a route: route-segment-approval.service.ts

  approveSegment(
    scope: RegionScope,
    input: RouteSegmentDecisionInput,
    actor: Actor,
  ): Promise<{ application: PermitApplication; permit: Permit | null }> {
    return this.routeSegments.approveSegment(scope, input, actor);
  }

  refuseSegment(scope: RegionScope, input: RouteSegmentDecisionInput, actor: Actor): Promise<PermitApplication> {
    return this.routeSegments.refuseSegment(scope, input, actor);
  }

  // The national platforms: external-verification.service.ts

  recheckExternalVerifications(): Promise<{ checked: number; moved: number }> {
    return this.verification.recheckExternalVerifications();
  }
}
