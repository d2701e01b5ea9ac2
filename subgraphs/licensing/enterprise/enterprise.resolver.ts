import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { mayReadPersonalInformation } from '../../../platform/auth/personal-information.policy';
import { forbidden } from '../../../platform/errors/domain-error';
import { ConnectionType, PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { enterpriseLoader, scopeOf, type LicensingContext } from '../licensing.context';
import { Permit } from '../permit/permit.entity';
import { Vehicle } from '../vehicle/vehicle.entity';
import { Enterprise } from './enterprise.entity';
import { assertCreditCode } from '../../../platform/codes/assert-input';
import { RegisterEnterpriseInput, RegisterEnterprisePayload } from './inputs/register-enterprise.input';

@ObjectType({ description: 'A page of enterprises in the registry.' })
export class EnterpriseConnection extends ConnectionType(Enterprise, 'Enterprise', 'enterprise') {}
@ObjectType({ description: 'A page of permits.' })
export class PermitConnection extends ConnectionType(Permit, 'Permit', 'permit') {}
@ObjectType({ description: 'A page of operating vehicles.' })
export class VehicleConnection extends ConnectionType(Vehicle, 'Vehicle', 'vehicle') {}

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Authorized(Permission.REGISTRY_READ)
  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise by its credit code; null when none is registered.',
  })
  async enterprise(
    @Arg('creditCode', { description: 'Unified social credit code (18 characters, check character validated).' })
    creditCode: string,
    @Ctx() context: LicensingContext,
  ): Promise<Enterprise | null> {
    assertCreditCode('creditCode', creditCode);
    return enterpriseLoader(context).load(creditCode);
  }

  @Authorized(Permission.REGISTRY_READ)
  @Query(() => EnterpriseConnection, {
    description: 'The registry, newest first, optionally within a region and the regions under it.',
  })
  async enterprises(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Arg('contactPhone', () => String, {
      nullable: true,
      description:
        'Only enterprises with this contact phone (exact; looked up by its keyed blind index, HMAC-SM3). A pii-reader with a declared purpose only.',
    })
    contactPhone: string | null,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<EnterpriseConnection> {
    if ((contactPhone ?? null) !== null && !mayReadPersonalInformation(context))
      throw forbidden(
        '只有声明了用途的个人信息查阅人员可按电话号码查询。Searching by phone number needs pii-reader and a declared purpose',
      );
    return context.services.enterprises.list(
      scopeOf(context),
      regionCode ?? null,
      pageRequest(page),
      contactPhone ?? null,
    );
  }

  @Authorized(Permission.REGISTRY_WRITE)
  @Mutation(() => RegisterEnterprisePayload, { description: 'Enters a market subject into the registry.' })
  async registerEnterprise(
    @Arg('input', { description: 'The market subject to register.' }) input: RegisterEnterpriseInput,
    @Ctx() context: LicensingContext,
  ): Promise<RegisterEnterprisePayload> {
    return { enterprise: await context.services.enterprises.register(scopeOf(context), input) };
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => PermitConnection, {
    nullable: true,
    description: 'Permits held by the enterprise (行政许可), newest first.',
  })
  async permits(
    @Root() enterprise: Enterprise,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<PermitConnection> {
    const request = pageRequest(page);
    return context.loaders
      .get(`permits:${request.limit}:${request.afterId}`, () =>
        context.services.permits.queries.createHolderPagesLoader(scopeOf(context), request),
      )
      .load(enterprise.creditCode);
  }

  @Authorized(Permission.REGISTRY_READ)
  @FieldResolver(() => VehicleConnection, {
    nullable: true,
    description: 'Operating vehicles the enterprise owns, newest first.',
  })
  async vehicles(
    @Root() enterprise: Enterprise,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<VehicleConnection> {
    const request = pageRequest(page);
    return context.loaders
      .get(`vehicles:${request.limit}:${request.afterId}`, () =>
        context.services.vehicles.createOwnedPagesLoader(scopeOf(context), request),
      )
      .load(enterprise.creditCode);
  }
}
