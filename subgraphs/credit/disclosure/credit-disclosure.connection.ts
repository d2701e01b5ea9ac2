import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { CreditDisclosure } from './credit-disclosure.entity';

@ObjectType({ description: 'A page of public credit disclosures (双公示), newest first.' })
export class CreditDisclosureConnection extends ConnectionType(
  CreditDisclosure,
  'CreditDisclosure',
  'credit disclosure',
) {
  @Field({
    description:
      'True when more match than the public search counts (10,000): totalCount is then that many, at least (超过一万条).',
  })
  totalCountCapped: boolean;
}
