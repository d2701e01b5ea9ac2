import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { scopeOf, type CreditContext } from '../credit.context';
import { CreditDisclosureConnection } from './credit-disclosure.connection';
import { CreditDisclosure } from './credit-disclosure.entity';
import { DisclosureKind } from './disclosure-kind';

@Resolver(() => CreditDisclosure)
export class CreditDisclosureResolver {
  // Public (双公示): open without signing in, rate limited per address and audited like verifyCertificate.
  @Authorized(Permission.PUBLIC_VERIFY)
  @Query(() => CreditDisclosureConnection, {
    description:
      'Published administrative licences and penalties (双公示) still in their public period, newest first. Open to the public without signing in; rate limited per address and audited.',
  })
  async creditDisclosures(
    @Arg('creditCode', () => String, {
      nullable: true,
      description: 'Only those of this unified social credit code (统一社会信用代码).',
    })
    creditCode: string | null,
    @Arg('name', () => String, {
      nullable: true,
      description: 'Only counterparts whose name starts with this (at least 2 characters), e.g. 南京顺达.',
    })
    name: string | null,
    @Arg('kind', () => DisclosureKind, { nullable: true, description: 'Only licences or only penalties.' })
    kind: DisclosureKind | null,
    @Args() page: PageArgs,
    @Ctx() context: CreditContext,
  ): Promise<CreditDisclosureConnection> {
    return context.services.disclosures.search(
      { creditCode: creditCode ?? null, name: name ?? null, kind: kind ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Query(() => CreditDisclosureConnection, {
    description:
      'Disclosures whose publication missed its deadline of 7 working days (逾期公示): still unpublished after it, or published late. For credit officers, within their region.',
  })
  async overdueCreditDisclosures(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code of the deciding authority; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Args() page: PageArgs,
    @Ctx() context: CreditContext,
  ): Promise<CreditDisclosureConnection> {
    // Officers' work lists are counted exactly.
    const overdue = await context.services.disclosures.overdue(scopeOf(context), regionCode ?? null, pageRequest(page));
    return { ...overdue, totalCountCapped: false };
  }
}
