import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import { vehicleLoader, type LicensingContext } from '../licensing.context';
import type { Vehicle } from './vehicle.entity';

export async function resolveVehicleReference(
  reference: Pick<Vehicle, 'plateNumber'>,
  context: LicensingContext,
): Promise<Vehicle | null> {
  requirePermission(context.identity, Permission.REGISTRY_READ);
  return vehicleLoader(context).load(reference.plateNumber);
}
