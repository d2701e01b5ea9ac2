import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { SAFETY_CATALOGUE } from './safety.catalogue';
import { SAFETY_TEXT_FIELDS } from './safety.text-fields';
import { AccidentResolver } from './accident/accident.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseWaybillsResolver } from './enterprise/enterprise.resolver';
import { HazardEvidenceResolver, HiddenHazardResolver, SafetyInspectionResolver } from './hazard/hazard.resolver';
import { resolveVehicleReference } from './vehicle/vehicle.reference';
import { VehicleWaybillsResolver } from './vehicle/vehicle.resolver';
import { SafetyDeliveryResolver } from './national-platform/safety-delivery.resolver';
import { WaybillResolver } from './waybill/waybill.resolver';
import { EnterpriseMonitoringResolver, VehicleMonitoringResolver } from './monitoring/monitoring-entities.resolver';
import { SafetyAlertResolver } from './monitoring/safety-alert.resolver';
import { VehiclePositionResolver } from './monitoring/vehicle-position.resolver';

export function buildSafetySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      WaybillResolver,
      EnterpriseWaybillsResolver,
      VehicleWaybillsResolver,
      SafetyInspectionResolver,
      HiddenHazardResolver,
      HazardEvidenceResolver,
      AccidentResolver,
      SafetyDeliveryResolver,
      VehiclePositionResolver,
      SafetyAlertResolver,
      VehicleMonitoringResolver,
      EnterpriseMonitoringResolver,
    ],
    referenceResolvers: {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
      Vehicle: { __resolveReference: resolveVehicleReference },
    },
    textFields: SAFETY_TEXT_FIELDS,
    catalogue: SAFETY_CATALOGUE,
  });
}
