import { Field, ObjectType } from 'type-graphql';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { CaseEvidence } from './case-evidence.entity';

@ObjectType({ description: 'An item of evidence just stored, and its case.' })
export class CaseEvidencePayload {
  @Field(() => CaseEvidence, { description: 'The item as stored, with the SM3 digest of its bytes.' })
  evidence: CaseEvidence;

  @Field(() => EnforcementCase, { description: 'The case the item belongs to.' })
  case: EnforcementCase;
}

@ObjectType({
  description:
    'The bytes of an item of evidence, read back from the file store and checked against its recorded SM3 digest.',
})
export class CaseEvidenceContent {
  @Field(() => CaseEvidence, { description: 'The item.' })
  evidence: CaseEvidence;

  @Field({
    description:
      'The file’s bytes, standard base64; they match `evidence.sm3Digest`, or the read fails naming the item.',
  })
  contentBase64: string;

  @Field({ description: 'SM3 digest of the bytes as read, lower-case hex: equal to the recorded one.' })
  sm3Digest: string;
}
