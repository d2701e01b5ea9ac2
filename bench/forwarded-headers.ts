import { encodeForwardedPurpose, parsePurpose } from '../platform/auth/purpose';
import { loadConfigOrExit, SUBGRAPH_NAMES, type SubgraphName } from '../platform/config/config';

// What the comparison gateways of `npm run bench:gateways` (stock-gateway.ts, hive-gateway.ts) send to
// each subgraph: exactly what ours sends (gateway/subgraph.data-source.ts), so the subgraphs do the same
// work whichever gateway calls them. Ours also sends its request id (x-request-id), which only names log
// lines; the others have none to send.

export { FORWARDED_PURPOSE_HEADER, PURPOSE_HEADER, PURPOSE_REASON_HEADER } from '../platform/auth/purpose';
export { GATEWAY_SECRET_HEADER } from '../platform/http/gateway-secret';

export interface SubgraphRoute {
  name: SubgraphName;
  /** The subgraph's GraphQL endpoint. */
  url: string;
  /** The secret the subgraph expects from its gateway (`<SUBGRAPH>_GATEWAY_SECRET`). */
  gatewaySecret: string;
}

/** The five subgraphs as the harness started them, read from the same variables ours reads. */
export function subgraphRoutes(): SubgraphRoute[] {
  const config = loadConfigOrExit();
  return SUBGRAPH_NAMES.map((name) => ({
    name,
    url: `${config.subgraphs[name].url}/graphql`,
    gatewaySecret: config.subgraphs[name].gatewaySecret,
  }));
}

/**
 * The forwarded purpose header's value for a caller's X-Purpose and X-Purpose-Reason (URL-encoded), as ours
 * encodes it; undefined when none or an invalid one was declared (ours refuses those with 400 instead).
 */
export function forwardedPurpose(
  code: string | null | undefined,
  reason: string | null | undefined,
): string | undefined {
  let decodedReason = reason ?? undefined;
  try {
    if (decodedReason !== undefined) decodedReason = decodeURIComponent(decodedReason);
  } catch {
    // sent as is
  }
  const purpose = parsePurpose(code ?? undefined, decodedReason);
  return purpose && typeof purpose === 'object' ? encodeForwardedPurpose(purpose) : undefined;
}

/** The port a comparison gateway listens on (`BENCH_GATEWAY_PORT`, set by the bench). */
export function benchGatewayPort(): number {
  const port = Number(process.env.BENCH_GATEWAY_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error('BENCH_GATEWAY_PORT must be a port number');
  return port;
}
