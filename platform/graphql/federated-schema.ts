import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type ClassType, type NonEmptyArray } from 'type-graphql';
import { PermissionAuthChecker } from './permission-auth-checker';
import { CATALOGUE_LINK, spreadCatalogue, type CatalogueRules } from './catalogue-directive';
import { FEDERATION_LINK } from './sdl-subgraph';
import { describeMaskedFields, maskTextFields, type TextFieldRules } from './text-fields';

export type ReferenceResolvers = Record<string, { __resolveReference: (...args: never[]) => unknown }>;

export interface FederatedSchemaOptions {
  resolvers: NonEmptyArray<ClassType>;
  orphanedTypes?: ClassType[];
  referenceResolvers: ReferenceResolvers;
  /** What every String field holds; personal information is masked by the rule (see text-fields.ts). */
  textFields: TextFieldRules;
  /** The data resource catalogue's entry of every object type (see catalogue-directive.ts). */
  catalogue: CatalogueRules;
}

/**
 * Fails the build when a resolver declares no `@Authorized` rule: access is denied unless declared.
 * Checked here, once, so a forgotten rule is a start-up error and not an open field.
 */
function assertEveryResolverDeclaresAccess(resolverClasses: readonly ClassType[]): void {
  const storage = getMetadataStorage();
  const declared = new Set(storage.authorizedFields.map((rule) => `${rule.target.name}.${rule.fieldName}`));
  const resolvers = [...storage.queries, ...storage.mutations, ...storage.fieldResolvers].filter((resolver) =>
    resolverClasses.some((resolverClass) => resolverClass === resolver.target),
  );
  const undeclared = resolvers
    .map((resolver) => `${resolver.target.name}.${resolver.methodName}`)
    .filter((name) => !declared.has(name));
  if (undeclared.length > 0) throw new Error(`Resolvers without an access rule: ${undeclared.join(', ')}`);
}

/**
 * type-graphql builds the types and resolvers; @apollo/subgraph adds the federation fields
 * (`_entities`, `_service`) and reference resolvers. The SDL it serves is what `npm run compose` composes.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  assertEveryResolverDeclaresAccess(options.resolvers);
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: PermissionAuthChecker,
    authMode: 'error',
    validate: false,
    // Subgraphs that only extend entities may have no root query of their own.
    skipCheck: true,
  });
  describeMaskedFields(typeGraphqlSchema, options.textFields);
  const resolverMap = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers)) {
    resolverMap[typeName] = {
      ...(resolverMap[typeName] as object),
      ...reference,
    } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({
    typeDefs: spreadCatalogue(
      parse([FEDERATION_LINK, CATALOGUE_LINK, printSchemaWithDirectives(typeGraphqlSchema)].join('\n')),
      options.catalogue,
    ),
    resolvers: resolverMap,
  });
  return maskTextFields(schema, options.textFields);
}
