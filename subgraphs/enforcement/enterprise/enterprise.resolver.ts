import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { enterpriseEntity } from '../../../platform/graphql/shared-entities';
import { EnforcementCaseConnection } from '../enforcement-case/enforcement-case.connection';
import { enterpriseCasesLoader, type EnforcementContext } from '../enforcement.context';

export const Enterprise = enterpriseEntity('A market subject (经营业户); enforcement adds the cases filed against it.');
export type Enterprise = InstanceType<typeof Enterprise>;

@Resolver(() => Enterprise)
export class EnterpriseCasesResolver {
  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => EnforcementCaseConnection, {
    nullable: true,
    description: 'Enforcement cases (行政执法案件) against the enterprise, newest first.',
  })
  async enforcementCases(
    @Root() enterprise: Enterprise,
    @Args() page: PageArgs,
    @Ctx() context: EnforcementContext,
  ): Promise<EnforcementCaseConnection> {
    return enterpriseCasesLoader(context, pageRequest(page)).load(enterprise.creditCode);
  }
}
