import { Field, ObjectType } from 'type-graphql';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { CaseEvidence } from '../evidence/case-evidence.entity';
import { AssistanceRequest } from './assistance-request.entity';

@ObjectType({ description: 'An assistance request just made, and the case it is about.' })
export class RequestAssistancePayload {
  @Field(() => AssistanceRequest, { description: 'The request as the region asked will see it.' })
  assistanceRequest: AssistanceRequest;

  @Field(() => EnforcementCase, { description: 'The case.' })
  case: EnforcementCase;
}

@ObjectType({ description: 'An item of evidence collected for an assistance request, and the request.' })
export class AssistanceEvidencePayload {
  @Field(() => CaseEvidence, { description: 'The item as stored, with the SM3 digest of its bytes.' })
  evidence: CaseEvidence;

  @Field(() => AssistanceRequest, { description: 'The request.' })
  assistanceRequest: AssistanceRequest;
}

@ObjectType({ description: 'An assistance request after its answer.' })
export class AnswerAssistancePayload {
  @Field(() => AssistanceRequest, { description: 'The request, answered, its evidence handed over.' })
  assistanceRequest: AssistanceRequest;
}
