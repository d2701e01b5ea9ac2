import { errorText, SignedJsonClient } from '../../../platform/national-platform/signed-json-client';
import { outOfOrderAnswer, pushedChangeBody, pushReceiptAnswer, standingAnswer } from './credit-platform-payloads';
import {
  CreditPlatformUnavailable,
  type CreditPlatformAuthentication,
  type NationalCreditPlatform,
  type PlatformStanding,
  type PushedChange,
  type PushOutcome,
} from './national-credit-platform';
import { SIGNATURE_HEADERS } from './request-signing';

export interface CreditPlatformEndpoint {
  baseUrl: string;
  timeoutMs: number;
  authentication: CreditPlatformAuthentication;
  /** Connections kept open to the platform (the relay's concurrency, plus the standing lookups). */
  maxSockets?: number;
}

/** The header carrying a push's idempotency key: `<recordType>:<recordId>:<version>`. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export function idempotencyKeyOf(change: Pick<PushedChange, 'recordType' | 'recordId' | 'version'>): string {
  return `${change.recordType}:${change.recordId}:${change.version}`;
}

/**
 * HTTP client of the national credit information sharing platform (全国信用信息共享平台), see
 * NATIONAL-CREDIT-CONTRACT.md: pushes versions of credit records and reads a subject's standing. Tells
 * an outcome the platform decided (accepted, duplicate, out of order, refused) from a transient failure
 * (CreditPlatformUnavailable: network, timeout, 5xx, 429, credentials refused, an answer outside the contract).
 */
export class NationalCreditPlatformAdapter implements NationalCreditPlatform {
  private readonly client: SignedJsonClient;

  constructor(endpoint: CreditPlatformEndpoint) {
    this.client = new SignedJsonClient({
      ...endpoint,
      signatureHeaders: SIGNATURE_HEADERS,
      settingPrefix: 'CREDIT_PLATFORM',
      unavailable: (detail) => new CreditPlatformUnavailable(detail),
    });
  }

  async push(change: PushedChange): Promise<PushOutcome> {
    const body = JSON.stringify(pushedChangeBody.parse(change));
    const answer = await this.client.call('POST', '/api/credit-records', body, {
      [IDEMPOTENCY_KEY_HEADER]: idempotencyKeyOf(change),
    });
    if (answer.status === 200 || answer.status === 201) {
      const receipt = this.client.parse(pushReceiptAnswer, answer.body);
      if (
        receipt.recordType !== change.recordType ||
        receipt.recordId !== change.recordId ||
        receipt.version !== change.version
      )
        throw new CreditPlatformUnavailable(
          `answered with a receipt for ${idempotencyKeyOf(receipt)} when pushed ${idempotencyKeyOf(change)}`,
        );
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

  async standingOf(creditCode: string): Promise<PlatformStanding> {
    const answer = await this.client.call('GET', `/api/subjects/${encodeURIComponent(creditCode)}/standing`, '');
    if (answer.status !== 200) throw this.client.unavailable(answer);
    const standing = this.client.parse(standingAnswer, answer.body);
    if (standing.creditCode !== creditCode)
      throw new CreditPlatformUnavailable(`answered with the standing of ${standing.creditCode}`);
    return {
      creditCode: standing.creditCode,
      asOf: standing.asOf,
      entries: standing.entries.map((entry) => ({ ...entry, reference: entry.reference ?? null })),
    };
  }

  close(): void {
    this.client.close();
  }
}
