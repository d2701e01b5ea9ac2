import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Identity } from '../../platform/auth/identity';
import { PARTNER_ROLE } from '../../platform/auth/permission.policy';
import { parsePurpose, PURPOSE_HEADER, PURPOSE_REASON_HEADER, type PurposeCode } from '../../platform/auth/purpose';
import type { GatewayContext } from '../gateway.context';
import { documentHash } from './persisted-operations';

/** A registered operation as the caller policy needs it: what it reads, comma-separated. */
export interface AllowedOperation {
  coordinates: string;
}

/** The operations machine clients may run (the exchange's registry, gateway/exchange/operations). */
export interface CallerOperations {
  /** The operation in force registered for the client with this document hash. */
  allowed(clientId: string, sha256: string): Promise<AllowedOperation | undefined>;
  /** Throws a refusal unless the client's grants in force cover what the operation reads for the purpose. */
  checkGrants(clientId: string, operation: AllowedOperation, purpose: PurposeCode): Promise<void>;
}

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
 * - machine clients (service accounts) may run only the operations registered for them (safelisting);
 * - a partner's operation runs only while every item it reads is granted for the declared purpose.
 */
export function callerPolicyPlugin(operations: CallerOperations): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart({ request, contextValue }) {
      const headers = request.http?.headers;
      const extension = (request.extensions?.purpose ?? {}) as { code?: unknown; reason?: unknown };
      const purpose = parsePurpose(
        headers?.get(PURPOSE_HEADER) ?? extension.code,
        headerText(headers?.get(PURPOSE_REASON_HEADER)) ?? extension.reason,
      );
      const check = async (source: string): Promise<void> => {
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
        const operation = identity.serviceAccount
          ? await operations.allowed(identity.clientId, documentHash(source))
          : undefined;
        if (identity.serviceAccount && !operation) {
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
        if (isPartner(identity) && operation && purpose)
          await operations.checkGrants(identity.clientId, operation, purpose.code);
      };
      return Promise.resolve({
        // A refusal is a rejected promise, not a throw, like every other listener of the hook.
        didResolveOperation: ({ source }) => check(source),
      });
    },
  };
}
