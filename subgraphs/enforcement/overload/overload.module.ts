import type { DataSource } from 'typeorm';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { RegisteredVehicle1764500000000 } from '../../../migrations/enforcement/1764500000000-registered-vehicle';
import { OverloadRecord1764510000000 } from '../../../migrations/enforcement/1764510000000-overload-record';
import type { EnforcementCaseService } from '../enforcement-case/enforcement-case.service';
import type { EnforcementServices } from '../enforcement.context';
import { RegisteredVehicle } from '../vehicle-registry/registered-vehicle.entity';
import { VehicleRegistryService } from '../vehicle-registry/vehicle-registry.service';
import { CaseOverloadRecordsResolver } from './case-overload-records.resolver';
import { OverloadCase } from './overload-case.entity';
import { OverloadRecord } from './overload-record.entity';
import { OverloadRecordResolver } from './overload-record.resolver';
import { OverloadRecordService, type OverloadSettings } from './overload-record.service';
import { VehicleOverloadRecordsResolver } from './vehicle-overload-records.resolver';

// What the overload records (治超联网) and the vehicle projection add to the enforcement subgraph, in
// one place, so the subgraph's definition names them with one line each.

export const OVERLOAD_RESOLVERS = [OverloadRecordResolver, CaseOverloadRecordsResolver, VehicleOverloadRecordsResolver];

export const OVERLOAD_ENTITIES = [RegisteredVehicle, OverloadRecord, OverloadCase];

export const OVERLOAD_MIGRATIONS = [RegisteredVehicle1764500000000, OverloadRecord1764510000000];

export type OverloadServices = Pick<EnforcementServices, 'overload' | 'vehicleRegistry'>;

/** The overload records' services, on the cases service: drafts are its filings, and records are seen where its cases are. */
export function createOverloadServices(
  dataSource: DataSource,
  cases: EnforcementCaseService,
  settings: OverloadSettings,
  outbox: EventOutbox,
): OverloadServices {
  const vehicleRegistry = new VehicleRegistryService(dataSource);
  return {
    vehicleRegistry,
    overload: new OverloadRecordService(dataSource, cases, vehicleRegistry, settings, outbox),
  };
}
