import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { actingAs, scopeOf, type LicensingContext } from '../licensing.context';
import { PermitApplicationPayload, RouteSegmentDecisionInput } from './inputs/permit-application.inputs';

/** Parallel approval along a cross-province route (并联许可): route-segment-approval.service.ts. */
@Resolver()
export class RouteSegmentApprovalResolver {
  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description:
      "Approves the caller's province's segment of a cross-province oversize transport (并联许可); the last approval issues the permit.",
  })
  async approveRouteSegment(
    @Arg('input', { description: 'The application, the province and any conditions.' })
    input: RouteSegmentDecisionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return context.services.permits.routeSegments.approveSegment(scopeOf(context), input, actingAs(context));
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description: "Refuses the caller's province's segment, which refuses the application.",
  })
  async refuseRouteSegment(
    @Arg('input', { description: 'The application, the province and the reasons.' }) input: RouteSegmentDecisionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.routeSegments.refuseSegment(
        scopeOf(context),
        input,
        actingAs(context),
      ),
      permit: null,
    };
  }
}
