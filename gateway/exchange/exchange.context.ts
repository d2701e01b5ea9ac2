import type { DataSource } from 'typeorm';
import type { Identity } from '../../platform/auth/identity';
import type { Catalogue } from './catalogue/catalogue';
import type { GrantBook } from './grants/grant-book';
import type { AccessRequestDesk } from './requests/access-request.service';
import type { NotificationSubscriptions } from './notifications/notification-subscriptions';
import type { OperationRegistry } from './operations/operation-registry';

/**
 * What the data exchange's parts share (数据共享交换): built once by startExchange, one per gateway
 * process. Each part adds what it owns here (the catalogue, access requests, registered operations,
 * notifications, usage).
 */
export interface ExchangeServices {
  /** The gateway's database; throws an outage (SERVICE_UNAVAILABLE, retryable) while it is not reachable. */
  dataSource: () => DataSource;
  /** The data resource catalogue, read from the supergraph the gateway serves. */
  catalogue: Catalogue;
  grants: GrantBook;
  /** Access requests and their decisions (共享申请与审批). */
  accessRequests: AccessRequestDesk;
  /** Partners' webhook subscriptions and their delivery log (订阅通知). */
  notifications: NotificationSubscriptions;
  /** Partners' operations registered at run time, and the machine clients' allow-list. */
  operations: OperationRegistry;
}

/** The exchange subgraph's resolver context. */
export interface ExchangeContext {
  identity: Identity | null;
  exchange: ExchangeServices;
}
