import type { DeliveryOutcome } from '../../../platform/national-platform/delivery-relay';
import {
  errorText,
  SignedJsonClient,
  type PlatformAuthentication,
} from '../../../platform/national-platform/signed-json-client';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyOf,
  SAFETY_SIGNATURE_HEADERS,
  SafetyPlatformUnavailable,
  type NationalSafetyPlatform,
  type PushedReport,
} from './national-safety-platform';
import { outOfOrderAnswer, pushedReportBody, reportReceiptAnswer } from './safety-platform-payloads';

export interface SafetyPlatformEndpoint {
  baseUrl: string;
  timeoutMs: number;
  authentication: PlatformAuthentication;
  maxSockets?: number;
}

/**
 * HTTP client of the national safety supervision platform (国家安全生产监管平台), see
 * NATIONAL-SAFETY-CONTRACT.md: pushes versions of major hazards, accidents and cross-province waybill
 * summaries. Tells an outcome the platform decided (accepted, duplicate, out of order, refused) from a
 * transient failure (SafetyPlatformUnavailable: network, timeout, 5xx, 429, credentials refused, an
 * answer outside the contract). Signing and transport are the shared SignedJsonClient's.
 */
export class NationalSafetyPlatformAdapter implements NationalSafetyPlatform {
  private readonly client: SignedJsonClient;

  constructor(endpoint: SafetyPlatformEndpoint) {
    this.client = new SignedJsonClient({
      ...endpoint,
      signatureHeaders: SAFETY_SIGNATURE_HEADERS,
      settingPrefix: 'SAFETY_PLATFORM',
      unavailable: (detail) => new SafetyPlatformUnavailable(detail),
    });
  }

  async push(report: PushedReport): Promise<DeliveryOutcome> {
    const body = JSON.stringify(pushedReportBody.parse(report));
    const answer = await this.client.call('POST', '/api/safety-reports', body, {
      [IDEMPOTENCY_KEY_HEADER]: idempotencyKeyOf(report),
    });
    if (answer.status === 200 || answer.status === 201) {
      const receipt = this.client.parse(reportReceiptAnswer, answer.body);
      if (idempotencyKeyOf(receipt) !== idempotencyKeyOf(report))
        throw new SafetyPlatformUnavailable(
          `answered with a receipt for ${idempotencyKeyOf(receipt)} when pushed ${idempotencyKeyOf(report)}`,
        );
      if ((answer.status === 201) !== (receipt.status === 'ACCEPTED'))
        throw new SafetyPlatformUnavailable(`answered HTTP ${answer.status} with status ${receipt.status}`);
      return { outcome: receipt.status, receiptNumber: receipt.receiptNumber };
    }
    if (answer.status === 409)
      return {
        outcome: 'OUT_OF_ORDER',
        expectedVersion: this.client.parse(outOfOrderAnswer, answer.body).expectedVersion,
      };
    if (answer.status === 400 || answer.status === 422)
      return { outcome: 'REFUSED', reason: `HTTP ${answer.status}: ${errorText(answer.body)}` };
    throw this.client.unavailable(answer);
  }

  close(): void {
    this.client.close();
  }
}
