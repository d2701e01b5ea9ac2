import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import { vehicleEntity } from '../../../platform/graphql/shared-entities';
import type { SafetyContext } from '../safety.context';

/** Licensing owns the vehicle; this subgraph knows it by its plate and adds its waybills. */
export const Vehicle = vehicleEntity('An operating vehicle holding a road transport certificate (道路运输证).');
export type Vehicle = InstanceType<typeof Vehicle>;

export function resolveVehicleReference(
  reference: Pick<Vehicle, 'plateNumber'>,
  context: SafetyContext,
): Pick<Vehicle, 'plateNumber'> {
  requirePermission(context.identity, Permission.WAYBILL_READ);
  return { plateNumber: reference.plateNumber };
}
