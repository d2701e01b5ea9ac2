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
  /** The input field at fault, for `BAD_USER_INPUT`. */
  field?: string;
}

/** An expected failure with a code a client can act on. Anything else is masked as internal. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, options: DomainErrorOptions) {
    super(message, {
      extensions: { code, reason: options.reason, ...(options.field ? { field: options.field } : {}) },
    });
  }
}

export function invalidInput(field: string, problem: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, `${field} ${problem}`, { reason: 'INVALID_INPUT', field });
}

export function notFound(what: string, key: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${what} ${key} not found`, { reason: 'NOT_FOUND' });
}

export function conflict(reason: string, message: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, message, { reason });
}

export function forbidden(message = 'You are not allowed to do this'): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message, { reason: 'FORBIDDEN' });
}

export function unauthenticated(message: string): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message, { reason: 'UNAUTHENTICATED' });
}

const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Apollo Server's own request errors are safe to pass on as they are.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
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
    if (typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
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
