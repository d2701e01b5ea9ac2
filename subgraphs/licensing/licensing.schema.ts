import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { LICENSING_CATALOGUE } from './licensing.catalogue';
import { LICENSING_TEXT_FIELDS } from './licensing.text-fields';
import { PermitMaterialResolver } from './attachment/permit-material.resolver';
import { CertificateResolver, PermitCertificateResolver } from './certificate/certificate.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
// The permit resolvers load in this order on purpose: type-graphql lists Query and Mutation fields in
// the order their modules load, and the committed schema/licensing.graphql keeps that order.
import { PermitApplicationResolver } from './permit/permit-application.resolver';
import { ApplicationProcedureResolver } from './permit/application-procedure.resolver';
import { DeadlineExtensionResolver } from './permit/deadline-extension.resolver';
import { RouteSegmentApprovalResolver } from './permit/route-segment-approval.resolver';
import { PermitResolver } from './permit/permit.resolver';
import { PermitApplicationPlatformReportResolver, PlatformReportResolver } from './platforms/platform-report.resolver';
import { resolveVehicleReference } from './vehicle/vehicle.reference';
import { VehicleResolver } from './vehicle/vehicle.resolver';

export function buildLicensingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      EnterpriseResolver,
      VehicleResolver,
      PermitApplicationResolver,
      ApplicationProcedureResolver,
      DeadlineExtensionResolver,
      RouteSegmentApprovalResolver,
      PermitResolver,
      PlatformReportResolver,
      PermitApplicationPlatformReportResolver,
      CertificateResolver,
      PermitCertificateResolver,
      PermitMaterialResolver,
    ],
    referenceResolvers: {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
      Vehicle: { __resolveReference: resolveVehicleReference },
    },
    textFields: LICENSING_TEXT_FIELDS,
    catalogue: LICENSING_CATALOGUE,
  });
}
