import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CreditList } from '../credit-list';
import { CreditListEntry } from '../credit-list-entry.entity';
import { ListCriterion } from '../list-criteria';

@InputType({
  description: 'A credit officer’s listing (认定列入) of a market subject, on a criterion and the decisions behind it.',
})
export class ListCreditSubjectInput {
  @Field(() => CreditList, { nullable: true, description: 'The list; SERIOUS_DISHONESTY when omitted.' })
  list?: CreditList | null;

  @Field({ description: 'Credit code of the subject; it must be a registered enterprise.' })
  creditCode: string;

  @Field(() => ListCriterion, { description: 'The criterion met (列入依据).' })
  criterion: ListCriterion;

  @Field({ description: 'GB/T 2260 code of the deciding authority; must lie within the officer’s region.' })
  regionCode: string;

  @Field(() => [String], {
    description:
      'Numbers of the decisions the listing rests on (决定文书号, 1-10, each 1-64 characters, public: no personal information).',
  })
  documentNumbers: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Why the subject is listed (1-1000 characters); required, kept in the entry’s history.',
  })
  reason?: string | null;
}

@InputType({ description: 'A credit officer’s removal (移出) of a list entry, with reasons.' })
export class RemoveCreditListEntryInput {
  @Field(() => Int, { description: 'The entry’s number.' })
  entryId: number;

  @Field(() => Int, {
    description: 'The entry’s version as the officer read it; a changed entry is refused with CONFLICT.',
  })
  expectedVersion: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is removed (1-1000 characters); required, kept in the entry’s history.',
  })
  reason?: string | null;
}

@ObjectType({ description: 'A list entry after a change.' })
export class CreditListEntryPayload {
  @Field(() => CreditListEntry, { description: 'The entry as it now stands.' })
  entry: CreditListEntry;
}
