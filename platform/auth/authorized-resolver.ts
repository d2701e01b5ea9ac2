import type { GraphQLFieldResolver } from 'graphql';
import { assertDeclaredAccess, type IdentityContext, type Permission } from './permission.policy';

// `@Authorized(...)` for subgraphs written as SDL with a resolver map (the gateway's audit subgraph):
// the wrapper checks the caller as type-graphql's auth checker does and remembers what it declared, so
// the default-deny checks (buildSdlSubgraphSchema, accessRuleProblems) can read it off the schema.

const DECLARED = new WeakMap<object, readonly Permission[]>();

export function authorized<TSource, TContext extends IdentityContext, TArgs, TResult>(
  permissions: readonly [Permission, ...Permission[]],
  resolve: (source: TSource, args: TArgs, context: TContext) => TResult,
): GraphQLFieldResolver<TSource, TContext, TArgs, TResult> {
  const guarded: GraphQLFieldResolver<TSource, TContext, TArgs, TResult> = (source, args, context) => {
    assertDeclaredAccess(context.identity, permissions);
    return resolve(source, args, context);
  };
  DECLARED.set(guarded, permissions);
  return guarded;
}

/** The permissions an `authorized` resolver declared; undefined for any other function. */
export function declaredPermissions(resolve: unknown): readonly Permission[] | undefined {
  return typeof resolve === 'function' ? DECLARED.get(resolve) : undefined;
}
