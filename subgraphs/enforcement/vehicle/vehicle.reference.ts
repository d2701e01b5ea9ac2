import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import type { EnforcementContext } from '../enforcement.context';
import type { Vehicle } from './vehicle.resolver';

/** Resolves `Vehicle` references for the fields enforcement adds; the registry itself lives in licensing. */
export function resolveVehicleReference(reference: Pick<Vehicle, 'plateNumber'>, context: EnforcementContext): Vehicle {
  requirePermission(context.identity, Permission.CASE_READ);
  return { plateNumber: reference.plateNumber };
}
