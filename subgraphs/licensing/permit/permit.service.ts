import { randomInt } from 'node:crypto';
import { type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { inScope, narrowedPrefix, withinPrefix, type RegionScope } from '../../kit/auth/region-scope';
import { childPagesLoader } from '../../kit/database/child-pages.loader';
import { inTransaction } from '../../kit/database/data-source.factory';
import { conflict, forbidden, invalidInput, notFound } from '../../kit/errors/domain-error';
import { listPage } from '../../kit/database/list-page';
import { toConnection, type Connection, type PageRequest } from '../../kit/graphql/connection';
import type { EventOutbox } from '../../kit/outbox/event-outbox';
import type { CertificateIssuer } from '../certificate/certificate-issuer';
import { Enterprise } from '../enterprise/enterprise.entity';
import { assertCreditCode, assertRegionCode, assertText } from '../../kit/codes/assert-input';
import type {
  ApplicationActionInput,
  ApprovePermitApplicationInput,
  RejectPermitApplicationInput,
  SubmitPermitApplicationInput,
} from './inputs/permit-application.inputs';
import { APPLICATION_TRANSITIONS, ApplicationStatus, PermitApplication } from './permit-application.entity';
import { PERMIT_KIND_CODE, PERMIT_VALIDITY_YEARS, PermitKind } from './permit-kind';
import { chinaToday } from '../../kit/time/china-time';
import { Permit, PermitStatus } from './permit.entity';
import type { NationalPlatforms } from '../platforms/national-platforms';
import { confirmApprovedProject, confirmTenderAward } from '../platforms/platform-checks';

function serial(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function addYearsLessOneDay(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export interface ApplicationFilter {
  regionCode: string | null;
  status: ApplicationStatus | null;
}

export class PermitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly platforms: NationalPlatforms,
    private readonly certificates: CertificateIssuer,
  ) {}

  /** Permits of many holders, a page each, in two statements; only permits issued within the caller's scope. */
  createHolderPagesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<Permit>({ dataSource: this.dataSource, entity: Permit, parentColumn: 'credit_code', page, scope: { column: 'region_code', prefix: scope.prefix } });
  }

  async findPermit(scope: RegionScope, number: string): Promise<Permit | null> {
    return this.dataSource.getRepository(Permit).findOneBy({ number, ...withinPrefix('regionCode', scope.prefix) });
  }

  async findApplication(scope: RegionScope, applicationNumber: string): Promise<PermitApplication | null> {
    return this.dataSource.getRepository(PermitApplication).findOneBy({ applicationNumber, ...withinPrefix('regionCode', scope.prefix) });
  }

  async listApplications(scope: RegionScope, filter: ApplicationFilter, page: PageRequest): Promise<Connection<PermitApplication>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const prefix = narrowedPrefix(scope, filter.regionCode);
    if (prefix === null) return toConnection([], 0, page);
    const where: FindOptionsWhere<PermitApplication> = { ...withinPrefix('regionCode', prefix) };
    if (filter.status !== null) where.status = filter.status;
    return listPage(this.dataSource.getRepository(PermitApplication), where, page);
  }

  async submit(regionScope: RegionScope, input: SubmitPermitApplicationInput, actor: string): Promise<PermitApplication> {
    assertCreditCode('creditCode', input.creditCode);
    assertRegionCode('regionCode', input.regionCode);
    const scope = assertText('scope', input.scope, 500);
    if (!inScope(regionScope, input.regionCode)) throw forbidden(`You may submit applications only to authorities within region ${regionScope.region}`);
    // A construction permit names its investment project, approved on the national platform (asked before the transaction).
    let investmentProjectCode: string | null = null;
    if (input.kind === PermitKind.HIGHWAY_CONSTRUCTION) {
      investmentProjectCode = (await confirmApprovedProject(this.platforms.investment, 'investmentProjectCode', input.investmentProjectCode)).projectCode;
    } else if (input.investmentProjectCode !== undefined && input.investmentProjectCode !== null) {
      throw invalidInput('investmentProjectCode', 'applies only to highway construction permits (HIGHWAY_CONSTRUCTION)');
    }
    return inTransaction(this.dataSource, async (manager) => {
      if (!(await manager.existsBy(Enterprise, { creditCode: input.creditCode, ...withinPrefix('regionCode', regionScope.prefix) }))) {
        throw notFound('Enterprise', input.creditCode);
      }
      const application = manager.create(PermitApplication, {
        applicationNumber: `XK${input.regionCode}${chinaToday().replace(/-/g, '')}${serial()}`,
        creditCode: input.creditCode,
        kind: input.kind,
        scope,
        regionCode: input.regionCode,
        status: ApplicationStatus.SUBMITTED,
        submittedBy: actor,
        submittedAt: new Date(),
        acceptedAt: null,
        decidedBy: null,
        decidedAt: null,
        decisionComment: null,
        permitNumber: null,
        investmentProjectCode,
      });
      return manager.save(application);
    });
  }

  async accept(scope: RegionScope, input: ApplicationActionInput, _actor: string): Promise<PermitApplication> {
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, scope, input, ApplicationStatus.ACCEPTED, { acceptedAt: new Date() }),
    );
  }

  async reject(scope: RegionScope, input: RejectPermitApplicationInput, actor: string): Promise<PermitApplication> {
    const reason = assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const decidedAt = new Date();
      const application = await this.transition(manager, scope, input, ApplicationStatus.REJECTED, { decidedBy: actor, decidedAt, decisionComment: reason });
      await this.reportDecision(manager, application, decidedAt);
      return application;
    });
  }

  async approve(scope: RegionScope, input: ApprovePermitApplicationInput, actor: string): Promise<{ application: PermitApplication; permit: Permit }> {
    const conditions = input.conditions ? assertText('conditions', input.conditions, 1000) : null;
    // The tender award must be on record before a construction permit is approved (asked before the transaction;
    // the transition below still refuses anything but an ACCEPTED application at the version read).
    const pending = await this.findApplication(scope, input.applicationNumber);
    if (pending?.investmentProjectCode && pending.status === ApplicationStatus.ACCEPTED) {
      await confirmTenderAward(this.platforms.trading, pending.investmentProjectCode, pending.applicationNumber);
    }
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.load(manager, scope, input.applicationNumber);
      const validFrom = chinaToday();
      const permitNumber = `${current.regionCode}${validFrom.slice(0, 4)}${PERMIT_KIND_CODE[current.kind]}${serial()}`;
      const decidedAt = new Date();
      const application = await this.transition(manager, scope, input, ApplicationStatus.APPROVED, {
        decidedBy: actor,
        decidedAt,
        decisionComment: conditions,
        permitNumber,
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
          issuedAt: new Date(),
          validFrom,
          validUntil: addYearsLessOneDay(validFrom, PERMIT_VALIDITY_YEARS[application.kind]),
        }),
      );
      // In the same transaction: a permit never exists without its signed certificate.
      await this.certificates.issue(manager, permit);
      await this.outbox.publish(manager, 'permit.issued', {
        permitNumber: permit.number,
        kind: permit.kind,
        creditCode: permit.creditCode,
        regionCode: permit.regionCode,
        issuedAt: permit.issuedAt.toISOString(),
      });
      await this.reportDecision(manager, application, decidedAt);
      return { application, permit };
    });
  }

  /** A decision on an application naming an investment project is reported back to the platform (办理结果回传). */
  private async reportDecision(manager: EntityManager, application: PermitApplication, decidedAt: Date): Promise<void> {
    if (!application.investmentProjectCode) return;
    await this.platforms.reporter.enqueue(manager, {
      applicationNumber: application.applicationNumber,
      projectCode: application.investmentProjectCode,
      decision: application.status === ApplicationStatus.APPROVED ? 'APPROVED' : 'REJECTED',
      permitNumber: application.permitNumber,
      decidedAt: decidedAt.toISOString(),
      authorityRegionCode: application.regionCode,
      comment: application.decisionComment,
    });
  }

  /** An application within the caller's scope; outside it, it does not exist. */
  private async load(manager: EntityManager, scope: RegionScope, applicationNumber: string): Promise<PermitApplication> {
    const application = await manager.findOneBy(PermitApplication, { applicationNumber, ...withinPrefix('regionCode', scope.prefix) });
    if (!application) throw notFound('Application', applicationNumber);
    return application;
  }

  /**
   * Moves an application to `target` only from a status that allows it and only at the version read:
   * the UPDATE's WHERE repeats both, so of two officers acting at once exactly one changes the row.
   */
  private async transition(
    manager: EntityManager,
    scope: RegionScope,
    input: ApplicationActionInput,
    target: ApplicationStatus,
    changes: Partial<PermitApplication>,
  ): Promise<PermitApplication> {
    const current = await this.load(manager, scope, input.applicationNumber);
    if (input.expectedVersion !== undefined && input.expectedVersion !== null) {
      if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
        throw invalidInput('expectedVersion', 'must be a positive integer');
      }
      if (input.expectedVersion !== current.version) {
        throw conflict('STALE_VERSION', `Application ${current.applicationNumber} has changed since version ${input.expectedVersion}; reload it`);
      }
    }
    if (!APPLICATION_TRANSITIONS[current.status].includes(target)) {
      throw conflict('ILLEGAL_TRANSITION', `Application ${current.applicationNumber} is ${current.status} and cannot become ${target}`);
    }
    const result = await manager
      .createQueryBuilder()
      .update(PermitApplication)
      .set({ ...changes, status: target, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', { id: current.id, version: current.version, status: current.status })
      .execute();
    if (result.affected !== 1) {
      throw conflict('STALE_VERSION', `Application ${current.applicationNumber} was changed by someone else; reload it`);
    }
    return this.load(manager, scope, input.applicationNumber);
  }
}
