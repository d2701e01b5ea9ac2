import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PositionOutcome {
  ACCEPTED = 'ACCEPTED',
  DUPLICATE = 'DUPLICATE',
  REJECTED = 'REJECTED',
}

registerEnumType(PositionOutcome, {
  name: 'PositionOutcome',
  description: 'What became of one submitted position.',
  valuesConfig: {
    ACCEPTED: { description: 'Stored now (and run through the alert rules).' },
    DUPLICATE: { description: 'Stored before with the same values (same plate and time); nothing new was written.' },
    REJECTED: { description: 'Not stored; `problems` says why. The rest of the batch is not affected.' },
  },
});

/** Stable codes of a rejected position's problems. */
export enum PositionProblemCode {
  INVALID_PLATE = 'INVALID_PLATE',
  UNKNOWN_VEHICLE = 'UNKNOWN_VEHICLE',
  OUTSIDE_REGION = 'OUTSIDE_REGION',
  INVALID_TIME = 'INVALID_TIME',
  FUTURE_TIME = 'FUTURE_TIME',
  TOO_OLD = 'TOO_OLD',
  OUT_OF_ORDER = 'OUT_OF_ORDER',
  CONFLICTING_DUPLICATE = 'CONFLICTING_DUPLICATE',
  OUTSIDE_CHINA = 'OUTSIDE_CHINA',
  INVALID_SPEED = 'INVALID_SPEED',
  INVALID_HEADING = 'INVALID_HEADING',
}

registerEnumType(PositionProblemCode, {
  name: 'PositionProblemCode',
  description: 'Why a position was rejected, as a stable code to branch on.',
  valuesConfig: {
    INVALID_PLATE: { description: 'Not a GA 36 plate number.' },
    UNKNOWN_VEHICLE: { description: 'The plate is not in the safety registry (no road transport certificate known).' },
    OUTSIDE_REGION: { description: 'The vehicle is certified outside the submitting platform’s region.' },
    INVALID_TIME: { description: 'Not a valid instant.' },
    FUTURE_TIME: { description: 'Later than now plus the allowed clock skew.' },
    TOO_OLD: { description: 'Older than the retention period.' },
    OUT_OF_ORDER: { description: 'Older than the latest position stored for the plate, and not stored before.' },
    CONFLICTING_DUPLICATE: { description: 'A position of the plate at this time was stored with other values.' },
    OUTSIDE_CHINA: { description: 'The coordinates lie outside China’s bounding box (or are not WGS-84 degrees).' },
    INVALID_SPEED: { description: 'Negative, or above 220 km/h.' },
    INVALID_HEADING: { description: 'Not a whole number of degrees 0-359.' },
  },
});

@ObjectType({ description: 'Why a submitted position was rejected.' })
export class PositionProblem {
  @Field({ description: "The input field at fault, with the position's index, e.g. `positions[3].speed`." })
  field: string;

  @Field(() => PositionProblemCode, { description: 'The stable code of the problem.' })
  code: PositionProblemCode;

  @Field({ description: 'What is wrong with it.' })
  message: string;
}

@ObjectType({ description: 'The outcome of one submitted position.' })
export class PositionResult {
  @Field(() => Int, { description: 'Position in the submitted batch, from 0.' })
  index: number;

  @Field({ description: 'The plate, as sent.' })
  plateNumber: string;

  @Field(() => PositionOutcome, { description: 'Accepted, duplicate or rejected.' })
  outcome: PositionOutcome;

  @Field(() => [PositionProblem], { description: 'Why the position was rejected; empty otherwise.' })
  problems: PositionProblem[];
}

@ObjectType({ description: 'What became of a batch of positions: one result per position, in the order sent.' })
export class SubmitVehiclePositionsPayload {
  @Field(() => Int, { description: 'Positions stored now.' })
  acceptedCount: number;

  @Field(() => Int, { description: 'Positions stored before.' })
  duplicateCount: number;

  @Field(() => Int, { description: 'Positions rejected; see their `problems`.' })
  rejectedCount: number;

  @Field(() => Int, { description: 'Alerts the accepted positions raised (speeding, fatigue, night coach).' })
  alertsRaised: number;

  @Field(() => [PositionResult], { description: 'One result per submitted position, in the order sent.' })
  results: PositionResult[];
}
