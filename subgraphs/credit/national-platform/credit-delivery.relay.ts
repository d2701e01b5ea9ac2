import type { DataSource } from 'typeorm';
import { LeasedDeliveryRelay, type DeliveryRelayOptions } from '../../../platform/national-platform/delivery-relay';
import type { Logger } from '../../../platform/observability/logger';
import { CreditPlatformDelivery } from './credit-platform-delivery.entity';
import type { NationalCreditPlatform, PushedChange } from './national-credit-platform';

export type CreditDeliveryRelayOptions = DeliveryRelayOptions;

export function pushedChangeOf(row: CreditPlatformDelivery): PushedChange {
  return {
    recordType: row.recordType,
    recordId: row.recordId,
    version: row.version,
    recordedAt: row.createdAt.toISOString(),
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}

/**
 * Delivers credit_platform_delivery to the national credit platform with the shared leased relay
 * (platform/national-platform/delivery-relay.ts): at least once, in version order per record, surviving
 * outages (backoff, one probe at a time) and crashes (leases taken over, answered as duplicates).
 */
export class CreditDeliveryRelay extends LeasedDeliveryRelay<CreditPlatformDelivery> {
  constructor(
    dataSource: DataSource,
    platform: Pick<NationalCreditPlatform, 'push'>,
    options: CreditDeliveryRelayOptions,
    logger: Logger,
    clock: () => Date = () => new Date(),
  ) {
    super(
      dataSource,
      {
        entity: CreditPlatformDelivery,
        typeProperty: 'recordType',
        idProperty: 'recordId',
        platformName: 'national credit platform',
        subgraph: 'credit',
        push: (row) => platform.push(pushedChangeOf(row)),
      },
      options,
      logger,
      clock,
    );
  }
}
