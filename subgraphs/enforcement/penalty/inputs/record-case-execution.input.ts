import { Field, InputType, Int } from 'type-graphql';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';

@InputType({ description: 'How a decision was carried out (执行): for a fine, its payment.' })
export class RecordCaseExecutionInput extends CaseReferenceInput {
  @Field(() => Int, {
    nullable: true,
    description: 'The amount paid in fen: required for a FINE and equal to it, absent otherwise.',
  })
  paidFen?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Number of the payment receipt (缴款凭证): required for a FINE, absent otherwise (1-64 characters).',
  })
  paymentReference?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How the decision was carried out, e.g. the permit was collected (up to 1000 characters).',
  })
  note?: string | null;
}
