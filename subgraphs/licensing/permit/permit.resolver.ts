import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { Enterprise } from '../enterprise/enterprise.entity';
import {
  actingAs,
  enterpriseLoader,
  permitStatusHistoryLoader,
  scopeOf,
  type LicensingContext,
} from '../licensing.context';
import {
  PermitPayload,
  RestorePermitInput,
  RevokePermitInput,
  SuspendPermitInput,
} from './inputs/permit-status.inputs';
import { PermitStatusChange } from './permit-status-change.entity';
import { Permit } from './permit.entity';

// An issued permit: the lookup, its holder and status history, and the sanctions on it
// (permit-sanction.service.ts). Issuing it is permit-issuing.service.ts.

@Resolver(() => Permit)
export class PermitResolver {
  @Authorized(Permission.PERMIT_READ)
  @Query(() => Permit, { nullable: true, description: 'One permit by number.' })
  async permit(
    @Arg('number', { description: 'Permit number.' }) number: string,
    @Ctx() context: LicensingContext,
  ): Promise<Permit | null> {
    return context.services.permits.queries.findPermit(scopeOf(context), number);
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitPayload, { description: "Suspends (暂扣) a valid permit issued in the caller's region." })
  async suspendPermit(
    @Arg('input', { description: 'The permit and the reasons.' }) input: SuspendPermitInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitPayload> {
    return { permit: await context.services.permitSanctions.suspend(scopeOf(context), input, actingAs(context)) };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitPayload, { description: 'Restores a suspended permit to force.' })
  async restorePermit(
    @Arg('input', { description: 'The permit and the reasons.' }) input: RestorePermitInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitPayload> {
    return { permit: await context.services.permitSanctions.restore(scopeOf(context), input, actingAs(context)) };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitPayload, { description: 'Revokes (吊销) a valid or suspended permit; final.' })
  async revokePermit(
    @Arg('input', { description: 'The permit and the reasons.' }) input: RevokePermitInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitPayload> {
    return { permit: await context.services.permitSanctions.revoke(scopeOf(context), input, actingAs(context)) };
  }

  @Authorized(Permission.REGISTRY_READ)
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise holding the permit.' })
  async holder(@Root() permit: Permit, @Ctx() context: LicensingContext): Promise<Enterprise | null> {
    return enterpriseLoader(context).load(permit.creditCode);
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => [PermitStatusChange], {
    description: 'Suspensions, restorations and revocations of the permit, oldest first.',
  })
  async statusHistory(@Root() permit: Permit, @Ctx() context: LicensingContext): Promise<PermitStatusChange[]> {
    return permitStatusHistoryLoader(context).load(permit.id);
  }
}
