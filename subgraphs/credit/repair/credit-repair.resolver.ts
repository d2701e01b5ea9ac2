import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { actorOf, scopeOf, type CreditContext } from '../credit.context';
import { CreditDisclosure } from '../disclosure/credit-disclosure.entity';
import { CreditRepairApplication } from './credit-repair-application.entity';
import { CreditRepairAttachment } from './credit-repair-attachment.entity';
import { CreditRepairApplicationConnection } from './credit-repair.connection';
import { ApplyForCreditRepairInput, CreditRepairPayload, DecideCreditRepairInput } from './inputs/credit-repair.inputs';
import { CreditRepairState } from './repair-state';

@Resolver(() => CreditRepairApplication)
export class CreditRepairResolver {
  @Authorized(Permission.CREDIT_WRITE)
  @Query(() => CreditRepairApplicationConnection, {
    description:
      'Credit repair applications (信用修复申请), newest first, by state and deciding region. For credit officers, within their region.',
  })
  async creditRepairApplications(
    @Arg('state', () => CreditRepairState, { nullable: true, description: 'Only applications in this state.' })
    state: CreditRepairState | null,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code of the deciding authority; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Args() page: PageArgs,
    @Ctx() context: CreditContext,
  ): Promise<CreditRepairApplicationConnection> {
    return context.services.repairs.list(
      scopeOf(context),
      { state: state ?? null, regionCode: regionCode ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Mutation(() => CreditRepairPayload, {
    description:
      'Files a credit repair application (信用修复申请) for the enterprise of a disclosed penalty, once its minimum publicity period is over: the penalty executed, the commitment letter and corrective evidence. By credit officers of the deciding region.',
  })
  async applyForCreditRepair(
    @Arg('input', { description: 'The application and its documents.' }) input: ApplyForCreditRepairInput,
    @Ctx() context: CreditContext,
  ): Promise<CreditRepairPayload> {
    return { application: await context.services.repairs.apply(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Mutation(() => CreditRepairPayload, {
    description:
      'Approves a pending repair application with reasons (准予修复): the penalty’s public display ends and it no longer counts in the rating. By credit officers of the deciding region.',
  })
  async approveCreditRepair(
    @Arg('input', { description: 'The application, the version read and the reasons.' })
    input: DecideCreditRepairInput,
    @Ctx() context: CreditContext,
  ): Promise<CreditRepairPayload> {
    return { application: await context.services.repairs.approve(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Mutation(() => CreditRepairPayload, {
    description:
      'Refuses a pending repair application with reasons (不予修复); the penalty stays public. By credit officers of the deciding region.',
  })
  async refuseCreditRepair(
    @Arg('input', { description: 'The application, the version read and the reasons.' })
    input: DecideCreditRepairInput,
    @Ctx() context: CreditContext,
  ): Promise<CreditRepairPayload> {
    return { application: await context.services.repairs.refuse(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CREDIT_WRITE)
  @FieldResolver(() => CreditDisclosure, {
    nullable: true,
    description: 'The penalty disclosure it is about, as it now stands.',
  })
  async disclosure(
    @Root() application: CreditRepairApplication,
    @Ctx() context: CreditContext,
  ): Promise<CreditDisclosure | null> {
    return context.loaders
      .get('repairDisclosures', () => context.services.repairs.createDisclosureLoader())
      .load(application.disclosureId);
  }

  @Authorized(Permission.CREDIT_WRITE)
  @FieldResolver(() => [CreditRepairAttachment], {
    description: 'The commitment letter and the corrective evidence, with their SM3 digests.',
  })
  async attachments(
    @Root() application: CreditRepairApplication,
    @Ctx() context: CreditContext,
  ): Promise<CreditRepairAttachment[]> {
    return context.loaders
      .get('repairAttachments', () => context.services.repairs.createAttachmentsLoader())
      .load(application.id);
  }
}
