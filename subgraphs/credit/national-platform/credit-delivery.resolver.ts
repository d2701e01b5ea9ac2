import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import type { CreditContext } from '../credit.context';
import { CreditDeliveryState, CreditPlatformDelivery, CreditRecordType } from './credit-platform-delivery.entity';
import { NationalCreditDeliveryConnection, NationalCreditDeliverySummary } from './credit-delivery.types';

// Credit officers (credit:write) follow the pushes: they answer for what reaches the national platform.
@Resolver(() => CreditPlatformDelivery)
export class CreditDeliveryResolver {
  @Authorized(Permission.CREDIT_WRITE)
  @Query(() => NationalCreditDeliveryConnection, {
    description:
      'Pushes of credit records to the national credit information sharing platform (全国信用信息共享平台), newest first. For credit officers; national.',
  })
  async nationalCreditDeliveries(
    @Arg('state', () => CreditDeliveryState, { nullable: true, description: 'Only pushes in this state.' })
    state: CreditDeliveryState | null,
    @Arg('recordType', () => CreditRecordType, { nullable: true, description: 'Only pushes of this kind of record.' })
    recordType: CreditRecordType | null,
    @Args() page: PageArgs,
    @Ctx() context: CreditContext,
  ): Promise<NationalCreditDeliveryConnection> {
    return context.services.nationalPlatform.deliveries.list(state ?? null, recordType ?? null, pageRequest(page));
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Query(() => NationalCreditDeliverySummary, {
    description:
      'How the pushes to the national credit platform stand: pending count, oldest pending age, failing count, last success. For credit officers.',
  })
  async nationalCreditDeliverySummary(@Ctx() context: CreditContext): Promise<NationalCreditDeliverySummary> {
    return context.services.nationalPlatform.deliveries.summary();
  }
}
