import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CreditProfile } from '../../credit-profile/credit-profile';
import { CreditRecordKind } from '../credit-record-kind';
import { CreditRecord } from '../credit-record.entity';

@InputType({
  description: 'A credit record a credit officer enters by hand (人工录入), resting on a decision or document.',
})
export class RecordCreditInput {
  @Field({ description: 'Credit code of the subject, validated with its check character.' })
  creditCode: string;

  @Field(() => CreditRecordKind, { description: 'What the record states.' })
  kind: CreditRecordKind;

  @Field({ description: 'GB/T 2260 code of the deciding authority; must lie within the officer’s region.' })
  regionCode: string;

  @Field({ description: 'What was decided (1-1000 characters).' })
  summary: string;

  @Field({ description: 'When the decision was made (UTC); not in the future.' })
  decidedAt: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Number of the decision or document the record rests on (1-64 characters); one record per number. Generated when omitted.',
  })
  sourceReference?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Score delta, -100 to +10: not positive for penalties and dishonesty, not negative for commendations, 0 for licenses. Defaults to +5 for a commendation, -30 for dishonesty, 0 for a license; required for a penalty.',
  })
  scoreDelta?: number | null;
}

@ObjectType({ description: 'The result of entering a credit record.' })
export class RecordCreditPayload {
  @Field(() => CreditRecord, { description: 'The record as entered.' })
  record: CreditRecord;

  @Field(() => CreditProfile, { description: 'The subject’s credit profile with the record counted.' })
  profile: CreditProfile;
}
