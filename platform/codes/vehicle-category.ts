import { registerEnumType } from 'type-graphql';

/**
 * What an operating vehicle is certified for (道路运输证 经营范围), as licensing registers it. Safety reads it
 * from licensing's events: the key vehicles of networked monitoring (重点营运车辆联网联控, "两客一危") are the
 * coaches and the hazardous-goods vehicles, and only coaches are barred from the road between 02:00 and 05:00.
 */
export enum VehicleCategory {
  /** 班线客车: a scheduled coach on a licensed line. */
  SCHEDULED_COACH = 'SCHEDULED_COACH',
  /** 旅游包车: a charter or tourist coach. */
  CHARTER_COACH = 'CHARTER_COACH',
  /** 危险货物运输车: a vehicle approved for hazardous goods of the classes it is certified for. */
  HAZARDOUS_GOODS = 'HAZARDOUS_GOODS',
  /** 普通货运车辆: an ordinary freight vehicle. */
  FREIGHT = 'FREIGHT',
}

registerEnumType(VehicleCategory, {
  name: 'VehicleCategory',
  description: 'What the road transport certificate allows the vehicle to carry (车辆经营类别).',
  valuesConfig: {
    SCHEDULED_COACH: { description: 'Scheduled coach on a licensed line (班线客车).' },
    CHARTER_COACH: { description: 'Charter or tourist coach (旅游包车).' },
    HAZARDOUS_GOODS: { description: 'Hazardous-goods transport vehicle (危险货物运输车).' },
    FREIGHT: { description: 'Ordinary freight vehicle (普通货运车辆).' },
  },
});

/** The passenger coaches: barred from running between 02:00 and 05:00 (客运车辆夜间禁行). */
export function isCoach(category: VehicleCategory): boolean {
  return category === VehicleCategory.SCHEDULED_COACH || category === VehicleCategory.CHARTER_COACH;
}

/** The key operating vehicles (重点营运车辆, "两客一危") that networked monitoring watches. */
export function isKeyVehicle(category: VehicleCategory): boolean {
  return isCoach(category) || category === VehicleCategory.HAZARDOUS_GOODS;
}
