import DataLoader from 'dataloader';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode, assertResidentId } from '../../../platform/codes/assert-input';
import { regionScopePrefix } from '../../../platform/codes/region-code';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import { chinaToday } from '../../../platform/time/china-time';
import { byCase, type CaseAccess } from './case-access';
import { CaseShare } from './case-share.entity';
import { AWAITING_DECISION, type CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import { EnforcementCase, PARTY_ID_NUMBER_CIPHER } from './enforcement-case.entity';

export interface CaseFilter {
  regionCode: string | null;
  status: CaseStatus | null;
  /** Only cases against the person with this resident ID number, found by its blind index (never by decrypting). */
  partyIdNumber?: string | null;
}

/**
 * Every read of cases: lookups, the case list and the overdue queue, the child pages of enterprises and
 * vehicles, and the per-request loaders of steps and shares. Each is bounded in SQL by what the caller
 * may see (handled in their scope, or actively shared with it; see `CaseAccess`).
 */
export class CaseQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  /** Steps of many cases, oldest first, in one statement per request; only the steps the caller may see. */
  createStepsLoader(scope: RegionScope): DataLoader<number, CaseStep[]> {
    return new DataLoader(async (caseIds) => {
      const query = this.dataSource
        .createQueryBuilder(CaseStep, 'step')
        .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = step.caseId')
        .where('step.caseId IN (:...caseIds)', { caseIds: [...caseIds] })
        .orderBy('step.id', 'ASC');
      this.access.whereVisible(query, scope);
      this.access.whereChildVisible(query, scope, 'step.regionCode');
      return byCase(caseIds, await query.getMany());
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
        query.andWhere('(enforcementCase.regionCode LIKE :sharePrefix OR share.regionCode LIKE :sharePrefix)', {
          sharePrefix: `${scope.prefix}%`,
        });
      }
      return byCase(caseIds, await query.getMany());
    });
  }

  /** Cases of many enterprises, one page each, in two statements; only cases the caller may see. */
  createEnterpriseCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({
      dataSource: this.dataSource,
      entity: EnforcementCase,
      parentColumn: 'credit_code',
      page,
      scope: this.access.childPagesScope(scope),
    });
  }

  /** Cases of many vehicles, one page each, in two statements; only cases the caller may see. */
  createVehicleCasesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<EnforcementCase>({
      dataSource: this.dataSource,
      entity: EnforcementCase,
      parentColumn: 'plate_number',
      page,
      scope: this.access.childPagesScope(scope),
    });
  }

  /** A case the caller may see (handled in their scope, or actively shared with it); otherwise it does not exist. */
  async find(scope: RegionScope, caseNumber: string): Promise<EnforcementCase | null> {
    return this.access
      .visibleCases(this.dataSource.manager, scope)
      .andWhere('enforcementCase.caseNumber = :caseNumber', { caseNumber })
      .getOne();
  }

  /** Cases the caller may see, optionally only those handled in a region (and the regions under it) and in a status. */
  async list(scope: RegionScope, filter: CaseFilter, page: PageRequest): Promise<Connection<EnforcementCase>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const partyIdNumber = filter.partyIdNumber ?? null;
    if (partyIdNumber !== null) assertResidentId('partyIdNumber', partyIdNumber);
    const partyIndex = partyIdNumber === null ? null : PARTY_ID_NUMBER_CIPHER.indexOf(partyIdNumber);
    return this.page(scope, page, (query) => {
      this.whereHandledIn(query, filter.regionCode);
      if (filter.status !== null) query.andWhere('enforcementCase.status = :status', { status: filter.status });
      if (partyIndex !== null) query.andWhere('enforcementCase.partyIdNumberIndex = :partyIndex', { partyIndex });
    });
  }

  /** Cases still awaiting a decision whose decision due date (extensions included) has passed (China time), newest first. */
  async listOverdue(
    scope: RegionScope,
    regionCode: string | null,
    page: PageRequest,
    today = chinaToday(),
  ): Promise<Connection<EnforcementCase>> {
    if (regionCode !== null) assertRegionCode('regionCode', regionCode);
    return this.page(scope, page, (query) => {
      this.whereHandledIn(query, regionCode);
      query
        .andWhere('enforcementCase.status IN (:...awaiting)', { awaiting: [...AWAITING_DECISION] })
        .andWhere('enforcementCase.decisionDueDate < :today', { today });
    });
  }

  /**
   * A list's region filter keeps its meaning, the handling region (with the regions under it); the
   * caller's scope is applied apart, so a case shared with the caller and handled there is listed too.
   */
  private whereHandledIn(query: SelectQueryBuilder<EnforcementCase>, regionCode: string | null): void {
    if (regionCode === null) return;
    query.andWhere('enforcementCase.regionCode LIKE :handledIn', { handledIn: `${regionScopePrefix(regionCode)}%` });
  }

  /**
   * One page of the cases the caller may see that pass `filter`, newest first, with their total. For a
   * regional caller the visible cases are two disjoint sets read apart, each on its own index: those
   * handled in the scope (`region_code LIKE`), and those shared with it and handled elsewhere (the share
   * table's region index). One query with `region LIKE ... OR id IN (shares)` can use neither and scans
   * every case to count them (about 45 ms at 100k cases on MariaDB; see bench/case-list.bench.ts).
   */
  private async page(
    scope: RegionScope,
    page: PageRequest,
    filter: (query: SelectQueryBuilder<EnforcementCase>) => void,
  ): Promise<Connection<EnforcementCase>> {
    const manager = this.dataSource.manager;
    const newestIds = async (query: SelectQueryBuilder<EnforcementCase>): Promise<number[]> => {
      query
        .select('enforcementCase.id', 'id')
        .orderBy('enforcementCase.id', 'DESC')
        .limit(page.limit + 1);
      if (page.afterId !== null) query.andWhere('enforcementCase.id < :afterId', { afterId: page.afterId });
      return (await query.getRawMany<{ id: number | string }>()).map((row) => Number(row.id));
    };
    const part =
      (condition: string): (() => SelectQueryBuilder<EnforcementCase>) =>
      () => {
        const query = manager
          .createQueryBuilder(EnforcementCase, 'enforcementCase')
          .where(condition, { visibleIn: `${scope.prefix}%` });
        filter(query);
        return query;
      };
    if (scope.prefix === '') {
      const everyCase = part('1 = 1')();
      const newest = everyCase
        .clone()
        .orderBy('enforcementCase.id', 'DESC')
        .limit(page.limit + 1);
      if (page.afterId !== null) newest.andWhere('enforcementCase.id < :afterId', { afterId: page.afterId });
      const [found, totalCount] = await Promise.all([newest.getMany(), everyCase.getCount()]);
      return toConnection(found, totalCount, page);
    }
    const parts = [
      part('enforcementCase.regionCode LIKE :visibleIn'),
      part(
        `enforcementCase.id IN (${this.access.sharedCaseIds(':visibleIn')}) AND enforcementCase.regionCode NOT LIKE :visibleIn`,
      ),
    ];
    const [idLists, counts] = await Promise.all([
      Promise.all(parts.map((query) => newestIds(query()))),
      Promise.all(parts.map((query) => query().getCount())),
    ]);
    const ids = idLists
      .flat()
      .sort((left, right) => right - left)
      .slice(0, page.limit + 1);
    const rows = ids.length === 0 ? [] : await manager.findBy(EnforcementCase, { id: In(ids) });
    rows.sort((left, right) => right.id - left.id);
    return toConnection(
      rows,
      counts.reduce((sum, count) => sum + count, 0),
      page,
    );
  }
}
