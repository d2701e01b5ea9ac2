import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { actingAs, scopeOf, type LicensingContext } from '../licensing.context';
import {
  ApplicationActionInput,
  ApprovePermitApplicationInput,
  PermitApplicationPayload,
  RejectPermitApplicationInput,
  ResubmitPermitApplicationInput,
  ReturnPermitApplicationInput,
  ReviewPermitApplicationInput,
  SubmitPermitApplicationInput,
  WithdrawPermitApplicationInput,
} from './inputs/permit-application.inputs';

/**
 * The steps of the procedure as mutations: the applicant's (application-submission.service.ts) and the
 * office's acceptance, review and decision (application-acceptance.service.ts, application-decision.service.ts).
 */
@Resolver()
export class ApplicationProcedureResolver {
  @Authorized(Permission.PERMIT_APPLY)
  @Mutation(() => PermitApplicationPayload, { description: 'Submits a permit application online for an enterprise.' })
  async submitPermitApplication(
    @Arg('input', { description: 'The application.' }) input: SubmitPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.submission.submit(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_ACCEPT)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Accepts (受理) a submitted application; the decision deadline starts.',
  })
  async acceptPermitApplication(
    @Arg('input', { description: 'The application and the version acted on.' }) input: ApplicationActionInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.acceptance.accept(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_ACCEPT)
  @Mutation(() => PermitApplicationPayload, {
    description:
      'Returns a submitted application with one notice listing everything missing (一次性告知); once per application.',
  })
  async returnPermitApplication(
    @Arg('input', { description: 'The application, the missing materials and the note.' })
    input: ReturnPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.acceptance.returnForCorrection(
        scopeOf(context),
        input,
        actingAs(context),
      ),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_APPLY)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Resubmits a returned application once the materials its notice named are attached (补正).',
  })
  async resubmitPermitApplication(
    @Arg('input', { description: 'The application and the version acted on.' }) input: ResubmitPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.submission.resubmit(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Records the review opinion (审查意见) on an accepted application.',
  })
  async reviewPermitApplication(
    @Arg('input', { description: 'The application, the recommendation and the opinion.' })
    input: ReviewPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.decision.review(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, {
    description:
      'Approves an application and issues the permit and its electronic certificate. A highway construction permit first needs its tender award on record; while the trading platform is unreachable the approval waits (AWAITING_EXTERNAL_VERIFICATION) and `permit` is null.',
  })
  async approvePermitApplication(
    @Arg('input', { description: 'The application, version and conditions.' }) input: ApprovePermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return context.services.permits.decision.approve(scopeOf(context), input, actingAs(context));
  }

  @Authorized(Permission.PERMIT_DECIDE)
  @Mutation(() => PermitApplicationPayload, { description: 'Refuses an application, with reasons.' })
  async rejectPermitApplication(
    @Arg('input', { description: 'The application, version and reasons.' }) input: RejectPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.decision.reject(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }

  @Authorized(Permission.PERMIT_APPLY)
  @Mutation(() => PermitApplicationPayload, {
    description: 'Withdraws an application for the applicant before it is decided (撤回申请).',
  })
  async withdrawPermitApplication(
    @Arg('input', { description: 'The application and the reason.' }) input: WithdrawPermitApplicationInput,
    @Ctx() context: LicensingContext,
  ): Promise<PermitApplicationPayload> {
    return {
      application: await context.services.permits.submission.withdraw(scopeOf(context), input, actingAs(context)),
      permit: null,
    };
  }
}
