import { errorReasons, WORKFLOW_REASONS, type ErrorReasonTable } from '../../../platform/errors/error-reasons';

/** The reasons early warning gives besides the platform's (docs/error-reasons.md is generated from this). */
export const WARNING_REASONS = {
  STALE_VERSION: WORKFLOW_REASONS.STALE_VERSION,
} as const satisfies ErrorReasonTable;

export const WARNING_ERRORS = errorReasons(WARNING_REASONS);
