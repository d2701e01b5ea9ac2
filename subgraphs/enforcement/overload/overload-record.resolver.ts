import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { unauthenticated } from '../../../platform/errors/domain-error';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { actorOf, scopeOf, type EnforcementContext } from '../enforcement.context';
import { Enterprise } from '../enterprise/enterprise.resolver';
import { Vehicle } from '../vehicle/vehicle.resolver';
import { SubmitOverloadRecordsInput } from './inputs/submit-overload-records.input';
import { OverloadRecordConnection } from './overload-record.connection';
import { OverloadRecord } from './overload-record.entity';
import { SubmitOverloadRecordsPayload } from './overload-record.payload';
import { overloadCasesLoader } from './overload.loaders';

@Resolver(() => OverloadRecord)
export class OverloadRecordResolver {
  @Authorized(Permission.OVERLOAD_SUBMIT)
  @Mutation(() => SubmitOverloadRecordsPayload, {
    description:
      "Submits a weigh station's detection records (治超联网), for the stations' machine clients. Each record is accepted, recognised as a duplicate or rejected on its own; an overload (above the limit plus the tolerance) opens a draft case for the station's county or joins the vehicle's draft there.",
  })
  async submitOverloadRecords(
    @Arg('input', { description: 'The batch of records.' }) input: SubmitOverloadRecordsInput,
    @Ctx() context: EnforcementContext,
  ): Promise<SubmitOverloadRecordsPayload> {
    if (!context.identity) throw unauthenticated('Sign in to use the single window');
    return context.services.overload.submit(
      scopeOf(context),
      { clientId: context.identity.clientId, actor: actorOf(context) },
      input.records,
    );
  }

  @Authorized(Permission.CASE_READ)
  @Query(() => OverloadRecordConnection, {
    description:
      "Weigh-station detection records the caller may see (their region's, and those of cases they see), newest first.",
  })
  async overloadRecords(
    @Arg('regionCode', () => String, {
      nullable: true,
      description:
        'Only records this region is responsible for (GB/T 2260; a province includes its cities and counties).',
    })
    regionCode: string | null,
    @Arg('plateNumber', () => String, { nullable: true, description: 'Only records of this vehicle.' })
    plateNumber: string | null,
    @Args() page: PageArgs,
    @Ctx() context: EnforcementContext,
  ): Promise<OverloadRecordConnection> {
    return context.services.overload.list(
      scopeOf(context),
      { regionCode: regionCode ?? null, plateNumber: plateNumber ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => Vehicle, {
    nullable: true,
    description:
      'The vehicle weighed (resolved by the registry). Null, without an error, when the caller may not read it (registered outside their region).',
  })
  vehicle(@Root() record: OverloadRecord): Vehicle | null {
    return { plateNumber: record.plateNumber };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => Enterprise, {
    nullable: true,
    description:
      'The enterprise owning the vehicle according to the vehicle registry, when the registry has announced the plate. Null, without an error, when the caller may not read it (registered outside their region).',
  })
  enterprise(@Root() record: OverloadRecord): Enterprise | null {
    return record.ownerCreditCode === null ? null : { creditCode: record.ownerCreditCode };
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => EnforcementCase, {
    nullable: true,
    description:
      'The draft case the overload opened or joined; null for a record within its limit, or a case the caller may not see.',
  })
  async case(@Root() record: OverloadRecord, @Ctx() context: EnforcementContext): Promise<EnforcementCase | null> {
    return record.caseId === null ? null : overloadCasesLoader(context).load(record.caseId);
  }
}
