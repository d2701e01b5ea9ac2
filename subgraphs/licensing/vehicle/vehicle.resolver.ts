import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { Enterprise } from '../enterprise/enterprise.entity';
import { enterpriseLoader, scopeOf, vehicleLoader, type LicensingContext } from '../licensing.context';
import {
  ChangeVehicleCertificateStatusInput,
  ChangeVehicleCertificateStatusPayload,
  RegisterVehicleInput,
  RegisterVehiclePayload,
} from './inputs/register-vehicle.input';
import { Vehicle } from './vehicle.entity';
import { assertPlateNumber } from '../../../platform/codes/assert-input';

@Resolver(() => Vehicle)
export class VehicleResolver {
  @Authorized(Permission.REGISTRY_READ)
  @Query(() => Vehicle, {
    nullable: true,
    description: 'One operating vehicle by plate; null when none is registered.',
  })
  async vehicle(
    @Arg('plateNumber', { description: 'Plate number, GA 36 form.' }) plateNumber: string,
    @Ctx() context: LicensingContext,
  ): Promise<Vehicle | null> {
    assertPlateNumber('plateNumber', plateNumber);
    return vehicleLoader(context).load(plateNumber);
  }

  @Authorized(Permission.REGISTRY_WRITE)
  @Mutation(() => RegisterVehiclePayload, { description: 'Enters an operating vehicle into the registry.' })
  async registerVehicle(
    @Arg('input', { description: 'The vehicle to register.' }) input: RegisterVehicleInput,
    @Ctx() context: LicensingContext,
  ): Promise<RegisterVehiclePayload> {
    return { vehicle: await context.services.vehicles.register(scopeOf(context), input) };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => ChangeVehicleCertificateStatusPayload, {
    description:
      "Suspends (暂扣), restores or revokes (吊销) a vehicle's road transport certificate, with the reason; a vehicle not VALID gets no new waybills.",
  })
  async changeVehicleCertificateStatus(
    @Arg('input', { description: 'The vehicle, the new status and why.' }) input: ChangeVehicleCertificateStatusInput,
    @Ctx() context: LicensingContext,
  ): Promise<ChangeVehicleCertificateStatusPayload> {
    return {
      vehicle: await context.services.vehicles.changeCertificateStatus(
        scopeOf(context),
        input,
        context.identity?.username ?? 'anonymous',
      ),
    };
  }

  @Authorized(Permission.REGISTRY_READ)
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise that owns the vehicle.' })
  async owner(@Root() vehicle: Vehicle, @Ctx() context: LicensingContext): Promise<Enterprise | null> {
    return enterpriseLoader(context).load(vehicle.ownerCreditCode);
  }
}
