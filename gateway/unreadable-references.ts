import type {
  GatewayExecutionResult,
  GatewayGraphQLResponse,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import type { GraphQLError } from 'graphql';

// A field of one subgraph may return an entity another subgraph owns (an overload record's
// `enterprise`, a waybill's `carrier`). When the owner answers `null` for it in `_entities`, as licensing
// does for an enterprise outside the caller's region, @apollo/gateway nulls the referencing field, which
// is what the caller should see, but also reports `Cannot return null for non-nullable field
// Enterprise.name` (INVALID_GRAPHQL) in the response's `extensions.valueCompletion`, as if the graph were
// broken. Here the gateway notes which entity types an owner left unresolved without an error, and drops
// exactly those reports when the null stopped at the referencing field: the caller gets a clean null, like
// a record that does not exist. Every field returning another subgraph's entity is nullable
// (scripts/entity-references.spec.ts), so it always stops there.

const unresolvedTypes = new WeakMap<object, Set<string>>();

interface EntitiesRequest {
  variables?: Record<string, unknown>;
}

/** Called with each subgraph answer: remembers the entity types `_entities` answered null for, error-free. */
export function noteUnresolvedEntities(
  context: object,
  request: EntitiesRequest,
  response: Pick<GatewayGraphQLResponse, 'data' | 'errors'>,
): void {
  const representations = request.variables?.representations;
  const entities = (response.data as { _entities?: unknown } | null | undefined)?._entities;
  if (!Array.isArray(representations) || !Array.isArray(entities)) return;
  const failed = new Set(
    (response.errors ?? []).map((error) => (error.path?.[0] === '_entities' ? error.path[1] : undefined)),
  );
  entities.forEach((entity, index) => {
    const typename = (representations[index] as { __typename?: unknown } | undefined)?.__typename;
    if (entity !== null || failed.has(index) || typeof typename !== 'string') return;
    let types = unresolvedTypes.get(context);
    if (!types) unresolvedTypes.set(context, (types = new Set()));
    types.add(typename);
  });
}

const NULL_FOR_NON_NULLABLE = /^Cannot return null for non-nullable field ([_A-Za-z]\w*)\.([_A-Za-z]\w*)\.$/;

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** True when the error reports a field of an entity its owner did not resolve, and the entity reads null. */
function isUnreadableReference(error: GraphQLError, data: unknown, types: ReadonlySet<string>): boolean {
  const match = NULL_FOR_NON_NULLABLE.exec(error.message);
  const path = error.path ?? [];
  if (error.extensions?.code !== 'INVALID_GRAPHQL' || !match || !types.has(match[1]) || path.length < 2) return false;
  const container = valueAt(data, path.slice(0, -2));
  return valueAt(data, path.slice(0, -1)) === null && container !== null && typeof container === 'object';
}

/**
 * The result without the reports of unreadable references: in `extensions.valueCompletion`, where
 * @apollo/gateway puts what it nulled when no subgraph failed, and in `errors`, should a version put them there.
 */
export function withoutUnreadableReferenceErrors(
  result: GatewayExecutionResult,
  context: object,
): GatewayExecutionResult {
  const types = unresolvedTypes.get(context);
  if (!types) return result;
  const keep = (errors: readonly GraphQLError[]) =>
    errors.filter((error) => !isUnreadableReference(error, result.data, types));
  const { valueCompletion, ...otherExtensions } = (result.extensions ?? {}) as { valueCompletion?: unknown };
  const completion = Array.isArray(valueCompletion) ? keep(valueCompletion as GraphQLError[]) : [];
  const errors = result.errors ? keep(result.errors) : [];
  const extensions = completion.length > 0 ? { ...otherExtensions, valueCompletion: completion } : otherExtensions;
  return {
    ...result,
    errors: errors.length > 0 ? errors : undefined,
    extensions: Object.keys(extensions).length > 0 ? extensions : undefined,
  };
}

/** The gateway with unreadable references answered as clean nulls (see above). */
export function cleanNullReferences(gateway: GatewayInterface): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    load: async (options) => {
      const loaded = await gateway.load(options);
      const executor = loaded.executor;
      if (!executor) return loaded;
      return {
        executor: async (requestContext) =>
          withoutUnreadableReferenceErrors(await executor(requestContext), requestContext.context),
      };
    },
  };
}
