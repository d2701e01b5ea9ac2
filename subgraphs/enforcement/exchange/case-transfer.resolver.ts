import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { actorOf, caseTransfersLoader, scopeOf, type EnforcementContext } from '../enforcement.context';
import { CaseTransfer } from './case-transfer.entity';
import { CaseTransferPayload } from './case-transfer.payload';
import { AcceptCaseTransferInput } from './inputs/accept-case-transfer.input';
import { DeclineCaseTransferInput } from './inputs/decline-case-transfer.input';
import { ProposeCaseTransferInput } from './inputs/propose-case-transfer.input';

/** 案件移送 between regions, decided by supervisors on both sides. */
@Resolver(() => EnforcementCase)
export class CaseTransferResolver {
  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CaseTransferPayload, {
    description:
      'Proposes moving a case (FILED or INVESTIGATING) to another region (案件移送): the case is TRANSFER_PENDING, readable by that region, and moves on only by its accept or decline.',
  })
  async proposeCaseTransfer(
    @Arg('input', { description: 'The case, the region and why.' }) input: ProposeCaseTransferInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CaseTransferPayload> {
    return context.services.transfers.propose(scopeOf(context), input, actorOf(context));
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CaseTransferPayload, {
    description:
      'Accepts a transfer proposed to the caller’s region (接收移送): every item of evidence is checked against its digest, then the region handles the case with its whole history; the old region keeps reading what it did.',
  })
  async acceptCaseTransfer(
    @Arg('input', { description: 'The case, at the version seen.' }) input: AcceptCaseTransferInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CaseTransferPayload> {
    return context.services.transfers.accept(scopeOf(context), input, actorOf(context));
  }

  @Authorized(Permission.CASE_DECIDE)
  @Mutation(() => CaseTransferPayload, {
    description:
      'Declines a transfer proposed to the caller’s region (退回移送), with reasons: the case returns to where it stood, and out of the region’s sight.',
  })
  async declineCaseTransfer(
    @Arg('input', { description: 'The case and why it is declined.' }) input: DeclineCaseTransferInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CaseTransferPayload> {
    return context.services.transfers.decline(scopeOf(context), input, actorOf(context));
  }

  @Authorized(Permission.CASE_READ)
  @FieldResolver(() => [CaseTransfer], {
    description: 'Transfers of the case proposed so far, oldest first, with their outcome.',
  })
  async transfers(
    @Root() enforcementCase: EnforcementCase,
    @Ctx() context: EnforcementContext,
  ): Promise<CaseTransfer[]> {
    return caseTransfersLoader(context).load(enforcementCase.id);
  }
}
