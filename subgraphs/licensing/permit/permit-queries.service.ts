import DataLoader from 'dataloader';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertInteger, assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { regionScopePrefix } from '../../../platform/codes/region-code';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import type { ApplicationStateMachine } from './application-state-machine';
import { ApplicationStatus, DEADLINE_RUNNING, PENDING } from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import { PermitApplication } from './permit-application.entity';
import { Permit } from './permit.entity';
import { RouteSegment } from './route-segment.entity';

const MAX_DUE_SOON_WORKING_DAYS = 30;

export interface ApplicationFilter {
  regionCode: string | null;
  status: ApplicationStatus | null;
  officer: string | null;
}

export interface DeadlineFilter {
  regionCode: string | null;
  officer: string | null;
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

/**
 * Reading permits and applications: lookups, the lists and work queues officers page through (pending,
 * overdue, due soon), working days left, and the per-request loaders of history and route segments. Every
 * read is bounded in SQL by the caller's region scope (and, for applications, the provinces on a route).
 */
export class PermitQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: ApplicationStateMachine,
    private readonly calendar: WorkingCalendar,
  ) {}

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
    return this.machine.findVisible(this.dataSource.manager, scope, applicationNumber);
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
      .andWhere('application.decisionDueDate < :today', { today: this.machine.today() });
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
    const today = this.machine.today();
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
    return this.calendar.workingDaysBetween(this.machine.today(), application.decisionDueDate);
  }

  /** Transition records of many applications, oldest first, in one statement; scoped again in SQL. */
  createHistoryLoader(scope: RegionScope): DataLoader<number, ApplicationTransition[]> {
    return new DataLoader(async (applicationIds) => {
      const query = this.dataSource
        .createQueryBuilder(ApplicationTransition, 'transition')
        .innerJoin(PermitApplication, 'application', 'application.id = transition.applicationId')
        .where('transition.applicationId IN (:...applicationIds)', { applicationIds: [...applicationIds] })
        .orderBy('transition.id', 'ASC');
      return byApplication(applicationIds, await this.machine.whereVisible(query, scope).getMany());
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
      return byApplication(applicationIds, await this.machine.whereVisible(query, scope).getMany());
    });
  }

  /** The caller's visible applications, narrowed to a handling region (with the regions under it) and an officer. */
  private filtered(scope: RegionScope, filter: DeadlineFilter): SelectQueryBuilder<PermitApplication> {
    const query = this.machine.visibleApplications(this.dataSource.manager, scope);
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
}
