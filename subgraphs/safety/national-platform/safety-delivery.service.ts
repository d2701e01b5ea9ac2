import type { DataSource, FindOptionsWhere } from 'typeorm';
import { withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { listPage } from '../../../platform/database/list-page';
import type { Connection, PageRequest } from '../../../platform/graphql/connection';
import { SafetyDeliveryState, SafetyPlatformDelivery } from './safety-platform-delivery.entity';
import type { SafetyReportType } from './safety-report';

/** How the reports to the national safety platform stand, within a caller's regions. */
export interface SafetyDeliverySummary {
  pendingCount: number;
  deliveredCount: number;
  refusedCount: number;
  /** Pending versions whose last attempt failed. */
  failingCount: number;
  oldestPendingSince: Date | null;
  oldestPendingAgeSeconds: number | null;
  lastDeliveredAt: Date | null;
}

/** A datetime as the driver hands an aggregate back: a Date (MySQL) or UTC text (the embedded database). */
function dateOf(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value !== 'string') return null;
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

/**
 * Safety officers' view of the reports to the national platform: the reporting region must lie within
 * the caller's scope (a province sees its own reports, national scope sees all).
 */
export class SafetyDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Deliveries newest first, optionally of one state and one report type. */
  list(
    scope: RegionScope,
    state: SafetyDeliveryState | null,
    reportType: SafetyReportType | null,
    page: PageRequest,
  ): Promise<Connection<SafetyPlatformDelivery>> {
    const where: FindOptionsWhere<SafetyPlatformDelivery> = {
      ...(state === null ? {} : { state }),
      ...(reportType === null ? {} : { reportType }),
      ...withinPrefix('regionCode', scope.prefix),
    };
    return listPage(this.dataSource.getRepository(SafetyPlatformDelivery), where, page);
  }

  /** One grouped statement over the scope's rows (by state: count, oldest, failing, last delivery). */
  async summary(scope: RegionScope): Promise<SafetyDeliverySummary> {
    const query = this.dataSource
      .getRepository(SafetyPlatformDelivery)
      .createQueryBuilder('delivery')
      .select('delivery.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .addSelect('MIN(delivery.createdAt)', 'oldest')
      .addSelect('MAX(delivery.deliveredAt)', 'last')
      .addSelect('SUM(CASE WHEN delivery.lastError IS NOT NULL THEN 1 ELSE 0 END)', 'failing')
      .groupBy('delivery.state');
    if (!scope.national) query.where('delivery.regionCode LIKE :prefix', { prefix: `${scope.prefix}%` });
    const rows = await query.getRawMany<{
      state: SafetyDeliveryState;
      count: unknown;
      oldest: unknown;
      last: unknown;
      failing: unknown;
    }>();
    const of = (state: SafetyDeliveryState) => rows.find((row) => row.state === state);
    const pending = of(SafetyDeliveryState.PENDING);
    const oldestPendingSince = dateOf(pending?.oldest);
    return {
      pendingCount: Number(pending?.count ?? 0),
      deliveredCount: Number(of(SafetyDeliveryState.DELIVERED)?.count ?? 0),
      refusedCount: Number(of(SafetyDeliveryState.REFUSED)?.count ?? 0),
      failingCount: Number(pending?.failing ?? 0),
      oldestPendingSince,
      oldestPendingAgeSeconds:
        oldestPendingSince === null
          ? null
          : Math.max(0, Math.floor((this.clock().getTime() - oldestPendingSince.getTime()) / 1000)),
      lastDeliveredAt: dateOf(of(SafetyDeliveryState.DELIVERED)?.last),
    };
  }
}
