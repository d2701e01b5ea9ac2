import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { databaseOutageError } from './database-outage';

/** The codes clients see in `extensions.code`; every domain's reasons map onto one of these. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface DomainErrorOptions {
  /** A stable, domain-specific reason such as `ILLEGAL_TRANSITION`, for clients that branch on it. */
  reason: string;
  /** The reason in Chinese, for officers (from the reason's table, see error-reasons.ts). */
  reasonText?: string;
  /** The input field at fault, for `BAD_USER_INPUT`. */
  field?: string;
  /** Further facts a client acts on, e.g. every failed check of a refused waybill (`failures`). */
  details?: Readonly<Record<string, unknown>>;
}

/** An expected failure with a code a client can act on. Anything else is masked as internal. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, options: DomainErrorOptions) {
    super(message, {
      extensions: {
        code,
        reason: options.reason,
        ...(options.reasonText ? { reasonText: options.reasonText } : {}),
        ...(options.field ? { field: options.field } : {}),
        ...options.details,
      },
    });
  }
}

/**
 * The reasons every service gives, with their texts (the first rows of platform/errors/platform.errors.ts).
 * A department's own reasons, CONFLICT ones above all, are in its `<department>.errors.ts`.
 */
export const GENERIC_REASONS = {
  INVALID_INPUT: {
    code: ErrorCode.BAD_USER_INPUT,
    zh: '输入不符合要求',
    en: 'An input value breaks a rule; `extensions.field` names it and the message says what is wrong.',
  },
  NOT_FOUND: {
    code: ErrorCode.NOT_FOUND,
    zh: '未找到该记录（不存在，或不在您可查看的范围内）',
    en: 'The record named does not exist, or the caller may not see it (another region, for example).',
  },
  FORBIDDEN: {
    code: ErrorCode.FORBIDDEN,
    zh: '无权执行此操作',
    en: 'The caller lacks the permission, role or jurisdiction the operation needs.',
  },
  UNAUTHENTICATED: {
    code: ErrorCode.UNAUTHENTICATED,
    zh: '未登录或访问令牌无效，请重新登录',
    en: 'No valid access token (missing, expired or not issued for the single window): sign in again.',
  },
} as const;

function generic(reason: keyof typeof GENERIC_REASONS, message: string, field?: string): DomainError {
  const { code, zh } = GENERIC_REASONS[reason];
  return new DomainError(code, message, { reason, reasonText: zh, ...(field ? { field } : {}) });
}

export function invalidInput(field: string, problem: string): DomainError {
  return generic('INVALID_INPUT', `${field} ${problem}`, field);
}

export function notFound(what: string, key: string): DomainError {
  return generic('NOT_FOUND', `${what} ${key} not found`);
}

export function forbidden(message = 'You are not allowed to do this'): DomainError {
  return generic('FORBIDDEN', message);
}

export function unauthenticated(message: string): DomainError {
  return generic('UNAUTHENTICATED', message);
}

// Every code but INTERNAL_SERVER_ERROR, whose message is replaced like any unexpected error's.
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  // Apollo Server's own request errors are safe to pass on as they are.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // A persisted-query hash that is not the SHA-256 of the document sent with it (the gateway).
  'PERSISTED_QUERY_HASH_MISMATCH',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // The gateway's own refusals (gateway/protection).
  'OPERATION_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'REQUEST_TIMEOUT',
]);

/**
 * Apollo Server `formatError`: coded errors pass with their message, a database outage becomes
 * `SERVICE_UNAVAILABLE` (database-outage.ts), anything else (a TypeORM or driver error, a bug) becomes
 * a bare internal error; stack traces never leave the process.
 */
export function formatClientError(
  log: (message: string, error: unknown) => void,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const outage = databaseOutageError(formatted, error);
    if (outage) {
      log('database unavailable', error);
      return outage;
    }
    log('unexpected error', error);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
