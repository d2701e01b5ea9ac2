import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import { inScope, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import type { PageRequest } from '../../../platform/graphql/connection';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { Enterprise } from '../enterprise/enterprise.entity';
import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertText,
} from '../../../platform/codes/assert-input';
import { hazardClassListProblem } from '../../../platform/codes/hazard-class';
import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import type { ChangeVehicleCertificateStatusInput, RegisterVehicleInput } from './inputs/register-vehicle.input';
import { VehicleCertificateChange } from './vehicle-certificate-change.entity';
import { Vehicle, VehicleCertificateStatus } from './vehicle.entity';

/** Above this no road vehicle's approved load: a bigger figure is a typing error. */
const MAX_APPROVED_LOAD_KG = 100_000;

/** Which certificate statuses each may move to: a revoked certificate is final. */
const CERTIFICATE_TRANSITIONS: Readonly<Record<VehicleCertificateStatus, readonly VehicleCertificateStatus[]>> = {
  VALID: [VehicleCertificateStatus.SUSPENDED, VehicleCertificateStatus.REVOKED],
  SUSPENDED: [VehicleCertificateStatus.VALID, VehicleCertificateStatus.REVOKED],
  REVOKED: [],
};

/** The category's load and classes, checked: goods vehicles state a load, only hazardous ones classes. */
function cargoOf(input: RegisterVehicleInput): Pick<Vehicle, 'category' | 'approvedLoadKg' | 'hazardClasses'> {
  if (!Object.values(VehicleCategory).includes(input.category))
    throw invalidInput('category', 'must be a VehicleCategory');
  const goods = input.category === VehicleCategory.FREIGHT || input.category === VehicleCategory.HAZARDOUS_GOODS;
  const load = input.approvedLoadKg ?? null;
  if (goods && load === null) throw invalidInput('approvedLoadKg', `is required for a ${input.category} vehicle`);
  const approvedLoadKg = load === null ? null : assertInteger('approvedLoadKg', load, 1, MAX_APPROVED_LOAD_KG);
  const classes = input.hazardClasses ?? [];
  if (input.category !== VehicleCategory.HAZARDOUS_GOODS) {
    if (classes.length > 0) throw invalidInput('hazardClasses', 'applies only to HAZARDOUS_GOODS vehicles');
    return { category: input.category, approvedLoadKg, hazardClasses: [] };
  }
  const problem = hazardClassListProblem(classes);
  if (problem) throw invalidInput('hazardClasses', problem);
  return { category: input.category, approvedLoadKg, hazardClasses: [...classes].sort() };
}

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
      ...cargoOf(input),
      certificateStatus: VehicleCertificateStatus.VALID,
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
        category: vehicle.category,
        transportCertificateNumber: vehicle.transportCertificateNumber,
        approvedLoadKg: vehicle.approvedLoadKg,
        hazardClasses: vehicle.hazardClasses,
      });
      return vehicle;
    });
  }

  /**
   * Suspends (暂扣), restores or revokes (吊销) a vehicle's road transport certificate, in the certifying
   * region's scope; `vehicle.certificate-changed` stops or frees the vehicle's new waybills in safety.
   */
  async changeCertificateStatus(
    scope: RegionScope,
    input: ChangeVehicleCertificateStatusInput,
    actor: string,
  ): Promise<Vehicle> {
    assertPlateNumber('plateNumber', input.plateNumber);
    if (!Object.values(VehicleCertificateStatus).includes(input.status))
      throw invalidInput('status', 'must be VALID, SUSPENDED or REVOKED');
    const reason = assertText('reason', input.reason, 500);
    return inTransaction(this.dataSource, async (manager) => {
      const vehicle = await manager.findOneBy(Vehicle, {
        plateNumber: input.plateNumber,
        ...withinPrefix('regionCode', scope.prefix),
      });
      if (!vehicle) throw notFound('Vehicle', input.plateNumber);
      if (!CERTIFICATE_TRANSITIONS[vehicle.certificateStatus].includes(input.status)) {
        throw conflict(
          'ILLEGAL_TRANSITION',
          `The certificate of ${vehicle.plateNumber} is ${vehicle.certificateStatus} and cannot become ${input.status}`,
        );
      }
      const changed = await manager
        .createQueryBuilder()
        .update(Vehicle)
        .set({ certificateStatus: input.status })
        .where('id = :id AND certificate_status = :status', { id: vehicle.id, status: vehicle.certificateStatus })
        .execute();
      if (changed.affected !== 1)
        throw conflict('STALE_VERSION', `Vehicle ${vehicle.plateNumber} was changed by someone else; reload it`);
      const occurredAt = new Date();
      await manager.insert(VehicleCertificateChange, {
        vehicleId: vehicle.id,
        fromStatus: vehicle.certificateStatus,
        toStatus: input.status,
        actor,
        occurredAt,
        reason,
      });
      await this.outbox.publish(manager, 'vehicle.certificate-changed', {
        plateNumber: vehicle.plateNumber,
        regionCode: vehicle.regionCode,
        fromStatus: vehicle.certificateStatus,
        toStatus: input.status,
        changedAt: occurredAt.toISOString(),
      });
      return manager.findOneByOrFail(Vehicle, { id: vehicle.id });
    });
  }
}
