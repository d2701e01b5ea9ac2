import type { Agent } from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { encodeForwardedPurpose, FORWARDED_PURPOSE_HEADER } from '../platform/auth/purpose';
import { GATEWAY_SECRET_HEADER } from '../platform/http/gateway-secret';
import type { GatewayContext } from './gateway.context';
import { serviceUnavailableMessage } from './gateway.errors';

interface SubgraphError {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/** `Variable "$input" got invalid value "x" at "input.records[0].detectedAt"; ...`: the value's path. */
function fieldOf(message: string): string | undefined {
  const variable = /^Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"/s.exec(message);
  if (variable) return variable[2];
  return /^Variable "\$([^"]+)"/.exec(message)?.[1];
}

/**
 * The GraphQL errors of a subgraph's 4xx answer (RemoteGraphQLDataSource throws on any non-2xx, the
 * body in `extensions.response`), or null when the subgraph failed rather than refused.
 */
function callerErrors(error: unknown): GraphQLFormattedError[] | null {
  if (!(error instanceof GraphQLError)) return null;
  const response = error.extensions.response as { status?: unknown; body?: unknown } | undefined;
  const status = typeof response?.status === 'number' ? response.status : 0;
  const errors = (response?.body as { errors?: unknown } | undefined)?.errors;
  if (status < 400 || status >= 500 || !Array.isArray(errors) || errors.length === 0) return null;
  return (errors as SubgraphError[]).map((sent) => {
    const message = typeof sent.message === 'string' ? sent.message : `${status}`;
    const extensions = { ...sent.extensions };
    if (typeof extensions.code !== 'string')
      extensions.code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT';
    const field = extensions.field ?? fieldOf(message);
    return { message, extensions: field === undefined ? extensions : { ...extensions, field } };
  });
}
import { subgraphAgent, subgraphFetcher } from './subgraph-fetcher';
import { noteUnresolvedEntities } from './unreadable-references';

/** Every data source of the process shares one pool of kept-alive connections (per subgraph host). */
const SHARED_AGENT = subgraphAgent();
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type IncomingOperationOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

/** A request made for a caller's operation (not a health check or schema load), which carries its context. */
function isIncomingOperation(options: ProcessOptions): options is IncomingOperationOptions {
  // @apollo/gateway does not export its request-kind enum: compare its value.
  return (options.kind as string) === 'incoming operation';
}

/**
 * Calls one subgraph for the gateway. Only the headers set here reach the subgraph, so an identity
 * header a client sends to the gateway never does: the subgraph sees the gateway's secret and the
 * caller's verified bearer token, which it verifies again itself.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly gatewaySecret: string,
    timeoutMs: number,
    agent: Agent = SHARED_AGENT,
  ) {
    super({ url, fetcher: subgraphFetcher(agent, timeoutMs) });
  }

  /**
   * A subgraph that cannot be reached (refused, reset, timed out) or fails (5xx) answers as an error
   * response, so the gateway keeps the other subgraphs' data and reports this part as missing, by name,
   * not address. A subgraph's 4xx is the caller's doing (a value its type refuses, say): its GraphQL
   * errors pass through with their code, and the field they name.
   */
  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      const response = await super.process(options);
      if (isIncomingOperation(options)) noteUnresolvedEntities(options.context, options.request, response);
      return response;
    } catch (error) {
      // Health checks and schema loading report their own failures.
      if (!isIncomingOperation(options)) throw error;
      const refused = callerErrors(error);
      if (refused) return { errors: refused };
      return {
        errors: [
          {
            message: serviceUnavailableMessage(this.serviceName),
            extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE' },
          },
        ],
      };
    }
  }

  override willSendRequest(options: ProcessOptions): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    // Only a caller's operation has a caller to speak for (the supergraph is static: no other kind is sent).
    if (!isIncomingOperation(options)) return;
    const context = options.context;
    if (context.token) headers.set('authorization', `Bearer ${context.token}`);
    headers.set('x-request-id', context.requestId);
    context.facts?.subgraphs.add(this.serviceName);
    if (context.purpose) headers.set(FORWARDED_PURPOSE_HEADER, encodeForwardedPurpose(context.purpose));
  }
}
