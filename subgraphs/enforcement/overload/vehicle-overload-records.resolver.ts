import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import type { EnforcementContext } from '../enforcement.context';
import { Vehicle } from '../vehicle/vehicle.resolver';
import { OverloadRecordConnection } from './overload-record.connection';
import { vehicleOverloadRecordsLoader } from './overload.loaders';

@Resolver(() => Vehicle)
export class VehicleOverloadRecordsResolver {
  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => OverloadRecordConnection, {
    nullable: true,
    description: 'Weigh-station records (超限检测记录) of the vehicle the caller may see, newest first.',
  })
  async overloadRecords(
    @Root() vehicle: Vehicle,
    @Args() page: PageArgs,
    @Ctx() context: EnforcementContext,
  ): Promise<OverloadRecordConnection> {
    return vehicleOverloadRecordsLoader(context, pageRequest(page)).load(vehicle.plateNumber);
  }
}
