import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { actingAs, scopeOf, type LicensingContext } from '../licensing.context';
import {
  DecideDeadlineExtensionInput,
  PermitApplicationPayload,
  RequestDeadlineExtensionInput,
} from './inputs/permit-application.inputs';

/** Extending the decision deadline (延长审查期限): deadline-extension.service.ts. */
@Resolver()
export class DeadlineExtensionResolver {
  @Authorized(Permission.PERMIT_ACCEPT)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Asks, once and before it passes, to extend the decision deadline (延长审查期限); a reviewer decides.',
  })
  async requestDeadlineExtension(
    @Arg('input', { description: 'The application and the reason.' }) input: RequestDeadlineExtensionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.extensions.requestExtension(
        scopeOf(context),
        input,
        actingAs(context),
      ),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description: "Approves the requested extension: the decision deadline moves by the kind's extension working days.",
  })
  async approveDeadlineExtension(
    @Arg('input', { description: 'The application and an optional comment.' }) input: DecideDeadlineExtensionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.extensions.approveExtension(
        scopeOf(context),
        input,
        actingAs(context),
      ),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, { description: 'Refuses the requested extension; the deadline stands.' })
  async refuseDeadlineExtension(
    @Arg('input', { description: 'The application and the reason (required).' }) input: DecideDeadlineExtensionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.extensions.refuseExtension(
        scopeOf(context),
        input,
        actingAs(context),
      ),
      permit: null,
    };
  }
}
