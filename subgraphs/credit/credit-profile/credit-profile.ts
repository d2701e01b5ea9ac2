import { Field, Int, ObjectType } from 'type-graphql';
import { CreditRating } from './credit-rating';

/** Derived from the subject's records on every read; nothing about it is stored. */
@ObjectType({
  description: 'A market subject’s credit standing (信用档案): its score and rating, derived from its credit records.',
})
export class CreditProfile {
  @Field({ description: 'Unified social credit code (统一社会信用代码) of the subject.' })
  creditCode: string;

  @Field(() => Int, {
    description:
      'Credit score (信用分), 0-100: 100 plus the deltas of all records not repaired (信用修复), kept within the bounds.',
  })
  score: number;

  @Field(() => CreditRating, { description: 'Credit rating (信用等级) the score earns.' })
  rating: CreditRating;

  @Field(() => Int, { description: 'How many credit records the subject has.' })
  recordCount: number;
}
