import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { vehicleWaybillsLoader, type SafetyContext } from '../safety.context';
import { WaybillConnection } from '../waybill/waybill.connection';
import { Vehicle } from './vehicle.reference';

@Resolver(() => Vehicle)
export class VehicleWaybillsResolver {
  @Authorized(Permission.WAYBILL_READ)
  @FieldResolver(() => WaybillConnection, {
    nullable: true,
    description:
      'Hazardous-goods waybills the vehicle has carried or will carry that leave from or arrive in your region, newest first.',
  })
  async waybills(
    @Root() vehicle: Vehicle,
    @Args() page: PageArgs,
    @Ctx() context: SafetyContext,
  ): Promise<WaybillConnection> {
    return vehicleWaybillsLoader(context, pageRequest(page)).load(vehicle.plateNumber);
  }
}
