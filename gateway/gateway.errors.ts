import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, formatClientError } from '../platform/errors/domain-error';

/**
 * Errors leaving the gateway: a subgraph that cannot be reached is named, not its address; coded
 * errors from subgraphs pass through; anything else is masked (see formatClientError).
 */
export function formatGatewayError(log: (message: string, error: unknown) => void) {
  const formatCoded = formatClientError(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const serviceName = formatted.extensions?.serviceName;
    if (formatted.extensions?.code === 'DOWNSTREAM_SERVICE_ERROR' && typeof serviceName === 'string') {
      log(`subgraph ${serviceName} failed`, error);
      return {
        message: `The ${serviceName} service is unavailable; its part of the answer is missing`,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName },
      };
    }
    return formatCoded(formatted, error);
  };
}
