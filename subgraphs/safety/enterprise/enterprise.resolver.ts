import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { carrierWaybillsLoader, type SafetyContext } from '../safety.context';
import { WaybillConnection } from '../waybill/waybill.connection';
import { Enterprise } from './enterprise.reference';

@Resolver(() => Enterprise)
export class EnterpriseWaybillsResolver {
  @Authorized(Permission.WAYBILL_READ)
  @FieldResolver(() => WaybillConnection, {
    nullable: true,
    description:
      'Hazardous-goods waybills the enterprise carries as carrier (电子运单) that leave from or arrive in your region, newest first.',
  })
  async waybills(
    @Root() enterprise: Enterprise,
    @Args() page: PageArgs,
    @Ctx() context: SafetyContext,
  ): Promise<WaybillConnection> {
    return carrierWaybillsLoader(context, pageRequest(page)).load(enterprise.creditCode);
  }
}
