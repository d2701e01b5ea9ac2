import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { declaredPermissions } from './authorized-resolver';
import { PUBLIC_PERMISSIONS, PUBLIC_QUERY_FIELDS, type Permission } from './permission.policy';

/**
 * Who may see each object type a subgraph serves, declared next to the subgraph
 * (`<subgraph>.access.ts`) and checked against its resolvers by `accessRuleProblems`:
 * - a list of permissions: the callers who may see the type's fields;
 * - STRUCTURE: a wrapper (connection, edge, payload) that shows what its fields lead to;
 * - ENTITY_KEY: another subgraph's entity, of which this one holds only the key.
 */
export type TypeAccess = readonly Permission[] | 'STRUCTURE' | 'ENTITY_KEY';
export type AccessRules = Readonly<Record<string, TypeAccess>>;

/** Types every subgraph shares from the kit. */
export const KIT_ACCESS_RULES: AccessRules = { PageInfo: 'STRUCTURE' };

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The class type-graphql records a resolver or rule against. */
type MetadataTarget = ReturnType<typeof getMetadataStorage>['authorizedFields'][number]['target'];

interface ResolverRule {
  permissions: readonly string[] | null;
}

/**
 * The permissions declared by the resolver behind `type.field` (type-graphql's `@Authorized`, or an SDL
 * subgraph's `authorized(...)` wrapper), or undefined when the field is plain.
 */
function resolverRule(typeName: string, field: GraphQLField<unknown, unknown>): ResolverRule | undefined {
  const fieldName = field.name;
  const declared = declaredPermissions(field.resolve);
  if (declared) return { permissions: declared };
  const storage = getMetadataStorage();
  const rulesOf = (target: MetadataTarget, methodName: string) =>
    storage.authorizedFields.find((rule) => rule.target === target && rule.fieldName === methodName)?.roles ?? null;
  if (ROOT_TYPES.has(typeName)) {
    const handlers = typeName === 'Query' ? storage.queries : storage.mutations;
    const handler = handlers.find((candidate) => candidate.schemaName === fieldName);
    return handler ? { permissions: rulesOf(handler.target, handler.methodName) } : { permissions: null };
  }
  const resolver = storage.fieldResolvers.find((candidate) => {
    // Getters on the type itself (kind "internal") are plain fields of the type.
    if (candidate.kind === 'internal') return false;
    const objectClass = candidate.getObjectType?.();
    return (
      candidate.schemaName === fieldName &&
      storage.objectTypes.some((objectType) => objectType.target === objectClass && objectType.name === typeName)
    );
  });
  return resolver ? { permissions: rulesOf(resolver.target, resolver.methodName) } : undefined;
}

/** Object types a field's value shows, looking through STRUCTURE types' plain fields. */
function shownTypes(
  schema: GraphQLSchema,
  rules: AccessRules,
  start: GraphQLObjectType,
  seen = new Set<string>(),
): GraphQLObjectType[] {
  if (seen.has(start.name)) return [];
  seen.add(start.name);
  if (rules[start.name] !== 'STRUCTURE') return [start];
  const shown: GraphQLObjectType[] = [];
  for (const field of Object.values(start.getFields())) {
    if (resolverRule(start.name, field)) continue; // checked as a resolver of its own
    const named = getNamedType(field.type);
    if (isObjectType(named)) shown.push(...shownTypes(schema, rules, named, seen));
  }
  return shown;
}

/**
 * Everything in a subgraph's schema that lacks a declared access rule, a resolver that shows a type
 * to callers the type's rule does not name, or a public permission declared anywhere but on a root
 * query of the public allowlist. Empty when every field and mutation is covered.
 */
export function accessRuleProblems(
  schema: GraphQLSchema,
  subgraphRules: AccessRules,
  publicQueryFields: ReadonlySet<string> = PUBLIC_QUERY_FIELDS,
): string[] {
  const rules: AccessRules = { ...KIT_ACCESS_RULES, ...subgraphRules };
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    const root = ROOT_TYPES.has(type.name);
    if (!root && rules[type.name] === undefined) problems.push(`type ${type.name} declares no access rule`);
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      const rule = resolverRule(type.name, field);
      if (!rule) continue;
      if (!rule.permissions || rule.permissions.length === 0) {
        problems.push(`${type.name}.${field.name} declares no @Authorized rule`);
        continue;
      }
      const isPublic = rule.permissions.some((permission) => PUBLIC_PERMISSIONS.has(permission as Permission));
      if (isPublic && !(type.name === 'Query' && publicQueryFields.has(field.name))) {
        problems.push(
          `${type.name}.${field.name} is open to the public but is not a root query on the public allowlist (PUBLIC_QUERY_FIELDS)`,
        );
      }
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      for (const shown of shownTypes(schema, rules, named)) {
        const access = rules[shown.name];
        if (access === undefined || access === 'ENTITY_KEY' || access === 'STRUCTURE') continue;
        const outside = rule.permissions.filter((permission) => !access.includes(permission as Permission));
        if (outside.length > 0) {
          problems.push(
            `${type.name}.${field.name} shows ${shown.name} to ${outside.join(', ')}, which ${shown.name}'s rule does not allow`,
          );
        }
      }
    }
  }
  return problems;
}
