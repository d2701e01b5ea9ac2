import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import type { EnforcementContext } from '../enforcement.context';
import { OverloadRecordConnection } from './overload-record.connection';
import { caseOverloadRecordsLoader } from './overload.loaders';

@Resolver(() => EnforcementCase)
export class CaseOverloadRecordsResolver {
  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => OverloadRecordConnection, {
    description:
      'Weigh-station records (超限检测记录) that opened or joined the case, newest first; empty for other cases.',
  })
  async overloadRecords(
    @Root() enforcementCase: EnforcementCase,
    @Args() page: PageArgs,
    @Ctx() context: EnforcementContext,
  ): Promise<OverloadRecordConnection> {
    return caseOverloadRecordsLoader(context, pageRequest(page)).load(String(enforcementCase.id));
  }
}
