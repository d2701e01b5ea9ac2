import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { SafetyAlert } from '../safety-alert.entity';

@InputType({ description: 'An alert to acknowledge (确认报警).' })
export class AcknowledgeSafetyAlertInput {
  @Field(() => Int, { description: 'The alert’s number.' })
  alertId: number;

  @Field(() => Int, { nullable: true, description: 'The version you read; CONFLICT when the alert has changed since.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'An alert to close with how it was dealt with (处置报警).' })
export class CloseSafetyAlertInput extends AcknowledgeSafetyAlertInput {
  @Field({ description: 'How the alert was dealt with (处置情况), 1-1000 characters.' })
  disposition: string;
}

@InputType({ description: 'A serious or repeated alert to hand to enforcement as a draft case (移交执法).' })
export class EscalateSafetyAlertInput extends AcknowledgeSafetyAlertInput {
  @Field({ description: 'Why it goes to enforcement, 1-1000 characters.' })
  reason: string;
}

@ObjectType({ description: 'The alert after the step.' })
export class SafetyAlertPayload {
  @Field(() => SafetyAlert, { description: 'The alert as it now stands.' })
  alert: SafetyAlert;
}
