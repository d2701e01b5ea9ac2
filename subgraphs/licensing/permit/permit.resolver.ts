import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../kit/auth/permission.policy';
import { ConnectionType, PageArgs, pageRequest } from '../../kit/graphql/connection';
import { Enterprise } from '../enterprise/enterprise.entity';
import { actorOf, enterpriseLoader, scopeOf, type LicensingContext } from '../licensing.context';
import {
  ApplicationActionInput,
  ApprovePermitApplicationInput,
  PermitApplicationPayload,
  RejectPermitApplicationInput,
  SubmitPermitApplicationInput,
} from './inputs/permit-application.inputs';
import { ApplicationStatus, PermitApplication } from './permit-application.entity';
import { Permit } from './permit.entity';

@ObjectType({ description: 'A page of permit applications.' })
export class PermitApplicationConnection extends ConnectionType(PermitApplication, 'PermitApplication', 'permit application') {}

@Resolver(() => PermitApplication)
export class PermitApplicationResolver {
  @Authorized(Permission.PERMIT_READ)
  @Query(() => PermitApplication, { nullable: true, description: 'One application by number.' })
  async permitApplication(@Arg('applicationNumber', { description: 'Application number (申请编号).' }) applicationNumber: string, @Ctx() context: LicensingContext): Promise<PermitApplication | null> {
    return context.services.permits.findApplication(scopeOf(context), applicationNumber);
  }

  @Authorized(Permission.PERMIT_READ)
  @Query(() => PermitApplicationConnection, { description: 'Applications, newest first, by region and status.' })
  async permitApplications(
    @Arg('regionCode', () => String, { nullable: true, description: 'GB/T 2260 code; includes the regions under it.' }) regionCode: string | null,
    @Arg('status', () => ApplicationStatus, { nullable: true, description: 'Only applications in this status.' }) status: ApplicationStatus | null,
    @Args() page: PageArgs,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationConnection> {
    return context.services.permits.listApplications(scopeOf(context), { regionCode: regionCode ?? null, status: status ?? null }, pageRequest(page));
  }

  @Authorized(Permission.PERMIT_APPLY)
  @Mutation(() => PermitApplicationPayload, { description: 'Submits a permit application online.' })
  async submitPermitApplication(@Arg('input', { description: 'The application.' }) input: SubmitPermitApplicationInput, @Ctx() context: LicensingContext): Promise<PermitApplicationPayload> {
    return { application: await context.services.permits.submit(scopeOf(context), input, actorOf(context)), permit: null };
  }

  @Authorized(Permission.PERMIT_ACCEPT)
  @Mutation(() => PermitApplicationPayload, { description: 'Accepts (受理) a submitted application for review.' })
  async acceptPermitApplication(@Arg('input', { description: 'The application and the version acted on.' }) input: ApplicationActionInput, @Ctx() context: LicensingContext): Promise<PermitApplicationPayload> {
    return { application: await context.services.permits.accept(scopeOf(context), input, actorOf(context)), permit: null };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, { description: 'Approves an accepted application and issues the permit.' })
  async approvePermitApplication(@Arg('input', { description: 'The application, version and conditions.' }) input: ApprovePermitApplicationInput, @Ctx() context: LicensingContext): Promise<PermitApplicationPayload> {
    return context.services.permits.approve(scopeOf(context), input, actorOf(context));
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, { description: 'Refuses an application, with reasons.' })
  async rejectPermitApplication(@Arg('input', { description: 'The application, version and reasons.' }) input: RejectPermitApplicationInput, @Ctx() context: LicensingContext): Promise<PermitApplicationPayload> {
    return { application: await context.services.permits.reject(scopeOf(context), input, actorOf(context)), permit: null };
  }

  @Authorized(Permission.REGISTRY_READ)
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The applying enterprise.' })
  async applicant(@Root() application: PermitApplication, @Ctx() context: LicensingContext): Promise<Enterprise | null> {
    return enterpriseLoader(context).load(application.creditCode);
  }
}

@Resolver(() => Permit)
export class PermitResolver {
  @Authorized(Permission.PERMIT_READ)
  @Query(() => Permit, { nullable: true, description: 'One permit by number.' })
  async permit(@Arg('number', { description: 'Permit number.' }) number: string, @Ctx() context: LicensingContext): Promise<Permit | null> {
    return context.services.permits.findPermit(scopeOf(context), number);
  }

  @Authorized(Permission.REGISTRY_READ)
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise holding the permit.' })
  async holder(@Root() permit: Permit, @Ctx() context: LicensingContext): Promise<Enterprise | null> {
    return enterpriseLoader(context).load(permit.creditCode);
  }
}
