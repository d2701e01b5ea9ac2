import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { actorOf, scopeOf, type CreditContext } from '../credit.context';
import { CreditRecordKind } from './credit-record-kind';
import { CreditRecordConnection } from './credit-record.connection';
import { CreditRecord } from './credit-record.entity';
import { RecordCreditInput, RecordCreditPayload } from './inputs/record-credit.input';

@Resolver(() => CreditRecord)
export class CreditRecordResolver {
  @Authorized(Permission.CREDIT_READ)
  @Query(() => CreditRecordConnection, {
    description: 'Credit records of all subjects, newest first, by deciding region and kind.',
  })
  async creditRecords(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code of the deciding authority; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Arg('kind', () => CreditRecordKind, { nullable: true, description: 'Only records of this kind.' })
    kind: CreditRecordKind | null,
    @Args() page: PageArgs,
    @Ctx() context: CreditContext,
  ): Promise<CreditRecordConnection> {
    return context.services.records.list({ regionCode: regionCode ?? null, kind: kind ?? null }, pageRequest(page));
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Mutation(() => RecordCreditPayload, {
    description:
      'Enters a credit record by hand (人工录入), e.g. a commendation or dishonest conduct found by a credit officer.',
  })
  async recordCredit(
    @Arg('input', { description: 'The record to enter.' }) input: RecordCreditInput,
    @Ctx() context: CreditContext,
  ): Promise<RecordCreditPayload> {
    return context.services.records.record(scopeOf(context), input, actorOf(context));
  }
}
