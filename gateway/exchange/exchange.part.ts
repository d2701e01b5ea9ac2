import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AccessRules } from '../../platform/auth/access-rules';
import type { TextFieldRules } from '../../platform/graphql/text-fields';
import type { ExchangeContext } from './exchange.context';

/**
 * One part of the data exchange subgraph (the catalogue, grants, access requests, operations,
 * notifications, usage): its SDL (`extend type Query` / `extend type Mutation`), resolvers (every root
 * field through `authorized(...)`), access rules per type and what each String field holds.
 */
export interface ExchangePart {
  typeDefs: string;
  resolvers: GraphQLResolverMap<ExchangeContext>;
  access: AccessRules;
  textFields: TextFieldRules;
}
