import { DomainError, ErrorCode } from './domain-error';

// Each department lists the reasons it gives in one const table (`<department>.errors.ts`): reason ->
// code, Chinese text, English text. errorReasons() turns a table into typed helpers, so a call site
// reads `conflict('STALE_VERSION', message)` and a reason missing from the table does not compile.
// The errors are built here, in one place: `extensions.code` from the table, `extensions.reason`, and
// `extensions.reasonText` (the Chinese text). docs/error-reasons.md is generated from the tables.

/** A reason as documented: what `extensions.code` says with it, and its texts. */
export interface DocumentedReason {
  /** What `extensions.code` says. */
  code: string;
  /** For officers: `extensions.reasonText`. */
  zh: string;
  /** For API users: the reason's documentation. */
  en: string;
}

export interface ErrorReason extends DocumentedReason {
  code: ErrorCode;
}

export type ErrorReasonTable = Readonly<Record<string, ErrorReason>>;

/** The reasons of a table whose code is `TCode`. */
export type ReasonsWithCode<TTable extends ErrorReasonTable, TCode extends ErrorCode> = {
  [Reason in keyof TTable]: TTable[Reason]['code'] extends TCode ? Reason : never;
}[keyof TTable] &
  string;

export interface DepartmentErrors<TTable extends ErrorReasonTable> {
  readonly reasons: TTable;
  // Function-valued properties, not methods: departments export them on their own (`export const { conflict }`).
  /** A CONFLICT: the request is valid but the record's state refuses it. */
  readonly conflict: <Reason extends ReasonsWithCode<TTable, ErrorCode.CONFLICT>>(
    reason: Reason,
    message: string,
  ) => DomainError;
  /** A SERVICE_UNAVAILABLE: our side (a platform, a key) cannot serve it now; nothing was changed. */
  readonly unavailable: <Reason extends ReasonsWithCode<TTable, ErrorCode.SERVICE_UNAVAILABLE>>(
    reason: Reason,
    message: string,
  ) => DomainError;
  /** Any reason of the table, with its code; `field` for BAD_USER_INPUT, `details` for further facts. */
  readonly error: <Reason extends keyof TTable & string>(
    reason: Reason,
    message: string,
    field?: string,
    details?: Readonly<Record<string, unknown>>,
  ) => DomainError;
}

export function errorReasons<const TTable extends ErrorReasonTable>(reasons: TTable): DepartmentErrors<TTable> {
  const error = (
    reason: keyof TTable & string,
    message: string,
    field?: string,
    details?: Readonly<Record<string, unknown>>,
  ): DomainError => {
    const definition = reasons[reason];
    return new DomainError(definition.code, message, {
      reason,
      reasonText: definition.zh,
      ...(field ? { field } : {}),
      ...(details ? { details } : {}),
    });
  };
  return { reasons, conflict: error, unavailable: error, error };
}

/** Reasons every department with versioned records and a workflow gives; spread into its table. */
export const WORKFLOW_REASONS = {
  STALE_VERSION: {
    code: ErrorCode.CONFLICT,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'The record changed after the version the caller sent (`expectedVersion`), or while the change was made; reload it and try again.',
  },
  ILLEGAL_TRANSITION: {
    code: ErrorCode.CONFLICT,
    zh: '记录当前状态不允许此操作',
    en: "The record's current status does not allow this step; the message names the status.",
  },
} as const satisfies ErrorReasonTable;
