import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ALARM_BITS, PositionAlarm } from './inputs/submit-vehicle-positions.input';
import type { VehicleLatestPosition } from './vehicle-position.entity';

@ObjectType({ description: 'A reported position of a vehicle (车辆定位), WGS-84.' })
export class VehiclePositionView {
  @Field({ description: 'When the fix was taken (UTC).' })
  time: Date;

  @Field(() => Float, { description: 'WGS-84 longitude in degrees.' })
  longitude: number;

  @Field(() => Float, { description: 'WGS-84 latitude in degrees.' })
  latitude: number;

  @Field(() => Float, { description: 'Speed in km/h.' })
  speed: number;

  @Field(() => Int, { description: 'Heading in degrees from north.' })
  heading: number;

  @Field(() => [PositionAlarm], { description: 'Alarms the terminal raised with the fix.' })
  alarms: PositionAlarm[];
}

export function positionView(row: VehicleLatestPosition): VehiclePositionView {
  return {
    time: row.recordedAt,
    longitude: row.longitudeE6 / 1_000_000,
    latitude: row.latitudeE6 / 1_000_000,
    speed: row.speedDkmh / 10,
    heading: row.heading,
    alarms: (Object.keys(ALARM_BITS) as PositionAlarm[]).filter((alarm) => (row.alarmFlags & ALARM_BITS[alarm]) !== 0),
  };
}

@ObjectType({ description: 'How many key vehicles reported on a China day (上线率).' })
export class OnlineRate {
  @Field({ description: 'The China date, YYYY-MM-DD.' })
  day: string;

  @Field(() => Int, { description: 'Key vehicles ("两客一危") registered, within your region.' })
  keyVehicles: number;

  @Field(() => Int, { description: 'Of those, how many reported at least one position that day.' })
  onlineVehicles: number;

  @Field(() => Float, { nullable: true, description: 'onlineVehicles / keyVehicles, 0-1; null without key vehicles.' })
  rate: number | null;
}
