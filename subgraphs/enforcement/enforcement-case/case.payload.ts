import { Field, ObjectType } from 'type-graphql';
import { EnforcementCase } from './enforcement-case.entity';

@ObjectType({ description: 'A case after an action on it.' })
export class CasePayload {
  @Field(() => EnforcementCase, { description: 'The case as it now stands.' })
  case: EnforcementCase;
}
