import { createHmac } from 'node:crypto';
import { sm3Hex } from '../../../platform/storage/file-store';
import {
  canonicalRequest,
  MAX_CLOCK_SKEW_MS,
  SIGNATURE_HEADERS,
  signRequest,
  SignatureVerifier,
} from './request-signing';

const CREDENTIALS = { keyId: 'js-single-window', secret: 'a-secret-of-at-least-thirty-two-characters' };
const NOW = Date.parse('2026-12-03T08:00:00Z');
const BODY = '{"recordType":"DISCLOSURE","recordId":"7","version":1}';

function signed(overrides: { now?: number; nonce?: string; body?: string; secret?: string } = {}) {
  const body = overrides.body ?? BODY;
  return {
    method: 'POST',
    path: '/api/credit-records',
    rawBody: Buffer.from(BODY),
    headers: signRequest(
      { ...CREDENTIALS, secret: overrides.secret ?? CREDENTIALS.secret },
      { method: 'POST', path: '/api/credit-records', body },
      overrides.now ?? NOW,
      overrides.nonce ?? '0123456789abcdef0123456789abcdef',
    ),
  };
}

describe('signed requests to the national credit platform (HMAC-SM3)', () => {
  const verifier = () => new SignatureVerifier(new Map([[CREDENTIALS.keyId, CREDENTIALS.secret]]), () => NOW);

  it('signs the method, path, timestamp, nonce and the body’s SM3 digest with HMAC-SM3 under the key id', () => {
    const headers = signRequest(
      CREDENTIALS,
      { method: 'post', path: '/api/credit-records', body: BODY },
      NOW,
      'ab'.repeat(16),
    );
    const canonical = `HMAC-SM3\nPOST\n/api/credit-records\n${NOW}\n${'ab'.repeat(16)}\n${sm3Hex(BODY)}`;
    expect(
      canonicalRequest({
        method: 'post',
        path: '/api/credit-records',
        timestamp: String(NOW),
        nonce: 'ab'.repeat(16),
        contentSm3: sm3Hex(BODY),
      }),
    ).toBe(canonical);
    expect(headers).toEqual({
      [SIGNATURE_HEADERS.keyId]: CREDENTIALS.keyId,
      [SIGNATURE_HEADERS.timestamp]: String(NOW),
      [SIGNATURE_HEADERS.nonce]: 'ab'.repeat(16),
      [SIGNATURE_HEADERS.contentSm3]: sm3Hex(BODY),
      [SIGNATURE_HEADERS.signature]: createHmac('sm3', CREDENTIALS.secret).update(canonical).digest('base64'),
    });
    // SM3 of "abc", GB/T 32905-2016 appendix A.1: the digest is SM3, not another hash.
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('accepts a fresh request once, and refuses its replay', () => {
    const platform = verifier();
    expect(platform.verify(signed())).toBeNull();
    expect(platform.verify(signed())).toBe('REPLAYED_NONCE');
    expect(platform.verify(signed({ nonce: 'fe'.repeat(16) }))).toBeNull();
  });

  it('refuses a bad signature, an unknown key, another body, a missing header and a stale timestamp', () => {
    const platform = verifier();
    expect(platform.verify(signed({ secret: 'another-secret-of-at-least-thirty-two-chars' }))).toBe('BAD_SIGNATURE');
    const unknownKey = signed();
    unknownKey.headers[SIGNATURE_HEADERS.keyId] = 'someone-else';
    expect(platform.verify(unknownKey)).toBe('UNKNOWN_KEY');
    expect(platform.verify(signed({ body: '{"tampered":true}' }))).toBe('BODY_DIGEST_MISMATCH');
    const unsigned = signed();
    delete unsigned.headers[SIGNATURE_HEADERS.signature];
    expect(platform.verify(unsigned)).toBe('MISSING_SIGNATURE');
    expect(platform.verify(signed({ now: NOW - MAX_CLOCK_SKEW_MS - 1 }))).toBe('STALE_TIMESTAMP');
    expect(platform.verify(signed({ now: NOW + MAX_CLOCK_SKEW_MS + 1 }))).toBe('STALE_TIMESTAMP');
    // A refused request does not spend its nonce: the genuine one still passes.
    expect(platform.verify(signed())).toBeNull();
  });

  it('forgets nonces once their timestamps could no longer pass', () => {
    let now = NOW;
    const platform = new SignatureVerifier(new Map([[CREDENTIALS.keyId, CREDENTIALS.secret]]), () => now);
    expect(platform.verify(signed())).toBeNull();
    now += 2 * MAX_CLOCK_SKEW_MS + 1;
    // The old request is now refused for its timestamp, not remembered for ever.
    expect(platform.verify(signed())).toBe('STALE_TIMESTAMP');
    expect(platform.verify(signed({ now }))).toBeNull();
  });
});
