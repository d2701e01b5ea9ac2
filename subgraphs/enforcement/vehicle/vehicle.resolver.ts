import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { vehicleEntity } from '../../../platform/graphql/shared-entities';
import { EnforcementCaseConnection } from '../enforcement-case/enforcement-case.connection';
import { vehicleCasesLoader, type EnforcementContext } from '../enforcement.context';

export const Vehicle = vehicleEntity('An operating vehicle; enforcement adds the cases it was involved in.');
export type Vehicle = InstanceType<typeof Vehicle>;

@Resolver(() => Vehicle)
export class VehicleCasesResolver {
  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => EnforcementCaseConnection, {
    nullable: true,
    description: 'Enforcement cases (行政执法案件) involving the vehicle, newest first.',
  })
  async enforcementCases(
    @Root() vehicle: Vehicle,
    @Args() page: PageArgs,
    @Ctx() context: EnforcementContext,
  ): Promise<EnforcementCaseConnection> {
    return vehicleCasesLoader(context, pageRequest(page)).load(vehicle.plateNumber);
  }
}
