import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CreditRepairApplication } from '../credit-repair-application.entity';

@InputType({ description: 'A document for a credit repair application, base64-encoded.' })
export class CreditRepairDocumentInput {
  @Field({ description: 'File name (1-200 characters, no path).' })
  fileName: string;

  @Field({ description: 'The file, base64-encoded; at most 5 MiB once decoded.' })
  contentBase64: string;
}

@InputType({
  description:
    'An application for credit repair (信用修复) of a disclosed penalty, filed by a credit officer for the enterprise once the minimum publicity period is over.',
})
export class ApplyForCreditRepairInput {
  @Field(() => ID, { description: 'The penalty disclosure’s id.' })
  disclosureId: string;

  @Field({ description: 'Whether the penalty was executed in full (处罚已履行); it must be.' })
  penaltyExecuted: boolean;

  @Field({ description: 'How it was executed, e.g. the fine paid and the receipt number (1-1000 characters).' })
  executionStatement: string;

  @Field(() => CreditRepairDocumentInput, { description: 'The signed credit commitment letter (信用承诺书).' })
  commitmentLetter: CreditRepairDocumentInput;

  @Field(() => [CreditRepairDocumentInput], {
    description: 'Evidence that the conduct was corrected (1-10 documents).',
  })
  correctiveEvidence: CreditRepairDocumentInput[];
}

@InputType({ description: 'A decision on a pending credit repair application, with its reasons.' })
export class DecideCreditRepairInput {
  @Field(() => ID, { description: 'The application’s id.' })
  id: string;

  @Field(() => Int, { description: 'The version read; a changed application is refused (CONFLICT, STALE_VERSION).' })
  expectedVersion: number;

  @Field({ description: 'The reasons (1-1000 characters), kept with the decision; required.' })
  reason: string;
}

@ObjectType({ description: 'A credit repair application after a step.' })
export class CreditRepairPayload {
  @Field(() => CreditRepairApplication, { description: 'The application as it now stands.' })
  application: CreditRepairApplication;
}
