import type { DeliveryOutcome } from '../../../platform/national-platform/delivery-relay';
import { NationalPlatformUnavailable } from '../../../platform/national-platform/platform-unavailable';
import { signatureHeaderNames } from '../../../platform/national-platform/request-signing';
import type { SafetyReport } from './safety-report';

// The national safety supervision platform (国家安全生产监管平台) as safety sees it. The HTTP adapter
// beside this file implements it (NATIONAL-SAFETY-CONTRACT.md); the simulator stands in locally.

/** The platform could not be reached, timed out, failed or refused our credentials: try again later. */
export class SafetyPlatformUnavailable extends NationalPlatformUnavailable {
  constructor(detail: string) {
    super(`国家安全生产监管平台暂不可用 (national safety platform unavailable): ${detail}`);
  }
}

/** `x-safety-key-id`, `x-safety-timestamp`, `x-safety-nonce`, `x-safety-content-sm3`, `x-safety-signature`. */
export const SAFETY_SIGNATURE_HEADERS = signatureHeaderNames('safety');

/** The header carrying a push's idempotency key: `<reportType>:<reportId>:<version>`. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export function idempotencyKeyOf(report: Pick<SafetyReport, 'reportType' | 'reportId' | 'version'>): string {
  return `${report.reportType}:${report.reportId}:${report.version}`;
}

/** One version of one report as it is pushed: the report and when safety recorded it. */
export interface PushedReport extends SafetyReport {
  /** When safety recorded the version (ISO 8601, UTC); part of the body, so every attempt sends the same bytes. */
  recordedAt: string;
}

export interface NationalSafetyPlatform {
  /** Pushes one version of one report; throws SafetyPlatformUnavailable when the outcome is unknown. */
  push(report: PushedReport): Promise<DeliveryOutcome>;
}
