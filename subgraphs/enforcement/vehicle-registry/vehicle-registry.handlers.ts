import type { EventHandlers } from '../../../platform/outbox/event-inbox';
import type { EnforcementServices } from '../enforcement.context';

/**
 * Licensing's `vehicle.registered` keeps enforcement's vehicle projection; a new owner also names the
 * enterprise on overload records (and their drafts) stored before the registry had announced the plate.
 * Runs in the inbox transaction, so the projection and the event's inbox row commit together.
 */
export function vehicleRegistryEventHandlers(services: EnforcementServices): EventHandlers {
  return {
    'vehicle.registered': async (manager, envelope) => {
      const { changed } = await services.vehicleRegistry.apply(manager, envelope.payload);
      if (changed)
        await services.overload.linkOwner(
          manager,
          envelope.payload.plateNumber,
          envelope.payload.ownerCreditCode,
          new Date(),
        );
    },
  };
}
