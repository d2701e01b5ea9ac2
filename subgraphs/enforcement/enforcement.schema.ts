import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { ENFORCEMENT_CATALOGUE } from './enforcement.catalogue';
import { ENFORCEMENT_TEXT_FIELDS } from './enforcement.text-fields';
import { EnforcementCaseResolver } from './enforcement-case/enforcement-case.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseCasesResolver } from './enterprise/enterprise.resolver';
import { CaseEvidenceResolver } from './evidence/case-evidence.resolver';
import { AssistanceResolver, CaseAssistanceResolver } from './exchange/assistance.resolver';
import { CaseTransferResolver } from './exchange/case-transfer.resolver';
import { OVERLOAD_RESOLVERS } from './overload/overload.module';
import { PenaltyResolver } from './penalty/penalty.resolver';
import { resolveVehicleReference } from './vehicle/vehicle.reference';
import { VehicleCasesResolver } from './vehicle/vehicle.resolver';

export function buildEnforcementSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      EnforcementCaseResolver,
      PenaltyResolver,
      CaseEvidenceResolver,
      CaseTransferResolver,
      AssistanceResolver,
      CaseAssistanceResolver,
      EnterpriseCasesResolver,
      VehicleCasesResolver,
      ...OVERLOAD_RESOLVERS,
    ],
    referenceResolvers: {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
      Vehicle: { __resolveReference: resolveVehicleReference },
    },
    textFields: ENFORCEMENT_TEXT_FIELDS,
    catalogue: ENFORCEMENT_CATALOGUE,
  });
}
