import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// How a partner knows a notification is ours and fresh (README, Notifications): HMAC-SHA256 with the
// subscription's secret over "<X-Timestamp>.<body>", sent as `X-Signature: sha256=<hex>`. The timestamp
// (Unix seconds) is inside the signature, so a receiver that refuses old timestamps refuses replays.

export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-timestamp';
export const EVENT_ID_HEADER = 'x-event-id';
/** How far a receiver should let X-Timestamp be from its clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A subscription's signing secret: 32 random bytes, shown to the partner once. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signNotification(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The check a receiver makes: the signature matches and the timestamp is recent. */
export function notificationSignatureValid(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!headers.signature || !headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signNotification(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
