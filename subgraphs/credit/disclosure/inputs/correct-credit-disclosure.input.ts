import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CreditDisclosure } from '../credit-disclosure.entity';

@InputType({
  description:
    'A correction (更正) of a disclosure’s public fields by a credit officer of the deciding region, with the reason. Fields left out stay as they are.',
})
export class CorrectCreditDisclosureInput {
  @Field(() => ID, { description: 'The disclosure’s id.' })
  id: string;

  @Field(() => Int, {
    description: 'The version the officer read; a disclosure changed since is refused (CONFLICT, STALE_VERSION).',
  })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Registered name of the counterpart (1-200 characters).' })
  counterpartName?: string | null;

  @Field(() => String, { nullable: true, description: 'The licensing matter or the offence (1-1000 characters).' })
  matter?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal basis (1-500 characters).' })
  legalBasis?: string | null;

  @Field(() => String, { nullable: true, description: 'Content of the decision (1-1200 characters).' })
  content?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A penalty’s fine in fen; it may change the dishonesty’s severity and so the publicity period.',
  })
  fineFen?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'A licence’s first valid day, YYYY-MM-DD (China Standard Time).',
  })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'A licence’s last valid day, YYYY-MM-DD (China Standard Time).' })
  validUntil?: string | null;

  @Field({ description: 'Why it is corrected (1-1000 characters), kept in the history; required.' })
  reason: string;
}

@ObjectType({ description: 'A disclosure after a correction.' })
export class CorrectCreditDisclosurePayload {
  @Field(() => CreditDisclosure, { description: 'The disclosure as corrected, at its new version.' })
  disclosure: CreditDisclosure;
}
