import type { DataSource } from 'typeorm';
import { LeasedDeliveryRelay, type DeliveryRelayOptions } from '../../../platform/national-platform/delivery-relay';
import type { Logger } from '../../../platform/observability/logger';
import type { NationalSafetyPlatform, PushedReport } from './national-safety-platform';
import { SafetyPlatformDelivery } from './safety-platform-delivery.entity';

export function pushedReportOf(row: SafetyPlatformDelivery): PushedReport {
  return {
    reportType: row.reportType,
    reportId: row.reportId,
    version: row.version,
    regionCode: row.regionCode,
    recordedAt: row.createdAt.toISOString(),
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}

/**
 * Delivers safety_platform_delivery to the national safety supervision platform with the shared leased
 * relay (platform/national-platform/delivery-relay.ts): at least once, in version order per report,
 * surviving outages (backoff, one probe at a time, resume) and crashes (an expired lease is taken over
 * and the row sent again, which the platform answers as a duplicate).
 */
export class SafetyDeliveryRelay extends LeasedDeliveryRelay<SafetyPlatformDelivery> {
  constructor(
    dataSource: DataSource,
    platform: NationalSafetyPlatform,
    options: DeliveryRelayOptions,
    logger: Logger,
    clock: () => Date = () => new Date(),
  ) {
    super(
      dataSource,
      {
        entity: SafetyPlatformDelivery,
        typeProperty: 'reportType',
        idProperty: 'reportId',
        platformName: 'national safety platform',
        subgraph: 'safety',
        push: (row) => platform.push(pushedReportOf(row)),
      },
      options,
      logger,
      clock,
    );
  }
}
