import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { EnterpriseOpenHazards } from '../hazard/hazard.types';
import { carrierWaybillsLoader, scopeOf, type SafetyContext } from '../safety.context';
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

  @Authorized(Permission.HAZARD_READ, Permission.HAZARD_WRITE)
  @FieldResolver(() => EnterpriseOpenHazards, {
    nullable: true,
    description:
      "The enterprise's hidden hazards not yet closed (未销号隐患) in your region: how many, how many major, how many overdue. List them with hiddenHazards.",
  })
  async openHazards(@Root() enterprise: Enterprise, @Ctx() context: SafetyContext): Promise<EnterpriseOpenHazards> {
    return context.loaders
      .get('hazards:open', () => context.services.hazardQueries.createOpenHazardsLoader(scopeOf(context)))
      .load(enterprise.creditCode);
  }
}
