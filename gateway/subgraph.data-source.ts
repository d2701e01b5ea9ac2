import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { encodeForwardedPurpose, FORWARDED_PURPOSE_HEADER } from '../platform/auth/purpose';
import { GATEWAY_SECRET_HEADER } from '../platform/subgraph-server';
import type { GatewayContext } from './gateway.context';
import { noteUnresolvedEntities } from './unreadable-references';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

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
  ) {
    const fetcher: Fetcher = (input, init) =>
      fetch(input, {
        ...(init as RequestInit),
        signal: AbortSignal.timeout(timeoutMs),
      }) as unknown as ReturnType<Fetcher>;
    super({ url, fetcher });
  }

  /**
   * A subgraph that cannot be reached (refused, reset, timed out) answers as an error response, so the
   * gateway keeps the other subgraphs' data and reports this part as missing, by name, not address.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      const response = await super.process(options);
      if ((options.kind as string) === 'incoming operation')
        noteUnresolvedEntities(options.context, options.request, response);
      return response;
    } catch (error) {
      // Health checks and schema loading report their own failures.
      if ((options.kind as string) !== 'incoming operation') throw error;
      return {
        errors: [{ message: `${this.serviceName} did not answer`, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      } as unknown as GatewayGraphQLResponse;
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    if (context.token) headers.set('authorization', `Bearer ${context.token}`);
    headers.set('x-request-id', context.requestId);
    context.facts?.subgraphs.add(this.serviceName);
    if (context.purpose) headers.set(FORWARDED_PURPOSE_HEADER, encodeForwardedPurpose(context.purpose));
  }
}
