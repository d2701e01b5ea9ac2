import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { actorOf, caseEvidenceLoader, scopeOf, type EnforcementContext } from '../enforcement.context';
import { CaseEvidence } from './case-evidence.entity';
import { CaseEvidenceContent, CaseEvidencePayload } from './case-evidence.payload';
import { AddCaseEvidenceInput } from './inputs/add-case-evidence.input';

/** Evidence (证据) is for the officers and supervisors handling cases, not for every reader of cases. */
@Resolver(() => EnforcementCase)
export class CaseEvidenceResolver {
  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => CaseEvidencePayload, {
    description:
      'Stores an item of evidence on a case the caller’s region is investigating (FILED or INVESTIGATING), with the SM3 digest of its bytes.',
  })
  async addCaseEvidence(
    @Arg('input', { description: 'The case and the item.' }) input: AddCaseEvidenceInput,
    @Ctx() context: EnforcementContext,
  ): Promise<CaseEvidencePayload> {
    return context.services.evidence.add(scopeOf(context), input, actorOf(context));
  }

  @Authorized(Permission.CASE_INVESTIGATE, Permission.CASE_DECIDE)
  @Query(() => CaseEvidenceContent, {
    nullable: true,
    description:
      'The bytes of an item of evidence, checked against its recorded SM3 digest (a mismatch is a CONFLICT naming the item); null when there is none the caller may see. Items of an assistance request are read by the region asked, and by the case’s side once handed over.',
  })
  async caseEvidenceContent(
    @Arg('id', () => ID, { description: 'The item’s id.' }) id: string,
    @Ctx() context: EnforcementContext,
  ): Promise<CaseEvidenceContent | null> {
    return context.services.evidence.content(scopeOf(context), id);
  }

  @Authorized(Permission.CASE_INVESTIGATE, Permission.CASE_DECIDE)
  @FieldResolver(() => [CaseEvidence], {
    description:
      'The case file’s evidence, oldest first: items the handling region stored and items handed over with assistance answers. A region that handed the case over sees the items collected in it.',
  })
  async evidence(
    @Root() enforcementCase: EnforcementCase,
    @Ctx() context: EnforcementContext,
  ): Promise<CaseEvidence[]> {
    return caseEvidenceLoader(context).load(enforcementCase.id);
  }
}
