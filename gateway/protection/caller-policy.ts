import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Identity } from '../../platform/auth/identity';
import { PARTNER_ROLE } from '../../platform/auth/permission.policy';
import { parsePurpose, PURPOSE_HEADER, PURPOSE_REASON_HEADER } from '../../platform/auth/purpose';
import type { GatewayContext } from '../gateway.context';
import { documentHash, type PersistedOperations } from './persisted-operations';

export function isPartner(identity: Identity): boolean {
  return identity.roles.has(PARTNER_ROLE);
}

function refused(message: string, reason: string, status: number, code = 'FORBIDDEN'): GraphQLError {
  return new GraphQLError(message, { extensions: { code, reason, http: { status } } });
}

function headerText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    // Headers are ASCII: a reason in Chinese is sent URL-encoded.
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Who may run what, decided at the gateway before any subgraph is called:
 * - a declared purpose (X-Purpose + X-Purpose-Reason, or `extensions.purpose`) is validated and recorded;
 * - partner ministries must declare one;
 * - machine clients (service accounts) may run only the operations registered for them (safelisting).
 */
export function callerPolicyPlugin(operations: PersistedOperations): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart({ request, contextValue }) {
      const headers = request.http?.headers;
      const extension = (request.extensions?.purpose ?? {}) as { code?: unknown; reason?: unknown };
      const purpose = parsePurpose(
        headers?.get(PURPOSE_HEADER) ?? extension.code,
        headerText(headers?.get(PURPOSE_REASON_HEADER)) ?? extension.reason,
      );
      const check = (source: string): void => {
        if (typeof purpose === 'string')
          throw new GraphQLError(purpose, {
            extensions: {
              code: 'BAD_USER_INPUT',
              reason: 'INVALID_PURPOSE',
              field: 'purpose',
              http: { status: 400 },
            },
          });
        if (purpose) {
          contextValue.purpose = purpose;
          contextValue.facts.purpose = purpose;
        }
        const identity = contextValue.identity;
        if (!identity) return;
        if (identity.serviceAccount && !operations.allowed(identity.clientId, documentHash(source))) {
          throw refused(
            `Client ${identity.clientId} may run only the operations registered for it; send a registered document or its sha256 hash`,
            'OPERATION_NOT_ALLOWED',
            403,
          );
        }
        if (isPartner(identity) && !purpose) {
          throw refused(
            'Partner requests must declare a purpose: X-Purpose (a PurposeCode) and X-Purpose-Reason',
            'PURPOSE_REQUIRED',
            403,
          );
        }
      };
      return Promise.resolve({
        // A refusal is a rejected promise, not a throw, like every other listener of the hook.
        didResolveOperation: ({ source }) =>
          new Promise<void>((resolve) => {
            check(source);
            resolve();
          }),
      });
    },
  };
}
