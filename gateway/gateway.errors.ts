import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, formatClientError } from '../platform/errors/domain-error';
import { currentRequestId } from './gateway.context';
import { persistedQueryNotFound } from './protection/persisted-query.cache';

import type { DocumentedReason } from '../platform/errors/error-reasons';

/**
 * The gateway's own refusals (gateway/protection, the rate limit), by `extensions.reason`: their
 * `extensions.reasonText` is added here, and docs/error-reasons.md is generated from this table.
 */
export const GATEWAY_REASONS = {
  OPERATION_LIMIT_EXCEEDED: {
    code: 'OPERATION_LIMIT_EXCEEDED',
    zh: '查询过深、别名过多或一次请求的数据过多，请分多次查询',
    en: 'The operation is deeper, has more aliases or would return more rows than the gateway allows; `extensions.limit`, `max` and `actual` say which. Ask for less in one request.',
  },
  RATE_LIMITED: {
    code: 'RATE_LIMITED',
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many requests a minute from this caller (or, without a token, this address); `extensions.retryAfterSeconds` and the Retry-After header say when to try again.',
  },
  INVALID_PURPOSE: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '声明的用途或理由不符合要求',
    en: 'The declared purpose is not a PurposeCode, or its reason is not 4-500 characters (X-Purpose, X-Purpose-Reason or `extensions.purpose`).',
  },
  PURPOSE_REQUIRED: {
    code: ErrorCode.FORBIDDEN,
    zh: '合作部门的请求须声明用途',
    en: "A partner ministry's request must declare its purpose (X-Purpose and X-Purpose-Reason).",
  },
  OPERATION_NOT_ALLOWED: {
    code: ErrorCode.FORBIDDEN,
    zh: '该客户端只能执行为其登记的操作',
    en: 'A machine client may run only the operations registered for it; send a registered document or its sha256 hash.',
  },
  GRANT_REQUIRED: {
    code: ErrorCode.FORBIDDEN,
    zh: '该接口读取的数据项没有在用的共享授权（未授权、已撤销或不含所声明的用途）',
    en: "A partner's registered operation reads an item with no grant in force for the declared purpose (never granted, revoked, or granted for other purposes); `extensions.coordinate` names the first, `coordinates` all.",
  },
  GRANT_EXPIRED: {
    code: ErrorCode.FORBIDDEN,
    zh: '该接口读取的数据项的共享授权已过期',
    en: "A partner's registered operation reads an item whose grant for the declared purpose has expired; `extensions.coordinate` names it. Request access again.",
  },
  INVALID_INPUT: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '输入不符合要求',
    en: 'An input value breaks a rule; `extensions.field` names it and the message says what is wrong.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    code: 'PERSISTED_QUERY_NOT_FOUND',
    zh: '网关不认识该查询哈希（未登记或已从缓存中移出），请连同查询文本重新发送',
    en: 'The gateway does not know this hash (never registered, or evicted from the learned documents); send the document again with the hash.',
  },
  PERSISTED_QUERY_HASH_MISMATCH: {
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
    zh: '查询哈希与所附查询文本不一致',
    en: 'The sha256Hash sent does not match the sha256 of the document sent with it.',
  },
  INVALID_PERSISTED_QUERY: {
    code: 'BAD_REQUEST',
    zh: '持久化查询扩展格式不正确',
    en: 'The persistedQuery extension is malformed (version 1 and a 64-character hex sha256Hash are expected).',
  },
  SUBGRAPH_UNAVAILABLE: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    zh: '部门服务暂不可用（无法连接、超时或服务端错误），可稍后重试',
    en: 'A department service could not be reached, timed out or failed (5xx); its part of the answer is missing. Retry later.',
  },
} as const satisfies Readonly<Record<string, DocumentedReason>>;

function withReasonText(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const reason = formatted.extensions?.reason;
  if (typeof reason !== 'string' || formatted.extensions?.reasonText !== undefined) return formatted;
  const known = (GATEWAY_REASONS as Readonly<Record<string, DocumentedReason>>)[reason];
  return known ? { ...formatted, extensions: { ...formatted.extensions, reasonText: known.zh } } : formatted;
}

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
      return withReasonText({
        message: ours.message,
        extensions: { ...formatted.extensions, reason: ours.extensions.reason },
      });
    }
    return withReasonText(formatCoded(formatted, error));
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    const requestId = currentRequestId();
    return requestId ? { ...result, extensions: { ...result.extensions, requestId } } : result;
  };
}
