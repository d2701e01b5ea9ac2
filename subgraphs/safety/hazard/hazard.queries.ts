import DataLoader from 'dataloader';
import { In, LessThan, Not, type DataSource, type FindOptionsWhere } from 'typeorm';
import { inScope, narrowedPrefix, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode } from '../../../platform/codes/assert-input';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import { listPage } from '../../../platform/database/list-page';
import { chinaToday } from '../../../platform/time/china-time';
import { HazardEvidence } from './hazard-evidence.entity';
import { HazardLevel, HazardStatus } from './hazard-rules';
import type { EnterpriseOpenHazards, RegionOverdueHazards } from './hazard.types';
import { recordIdOf } from './hazard.service';
import { HiddenHazard } from './hidden-hazard.entity';
import { SafetyInspection } from './safety-inspection.entity';

export interface HazardFilter {
  regionCode: string | null;
  level: HazardLevel | null;
  status: HazardStatus | null;
  /** True: only open hazards past their deadline; false: only those that are not; null: all. */
  overdue: boolean | null;
}

/** Reads of inspections and hazards, each bounded by the caller's region scope (the enterprise's region). */
export class HazardQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  today(): string {
    return chinaToday(this.clock());
  }

  async inspection(scope: RegionScope, idText: string): Promise<SafetyInspection | null> {
    const id = recordIdOf(idText);
    if (id === null) return null;
    const inspection = await this.dataSource.getRepository(SafetyInspection).findOneBy({ id });
    return inspection && inScope(scope, inspection.regionCode) ? inspection : null;
  }

  async hazard(scope: RegionScope, idText: string): Promise<HiddenHazard | null> {
    const id = recordIdOf(idText);
    if (id === null) return null;
    const hazard = await this.dataSource.getRepository(HiddenHazard).findOneBy({ id });
    return hazard && inScope(scope, hazard.regionCode) ? hazard : null;
  }

  /** Newest first; `regionCode` includes the regions under it, narrowed to the caller's scope. */
  async list(scope: RegionScope, filter: HazardFilter, page: PageRequest): Promise<Connection<HiddenHazard>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const prefix = narrowedPrefix(scope, filter.regionCode);
    if (prefix === null) return toConnection([], 0, page);
    const where: FindOptionsWhere<HiddenHazard> = { ...withinPrefix('regionCode', prefix) };
    if (filter.level !== null) where.level = filter.level;
    if (filter.status !== null) where.status = filter.status;
    if (filter.overdue === true) {
      if (filter.status !== null && filter.status !== HazardStatus.OPEN) return toConnection([], 0, page);
      where.status = HazardStatus.OPEN;
      where.deadline = LessThan(this.today());
    }
    const alternatives: FindOptionsWhere<HiddenHazard>[] =
      filter.overdue === false
        ? // Not overdue: anything not open, or open with a deadline still ahead.
          filter.status === HazardStatus.OPEN
          ? [{ ...where, deadline: Not(LessThan(this.today())) }]
          : [
              { ...where, ...(filter.status === null ? { status: Not(HazardStatus.OPEN) } : {}) },
              ...(filter.status === null
                ? [{ ...where, status: HazardStatus.OPEN, deadline: Not(LessThan(this.today())) }]
                : []),
            ]
        : [where];
    const repository = this.dataSource.getRepository(HiddenHazard);
    if (alternatives.length === 1) return listPage(repository, alternatives[0], page);
    const [rows, totalCount] = await Promise.all([
      repository.find({
        where:
          page.afterId === null
            ? alternatives
            : alternatives.map((alternative) => ({ ...alternative, id: LessThan(page.afterId!) })),
        order: { id: 'DESC' },
        take: page.limit + 1,
      }),
      repository.countBy(alternatives),
    ]);
    return toConnection(rows, totalCount, page);
  }

  /** Overdue open hazards counted per region (of the enterprises) in scope, most overdue regions first. */
  async overdueByRegion(scope: RegionScope, regionCode: string | null): Promise<RegionOverdueHazards[]> {
    if (regionCode !== null) assertRegionCode('regionCode', regionCode);
    const prefix = narrowedPrefix(scope, regionCode);
    if (prefix === null) return [];
    const query = this.dataSource
      .getRepository(HiddenHazard)
      .createQueryBuilder('hazard')
      .select('hazard.region_code', 'regionCode')
      .addSelect('COUNT(*)', 'overdue')
      .addSelect(`SUM(CASE WHEN hazard.level = :major THEN 1 ELSE 0 END)`, 'majorOverdue')
      .addSelect('MIN(hazard.deadline)', 'oldestDeadline')
      .where('hazard.status = :open AND hazard.deadline < :today', {
        open: HazardStatus.OPEN,
        today: this.today(),
        major: HazardLevel.MAJOR,
      })
      .groupBy('hazard.region_code');
    if (prefix !== '') query.andWhere('hazard.region_code LIKE :prefix', { prefix: `${prefix}%` });
    const rows = await query.getRawMany<{
      regionCode: string;
      overdue: string | number;
      majorOverdue: string | number;
      oldestDeadline: string;
    }>();
    return rows
      .map((row) => ({
        regionCode: row.regionCode,
        overdue: Number(row.overdue),
        majorOverdue: Number(row.majorOverdue),
        oldestDeadline: row.oldestDeadline,
      }))
      .sort((first, second) => second.overdue - first.overdue || first.regionCode.localeCompare(second.regionCode));
  }

  /** The hazards of many inspections in one statement. */
  createInspectionHazardsLoader(): DataLoader<number, HiddenHazard[]> {
    return new DataLoader(async (inspectionIds) => {
      const hazards = await this.dataSource
        .getRepository(HiddenHazard)
        .find({ where: { inspectionId: In([...inspectionIds]) }, order: { id: 'ASC' } });
      return inspectionIds.map((id) => hazards.filter((hazard) => hazard.inspectionId === id));
    });
  }

  /** The evidence of many hazards in one statement. */
  createEvidenceLoader(): DataLoader<number, HazardEvidence[]> {
    return new DataLoader(async (hazardIds) => {
      const evidence = await this.dataSource
        .getRepository(HazardEvidence)
        .find({ where: { hazardId: In([...hazardIds]) }, order: { id: 'ASC' } });
      return hazardIds.map((id) => evidence.filter((item) => item.hazardId === id));
    });
  }

  /** Counts of many enterprises' hazards not yet closed, in the caller's scope, in one statement. */
  createOpenHazardsLoader(scope: RegionScope): DataLoader<string, EnterpriseOpenHazards> {
    return new DataLoader(async (creditCodes) => {
      const query = this.dataSource
        .getRepository(HiddenHazard)
        .createQueryBuilder('hazard')
        .select('hazard.credit_code', 'creditCode')
        .addSelect('COUNT(*)', 'total')
        .addSelect('SUM(CASE WHEN hazard.level = :major THEN 1 ELSE 0 END)', 'major')
        .addSelect('SUM(CASE WHEN hazard.status = :open AND hazard.deadline < :today THEN 1 ELSE 0 END)', 'overdue')
        .where('hazard.credit_code IN (:...codes)', { codes: [...creditCodes] })
        .andWhere('hazard.status IN (:...notClosed)', { notClosed: [HazardStatus.OPEN, HazardStatus.RECTIFIED] })
        .setParameters({ major: HazardLevel.MAJOR, open: HazardStatus.OPEN, today: this.today() })
        .groupBy('hazard.credit_code');
      if (scope.prefix !== '') query.andWhere('hazard.region_code LIKE :prefix', { prefix: `${scope.prefix}%` });
      const rows = await query.getRawMany<{ creditCode: string; total: string; major: string; overdue: string }>();
      const byCode = new Map(rows.map((row) => [row.creditCode, row]));
      return creditCodes.map((code) => {
        const row = byCode.get(code);
        return { total: Number(row?.total ?? 0), major: Number(row?.major ?? 0), overdue: Number(row?.overdue ?? 0) };
      });
    });
  }
}
