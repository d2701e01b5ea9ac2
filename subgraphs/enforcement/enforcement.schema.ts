import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../kit/graphql/federated-schema';
import { EnforcementCaseResolver } from './enforcement-case/enforcement-case.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseCasesResolver } from './enterprise/enterprise.resolver';
import { OVERLOAD_RESOLVERS } from './overload/overload.module';
import { resolveVehicleReference } from './vehicle/vehicle.reference';
import { VehicleCasesResolver } from './vehicle/vehicle.resolver';

export function buildEnforcementSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [EnforcementCaseResolver, EnterpriseCasesResolver, VehicleCasesResolver, ...OVERLOAD_RESOLVERS],
    referenceResolvers: {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
      Vehicle: { __resolveReference: resolveVehicleReference },
    },
  });
}
