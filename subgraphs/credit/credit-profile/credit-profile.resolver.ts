import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { assertCreditCode } from '../../../platform/codes/assert-input';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { profileLoader, subjectRecordsLoader, type CreditContext } from '../credit.context';
import { CreditRecordConnection } from '../credit-record/credit-record.connection';
import { CreditProfile } from './credit-profile';

@Resolver(() => CreditProfile)
export class CreditProfileResolver {
  @Authorized(Permission.CREDIT_READ)
  @Query(() => CreditProfile, {
    description: 'The credit profile of any market subject; one with no records has score 100 and rating A.',
  })
  async creditProfile(
    @Arg('creditCode', { description: 'Unified social credit code (统一社会信用代码) of the subject.' })
    creditCode: string,
    @Ctx() context: CreditContext,
  ): Promise<CreditProfile> {
    assertCreditCode('creditCode', creditCode);
    return profileLoader(context).load(creditCode);
  }

  @Authorized(Permission.CREDIT_READ)
  @FieldResolver(() => CreditRecordConnection, {
    nullable: true,
    description: 'The subject’s credit records, newest first.',
  })
  async records(
    @Root() profile: CreditProfile,
    @Args() page: PageArgs,
    @Ctx() context: CreditContext,
  ): Promise<CreditRecordConnection> {
    return subjectRecordsLoader(context, pageRequest(page)).load(profile.creditCode);
  }
}
