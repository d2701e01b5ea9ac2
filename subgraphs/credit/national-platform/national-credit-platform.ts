import { NationalPlatformUnavailable } from '../../../platform/national-platform/platform-unavailable';
import type { PlatformAuthentication } from '../../../platform/national-platform/signed-json-client';
import type { CreditChange } from './credit-change';

// The national credit information sharing platform (全国信用信息共享平台) as credit sees it. The HTTP
// adapter beside this file implements it (NATIONAL-CREDIT-CONTRACT.md); the simulator stands in locally.

/** The platform could not be reached, timed out, failed or refused our credentials: try again later. */
export class CreditPlatformUnavailable extends NationalPlatformUnavailable {
  constructor(detail: string) {
    super(`全国信用信息共享平台暂不可用 (national credit platform unavailable): ${detail}`);
  }
}

/** One version of one record as it is pushed: the change and when credit recorded it. */
export interface PushedChange extends CreditChange {
  /** When credit recorded the change (ISO 8601, UTC); part of the body, so every attempt sends the same bytes. */
  recordedAt: string;
}

/** What the platform made of a pushed version (transient failures throw CreditPlatformUnavailable instead). */
export type PushOutcome =
  /** Applied now (201), or applied earlier with the same body (200: a retry after a lost answer). */
  | { outcome: 'ACCEPTED' | 'DUPLICATE'; receiptNumber: string }
  /** The platform has not applied the version before this one (409): send that first. */
  | { outcome: 'OUT_OF_ORDER'; expectedVersion: number }
  /** Refused for good (400, 422): a malformed body, or another body under the same record and version. */
  | { outcome: 'REFUSED'; reason: string };

/** One entry of a subject on a national list, as the platform records it. */
export interface PlatformListEntry {
  /** The list (名单), e.g. 失信被执行人. */
  listName: string;
  /** The authority that listed the subject (认定部门), e.g. 最高人民法院. */
  listingAuthority: string;
  /** The day it was listed (列入日期), YYYY-MM-DD. */
  listedOn: string;
  /** The listing decision's document number (认定文书号), when the platform gives one. */
  reference: string | null;
}

/** A subject's standing on the national platform: the national lists it is on, as of `asOf`. */
export interface PlatformStanding {
  creditCode: string;
  asOf: string;
  entries: PlatformListEntry[];
}

export interface NationalCreditPlatform {
  /** Pushes one version of one record; throws CreditPlatformUnavailable when the outcome is unknown. */
  push(change: PushedChange): Promise<PushOutcome>;
  /** The subject's standing; throws CreditPlatformUnavailable. */
  standingOf(creditCode: string): Promise<PlatformStanding>;
}

/** How the adapter proves who it is: signed requests with a key id, or a client certificate (mTLS). */
export type CreditPlatformAuthentication = PlatformAuthentication;
