import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { STATISTICS_CATALOGUE } from './statistics.catalogue';
import { STATISTICS_TEXT_FIELDS } from './statistics.text-fields';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { Enterprise, EnterpriseActivityResolver } from './enterprise/enterprise.resolver';
import { IndicatorCatalogueResolver } from './catalogue/indicator-catalogue.resolver';
import { IndicatorResolver } from './indicator/indicator.resolver';
import { OpenDataResolver } from './open-data/open-data.resolver';
import { ForecastResolver } from './forecast/forecast.resolver';
import { WarningResolver } from './warning/warning.resolver';

export function buildStatisticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      EnterpriseActivityResolver,
      IndicatorResolver,
      IndicatorCatalogueResolver,
      OpenDataResolver,
      WarningResolver,
      ForecastResolver,
    ],
    // No query returns Enterprise here; it enters the schema only as the entity statistics extends.
    orphanedTypes: [Enterprise],
    referenceResolvers: {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
    },
    textFields: STATISTICS_TEXT_FIELDS,
    catalogue: STATISTICS_CATALOGUE,
  });
}
