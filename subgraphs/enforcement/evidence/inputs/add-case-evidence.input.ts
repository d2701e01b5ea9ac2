import { Field, InputType } from 'type-graphql';
import { EvidenceKind } from '../evidence-kind';

/** What every item of evidence carries, whoever collects it. */
@InputType({ description: 'An item of evidence to store (a base for the evidence inputs).' })
export abstract class EvidenceItemInput {
  @Field(() => EvidenceKind, { description: 'What the item is.' })
  kind: EvidenceKind;

  @Field({ description: 'What the item shows or records (1-200 characters).' })
  title: string;

  @Field({ description: 'The file name as collected (1-200 characters, no path).' })
  fileName: string;

  @Field({ description: 'The file’s bytes, standard base64 (up to 512 KiB once decoded).' })
  contentBase64: string;

  @Field({ description: 'When the evidence was collected (UTC); not in the future.' })
  collectedAt: Date;
}

@InputType({ description: 'An item of evidence the handling region collected on its case (调查取证).' })
export class AddCaseEvidenceInput extends EvidenceItemInput {
  @Field({ description: 'Case number.' })
  caseNumber: string;
}
