import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { forbidden, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import { inScope, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import type { PageRequest } from '../../../platform/graphql/connection';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { Enterprise } from '../enterprise/enterprise.entity';
import {
  assertCreditCode,
  assertPlateNumber,
  assertRegionCode,
  assertText,
} from '../../../platform/codes/assert-input';
import type { RegisterVehicleInput } from './inputs/register-vehicle.input';
import { Vehicle } from './vehicle.entity';

export class VehicleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** Vehicles by plate, one statement per request, only those certified in the caller's region scope. */
  createLoader(scope: RegionScope): DataLoader<string, Vehicle | null> {
    return new DataLoader(async (plates) => {
      const found = await this.dataSource
        .getRepository(Vehicle)
        .findBy({ plateNumber: In([...plates]), ...withinPrefix('regionCode', scope.prefix) });
      const byPlate = new Map(found.map((vehicle) => [vehicle.plateNumber, vehicle]));
      return plates.map((plate) => byPlate.get(plate) ?? null);
    });
  }

  /** Vehicles of many enterprises, one page each, in two statements. */
  createOwnedPagesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<Vehicle>({
      dataSource: this.dataSource,
      entity: Vehicle,
      parentColumn: 'owner_credit_code',
      page,
      scope: { column: 'region_code', prefix: scope.prefix },
    });
  }

  async register(scope: RegionScope, input: RegisterVehicleInput): Promise<Vehicle> {
    assertPlateNumber('plateNumber', input.plateNumber);
    assertCreditCode('ownerCreditCode', input.ownerCreditCode);
    assertRegionCode('regionCode', input.regionCode);
    if (!inScope(scope, input.regionCode))
      throw forbidden(`You may register vehicles only within region ${scope.region}`);
    const values = {
      plateNumber: input.plateNumber,
      ownerCreditCode: input.ownerCreditCode,
      vehicleType: assertText('vehicleType', input.vehicleType, 50),
      transportCertificateNumber: assertText('transportCertificateNumber', input.transportCertificateNumber, 64),
      regionCode: input.regionCode,
      registeredAt: new Date(),
    };
    return inTransaction(this.dataSource, async (manager) => {
      if (
        !(await manager.existsBy(Enterprise, {
          creditCode: input.ownerCreditCode,
          ...withinPrefix('regionCode', scope.prefix),
        }))
      ) {
        throw notFound('Enterprise', input.ownerCreditCode);
      }
      if (await manager.existsBy(Vehicle, { plateNumber: input.plateNumber })) {
        throw conflict('VEHICLE_EXISTS', `Vehicle ${input.plateNumber} is already registered`);
      }
      const vehicle = await manager.save(manager.create(Vehicle, values));
      await this.outbox.publish(manager, 'vehicle.registered', {
        plateNumber: vehicle.plateNumber,
        ownerCreditCode: vehicle.ownerCreditCode,
        regionCode: vehicle.regionCode,
        registeredAt: vehicle.registeredAt.toISOString(),
      });
      return vehicle;
    });
  }
}
