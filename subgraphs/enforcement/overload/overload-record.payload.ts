import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum OverloadRecordOutcome {
  ACCEPTED = 'ACCEPTED',
  DUPLICATE = 'DUPLICATE',
  REJECTED = 'REJECTED',
}

registerEnumType(OverloadRecordOutcome, {
  name: 'OverloadRecordOutcome',
  description: 'What became of one submitted detection record.',
  valuesConfig: {
    ACCEPTED: { description: 'Recorded now.' },
    DUPLICATE: {
      description: 'Recorded before (same station and station record id, same values); nothing new was written.',
    },
    REJECTED: { description: 'Not recorded; `problems` says why. Correct the record and send it again.' },
  },
});

@ObjectType({ description: 'Why a submitted detection record was rejected.' })
export class OverloadRecordProblem {
  @Field({ description: "The input field at fault, with the record's position, e.g. `records[3].grossWeightKg`." })
  field: string;

  @Field({ description: 'What is wrong with it.' })
  message: string;
}

@ObjectType({ description: 'The outcome of one submitted detection record.' })
export class OverloadRecordResult {
  @Field(() => Int, { description: 'Position of the record in the submitted batch, from 0.' })
  index: number;

  @Field({ description: "The station's record id, as sent." })
  stationRecordId: string;

  @Field(() => OverloadRecordOutcome, { description: 'Accepted, duplicate or rejected.' })
  outcome: OverloadRecordOutcome;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the record exceeds its limit by more than the tolerance (超限), and so goes to a draft case; null when rejected.',
  })
  overloaded: boolean | null;

  @Field(() => [OverloadRecordProblem], { description: 'Why the record was rejected; empty otherwise.' })
  problems: OverloadRecordProblem[];
}

@ObjectType({ description: 'What became of a batch of detection records: one result per record, in the order sent.' })
export class SubmitOverloadRecordsPayload {
  @Field(() => Int, { description: 'Records recorded now.' })
  acceptedCount: number;

  @Field(() => Int, { description: 'Records that had been recorded before.' })
  duplicateCount: number;

  @Field(() => Int, { description: 'Records rejected; see their `problems`.' })
  rejectedCount: number;

  @Field(() => [OverloadRecordResult], { description: 'One result per submitted record, in the order sent.' })
  results: OverloadRecordResult[];
}
