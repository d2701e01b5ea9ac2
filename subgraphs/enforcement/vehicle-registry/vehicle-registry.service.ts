import type { DataSource, EntityManager } from 'typeorm';
import { forUpdate } from '../../../platform/database/sql-dialect';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { RegisteredVehicle } from './registered-vehicle.entity';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

export type VehicleRegistration = EventPayloads['vehicle.registered'];

export interface RegistryOutcome {
  /** The row now holds this registration (new, or newer than the one it held). */
  changed: boolean;
}

/** The vehicle projection: who owns a plate, as far as the registry has told enforcement. */
export class VehicleRegistryService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Applies a registration once however often it arrives: inserted when the plate is new, replaced only
   * by a later registration (an ownership change), never by an older or identical one.
   */
  async apply(manager: EntityManager, registration: VehicleRegistration): Promise<RegistryOutcome> {
    // Compared and stored at the column's precision, so a redelivery matches.
    const registeredAt = wholeSeconds(new Date(registration.registeredAt));
    const values = { ownerCreditCode: registration.ownerCreditCode, regionCode: registration.regionCode, registeredAt };
    const current = await manager.findOneBy(RegisteredVehicle, { plateNumber: registration.plateNumber });
    if (!current) {
      await manager.insert(RegisteredVehicle, { plateNumber: registration.plateNumber, ...values });
      return { changed: true };
    }
    const unchanged = current.ownerCreditCode === values.ownerCreditCode && current.regionCode === values.regionCode;
    if (unchanged || current.registeredAt.getTime() >= registeredAt.getTime()) return { changed: false };
    await manager.update(RegisteredVehicle, { plateNumber: registration.plateNumber }, values);
    return { changed: true };
  }

  /**
   * The registered owners of many plates, in one statement; plates the registry has not announced are
   * absent. With `lock` (inside a transaction that then stores records of these plates) the read waits
   * for a registration of them being applied, and holds off one arriving until the transaction ends, so
   * the registration's own pass over earlier records (linkOwner) sees them: no record misses its owner.
   */
  async ownersOf(
    plates: readonly string[],
    manager: EntityManager = this.dataSource.manager,
    options: { lock: boolean } = { lock: false },
  ): Promise<Map<string, RegisteredVehicle>> {
    if (plates.length === 0) return new Map();
    const query = manager
      .createQueryBuilder(RegisteredVehicle, 'vehicle')
      .where('vehicle.plateNumber IN (:...plates)', { plates: [...new Set(plates)] });
    // FOR UPDATE rather than a shared lock: TypeORM writes MariaDB's shared lock as MySQL 8's FOR SHARE,
    // which MariaDB does not know.
    const found = await (options.lock ? forUpdate(query) : query).getMany();
    return new Map(found.map((vehicle) => [vehicle.plateNumber, vehicle]));
  }
}
