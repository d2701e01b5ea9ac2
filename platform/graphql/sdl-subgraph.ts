import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { isObjectType, parse, type GraphQLSchema } from 'graphql';
import { declaredPermissions } from '../auth/authorized-resolver';
import { CATALOGUE_LINK, spreadCatalogue } from './catalogue-directive';

/** The Federation 2 features every subgraph links, written as SDL or built with type-graphql. */
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@composeDirective"])`;

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * A subgraph written as SDL plus a resolver map, without type-graphql (the gateway's own audit
 * subgraph). Like `buildFederatedSchema` it fails when a root field declares no access rule: each must
 * resolve through `authorized(...)`, so a forgotten rule is a start-up error and not an open field.
 */
export function buildSdlSubgraphSchema<TContext>(
  typeDefs: string,
  resolvers: GraphQLResolverMap<TContext>,
): GraphQLSchema {
  const schema = buildSubgraphSchema({
    typeDefs: spreadCatalogue(parse([FEDERATION_LINK, CATALOGUE_LINK, typeDefs].join('\n'))),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  const undeclared = ROOT_TYPES.flatMap((rootName) => {
    const root = schema.getType(rootName);
    if (!isObjectType(root)) return [];
    return Object.values(root.getFields())
      .filter((field) => !field.name.startsWith('_') && !declaredPermissions(field.resolve))
      .map((field) => `${rootName}.${field.name}`);
  });
  if (undeclared.length > 0) throw new Error(`Resolvers without an access rule: ${undeclared.join(', ')}`);
  return schema;
}
