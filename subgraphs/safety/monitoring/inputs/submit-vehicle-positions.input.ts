import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';

/** Alarm bits a terminal reports with a position (JT/T 808 报警标志, the ones supervision uses). */
export enum PositionAlarm {
  EMERGENCY = 'EMERGENCY',
  OVERSPEED = 'OVERSPEED',
  FATIGUE = 'FATIGUE',
  GNSS_FAULT = 'GNSS_FAULT',
  POWER_LOSS = 'POWER_LOSS',
}

/** The bit each alarm takes in `vehicle_position.alarm_flags`; never renumber. */
export const ALARM_BITS: Readonly<Record<PositionAlarm, number>> = {
  EMERGENCY: 1,
  OVERSPEED: 2,
  FATIGUE: 4,
  GNSS_FAULT: 8,
  POWER_LOSS: 16,
};

registerEnumType(PositionAlarm, {
  name: 'PositionAlarm',
  description: 'An alarm the vehicle terminal raised with the position (终端报警标志).',
  valuesConfig: {
    EMERGENCY: { description: 'The driver pressed the emergency button (紧急报警).' },
    OVERSPEED: { description: 'The terminal’s own overspeed alarm (超速报警).' },
    FATIGUE: { description: 'The terminal’s own fatigue-driving alarm (疲劳驾驶报警).' },
    GNSS_FAULT: { description: 'The satellite receiver failed (GNSS模块故障).' },
    POWER_LOSS: { description: 'The terminal lost main power (终端主电源掉电).' },
  },
});

@InputType({
  description:
    'One position report of a key vehicle (车辆定位信息), as the terminal took it. Coordinates are WGS-84 (as GB/T 35658 / JT/T 808 terminals report), not GCJ-02.',
})
export class VehiclePositionInput {
  @Field({ description: 'Plate number (号牌号码), GA 36 form, of a vehicle in the safety registry.' })
  plateNumber: string;

  @Field({
    description:
      'When the fix was taken (ISO 8601 with its zone, stored to the second in UTC); not later than now plus the allowed clock skew, not older than the retention period, and not older than the latest position stored for the plate.',
  })
  time: Date;

  @Field(() => Float, {
    description: 'WGS-84 longitude in degrees (east positive), within China’s bounding box 73.5-135.1.',
  })
  longitude: number;

  @Field(() => Float, {
    description: 'WGS-84 latitude in degrees (north positive), within China’s bounding box 3.8-53.6.',
  })
  latitude: number;

  @Field(() => Float, { description: 'Speed over ground in km/h, 0-220 (kept to 0.1 km/h).' })
  speed: number;

  @Field(() => Int, { description: 'Heading in whole degrees from north, 0-359.' })
  heading: number;

  @Field(() => [PositionAlarm], { nullable: true, description: 'Alarms the terminal raised with this fix.' })
  alarms?: PositionAlarm[] | null;
}

@InputType({ description: 'A batch of key vehicles’ positions from the provincial monitoring platform.' })
export class SubmitVehiclePositionsInput {
  @Field(() => [VehiclePositionInput], {
    description: 'The positions, 1-500 per batch, in any order; each gets its own result, in the same order.',
  })
  positions: VehiclePositionInput[];
}
