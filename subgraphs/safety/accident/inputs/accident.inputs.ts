import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AccidentSeverity } from '../accident-severity';
import { Accident } from '../accident.entity';

@InputType({ description: 'The first report of an accident (事故快报): a vehicle, an enterprise or both.' })
export class ReportAccidentInput {
  @Field(() => String, { nullable: true, description: 'Plate number of the vehicle involved, GA 36 form.' })
  plateNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Credit code of the enterprise involved.' })
  creditCode?: string | null;

  @Field({ description: 'When it happened (ISO 8601 with zone); not in the future.' })
  occurredAt: Date;

  @Field({ description: 'GB/T 2260 code of the region where it happened; must lie within your region.' })
  regionCode: string;

  @Field({ description: 'Where it happened: road, kilometre post, direction (1-500 characters).' })
  location: string;

  @Field({ description: 'What happened, briefly (事故简要经过, 1-2000 characters).' })
  summary: string;

  @Field(() => AccidentSeverity, { description: 'Grade; at least the grade the figures make it.' })
  severity: AccidentSeverity;

  @Field(() => Int, { description: 'Deaths so far (0 or more).' })
  deaths: number;

  @Field(() => Int, { description: 'Serious injuries so far (0 or more).' })
  injuries: number;

  @Field(() => Float, { description: 'Direct economic loss so far, in whole fen (0 or more).' })
  directLossFen: number;

  @Field(() => String, {
    nullable: true,
    description: 'Number of the electronic waybill of the goods carried; it must exist and be visible to you.',
  })
  waybillNumber?: string | null;
}

@InputType({ description: 'A follow-up report (续报): the figures as now known and what is new.' })
export class UpdateAccidentReportInput {
  @Field(() => ID, { description: 'The accident’s id.' })
  accidentId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version read; a changed report is refused (CONFLICT, STALE_VERSION).',
  })
  expectedVersion?: number | null;

  @Field(() => AccidentSeverity, { description: 'Grade as now known; at least the grade the figures make it.' })
  severity: AccidentSeverity;

  @Field(() => Int, { description: 'Deaths as now known (0 or more).' })
  deaths: number;

  @Field(() => Int, { description: 'Serious injuries as now known (0 or more).' })
  injuries: number;

  @Field(() => Float, { description: 'Direct economic loss as now known, in whole fen (0 or more).' })
  directLossFen: number;

  @Field({ description: 'What is new since the last report (1-2000 characters).' })
  note: string;
}

@ObjectType({ description: 'An accident report after the first report or a follow-up.' })
export class AccidentPayload {
  @Field(() => Accident, { description: 'The accident as now reported.' })
  accident: Accident;
}
