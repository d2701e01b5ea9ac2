import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, formatClientError } from '../platform/errors/domain-error';
import { currentRequestId } from './gateway.context';
import { persistedQueryNotFound } from './protection/persisted-query.cache';

// Department names as officers know them.
const SERVICE_NAMES: Record<string, string> = {
  licensing: '行政许可',
  enforcement: '行政执法',
  credit: '信用',
  safety: '安全监管',
  statistics: '统计',
  audit: '审计',
};

/** SERVICE_UNAVAILABLE for a subgraph that cannot be reached, timed out or failed (5xx): its part is missing. */
export function serviceUnavailableMessage(serviceName: string): string {
  return (
    `${SERVICE_NAMES[serviceName] ?? serviceName}服务暂不可用，本次答复缺少其部分。` +
    `The ${serviceName} service is unavailable; its part of the answer is missing`
  );
}

/**
 * Errors leaving the gateway: a subgraph that cannot be reached is named, not its address; coded
 * errors from subgraphs pass through; anything else is masked (see formatClientError). Every error
 * carries the request's id, which the audit record and the log line for the request carry too.
 */
export function formatGatewayError(log: (message: string, error: unknown) => void) {
  const formatCoded = formatClientError(log);
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const serviceName = formatted.extensions?.serviceName;
    if (formatted.extensions?.code === 'DOWNSTREAM_SERVICE_ERROR' && typeof serviceName === 'string') {
      log(`subgraph ${serviceName} failed`, error);
      return {
        message: serviceUnavailableMessage(serviceName),
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName },
      };
    }
    // Apollo Server's own "PersistedQueryNotFound" (a hash evicted between the gateway's check and its lookup).
    if (formatted.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
      const ours = persistedQueryNotFound();
      return { message: ours.message, extensions: { ...formatted.extensions, reason: ours.extensions.reason } };
    }
    return formatCoded(formatted, error);
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    const requestId = currentRequestId();
    return requestId ? { ...result, extensions: { ...result.extensions, requestId } } : result;
  };
}
