import { Field, Int, ObjectType } from 'type-graphql';
import { PenaltyKind } from '../enforcement-case/penalty-kind';

// Parts of the procedure shown grouped on the case. They are columns of the case row, so showing
// them costs no statement of its own.

@ObjectType({
  description:
    'The investigators’ proposed penalty (处罚建议): what the party is notified of and the decision may not exceed.',
})
export class PenaltyProposal {
  @Field(() => PenaltyKind, { description: 'The penalty proposed.' })
  penalty: PenaltyKind;

  @Field(() => Int, { nullable: true, description: 'The fine in fen when the penalty is FINE.' })
  fineFen: number | null;

  @Field(() => String, { nullable: true, description: 'The permit a suspension or revocation acts on.' })
  permitNumber: string | null;

  @Field({ description: 'Facts, grounds and legal basis.' })
  summary: string;

  @Field({
    description:
      'True for a major penalty (a large fine, a permit suspension or revocation): legal review before the notice, and a right to a hearing.',
  })
  major: boolean;

  @Field({ description: 'Who proposed it (username).' })
  proposedBy: string;

  @Field({ description: 'When it was proposed (UTC).' })
  proposedAt: Date;
}

@ObjectType({ description: 'The legal review (法制审核) of a major proposed penalty.' })
export class LegalReview {
  @Field(() => Boolean, {
    nullable: true,
    description: 'True when approved, false when returned for further investigation; null while pending.',
  })
  approved: boolean | null;

  @Field(() => String, { nullable: true, description: 'Who reviewed it (username).' })
  reviewedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was reviewed (UTC).' })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The reviewer’s opinion (审核意见).' })
  opinion: string | null;
}

@ObjectType({ description: 'The notice of the proposed penalty to the party and the party’s answer (告知, 陈述申辩).' })
export class PenaltyNotice {
  @Field({ description: 'Who notified the party (username).' })
  notifiedBy: string;

  @Field({ description: 'When the party was notified (UTC).' })
  notifiedAt: Date;

  @Field({
    description: 'Last day for the party to state its case or ask for a hearing, YYYY-MM-DD in China Standard Time.',
  })
  responseDueDate: string;

  @Field({ description: 'True when the penalty is major, so the party may ask for a hearing (听证).' })
  hearingAvailable: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The party’s statement and defence (陈述申辩) as recorded; resident ID and phone numbers in it are masked unless a pii-reader declared a purpose.',
  })
  statement: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded the statement (username).' })
  statementRecordedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the statement was recorded (UTC).' })
  statementRecordedAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the party gave up a hearing in writing.' })
  hearingWaived: boolean | null;
}

@ObjectType({ description: 'A hearing the party asked for (听证).' })
export class CaseHearing {
  @Field({ description: 'Who recorded the party’s request (username).' })
  requestedBy: string;

  @Field({ description: 'When the party asked for it (UTC).' })
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was held (UTC); null until then.' })
  heldAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Summary of the hearing record (听证笔录); resident ID and phone numbers in it are masked unless a pii-reader declared a purpose.',
  })
  record: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it (username).' })
  recordedBy: string | null;
}

@ObjectType({ description: 'How the decision was carried out (执行).' })
export class CaseExecution {
  @Field({ description: 'Who recorded it (username).' })
  executedBy: string;

  @Field({ description: 'When it was recorded (UTC).' })
  executedAt: Date;

  @Field(() => Int, { nullable: true, description: 'The amount paid in fen, for a fine.' })
  paidFen: number | null;

  @Field(() => String, { nullable: true, description: 'Number of the payment receipt (缴款凭证), for a fine.' })
  paymentReference: string | null;

  @Field(() => String, { nullable: true, description: 'How the decision was carried out.' })
  note: string | null;
}
