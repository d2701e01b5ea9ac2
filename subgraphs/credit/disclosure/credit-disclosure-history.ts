import { Field, ObjectType } from 'type-graphql';
import { CreditDisclosure } from './credit-disclosure.entity';
import { CreditDisclosureRevision } from './credit-disclosure-revision.entity';

@ObjectType({
  description:
    'A disclosure as it stands, shown or not, with every revision it went through (公示变更记录); for credit officers.',
})
export class CreditDisclosureHistory {
  @Field(() => CreditDisclosure, { description: 'The current version.' })
  disclosure: CreditDisclosure;

  @Field(() => [CreditDisclosureRevision], { description: 'Its revisions, oldest first; none is ever deleted.' })
  revisions: CreditDisclosureRevision[];
}
