import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { assertCreditCode } from '../../../platform/codes/assert-input';
import { notFound } from '../../../platform/errors/domain-error';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { profileLoader, publicPenaltiesLoader, subjectRecordsLoader, type CreditContext } from '../credit.context';
import { CreditDisclosure } from '../disclosure/credit-disclosure.entity';
import { CreditRecordConnection } from '../credit-record/credit-record.connection';
import { CreditProfile } from './credit-profile';

@Resolver(() => CreditProfile)
export class CreditProfileResolver {
  @Authorized(Permission.CREDIT_READ)
  @Query(() => CreditProfile, {
    description:
      'The credit profile of any market subject credit knows (registered, or with records or disclosures); one with no records has score 100 and rating A. An unknown credit code is NOT_FOUND.',
  })
  async creditProfile(
    @Arg('creditCode', { description: 'Unified social credit code (统一社会信用代码) of the subject.' })
    creditCode: string,
    @Ctx() context: CreditContext,
  ): Promise<CreditProfile> {
    assertCreditCode('creditCode', creditCode);
    const profile = await profileLoader(context).load(creditCode);
    if (profile.recordCount === 0 && !(await context.services.profiles.isKnown(creditCode)))
      throw notFound('Credit subject (信用主体)', creditCode);
    return profile;
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

  @Authorized(Permission.CREDIT_READ)
  @FieldResolver(() => [CreditDisclosure], {
    nullable: true,
    description:
      'The administrative penalties on public display now (公示中的行政处罚, 双公示), newest decision first: ended neither by their maximum period nor by an approved repair.',
  })
  async publicPenalties(@Root() profile: CreditProfile, @Ctx() context: CreditContext): Promise<CreditDisclosure[]> {
    return publicPenaltiesLoader(context).load(profile.creditCode);
  }
}
