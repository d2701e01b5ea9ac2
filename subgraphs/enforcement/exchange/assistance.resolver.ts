import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import {
  actorOf,
  assistanceEvidenceLoader,
  caseAssistanceLoader,
  scopeOf,
  type EnforcementContext,
} from '../enforcement.context';
import { CaseEvidence } from '../evidence/case-evidence.entity';
import { AssistanceRequest, AssistanceStatus } from './assistance-request.entity';
import { AssistanceRequestConnection } from './assistance-request.connection';
import { AnswerAssistancePayload, AssistanceEvidencePayload, RequestAssistancePayload } from './assistance.payload';
import { AssistanceSide } from './assistance.service';
import { AddAssistanceEvidenceInput } from './inputs/add-assistance-evidence.input';
import { AnswerAssistanceInput } from './inputs/answer-assistance.input';
import { RequestAssistanceInput } from './inputs/request-assistance.input';

registerEnumType(AssistanceSide, {
  name: 'AssistanceSide',
  description: 'Which side of assistance requests to list.',
  valuesConfig: {
    ASKED: { description: 'Requests asked of the caller’s region (to answer).' },
    ASKING: { description: 'Requests the caller’s region made, or about cases it handles.' },
  },
});

const HANDLERS = [Permission.CASE_INVESTIGATE, Permission.CASE_DECIDE];

/**
 * 协查 between regions. Asking and answering are officers' work (they investigate); supervisors read.
 * The region asked sees the AssistanceRequest only: it has no field that leads to the case.
 */
@Resolver(() => AssistanceRequest)
export class AssistanceResolver {
  @Authorized(...HANDLERS)
  @Query(() => AssistanceRequest, {
    nullable: true,
    description:
      'One assistance request; null when there is none the caller’s region asked, was asked or handles the case of.',
  })
  async assistanceRequest(
    @Arg('id', () => ID, { description: 'The request’s id.' }) id: string,
    @Ctx() context: EnforcementContext,
  ): Promise<AssistanceRequest | null> {
    return context.services.assistance.find(scopeOf(context), id);
  }

  @Authorized(...HANDLERS)
  @Query(() => AssistanceRequestConnection, {
    description: 'Assistance requests the caller’s region was asked or made, newest first.',
  })
  async assistanceRequests(
    @Arg('side', () => AssistanceSide, {
      nullable: true,
      description: 'Only those asked of the region, or only those it made; both when omitted.',
    })
    side: AssistanceSide | null,
    @Arg('status', () => AssistanceStatus, { nullable: true, description: 'Only requests in this status.' })
    status: AssistanceStatus | null,
    @Args() page: PageArgs,
    @Ctx() context: EnforcementContext,
  ): Promise<AssistanceRequestConnection> {
    return context.services.assistance.list(
      scopeOf(context),
      { side: side ?? null, status: status ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => RequestAssistancePayload, {
    description:
      'Asks another region to investigate or collect evidence on a case the caller’s region is investigating (协查请求); that region sees only the request.',
  })
  async requestAssistance(
    @Arg('input', { description: 'The case, the region asked, the question and what to share.' })
    input: RequestAssistanceInput,
    @Ctx() context: EnforcementContext,
  ): Promise<RequestAssistancePayload> {
    return context.services.assistance.request(scopeOf(context), input, actorOf(context));
  }

  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => AssistanceEvidencePayload, {
    description:
      'Stores an item of evidence collected for an open request asked of the caller’s region; it is handed over with the answer.',
  })
  async addAssistanceEvidence(
    @Arg('input', { description: 'The request and the item.' }) input: AddAssistanceEvidenceInput,
    @Ctx() context: EnforcementContext,
  ): Promise<AssistanceEvidencePayload> {
    return context.services.assistance.addEvidence(scopeOf(context), input, actorOf(context));
  }

  @Authorized(Permission.CASE_INVESTIGATE)
  @Mutation(() => AnswerAssistancePayload, {
    description:
      'Answers a request asked of the caller’s region (协查答复): its evidence is checked against the digests and handed over into the case file.',
  })
  async answerAssistance(
    @Arg('input', { description: 'The request and the answer.' }) input: AnswerAssistanceInput,
    @Ctx() context: EnforcementContext,
  ): Promise<AnswerAssistancePayload> {
    return { assistanceRequest: await context.services.assistance.answer(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(...HANDLERS)
  @FieldResolver(() => String, {
    description: 'What the region asked should investigate or collect.',
  })
  question(@Root() request: AssistanceRequest): string {
    return request.question;
  }

  @Authorized(...HANDLERS)
  @FieldResolver(() => String, {
    description: 'What the requester chose to share of the case, all the region asked knows of it.',
  })
  sharedSummary(@Root() request: AssistanceRequest): string {
    return request.sharedSummary;
  }

  @Authorized(...HANDLERS)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The answer (协查答复); null while open.',
  })
  answer(@Root() request: AssistanceRequest): string | null {
    return request.answer;
  }

  @Authorized(...HANDLERS)
  @FieldResolver(() => [CaseEvidence], {
    description:
      'Evidence collected for the request, oldest first: all of it to the region asked; to the requesting side once the answer handed it over.',
  })
  async evidence(@Root() request: AssistanceRequest, @Ctx() context: EnforcementContext): Promise<CaseEvidence[]> {
    return assistanceEvidenceLoader(context).load(request.id);
  }
}

/** The requesting side's view from the case. */
@Resolver(() => EnforcementCase)
export class CaseAssistanceResolver {
  @Authorized(...HANDLERS)
  @FieldResolver(() => [AssistanceRequest], {
    description:
      'Assistance requests made on the case, oldest first: to the region handling it and the regions that asked or were asked.',
  })
  async assistanceRequests(
    @Root() enforcementCase: EnforcementCase,
    @Ctx() context: EnforcementContext,
  ): Promise<AssistanceRequest[]> {
    return caseAssistanceLoader(context).load(enforcementCase.id);
  }
}
