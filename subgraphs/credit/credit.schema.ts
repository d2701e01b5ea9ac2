import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { CREDIT_CATALOGUE } from './credit.catalogue';
import { CREDIT_TEXT_FIELDS } from './credit.text-fields';
import { CreditProfileResolver } from './credit-profile/credit-profile.resolver';
import { CreditRecordResolver } from './credit-record/credit-record.resolver';
import { CreditDisclosureResolver } from './disclosure/credit-disclosure.resolver';
import { CreditDisclosureCorrectionResolver } from './disclosure/credit-disclosure-correction.resolver';
import { CreditRepairResolver } from './repair/credit-repair.resolver';
import { CreditListResolver, CreditProfileListResolver } from './credit-list/credit-list.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { Enterprise, EnterpriseCreditResolver } from './enterprise/enterprise.resolver';
import { CreditDeliveryResolver } from './national-platform/credit-delivery.resolver';
import { NationalStandingResolver } from './national-platform/national-standing.resolver';

export function buildCreditSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      CreditProfileResolver,
      CreditRecordResolver,
      CreditDisclosureResolver,
      CreditDisclosureCorrectionResolver,
      CreditRepairResolver,
      CreditListResolver,
      CreditProfileListResolver,
      EnterpriseCreditResolver,
      CreditDeliveryResolver,
      NationalStandingResolver,
    ],
    // No credit type points at Enterprise; it is in the schema for the field credit adds to it.
    orphanedTypes: [Enterprise],
    referenceResolvers: {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
    },
    textFields: CREDIT_TEXT_FIELDS,
    catalogue: CREDIT_CATALOGUE,
  });
}
