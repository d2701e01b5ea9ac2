import { isIPv4, isIPv6 } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { PUBLIC_QUERY_FIELDS } from '../../platform/auth/permission.policy';
import type { GatewayContext } from '../gateway.context';

// An anonymous document is parsed before anything else is known about it: keep that cheap.
const MAX_ANONYMOUS_TOKENS = 2000;

export function unauthenticated(message: string, status = 401): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status } } });
}

/** A query whose every root selection is a field on the public allowlist (aliases and @skip/@include allowed). */
export function isPublicOperation(operation: OperationDefinitionNode): boolean {
  const selections = operation.selectionSet.selections;
  return (
    operation.operation === OperationTypeNode.QUERY &&
    selections.length > 0 &&
    selections.every((selection) => selection.kind === Kind.FIELD && PUBLIC_QUERY_FIELDS.has(selection.name.value))
  );
}

/**
 * True when a request without a token may run: its document (sent as text; a hash alone is for
 * registered clients) is one public operation and no fragments. Anything else is refused as without a
 * token today, before the document is validated, so an anonymous caller learns nothing about the schema.
 */
export function isPublicRequest(query: unknown, operationName: unknown): boolean {
  if (typeof query !== 'string') return false;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: MAX_ANONYMOUS_TOKENS });
  } catch {
    return false;
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== document.definitions.length) return false;
  const operation =
    typeof operationName === 'string' && operationName !== ''
      ? operations.find((candidate) => candidate.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  return operation !== undefined && isPublicOperation(operation);
}

/**
 * The key anonymous callers are rate limited by: their IPv4 address, or their IPv6 /64 (one
 * subscriber's prefix, which they can vary at will within).
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'address:unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return `address:${mapped[1]}`;
  if (isIPv4(address)) return `address:${address}`;
  if (isIPv6(address)) {
    const [head, tail = ''] = address.toLowerCase().split('::');
    const headGroups = head ? head.split(':') : [];
    const tailGroups = tail ? tail.split(':') : [];
    const groups = address.includes('::')
      ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
      : headGroups;
    return `address:${groups
      .slice(0, 4)
      .map((group) => group.replace(/^0+(?=.)/, ''))
      .join(':')}::/64`;
  }
  return `address:${address}`;
}

/**
 * Second line of default deny: whatever Apollo resolved as the operation, an anonymous caller runs it
 * only when it is public (the context already refused every other request without a token).
 */
export function anonymousAccessPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: ({ contextValue }) =>
      Promise.resolve({
        // A rejected promise, not a throw, like every other listener of the hook.
        didResolveOperation: ({ operation }) =>
          new Promise<void>((resolve) => {
            if (!contextValue.identity && (!operation || !isPublicOperation(operation)))
              throw unauthenticated('Sign in: send an access token as "Authorization: Bearer <token>"');
            resolve();
          }),
      }),
  };
}
