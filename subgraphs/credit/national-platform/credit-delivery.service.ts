import type { DataSource, FindOptionsWhere } from 'typeorm';
import { listPage } from '../../../platform/database/list-page';
import type { Connection, PageRequest } from '../../../platform/graphql/connection';
import { CreditDeliveryState, CreditPlatformDelivery, type CreditRecordType } from './credit-platform-delivery.entity';

/** How the pushes to the national credit platform stand, for credit officers. */
export interface CreditDeliverySummary {
  pendingCount: number;
  oldestPendingSince: Date | null;
  oldestPendingAgeSeconds: number | null;
  failingCount: number;
  refusedCount: number;
  lastDeliveredAt: Date | null;
}

/** A datetime as the driver hands an aggregate back: a Date (MySQL) or UTC text (the embedded database). */
function dateOf(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value !== 'string') return null;
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

/**
 * Credit officers' view of the push outbox. National, like credit reads: every record pushed is public
 * (双公示, lists) and the platform is one for the whole country.
 */
export class CreditDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Deliveries newest first, optionally of one state and one record type. */
  list(
    state: CreditDeliveryState | null,
    recordType: CreditRecordType | null,
    page: PageRequest,
  ): Promise<Connection<CreditPlatformDelivery>> {
    const where: FindOptionsWhere<CreditPlatformDelivery> = {
      ...(state === null ? {} : { state }),
      ...(recordType === null ? {} : { recordType }),
    };
    return listPage(this.dataSource.getRepository(CreditPlatformDelivery), where, page);
  }

  /** Two indexed statements: the pending and refused rows' aggregates, and the last delivery. */
  async summary(): Promise<CreditDeliverySummary> {
    const repository = this.dataSource.getRepository(CreditPlatformDelivery);
    const [open, last] = await Promise.all([
      repository
        .createQueryBuilder('delivery')
        .select('delivery.state', 'state')
        .addSelect('COUNT(*)', 'count')
        .addSelect('MIN(delivery.createdAt)', 'oldest')
        .addSelect('SUM(CASE WHEN delivery.lastError IS NOT NULL THEN 1 ELSE 0 END)', 'failing')
        .where('delivery.state IN (:...states)', {
          states: [CreditDeliveryState.PENDING, CreditDeliveryState.REFUSED],
        })
        .groupBy('delivery.state')
        .getRawMany<{ state: CreditDeliveryState; count: unknown; oldest: unknown; failing: unknown }>(),
      repository
        .createQueryBuilder('delivery')
        .select('MAX(delivery.deliveredAt)', 'last')
        .where('delivery.state = :delivered', { delivered: CreditDeliveryState.DELIVERED })
        .getRawOne<{ last: unknown }>(),
    ]);
    const pending = open.find((row) => row.state === CreditDeliveryState.PENDING);
    const refused = open.find((row) => row.state === CreditDeliveryState.REFUSED);
    const oldestPendingSince = dateOf(pending?.oldest);
    const refusedCount = Number(refused?.count ?? 0);
    return {
      pendingCount: Number(pending?.count ?? 0),
      oldestPendingSince,
      oldestPendingAgeSeconds:
        oldestPendingSince === null
          ? null
          : Math.max(0, Math.floor((this.clock().getTime() - oldestPendingSince.getTime()) / 1000)),
      failingCount: Number(pending?.failing ?? 0) + refusedCount,
      refusedCount,
      lastDeliveredAt: dateOf(last?.last),
    };
  }
}
