import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { actorOf, scopeOf, type CreditContext } from '../credit.context';
import { CreditDisclosureHistory } from './credit-disclosure-history';
import { CorrectCreditDisclosureInput, CorrectCreditDisclosurePayload } from './inputs/correct-credit-disclosure.input';

@Resolver(() => CreditDisclosureHistory)
export class CreditDisclosureCorrectionResolver {
  // Credit files are read nationally; the history (with officers' reasons) is for credit officers only.
  @Authorized(Permission.CREDIT_WRITE)
  @Query(() => CreditDisclosureHistory, {
    nullable: true,
    description:
      'A disclosure as it stands (shown or no longer shown) with its revisions: publication, corrections, licence status changes, repair, end of display. For credit officers, nationally; null for an unknown id.',
  })
  async creditDisclosureHistory(
    @Arg('id', () => ID, { description: 'The disclosure’s id.' }) id: string,
    @Ctx() context: CreditContext,
  ): Promise<CreditDisclosureHistory | null> {
    return context.services.corrections.history(id);
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Mutation(() => CorrectCreditDisclosurePayload, {
    description:
      'Corrects a disclosure’s public fields (更正) with a reason: a new version, kept in its history. By credit officers whose region covers the deciding authority.',
  })
  async correctCreditDisclosure(
    @Arg('input', { description: 'The corrected fields, the version read and the reason.' })
    input: CorrectCreditDisclosureInput,
    @Ctx() context: CreditContext,
  ): Promise<CorrectCreditDisclosurePayload> {
    return { disclosure: await context.services.corrections.correct(scopeOf(context), input, actorOf(context)) };
  }
}
