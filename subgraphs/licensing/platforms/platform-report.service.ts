import DataLoader from 'dataloader';
import { In, IsNull, Not, type DataSource, type FindOptionsWhere } from 'typeorm';
import { withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { listPage } from '../../../platform/database/list-page';
import type { Connection, PageRequest } from '../../../platform/graphql/connection';
import { PlatformReport, PlatformReportState } from './platform-report.entity';

/** Officers' view of the decision reports: always bounded by the caller's region scope, in SQL. */
export class PlatformReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** Reports by application number, one statement per request; only those of authorities in scope. */
  createLoader(scope: RegionScope): DataLoader<string, PlatformReport | null> {
    return new DataLoader(async (applicationNumbers) => {
      const found = await this.dataSource
        .getRepository(PlatformReport)
        .findBy({ applicationNumber: In([...applicationNumbers]), ...withinPrefix('regionCode', scope.prefix) });
      const byNumber = new Map(found.map((report) => [report.applicationNumber, report]));
      return applicationNumbers.map((applicationNumber) => byNumber.get(applicationNumber) ?? null);
    });
  }

  /** Reports in scope, newest first, optionally only those PENDING or DELIVERED. */
  async list(
    scope: RegionScope,
    state: PlatformReportState | null,
    page: PageRequest,
  ): Promise<Connection<PlatformReport>> {
    const where: FindOptionsWhere<PlatformReport> = { ...withinPrefix('regionCode', scope.prefix) };
    if (state === PlatformReportState.PENDING) where.deliveredAt = IsNull();
    if (state === PlatformReportState.DELIVERED) where.deliveredAt = Not(IsNull());
    return listPage(this.dataSource.getRepository(PlatformReport), where, page);
  }
}
