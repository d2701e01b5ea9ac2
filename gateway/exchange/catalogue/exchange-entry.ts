import { catalogue } from '../../../platform/graphql/catalogue-directive';
import { citing, LEGAL_BASIS } from '../../../platform/graphql/catalogue-legal-basis';

/**
 * The catalogue entry of every type the exchange declares (grants, requests, operations, deliveries,
 * usage): the exchange's own bookkeeping, never shared. Written on each type of a part's SDL:
 * `type DataGrant ${EXCHANGE_CATALOGUE_ENTRY} { ... }`.
 */
export const EXCHANGE_CATALOGUE_ENTRY = catalogue({
  category: 'exchange',
  shareClass: 'NOT_SHARED',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.cybersecurity),
});
