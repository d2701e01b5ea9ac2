import type { EventHandlers } from '../../../platform/outbox/event-inbox';
import type { SafetyServices } from '../safety.context';

/**
 * Licensing's vehicles and hazardous-goods permits, kept in safety's projections: a waybill is checked
 * against them, and a permit suspended or revoked by enforcement stops the carrier's new waybills as soon
 * as `permit.status-changed` arrives. Runs in the inbox transaction.
 */
export function safetyRegistryEventHandlers(services: SafetyServices): EventHandlers {
  return {
    'vehicle.registered': (manager, envelope) => services.registry.applyVehicleRegistered(manager, envelope.payload),
    'vehicle.certificate-changed': (manager, envelope) =>
      services.registry.applyCertificateChanged(manager, envelope.payload),
    'permit.issued': (manager, envelope) => services.registry.applyPermitIssued(manager, envelope.payload),
    'permit.status-changed': (manager, envelope) =>
      services.registry.applyPermitStatusChanged(manager, envelope.payload),
  };
}
